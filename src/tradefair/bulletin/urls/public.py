"""Routes of the public bulletin; mounted at ``/<slug>/bulletin/`` in src/tradefair/urls.py."""

from django.urls import URLPattern, URLResolver, path

from tradefair.bulletin.views import public

app_name = "bulletin"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.bulletin_page, name="index"),
    path("<int:number>/", public.bulletin_page, name="number"),
    path("<int:number>/bulletin.pdf", public.bulletin_pdf, name="pdf"),
]
