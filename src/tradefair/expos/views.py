"""The list of public editions."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.static import serve

from tradefair.expos.formatting import day_span
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links


def expo_list(request: HttpRequest) -> HttpResponse:
    """All public editions, newest first; with only one there is nothing to choose."""
    expos = list(Expo.objects.filter(is_public=True).order_by("-start_date"))
    if len(expos) == 1:
        return redirect("organisations:expo_home", slug=expos[0].slug)
    rows = [(expo, day_span(expo.start_date, expo.end_date)) for expo in expos]
    return render(
        request,
        "expos/expo_list.html",
        {"rows": rows, "language_links": language_links(request)},
    )


@cache_control(max_age=31_536_000, immutable=True)
def media_file(request: HttpRequest, path: str) -> HttpResponseBase:
    """An upload from the media folder (embedded default only; a bucket serves its own).

    Every stored upload is a picture re-encoded under a random name, so it never changes and
    may be cached for a year.
    """
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))
