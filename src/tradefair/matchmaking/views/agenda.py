"""The participant's agenda: the page, its printable version, the .ics download and the feed.

Thin: who the user acts for comes from ``queries.agenda.my_sides`` (which asks
``accounts.services.roles``), the meetings and the user's own activities from ``agenda_of``
and the file from ``queries.calendar``. A user who acts for a buyer and an exhibitor of the
edition chooses with ``?as=buyer`` or ``?as=exhibitor`` (the buyer side by default).
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

import segno
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.expos.formatting import clock_note, moment, time_span, weekday
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.matchmaking.models import NegotiationSession
from tradefair.matchmaking.queries.agenda import (
    SIDES,
    Agenda,
    AgendaMeeting,
    Entry,
    agenda_of,
    my_sides,
    not_your_side,
)
from tradefair.matchmaking.queries.agenda_activities import AgendaActivity
from tradefair.matchmaking.queries.calendar import agenda_calendar
from tradefair.matchmaking.queries.feed import SALT, feed_participation, feed_token
from tradefair.matchmaking.queries.table_plan import table_plan
from tradefair.organisations.models import Participation

ICS = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class Row:
    """A meeting or an activity with its times written the reader's way."""

    entry: Entry
    time: str

    @property
    def meeting(self) -> AgendaMeeting | None:
        return self.entry if isinstance(self.entry, AgendaMeeting) else None

    @property
    def activity(self) -> AgendaActivity | None:
        return self.entry if isinstance(self.entry, AgendaActivity) else None


@dataclass(frozen=True)
class Day:
    label: str
    rows: list[Row]


@dataclass(frozen=True)
class Choice:
    expo: Expo
    user: User
    participation: Participation
    sides: dict[str, Participation]
    side_error: str


def _choose(request: HttpRequest, slug: str) -> Choice | HttpResponse:
    """The participation whose agenda to show, or the redirect for who has none."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    assert isinstance(request.user, User)
    expo = get_object_or_404(Expo, slug=slug)
    sides = my_sides(request.user, expo)
    if not sides:
        if has_role(request.user, expo, ORGANISER):
            return redirect("organiser:home", slug=slug)
        raise PermissionDenied(_("Only the buyers and exhibitors of this expo have an agenda."))
    wanted = request.GET.get("as", "")
    side_error = ""
    if wanted and wanted not in SIDES:
        side_error = _("“%(value)s” is not a side: use ?as=buyer or ?as=exhibitor.") % {
            "value": wanted
        }
    elif wanted and wanted not in sides:
        raise PermissionDenied(not_your_side(wanted))
    chosen = sides.get(wanted) or next(sides[s] for s in SIDES if s in sides)
    return Choice(expo, request.user, chosen, sides, side_error)


def _days(agenda: Agenda, time_zone: str) -> list[Day]:
    return [
        Day(
            weekday(day.date),
            [Row(e, time_span(e.start, e.end, time_zone)) for e in day.entries],
        )
        for day in agenda.days
    ]


def _query(choice: Choice) -> str:
    """Keep the chosen side in links only when the user has a choice to make."""
    return "?" + urlencode({"as": choice.participation.role}) if len(choice.sides) > 1 else ""


def _context(request: HttpRequest, choice: Choice) -> dict[str, object]:
    agenda = agenda_of(choice.participation, choice.user.pk)
    slug = choice.expo.slug
    query = _query(choice)
    token = feed_token(user=choice.user, participation=choice.participation)
    feed_url = request.build_absolute_uri(
        reverse("agenda:feed", kwargs={"slug": slug, "token": token})
    )
    return {
        "expo": choice.expo,
        "agenda": agenda,
        "days": _days(agenda, choice.expo.time_zone),
        "sides": [(role, Participation.Role(role).label) for role in SIDES if role in choice.sides],
        "side": choice.participation.role,
        "side_error": choice.side_error,
        "organisation": choice.participation.organisation,
        "clock_note": clock_note(choice.expo),
        "query": query,
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        "language_links": language_links(request),
    }


@require_safe
def index(request: HttpRequest, slug: str) -> HttpResponse:
    choice = _choose(request, slug)
    if isinstance(choice, HttpResponse):
        return choice
    return render(request, "agenda/index.html", _context(request, choice))


def _qr(url: str) -> SafeString:
    """The live agenda's address as an inline SVG QR code (segno writes no file)."""
    code = segno.make(url, error="m")
    # segno's own markup from a URL we built: nothing a user typed reaches it unescaped.
    return mark_safe(code.svg_inline(scale=3, title=_("Open this agenda on your phone")))


@require_safe
def print_view(request: HttpRequest, slug: str) -> HttpResponse:
    choice = _choose(request, slug)
    if isinstance(choice, HttpResponse):
        return choice
    context = _context(request, choice)
    live = request.build_absolute_uri(
        reverse("agenda:index", kwargs={"slug": slug}) + str(context["query"])
    )
    printed = moment(dt.datetime.now(dt.UTC), choice.expo.time_zone)
    context.update(live_url=live, qr=_qr(live), printed_at=printed)
    return render(request, "agenda/print.html", context)


def _ics(request: HttpRequest, agenda: Agenda) -> bytes:
    return agenda_calendar(agenda, host=request.get_host().split(":")[0])


@require_safe
def ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The agenda as a file to import once; the feed below stays up to date instead."""
    choice = _choose(request, slug)
    if isinstance(choice, HttpResponse):
        return choice
    agenda = agenda_of(choice.participation, choice.user.pk)
    response = HttpResponse(_ics(request, agenda), content_type=ICS)
    response["Content-Disposition"] = (
        f'attachment; filename="{slug}-{choice.participation.role}-agenda.ics"'
    )
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
def feed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """For calendar applications, which cannot log in: the signed token stands in for that."""
    participation = feed_participation(token=token, slug=slug)
    if participation is None:
        raise Http404(_("This calendar link is not valid (any more)."))
    # feed_participation has checked the signature and that this user still acts for it.
    reader_id = signing.Signer(salt=SALT).unsign_object(token)[0]
    response = HttpResponse(_ics(request, agenda_of(participation, reader_id)), content_type=ICS)
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
def tables(request: HttpRequest, slug: str, session: int) -> HttpResponse:
    """The session's negotiation area with one table highlighted (``?table=``); public, as
    the tables' places are no one's data."""
    expo = public_expo(slug)
    found = get_object_or_404(
        NegotiationSession.objects.select_related("hall"), expo=expo, pk=session
    )
    try:
        wanted = int(request.GET.get("table", ""))
    except ValueError:
        wanted = None
    context = {
        "expo": expo,
        "plan": table_plan(found, wanted),
        "table": wanted if wanted and 1 <= wanted <= found.tables else None,
        "language_links": language_links(request),
    }
    return render(request, "agenda/tables.html", context)
