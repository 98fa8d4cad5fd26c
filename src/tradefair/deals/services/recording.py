"""Recording deals one at a time: the organisers' console and API, and the parties' report from
a held meeting, with the other party's confirmation and the organisers' approval.

Invariants:
- Every value is checked with the same rules as the import (``rules``), and a refusal names
  the field: the console's form, the API and the import refuse exactly the same values.
- What the organisers record counts at once. A deal a party reports waits for the other party
  to confirm, then for the organisers to approve; until then the bulletin ignores it.
- A deal never moves back a stage; review moves reported → confirmed → approved, or to
  rejected from any state before approval.
"""

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.deals.models import Deal, DealParty, ExchangeRate
from tradefair.deals.services.errors import InvalidDeal, NotAllowed
from tradefair.deals.services.rules import (
    codes_count_problem,
    currency_problem,
    parties_count_problem,
    province_problem,
    stage_move_problem,
    value_problem,
)
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal
from tradefair.expos.models import Country, Expo, HSCode, Sector
from tradefair.matchmaking.models import Meeting
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity

TITLE_LIMIT = 250
REFERENCE_LIMIT = 40


@dataclass(frozen=True)
class DealInput:
    """A deal as a form or the API gives it; a party's report leaves the organisers' fields
    (``ORGANISERS_FIELDS``) at their defaults."""

    reference: str
    kind: str
    title: str
    counterpart_country: str
    value: Decimal
    currency: str
    stage: str = Deal.Stage.INTENTION
    title_zh: str = ""
    parties: tuple[PartyLine, ...] = ()
    sector: str = ""  # a sector slug
    hs_codes: tuple[str, ...] = ()
    signed_on: dt.date | None = None
    public: bool = True
    online: bool = False
    province: str = ""
    activity: int | None = None  # the signing ceremony's id


# What only the organisers set: a report takes its parties from the meeting, its reference
# from the meeting's number, and the ceremony, province and online mark at approval.
ORGANISERS_FIELDS = ("reference", "parties", "activity", "province", "online")


def _organiser(user: User, expo: Expo) -> None:
    if not has_role(user, expo, ORGANISER):
        raise NotAllowed(_("Only the organisers of this expo may do this with its deals."))


def problems(expo: Expo, data: DealInput, *, existing: Deal | None = None) -> dict[str, str]:
    """Every field the registry refuses, with the reason and the fix (empty: all good)."""
    found: dict[str, str] = {}
    for field, why in [
        ("parties", parties_count_problem(len(data.parties))),
        ("hs_codes", codes_count_problem(len(data.hs_codes))),
    ]:
        if why:
            found[field] = why
    if not data.reference.strip() or len(data.reference) > REFERENCE_LIMIT:
        found["reference"] = _("required, at most %(n)d characters") % {"n": REFERENCE_LIMIT}
    elif existing is None and Deal.objects.filter(expo=expo, reference=data.reference).exists():
        found["reference"] = _("%(reference)s names another deal of this expo") % {
            "reference": data.reference
        }
    if data.kind not in Deal.Kind.values:
        found["kind"] = _("one of %(kinds)s") % {"kinds": ", ".join(Deal.Kind.values)}
    if not data.title.strip() or len(data.title) > TITLE_LIMIT:
        found["title"] = _("required, at most %(n)d characters") % {"n": TITLE_LIMIT}
    if len(data.title_zh) > TITLE_LIMIT:
        found["title_zh"] = _("at most %(n)d characters") % {"n": TITLE_LIMIT}
    if not Country.objects.filter(code=data.counterpart_country).exists():
        found["counterpart_country"] = _(
            "'%(value)s' is not an ISO 3166 alpha-2 country code (e.g. VN, TH, MY)"
        ) % {"value": data.counterpart_country}
    if data.sector and not Sector.objects.filter(slug=data.sector).exists():
        found["sector"] = _("unknown sector '%(value)s'") % {"value": data.sector}
    if data.hs_codes and data.kind != Deal.Kind.TRADE:
        found["hs_codes"] = _("only trade orders carry HS codes; leave the cell empty")
    elif len(set(data.hs_codes)) > HSCode.objects.filter(code__in=data.hs_codes).count():
        found["hs_codes"] = _("one or more codes are not HS 2022 codes of 2, 4 or 6 digits")
    if problem := value_problem(data.value):
        found["value"] = problem
    rated = set(ExchangeRate.objects.filter(expo=expo).values_list("currency", flat=True))
    if problem := currency_problem(data.currency, rated):
        found["currency"] = problem
    if data.stage not in Deal.Stage.values:
        found["stage"] = _("one of %(stages)s") % {"stages": ", ".join(Deal.Stage.values)}
    elif existing is not None and (
        problem := stage_move_problem(existing.reference, existing.stage, data.stage)
    ):
        found["stage"] = problem
    elif data.stage != Deal.Stage.INTENTION and data.signed_on is None:
        found["signed_on"] = _("required once a deal is signed: the date, 2025-09-17")
    if problem := province_problem(data.province):
        found["province"] = problem
    if (
        data.activity is not None
        and not Activity.objects.filter(
            expo=expo, pk=data.activity, kind=Activity.Kind.SIGNING
        ).exists()
    ):
        found["activity"] = _("not a signing ceremony of this expo's programme")
    return found


