"""The console's overview: matchmaking figures and charts by country and sector."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tradefair.accounts.gates import organiser_page
from tradefair.expos.formatting import number, percent
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.queries.console import Side, overview, ranked, recent_totals
from tradefair.matchmaking.views.organiser_charts import breakdown_chart


@require_GET
@organiser_page
def home(request: HttpRequest, expo: Expo) -> HttpResponse:
    """Charts group by the buyers' side unless ``?side=exhibitor`` asks for the other."""
    side: Side = "exhibitor" if request.GET.get("side") == "exhibitor" else "buyer"
    figures = overview(expo)
    counted = recent_totals(expo, side)
    context = {
        "expo": expo,
        "side": side,
        "counted_at": counted.at,
        "figures": figures,
        "numbers": {
            "requests": number(figures.total_requests),
            "must_meet": number(figures.must_meet),
            "acceptance": percent(figures.acceptance_rate),
            "meetings": number(figures.total_meetings),
            "published": number(figures.published),
        },
        "by_country": breakdown_chart(ranked("country", counted.value["country"])),
        "by_sector": breakdown_chart(ranked("sector", counted.value["sector"])),
        "language_links": language_links(request),
    }
    return render(request, "organiser/home.html", context)
