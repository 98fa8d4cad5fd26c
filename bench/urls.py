"""The project's URLs plus a bare view: the in-run baseline for page latency."""

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from tradefair.urls import urlpatterns as project_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns: list[URLPattern | URLResolver] = [
    path("bench/bare/", bare),
    *project_urlpatterns,
]
