"""Routes of the programme (organiser); see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver

app_name = "programme_organiser"
urlpatterns: list[URLPattern | URLResolver] = []
