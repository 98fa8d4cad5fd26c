"""Public pages of an edition: the home page with its figures, the directory and profiles.

The edition home page lives here rather than in ``expos`` because its figures are counted over
participations, and ``expos`` must not import ``organisations``.
"""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from tradefair.expos.charts import BAR_COLOUR, Bar, bar_chart_svg
from tradefair.expos.formatting import day_span, number, percent
from tradefair.expos.names import in_reader_language
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.floorplan.models import Pavilion
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
class PavilionBar:
    """A pavilion's bar: its table row links to the directory filtered by ``code``."""

    code: str
    label: str
    value: int
    kind: str


COUNTRY_COLOUR = "#c2410c"  # --accent, as the legend's swatch; themed pavilions keep --brand


def pavilion_chart(pavilions: list[PavilionFigures]) -> list[PavilionBar]:
    """Exhibitors per pavilion, largest first, in the reader's language."""
    ranked = sorted(pavilions, key=lambda p: (-p.exhibitors, p.code))
    return [
        PavilionBar(p.code, in_reader_language(p.name, p.name_zh), p.exhibitors, p.kind)
        for p in ranked
    ]


def pavilion_chart_svg(bars: list[PavilionBar]) -> SafeString:
    return bar_chart_svg(
        [
            Bar(
                b.label,
                b.value,
                number(b.value),
                COUNTRY_COLOUR if b.kind == Pavilion.Kind.COUNTRY else BAR_COLOUR,
            )
            for b in bars
        ],
        description=_("Exhibitors per pavilion, largest first."),
    )


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
    bars = pavilion_chart(figures.pavilions)
    context = {
        "expo": expo,
        "dates": day_span(expo.start_date, expo.end_date),
        "figures": figures,
        "key_figures": key_figures(figures),
        "bars": bars,
        "chart": pavilion_chart_svg(bars) if bars else "",
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
