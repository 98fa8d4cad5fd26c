"""Public pages of an edition: the home page with its figures, the directory and profiles.

The edition home page lives here rather than in ``expos`` because its figures are counted over
participations, and ``expos`` must not import ``organisations``.
"""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from tradefair.expos.formatting import day_span, number, percent
from tradefair.expos.names import in_reader_language
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.organisations.filters import DirectoryFilterForm, parse_filters
from tradefair.organisations.queries.directory import (
    directory_page,
    exhibitor_profile,
    filter_choices,
)
from tradefair.organisations.queries.figures import ExpoFigures, PavilionFigures, expo_figures


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@dataclass(frozen=True)
class ChartBar:
    code: str
    label: str
    value: int
    kind: str
    y: int
    width: float

    @property
    def value_x(self) -> float:
        return self.width + 6


CHART_ROW = 36
CHART_BAR_MAX = 480


def pavilion_chart(pavilions: list[PavilionFigures]) -> tuple[list[ChartBar], int]:
    """Bars of exhibitors per pavilion, largest first, in SVG user units; returns the height."""
    ranked = sorted(pavilions, key=lambda p: (-p.exhibitors, p.code))
    top = max((p.exhibitors for p in ranked), default=0) or 1
    bars = [
        ChartBar(
            code=p.code,
            label=in_reader_language(p.name, p.name_zh),
            value=p.exhibitors,
            kind=p.kind,
            y=i * CHART_ROW,
            width=round(CHART_BAR_MAX * p.exhibitors / top, 1),
        )
        for i, p in enumerate(ranked)
    ]
    return bars, len(bars) * CHART_ROW


def key_figures(figures: ExpoFigures) -> list[tuple[str, str]]:
    """Label and value of each headline figure, numbers grouped the reader's way by CLDR."""
    return [
        (_("Exhibitors"), number(figures.exhibitors)),
        (_("Countries and regions"), number(figures.exhibitor_countries)),
        (_("Foreign exhibitors"), percent(figures.foreign_exhibitor_share)),
        (_("Exhibition area"), _("%(area)s m²") % {"area": number(figures.exhibition_area_m2)}),
        (_("Buyers"), number(figures.buyers)),
        (_("Country pavilions"), number(figures.country_pavilions)),
    ]


def expo_home(request: HttpRequest, slug: str) -> HttpResponse:
    expo = public_expo(slug)
    figures = expo_figures(expo)
    bars, chart_height = pavilion_chart(figures.pavilions)
    context = {
        "expo": expo,
        "dates": day_span(expo.start_date, expo.end_date),
        "figures": figures,
        "key_figures": key_figures(figures),
        "bars": bars,
        "chart_height": chart_height,
        "chart_bar_max": CHART_BAR_MAX,
        "language_links": language_links(request),
    }
    return render(request, "organisations/expo_home.html", context)


def directory(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The full page, or only the results when htmx asks (not when it restores history)."""
    expo = public_expo(slug)
    result = directory_page(expo, parse_filters(request.GET), request.GET.get("page", 1))
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "expo": expo,
        "result": result,
        "partial": partial,
        "language_links": language_links(request),
    }
    if not partial:
        context["form"] = DirectoryFilterForm(request.GET, choices=filter_choices(expo))
    template = (
        "organisations/_directory_results.html" if partial else "organisations/directory.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def exhibitor(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo = public_expo(slug)
    profile = exhibitor_profile(expo, pk)
    if profile is None:
        raise Http404("No such exhibitor at this expo.")
    context = {"expo": expo, "profile": profile, "language_links": language_links(request)}
    return render(request, "organisations/exhibitor.html", context)
