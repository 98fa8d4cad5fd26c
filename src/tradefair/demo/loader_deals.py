"""Write the demo's deals and the edition's exchange rates.

Called by ``loader._Writer`` inside the demo's one transaction, after the programme (deals
signed at ceremonies refer to them). The deals are the organisers' own record, so they are
approved and count in the bulletin at once. Bulk data written directly, as the rest of the
demo, keeping every constraint of the model.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from tradefair.deals.models import Deal, DealParty, ExchangeRate
from tradefair.demo.deals import DemoDeal, DemoDeals
from tradefair.demo.records import OrgKey
from tradefair.expos.models import Expo, Sector
from tradefair.matchmaking.models import Meeting, MeetingRequest, Slot
from tradefair.organisations.models import Delegation

Step = Callable[[str, int], None]


def rows(deals: DemoDeals) -> int:
    """Rows the progress bar counts: each deal and each rate."""
    return len(deals.deals) + len(deals.rates)


class DealWriter:
    def __init__(
        self,
        expo: Expo,
        deals: DemoDeals,
        org_ids: dict[OrgKey, int],
        activity_ids: dict[str, int],
        advance: Step,
    ) -> None:
        self.expo, self.deals, self.org_ids = expo, deals, org_ids
        self.activity_ids, self.advance = activity_ids, advance

    def write(self) -> None:
        ExchangeRate.objects.bulk_create(
            ExchangeRate(expo=self.expo, currency=code, usd=usd, cny=cny, as_of=self.deals.rates_on)
            for code, (usd, cny) in self.deals.rates.items()
        )
        self.advance(_("Set the exchange rates"), len(self.deals.rates))
        sector_ids = dict(Sector.objects.values_list("slug", "id"))
        delegations = {
            d.name: (d.pk, d.partner_id) for d in Delegation.objects.filter(expo=self.expo)
        }
        demo_deals = self.deals.deals
        deals = Deal.objects.bulk_create(
            Deal(
                expo=self.expo,
                reference=d.reference,
                kind=d.kind,
                title=d.title,
                title_zh=d.title_zh,
                counterpart_country_id=d.counterpart_country,
                sector_id=sector_ids[d.sector] if d.sector else None,
                value=d.value,
                currency=d.currency,
                stage=d.stage,
                signed_on=d.signed_on,
                contracted_on=d.contracted_on,
                activity_id=self.activity_ids[d.activity] if d.activity else None,
                online=d.online,
                province=d.province,
                delegation_id=delegations[d.delegation][0] if d.delegation else None,
                partner_id=delegations[d.delegation][1] if d.delegation else None,
                public=d.public,
                review=Deal.Review.APPROVED,
            )
            for d in demo_deals
        )
        DealParty.objects.bulk_create(
            DealParty(
                deal=deal, organisation_id=self.org_ids[p.organisation], role=p.role, position=n
            )
            for d, deal in zip(demo_deals, deals, strict=True)
            for n, p in enumerate(d.parties)
        )
        self._meetings(demo_deals, deals)
        codes = Deal.hs_codes.through
        codes.objects.bulk_create(
            codes(deal_id=deal.pk, hscode_id=code)
            for d, deal in zip(demo_deals, deals, strict=True)
            for code in d.hs_codes
        )
        self.advance(_("Recorded the deals"), len(deals))

    def _meetings(self, demo_deals: tuple[DemoDeal, ...], deals: list[Deal]) -> None:
        """Each traced order's meeting, held: one a slot from the first slot on, so nobody
        meets twice at once, at the slot's first tables."""
        slots = list(Slot.objects.filter(expo=self.expo).order_by("start", "pk"))
        traced = [(d, deal) for d, deal in zip(demo_deals, deals, strict=True) if d.from_meeting]
        if not slots or not traced:
            return
        accepted = MeetingRequest.objects.filter(
            expo=self.expo, status=MeetingRequest.Status.ACCEPTED
        ).values_list(
            "pk", "buyer__organisation_id", "exhibitor__organisation_id", "buyer_id", "exhibitor_id"
        )
        by_pair = {(buyer, seller): (pk, b, e) for pk, buyer, seller, b, e in accepted}
        meetings = []
        links = []
        for n, (d, deal) in enumerate(traced):
            buyer, exhibitor = (self.org_ids[p.organisation] for p in d.parties)
            found = by_pair.get((buyer, exhibitor))
            if found is None:
                continue
            request_id, buyer_part, exhibitor_part = found
            meetings.append(
                Meeting(
                    request_id=request_id,
                    expo=self.expo,
                    slot=slots[n % len(slots)],
                    table_number=n // len(slots) + 1,
                    buyer_id=buyer_part,
                    exhibitor_id=exhibitor_part,
                    status=Meeting.Status.HELD,
                    published=True,
                )
            )
            links.append(deal)
        created = Meeting.objects.bulk_create(meetings)
        through = Deal.meetings.through
        through.objects.bulk_create(
            through(deal_id=deal.pk, meeting_id=meeting.pk)
            for deal, meeting in zip(links, created, strict=True)
        )


def unload_deals(expo: Expo) -> None:
    """Deals protect nothing, but their parties protect organisations the unload deletes."""
    Deal.objects.filter(expo=expo).delete()
    ExchangeRate.objects.filter(expo=expo).delete()
