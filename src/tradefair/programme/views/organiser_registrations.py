"""Who registered for an activity: the table, and the same rows as CSV or XLSX."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tradefair.accounts.gates import organiser_page
from tradefair.expos.formatting import moment
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.spreadsheets import csv_bytes, xlsx_bytes
from tradefair.programme.models import Activity
from tradefair.programme.queries import console
from tradefair.programme.views.organiser_activities import get_activity

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NUMERIC = (5, 6)  # seat and waiting position stay numbers in XLSX


@require_GET
@organiser_page
def registrations(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    activity = get_activity(expo, pk)
    context = {
        "expo": expo,
        "activity": activity,
        "registrations": console.registrations_page(activity, request.GET.get("page")),
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/registrations.html", context)


def _headers() -> list[str]:
    return [
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Role"),
        _("Status"),
        _("Seat"),
        _("Waiting position"),
        _("Arrived at"),
        _("Clash confirmed"),
    ]


def _rows(activity: Activity, expo: Expo) -> list[list[object]]:
    return [
        [
            row.registration.user.get_full_name(),
            row.registration.user.email,
            row.registration.participation.organisation.display_name,
            row.registration.participation.get_role_display(),
            row.registration.get_status_display(),
            row.registration.seat,
            row.position,
            moment(row.registration.arrived_at, expo.time_zone),
            _("yes") if row.registration.clash_confirmed else _("no"),
        ]
        for row in console.registrations(activity)
    ]


@require_GET
@organiser_page
def registrations_export(request: HttpRequest, expo: Expo, pk: int, kind: str) -> HttpResponse:
    activity = get_activity(expo, pk)
    rows = _rows(activity, expo)
    if kind == "csv":
        body = csv_bytes(_headers(), rows)
    else:
        body = xlsx_bytes(_("Registrations"), _headers(), rows, numeric=NUMERIC)
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    name = f"activity-{activity.pk}-registrations.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