def _parties_problem(expo: Expo, parties: tuple[PartyLine, ...]) -> str:
    ids = [p.organisation_id for p in parties]
    if not ids:
        return _("name at least one organisation that signed")
    if len(set(ids)) < len(ids):
        return _("an organisation is named twice")
    if any(p.role not in DealParty.Role.values for p in parties):
        return _("a role is one of %(roles)s") % {"roles": ", ".join(DealParty.Role.values)}
    taking_part = Participation.objects.filter(expo=expo, organisation_id__in=ids)
    if taking_part.values("organisation_id").distinct().count() < len(set(ids)):
        return _("every party must take part in this expo")
    return ""


def _values(data: DealInput, parties: tuple[PartyLine, ...], **review: Any) -> DealValues:
    fields = {
        "kind": data.kind,
        "title": data.title.strip(),
        "title_zh": data.title_zh.strip(),
        "counterpart_country_id": data.counterpart_country,
        "sector": Sector.objects.filter(slug=data.sector).first() if data.sector else None,
        "value": data.value,
        "currency": data.currency,
        "stage": data.stage,
        "signed_on": data.signed_on,
        "public": data.public,
        "online": data.online,
        "province": data.province.upper(),
        "activity_id": data.activity,
        **review,
    }
    return DealValues(data.reference.strip(), fields, parties, frozenset(data.hs_codes))


def _refuse(found: dict[str, str]) -> None:
    if found:
        field = next(iter(found))
        message = "; ".join(f"{name}: {why}" for name, why in found.items())
        raise InvalidDeal(message, field)


def record_deal(*, expo: Expo, data: DealInput, by_user: User) -> Deal:
    """The organisers record a deal; it counts at once."""
    _organiser(by_user, expo)
    found = problems(expo, data)
    if problem := _parties_problem(expo, data.parties):
        found["parties"] = problem
    _refuse(found)
    try:
        with transaction.atomic():
            write_deal(expo, _values(data, data.parties, review=Deal.Review.APPROVED), None)
    except IntegrityError as exc:  # the same reference recorded at the same moment
        raise InvalidDeal(
            _("%(reference)s names another deal of this expo") % {"reference": data.reference},
            "reference",
        ) from exc
    return Deal.objects.get(expo=expo, reference=data.reference.strip())


def _side_roles(kind: str) -> tuple[str, str]:
    """The buyer's and the exhibitor's roles in a deal from their meeting."""
    if kind == Deal.Kind.TRADE:
        return DealParty.Role.BUYER, DealParty.Role.SELLER
    if kind in (Deal.Kind.INVESTMENT, Deal.Kind.OUTWARD):
        return DealParty.Role.INVESTOR, DealParty.Role.PROJECT_OWNER
    return DealParty.Role.PARTNER, DealParty.Role.PARTNER


