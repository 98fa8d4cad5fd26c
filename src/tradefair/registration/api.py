"""Badges and check-in in the REST API.

``GET …/badge`` is the caller's own badge (issued on first asking when their organisation takes
part); ``POST …/checkins`` is a staff scan, 201 for the first check-in at that place, 200 for a
repeat that changed nothing. Every check is the services' (``services.badges``,
``services.checkins``), so the API refuses exactly what the scan page refuses.
"""

from typing import Annotated, Any
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict

from tradefair.accounts.models import User
from tradefair.expos.api_inputs import NO_NUL, ExpoSlug, refusals
from tradefair.expos.api_outputs import Out
from tradefair.organisations.api import expo_or_404
from tradefair.registration.services.badges import badge_of, token
from tradefair.registration.services.checkins import check_in, parse_place

router = Router(tags=["registration"])


class BadgeOut(Out):
    name: str
    name_latin: str
    organisation: str
    token: str = Field(description="What the badge's QR code carries: opaque and signed.")


class CheckInIn(Schema):
    model_config = ConfigDict(extra="forbid")

    token: Annotated[str, Field(min_length=1, max_length=200, pattern=NO_NUL)] = Field(
        description="The badge's code as scanned."
    )
    place: Annotated[str, Field(min_length=1, max_length=60, pattern=NO_NUL)] = Field(
        description="entrance, activity:<id> or table:<session id>:<table number>."
    )


class CheckInOut(Out):
    name: str
    organisation: str
    place: str
    at: str = Field(description="ISO 8601, with the offset of the edition's time zone.")
    scanned_by: str
    new: bool


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


@router.get("/expos/{slug}/badge", response={200: BadgeOut}, openapi_extra=refusals(401, 404, 422))
def my_badge(request: HttpRequest, slug: ExpoSlug) -> BadgeOut:
    """The caller's badge in this edition."""
    expo = expo_or_404(slug, request)
    badge = badge_of(_user(request), expo)
    if badge is None:
        raise HttpError(
            404, _("You have no badge here: your account acts for no organisation of this expo.")
        )
    return BadgeOut(
        name=badge.name,
        name_latin=badge.name_latin,
        organisation=badge.participation.organisation.display_name,
        token=token(badge),
    )


@router.post(
    "/expos/{slug}/checkins",
    response={200: CheckInOut, 201: CheckInOut},
    openapi_extra=refusals(400, 401, 403, 404, 422),
)
def create_checkin(request: HttpRequest, slug: ExpoSlug, body: CheckInIn) -> Status[Any]:
    """A staff scan: 201 the first time at this place, 200 (nothing changed) after."""
    expo = expo_or_404(slug, request)
    scan = check_in(
        expo=expo, code=body.token, place=parse_place(expo, body.place), by_user=_user(request)
    )
    checkin = scan.checkin
    body_out = CheckInOut(
        name=scan.badge.name,
        organisation=scan.badge.participation.organisation.display_name,
        place=checkin.place,
        at=checkin.at.astimezone(ZoneInfo(expo.time_zone)).isoformat(),
        scanned_by=checkin.scanned_by.email if checkin.scanned_by else "",
        new=scan.created,
    )
    return Status(201 if scan.created else 200, body_out)
