"""Routes of the halls' maps (public); see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver, path

from tradefair.booths.views import public

app_name = "map"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.index, name="index"),
    path("find/", public.find, name="find"),
    path("<str:hall>/", public.hall, name="hall"),
]
