"""The review of listing changes in the organiser console, at ``/<slug>/organiser/listings/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.catalogue.views import console

app_name = "catalogue_console"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", console.queue, name="queue"),
    path("switch/", console.switch, name="switch"),
    path("<int:pk>/<str:action>/", console.decide, name="decide"),
]
