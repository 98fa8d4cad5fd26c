"""Routes of the organisers' bulletin; mounted at ``/<slug>/organiser/bulletin/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.bulletin.views import console

app_name = "bulletin_console"
urlpatterns: list[URLPattern | URLResolver] = [path("", console.console_page, name="index")]
