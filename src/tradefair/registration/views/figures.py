"""The organisers' attendance page: people in by day and by country, meetings held and
no-shows, leads per exhibitor, each as a chart with its figures in a table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tradefair.accounts.gates import organiser_page
from tradefair.expos import formatting
from tradefair.expos.charts import Bar, bar_chart_svg
from tradefair.expos.models import Expo
from tradefair.expos.names import country_name
from tradefair.expos.presentation import language_links
from tradefair.registration.queries.figures import TOP, attendance


@require_safe
@organiser_page
def figures(request: HttpRequest, expo: Expo) -> HttpResponse:
    found = attendance(expo)
    language = get_language() or "en"
    days = [(formatting.day(day), n) for day, n in found.by_day]
    countries = [(country_name(code, language, code), n) for code, n in found.by_country]
    charts = {
        "days": bar_chart_svg(
            [Bar(label, n, formatting.number(n)) for label, n in days],
            description=_("People who came in, by day"),
        )
        if days
        else None,
        "countries": bar_chart_svg(
            [Bar(label, n, formatting.number(n)) for label, n in countries[:TOP]],
            description=_("People who came in, by country"),
        )
        if countries
        else None,
        "leads": bar_chart_svg(
            [Bar(name, n, formatting.number(n)) for name, n in found.top_exhibitors],
            description=_("Leads of the exhibitors who scanned most"),
        )
        if found.top_exhibitors
        else None,
    }
    return render(
        request,
        "registration/console/figures.html",
        {
            "expo": expo,
            "language_links": language_links(request),
            "figures": found,
            "days": days,
            "countries": countries,
            "other_countries": (len(countries) - 15, sum(n for _name, n in countries[15:]))
            if len(countries) > 15
            else None,
            "leads_per_exhibitor": formatting.number(round(found.leads_per_exhibitor, 1))
            if found.leads_per_exhibitor is not None
            else "",
            "charts": charts,
        },
    )
