"""Routes of the programme (public); see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver

app_name = "programme"
urlpatterns: list[URLPattern | URLResolver] = []
