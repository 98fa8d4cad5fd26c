"""Routes of the programme (organiser import); see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver

app_name = "programme_import"
urlpatterns: list[URLPattern | URLResolver] = []
