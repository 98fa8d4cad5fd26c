"""Routes of the programme import; src/tradefair/urls.py says where they are mounted."""

from django.urls import URLPattern, URLResolver

app_name = "programme_import"
urlpatterns: list[URLPattern | URLResolver] = []
