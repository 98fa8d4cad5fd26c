"""E-mails about meeting requests and schedules, in each reader's language, sent after commit.

Every function here is called from inside a service's transaction: it renders the messages
from the rows at hand and queues their sending with ``transaction.on_commit``, so a rolled-back
action sends nothing. The active members of an organisation are grouped by their language for
e-mails (``User.language``) and each group gets one message rendered under that language: the
subject and body translated, organisation and expo names in it, times in the expo's time zone
written the way that locale writes them, and a link to the page to act on in that language.

Links are absolute (``settings.SITE_URL`` + the path), since services do not see the request.
"""

import datetime as dt
from collections.abc import Callable, Iterable

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.expos.formatting import clock_note, moment
from tradefair.expos.models import Expo
from tradefair.expos.services.mailing import (
    Render,
    compose,
    members_by_language,
    plain_text,
    send_on_commit,
)
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.organisations.models import Participation


def _body(template: str, context: dict[str, object]) -> str:
    return plain_text(f"matchmaking/email/{template}.txt", context)


def _url(view: str, expo: Expo) -> str:
    """An absolute link to a page of the edition, falling back to its home page."""
    try:
        path = reverse(view, kwargs={"slug": expo.slug})
    except NoReverseMatch:
        path = reverse("organisations:expo_home", kwargs={"slug": expo.slug})
    return settings.SITE_URL + path


def _requests_page(party: Participation) -> str:
    side = "buyer" if party.role == Participation.Role.BUYER else "exhibitor"
    return _url(f"{side}:requests", party.expo)


def _when(start: dt.datetime, expo: Expo) -> str:
    return moment(start, expo.time_zone)


def request_arrived(request: MeetingRequest) -> None:
    """Tell the asked side that the other asks to meet them."""
    requester = request.requester.organisation

    def render() -> tuple[str, str]:
        subject = _("New meeting request from %(buyer)s") % {"buyer": requester.display_name}
        body = _body(
            "request_arrived",
            {
                "requester": requester.display_name,
                "expo": request.expo.display_name,
                "priority": request.priority,
                "message": request.message,
                "url": _requests_page(request.receiver),
            },
        )
        return subject, body

    receiver = request.receiver
    send_on_commit(
        compose(members_by_language([receiver.organisation_id])[receiver.organisation_id], render)
    )


def request_answered(request: MeetingRequest) -> None:
    """Tell the asking side the other accepted or declined (with the reason)."""
    receiver = request.receiver.organisation
    accepted = request.status == MeetingRequest.Status.ACCEPTED

    def render() -> tuple[str, str]:
        values = {"exhibitor": receiver.display_name}
        if accepted:
            subject = _("%(exhibitor)s accepted your meeting request") % values
        else:
            subject = _("%(exhibitor)s declined your meeting request") % values
        body = _body(
            "request_answered",
            {
                "accepted": accepted,
                "receiver": receiver.display_name,
                "expo": request.expo.display_name,
                "reason": request.decline_reason,
                "url": _requests_page(request.requester),
            },
        )
        return subject, body

    requester = request.requester
    readers = members_by_language([requester.organisation_id])[requester.organisation_id]
    send_on_commit(compose(readers, render))


