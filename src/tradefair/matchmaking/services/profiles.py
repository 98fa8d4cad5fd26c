"""A participant's meeting profile: languages spoken, the most meetings wanted, availability.

``update_meeting_profile`` replaces all three at once, in one transaction, under the
participation's row lock (the lock ``booking`` takes before counting a participant's
meetings, ADR 3), so a booking cannot slip in between the checks below and the write.

Decisions: the schedule already made stays valid. A cap below the number of meetings already
scheduled is refused (the person cancels meetings first), and so is withdrawing availability
from a slot that holds one of their meetings. Availability is stored as given; ``slot_ids=None``
stores no rows, which means every slot, including slots the organisers add later.
"""

from collections.abc import Collection

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.expos.formatting import moment, number
from tradefair.expos.languages import CODES
from tradefair.matchmaking.models import Availability, Meeting, MeetingProfile, Slot
from tradefair.matchmaking.services.access import require_acts_for
from tradefair.matchmaking.services.errors import InvalidRequest
from tradefair.organisations.models import Participation

MEETING_ROLES = (Participation.Role.BUYER, Participation.Role.EXHIBITOR)


def _clean_languages(languages: Collection[str]) -> list[str]:
    # The same list of ISO 639-1 codes as the interpreters' (CLDR's two-letter codes).
    unknown = sorted(code for code in languages if code not in CODES)
    if unknown:
        raise InvalidRequest(
            _("Unknown language codes: %(codes)s. Use ISO 639-1 codes such as zh, en.")
            % {"codes": ", ".join(unknown)}
        )
    return sorted(set(languages))


def _members(participation: Participation, wanted: set[int]) -> list[int]:
    found = set(
        Membership.objects.filter(
            organisation_id=participation.organisation_id, user_id__in=wanted, user__is_active=True
        ).values_list("user_id", flat=True)
    )
    if found != wanted:
        raise InvalidRequest(_("Only active members of your organisation can attend its meetings."))
    return sorted(found)


def update_meeting_profile(
    *,
    participation: Participation,
    languages: Collection[str],
    max_meetings: int | None,
    slot_ids: Collection[int] | None,
    by_user: User,
    attendees: Collection[int] | None = None,
) -> MeetingProfile:
    """Store the languages, the cap (None: no cap) and the available slots (None: every slot).

    Refuses (``InvalidRequest``, nothing changed) unknown language codes, a cap below 1 or below
    the meetings already scheduled, slots of another edition, an empty availability, and
    withdrawing availability from a slot where a meeting of theirs is scheduled, and attendees
    who are not members of the organisation. ``attendees`` (user pks) names who goes to the
    meetings; empty means every member, None leaves them as they are. Messages are in the
    active language.
    """
    require_acts_for(by_user, participation)
    if participation.role not in MEETING_ROLES:
        raise InvalidRequest(_("Only buyers and exhibitors have a meeting profile."))
    codes = _clean_languages(languages)
    if max_meetings is not None and max_meetings < 1:
        raise InvalidRequest(_("The most meetings wanted must be at least 1, or left blank."))
    wanted = None if slot_ids is None else set(slot_ids)
    if wanted is not None and not wanted:
        raise InvalidRequest(_("Choose at least one slot, or every slot."))
    with transaction.atomic():
        Participation.objects.select_for_update().filter(pk=participation.pk).values_list(
            "pk", flat=True
        ).get()
        if wanted is not None:
            found = set(
                Slot.objects.filter(expo_id=participation.expo_id, pk__in=wanted).values_list(
                    "pk", flat=True
                )
            )
            if found != wanted:
                raise InvalidRequest(_("Some of the chosen slots are not slots of this expo."))
        mine = Meeting.objects.filter(Q(buyer=participation) | Q(exhibitor=participation))
        scheduled = mine.count()
        if max_meetings is not None and max_meetings < scheduled:
            raise InvalidRequest(
                _(
                    "%(count)s meetings are already scheduled: the most meetings wanted cannot "
                    "be below %(count)s. Cancel meetings first."
                )
                % {"count": number(scheduled)}
            )
        if wanted is not None:
            zone = participation.expo.time_zone
            stranded = sorted(
                m.slot.start for m in mine.exclude(slot_id__in=wanted).select_related("slot")
            )
            if stranded:
                raise InvalidRequest(
                    _("You have meetings scheduled at %(times)s: keep those slots.")
                    % {"times": ", ".join(moment(start, zone) for start in stranded)}
                )
        profile, _created = MeetingProfile.objects.update_or_create(
            participation=participation,
            defaults={"languages": codes, "max_meetings": max_meetings},
        )
        if attendees is not None:
            profile.attendees.set(_members(participation, set(attendees)))
        Availability.objects.filter(participation=participation).delete()
        if wanted:
            Availability.objects.bulk_create(
                Availability(participation=participation, slot_id=pk) for pk in sorted(wanted)
            )
    return profile
