"""The staff's scan page: choose the place once, then scan badge after badge. Each scan says
who, where, when and by whom, or why the code is refused. Thin: the services decide."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos import formatting
from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.models import NegotiationSession
from tradefair.programme.models import Activity
from tradefair.registration.forms import ScanForm
from tradefair.registration.presentation import badge_view
from tradefair.registration.services.checkins import check_in, parse_place
from tradefair.registration.services.errors import RegistrationError


def _choices(expo: Expo) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    activities = [
        (a.pk, f"{formatting.moment(a.start, expo.time_zone)} · {a.display_title}")
        for a in Activity.objects.filter(expo=expo).order_by("start", "pk")
    ]
    sessions = [
        (s.pk, f"{formatting.day(s.date)} · {in_reader_language(s.name, s.name_zh)}")
        for s in NegotiationSession.objects.filter(expo=expo).order_by("date", "start_time")
    ]
    return activities, sessions


@require_http_methods(["GET", "POST"])
@organiser_page
def scan(request: HttpRequest, expo: Expo) -> HttpResponse:
    activities, sessions = _choices(expo)
    data = request.POST if request.method == "POST" else None
    form = ScanForm(data, activities=activities, sessions=sessions)
    result = refused = None
    if data is not None and form.is_valid():
        try:
            place = parse_place(expo, form.place_code())
            if form.cleaned_data["code"].strip():
                result = check_in(
                    expo=expo,
                    code=form.cleaned_data["code"],
                    place=place,
                    by_user=acting_user(request),
                )
        except RegistrationError as error:
            refused = str(error)
        # The place stays chosen for the next badge; the code field starts empty.
        form = ScanForm(
            initial={k: v for k, v in form.cleaned_data.items() if k != "code"},
            activities=activities,
            sessions=sessions,
        )
    return render(
        request,
        "registration/console/scan.html",
        {
            "expo": expo,
            "language_links": language_links(request),
            "form": form,
            "result": result,
            "view": badge_view(result.badge) if result else None,
            "refused": refused,
        },
    )
