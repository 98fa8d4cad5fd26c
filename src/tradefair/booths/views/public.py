"""The halls' maps: an overview with a search across halls, one hall's plan, and the
"find on map" link that opens the hall of a booth with the booth highlighted."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from tradefair.booths.queries.maps import find_booth, hall_map, halls_overview, search_booths
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo


@require_safe
def index(request: HttpRequest, slug: str) -> HttpResponse:
    expo = public_expo(slug)
    query = request.GET.get("q", "")[:100]
    return render(
        request,
        "booths/index.html",
        {
            "expo": expo,
            "halls": halls_overview(expo),
            "query": query,
            "results": search_booths(expo, query),
            "language_links": language_links(request),
        },
    )


@require_safe
def hall(request: HttpRequest, slug: str, hall: str) -> HttpResponse:
    expo = public_expo(slug)
    plan = hall_map(
        expo, hall, booth=request.GET.get("booth", "")[:20], query=request.GET.get("q", "")[:100]
    )
    return render(
        request,
        "booths/hall.html",
        {"expo": expo, "plan": plan, "language_links": language_links(request)},
    )


@require_safe
def find(request: HttpRequest, slug: str) -> HttpResponse:
    """``?booth=A1-101`` → that booth's hall, highlighted."""
    expo = public_expo(slug)
    booth = find_booth(expo, request.GET.get("booth", "")[:20])
    path = reverse("map:hall", kwargs={"slug": expo.slug, "hall": booth.pavilion.hall.code})
    return HttpResponseRedirect(f"{path}?{urlencode({'booth': booth.number})}")