def request_cancelled(request: MeetingRequest, *, by_user: User) -> None:
    """Tell the side(s) that did not cancel: the other one, or both when organisers did.

    Call before the request's meeting is deleted: a published one is named in the message.
    """
    parties = (request.buyer, request.exhibitor)
    own = set(
        Membership.objects.filter(
            user=by_user, organisation_id__in=[p.organisation_id for p in parties]
        ).values_list("organisation_id", flat=True)
    )
    told = [p for p in parties if p.organisation_id not in own]
    by = next((p for p in parties if p.organisation_id in own), None)
    meeting = (
        Meeting.objects.filter(request=request, published=True, status=Meeting.Status.SCHEDULED)
        .select_related("slot")
        .first()
    )
    readers = members_by_language(p.organisation_id for p in told)
    messages = []
    for party in told:
        other = request.exhibitor if party == request.buyer else request.buyer

        def render(party: Participation = party, other: Participation = other) -> tuple[str, str]:
            name = other.organisation.display_name
            subject = _("Meeting request with %(organisation)s cancelled") % {"organisation": name}
            body = _body(
                "request_cancelled",
                {
                    "other": name,
                    "by_other": by is not None,
                    "expo": request.expo.display_name,
                    "when": _when(meeting.slot.start, request.expo) if meeting else "",
                    "table": meeting.table_number if meeting else None,
                    "clock": clock_note(request.expo),
                    "url": _requests_page(party),
                },
            )
            return subject, body

        messages += compose(readers[party.organisation_id], render)
    send_on_commit(messages)


def _line(meeting: Meeting, counterpart: Participation) -> str:
    line = _("%(when)s, table %(table)s: %(who)s") % {
        "when": _when(meeting.slot.start, meeting.expo),
        "table": meeting.table_number,
        "who": counterpart.organisation.display_name,
    }
    if meeting.interpreter is not None:
        line += " " + _("(interpreter: %(name)s)") % {"name": meeting.interpreter.name}
    return line


def _by_party(meetings: Iterable[Meeting]) -> dict[int, tuple[Participation, list[Meeting]]]:
    """Each side of the meetings with its meetings, in time order."""
    parties: dict[int, tuple[Participation, list[Meeting]]] = {}
    for meeting in meetings:
        for me in (meeting.buyer, meeting.exhibitor):
            parties.setdefault(me.pk, (me, []))[1].append(meeting)
    for _party, mine in parties.values():
        mine.sort(key=lambda m: (m.slot.start, m.table_number))
    return parties


def _listing(
    party: Participation, mine: list[Meeting], template: str, subject: Callable[[Expo], str]
) -> Render:
    """The message telling ``party`` about its meetings ``mine``, in the active language."""
    expo = mine[0].expo

    def render() -> tuple[str, str]:
        lines = [_line(m, m.exhibitor if m.buyer_id == party.pk else m.buyer) for m in mine]
        body = _body(
            template,
            {
                "expo": expo.display_name,
                "lines": lines,
                "clock": clock_note(expo),
                "url": _url("agenda:index", expo),
            },
        )
        return subject(expo), body

    return render


def _about_meetings(
    meetings: Iterable[Meeting], template: str, subject: Callable[[Expo], str]
) -> int:
    """Send each side of ``meetings`` one message per language listing theirs."""
    parties = _by_party(meetings)
    readers = members_by_language(party.organisation_id for party, _mine in parties.values())
    messages = []
    for party, mine in parties.values():
        render = _listing(party, mine, template, subject)
        messages += compose(readers[party.organisation_id], render)
    send_on_commit(messages)
    return len(parties)


def schedule_changed(meetings: Iterable[Meeting], *, moved: bool = False) -> int:
    """Send each side of these newly published (or, with ``moved``, moved) meetings one e-mail
    listing them. Returns the number of organisations written to."""
    if moved:
        return _about_meetings(
            meetings,
            "meetings_moved",
            lambda expo: _("A meeting at %(expo)s has moved") % {"expo": expo.display_name},
        )
    return _about_meetings(
        meetings,
        "schedule_published",
        lambda expo: _("Your meeting schedule at %(expo)s") % {"expo": expo.display_name},
    )


def meetings_dropped(meetings: Iterable[Meeting]) -> int:
    """Tell both sides of published meetings a re-schedule could not keep that they are off.

    The meetings may already be deleted: only their loaded fields are read.
    """
    return _about_meetings(
        meetings,
        "meetings_dropped",
        lambda expo: _("A meeting at %(expo)s was cancelled") % {"expo": expo.display_name},
    )
