"""The timetable: one day of the programme as a grid of time by room, day by day."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tradefair.accounts.gates import organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.programme.queries.timetable import first_busy_day, timetable


def _day(request: HttpRequest, expo: Expo) -> dt.date:
    """The day asked for (``?day=2025-09-18``), if it is one of the edition's."""
    try:
        wanted = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return first_busy_day(expo)
    return wanted if expo.start_date <= wanted <= expo.end_date else first_busy_day(expo)


@require_GET
@organiser_page
def timetable_page(request: HttpRequest, expo: Expo) -> HttpResponse:
    grid = timetable(expo, _day(request, expo))
    context = {"expo": expo, "grid": grid, "language_links": language_links(request)}
    return render(request, "programme/organiser/timetable.html", context)
