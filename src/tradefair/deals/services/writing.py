"""Writing one deal with its parties and HS codes: the import's writer, and the console's and
the portals' once they record deals, so a deal is stored one way whoever records it.
"""

from dataclasses import dataclass
from typing import Any, Literal

from tradefair.deals.models import Deal, DealParty
from tradefair.deals.services.errors import InvalidDeal
from tradefair.deals.services.rules import stage_move_problem
from tradefair.expos.models import Expo, HSCode
from tradefair.organisations.services.imports import assign_changed

Outcome = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class PartyLine:
    organisation_id: int
    role: str


@dataclass(frozen=True)
class DealValues:
    """Checked values of a deal. ``fields`` holds the model fields given; ``parties`` and
    ``hs_codes`` are None when not given (keep what is stored)."""

    reference: str
    fields: dict[str, Any]
    parties: tuple[PartyLine, ...] | None = None
    hs_codes: frozenset[str] | None = None


def write_deal(expo: Expo, values: DealValues, deal: Deal | None) -> Outcome:
    """Create the deal or bring ``deal`` (the edition's one with that reference) up to date.

    The caller holds the transaction and has checked the values; moving a stored deal back a
    stage is refused here as well, since it would rewrite what the press was told.
    """
    if deal is None:
        deal = Deal(expo=expo, reference=values.reference, **values.fields)
        deal.save()
        _set_parties(deal, values.parties or ())
        if values.hs_codes:
            deal.hs_codes.set(HSCode.objects.filter(code__in=values.hs_codes))
        return "created"
    new_stage = values.fields.get("stage", deal.stage)
    if problem := stage_move_problem(deal.reference, deal.stage, new_stage):
        raise InvalidDeal(problem, "stage")
    changed = assign_changed(deal, values.fields)
    if changed:
        deal.save()
    if values.parties is not None:
        stored = tuple(
            PartyLine(p.organisation_id, p.role) for p in deal.parties.order_by("position")
        )
        if stored != values.parties:
            deal.parties.all().delete()
            _set_parties(deal, values.parties)
            changed = True
    if values.hs_codes is not None:
        stored_codes = set(deal.hs_codes.values_list("code", flat=True))
        if stored_codes != values.hs_codes:
            deal.hs_codes.set(HSCode.objects.filter(code__in=values.hs_codes))
            changed = True
    return "updated" if changed else "unchanged"


def _set_parties(deal: Deal, parties: tuple[PartyLine, ...]) -> None:
    DealParty.objects.bulk_create(
        DealParty(deal=deal, organisation_id=p.organisation_id, role=p.role, position=n)
        for n, p in enumerate(parties)
    )
