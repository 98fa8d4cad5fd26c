"""E-mails about meeting requests and schedules, sent only once the transaction commits.

Every function here is called from inside a service's transaction: it composes the message
from the rows at hand and queues the sending with ``transaction.on_commit``, so a rolled-back
action sends nothing. One message goes to each organisation, addressed to its members.
"""

from collections import defaultdict
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.organisations.models import Participation


def _recipients(participation: Participation) -> list[str]:
    return sorted(
        Membership.objects.filter(
            organisation_id=participation.organisation_id, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def _send_on_commit(to: list[str], subject: str, body: str) -> None:
    if not to:
        return
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    # Robust: the action is committed; a mail server that is down is logged, not a 500.
    transaction.on_commit(lambda: message.send(fail_silently=False), robust=True)


def request_arrived(request: MeetingRequest) -> None:
    """Tell the asked side that the other asks to meet them."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New meeting request from %(buyer)s") % {
            "buyer": request.requester.organisation.name
        }
        body = _(
            "%(buyer)s asks to meet you at %(expo)s (priority %(priority)s).\n\n%(message)s"
        ) % {
            "buyer": request.requester.organisation.name,
            "expo": request.expo.name,
            "priority": request.priority,
            "message": request.message,
        }
    _send_on_commit(_recipients(request.receiver), subject, body)


def request_answered(request: MeetingRequest) -> None:
    """Tell the asking side the other accepted or declined (with the reason)."""
    with translation.override(settings.LANGUAGE_CODE):
        if request.status == MeetingRequest.Status.ACCEPTED:
            subject = _("%(exhibitor)s accepted your meeting request")
            body = _("%(exhibitor)s will meet you at %(expo)s; the schedule follows.")
        else:
            subject = _("%(exhibitor)s declined your meeting request")
            body = _("%(exhibitor)s declined to meet you at %(expo)s.\n\nReason: %(reason)s")
        values = {
            "exhibitor": request.receiver.organisation.name,
            "expo": request.expo.name,
            "reason": request.decline_reason or "-",
        }
    _send_on_commit(_recipients(request.requester), subject % values, body % values)


def _line(meeting: Meeting, counterpart: Participation) -> str:
    local = meeting.slot.start.astimezone(ZoneInfo(meeting.expo.time_zone))
    line = _("%(when)s, table %(table)s: %(who)s") % {
        "when": f"{local:%Y-%m-%d %H:%M}",
        "table": meeting.table_number,
        "who": counterpart.organisation.name,
    }
    if meeting.interpreter is not None:
        line += " " + _("(interpreter: %(name)s)") % {"name": meeting.interpreter.name}
    return line


def schedule_changed(meetings: Iterable[Meeting], *, moved: bool = False) -> int:
    """Send each side of these new or moved meetings one e-mail listing them.

    Returns the number of organisations written to.
    """
    lines: dict[int, list[str]] = defaultdict(list)
    parties: dict[int, Participation] = {}
    expo_name = ""
    for meeting in meetings:
        expo_name = meeting.expo.name
        for me, other in ((meeting.buyer, meeting.exhibitor), (meeting.exhibitor, meeting.buyer)):
            parties[me.pk] = me
            with translation.override(settings.LANGUAGE_CODE):
                lines[me.pk].append(_line(meeting, other))
    with translation.override(settings.LANGUAGE_CODE):
        if moved:
            subject = _("A meeting at %(expo)s has moved") % {"expo": expo_name}
        else:
            subject = _("Your meeting schedule at %(expo)s") % {"expo": expo_name}
        intro = _("New or changed meetings:")
    for pk, party in parties.items():
        body = intro + "\n\n" + "\n".join(sorted(lines[pk]))
        _send_on_commit(_recipients(party), subject, body)
    return len(parties)