def _member_of(user: User, organisation_ids: list[int]) -> int | None:
    return (
        Membership.objects.filter(user=user, organisation_id__in=organisation_ids)
        .values_list("organisation_id", flat=True)
        .first()
    )


def report_deal(*, meeting: Meeting, data: DealInput, by_user: User) -> Deal:
    """A party of a held meeting reports the deal it led to; the other party confirms next."""
    sides = Participation.objects.filter(pk__in=[meeting.buyer_id, meeting.exhibitor_id])
    organisation_of = dict(sides.values_list("pk", "organisation_id"))
    buyer, exhibitor = organisation_of[meeting.buyer_id], organisation_of[meeting.exhibitor_id]
    if _member_of(by_user, [buyer, exhibitor]) is None:
        raise NotAllowed(_("Only the two parties of a meeting may report a deal from it."))
    if meeting.status != Meeting.Status.HELD:
        raise InvalidDeal(
            _("Only a meeting the organisers marked as held can lead to a reported deal."),
            "meeting",
        )
    blank = DealInput("", "", "", "", Decimal(0), "")
    _refuse(
        {
            name: _("a party's report leaves it to the organisers")
            for name in ORGANISERS_FIELDS
            if getattr(data, name) != getattr(blank, name)
        }
    )
    expo = meeting.expo
    data = replace(data, reference=f"M{meeting.pk}-{meeting.deals.count() + 1}")
    _refuse(problems(expo, data))
    buyer_role, exhibitor_role = _side_roles(data.kind)
    parties = (PartyLine(buyer, buyer_role), PartyLine(exhibitor, exhibitor_role))
    with transaction.atomic():
        write_deal(
            expo,
            _values(data, parties, review=Deal.Review.REPORTED, reported_by=by_user),
            None,
        )
        deal = Deal.objects.get(expo=expo, reference=data.reference)
        deal.meetings.add(meeting)
    return deal


def confirm_deal(*, deal: Deal, by_user: User) -> Deal:
    """The other party agrees with what was reported; the organisers approve next."""
    party_ids = list(deal.parties.values_list("organisation_id", flat=True))
    reporter_ids = (
        set(
            Membership.objects.filter(user=deal.reported_by).values_list(
                "organisation_id", flat=True
            )
        )
        if deal.reported_by
        else set()
    )
    others = [pk for pk in party_ids if pk not in reporter_ids]
    if _member_of(by_user, others) is None:
        raise NotAllowed(_("Only the other party of the deal may confirm it."))
    return _move_review(deal, {Deal.Review.REPORTED}, Deal.Review.CONFIRMED)


def approve_deal(*, deal: Deal, by_user: User) -> Deal:
    """The organisers accept a confirmed deal: from now on it counts in the bulletin."""
    _organiser(by_user, deal.expo)
    return _move_review(deal, {Deal.Review.CONFIRMED}, Deal.Review.APPROVED)


def reject_deal(*, deal: Deal, by_user: User) -> Deal:
    """The organisers turn down a reported or confirmed deal; it never counts."""
    _organiser(by_user, deal.expo)
    return _move_review(deal, {Deal.Review.REPORTED, Deal.Review.CONFIRMED}, Deal.Review.REJECTED)


def _move_review(deal: Deal, allowed: set[str], to: str) -> Deal:
    with transaction.atomic():
        locked = Deal.objects.select_for_update().get(pk=deal.pk)
        if locked.review not in allowed:
            raise InvalidDeal(
                _("%(reference)s is %(state)s; it cannot become %(to)s")
                % {
                    "reference": locked.reference,
                    "state": locked.get_review_display(),
                    "to": Deal.Review(to).label,
                },
                "review",
            )
        locked.review = to
        locked.save(update_fields=["review", "updated_at"])
    return locked
