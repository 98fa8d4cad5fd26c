"""The list of public editions."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

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
