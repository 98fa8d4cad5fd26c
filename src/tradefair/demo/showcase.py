"""The organisations behind the demo log-ins, and the requests they exchange with each other.

Pure Python: ``accounts.py`` picks the same organisations from the database by the same rule
(the first buyer by name from each of five ASEAN countries, the first five Chinese exhibitors by
name), so the generator can plant requests between them before anything is loaded. Names are
compared by code point, which is how SQLite and PostgreSQL (C collation) order them too.

Between every demo buyer and every demo exhibitor there is exactly one request, its kind drawn
from a Latin square: each account sees one request of every kind, including pending ones that it
can answer itself.
"""

from collections.abc import Sequence

from tradefair.demo.naming import en_country, in_sentence
from tradefair.demo.records import DemoExpo, DemoRequest, DemoTradeLine, OrgKey
from tradefair.expos.reference_data import ASEAN

PER_ROLE = 5
BUYER_COUNTRIES = ("VN", "TH", "ID", "MY", "PH")  # then the rest of ASEAN, if one has no buyer

# (status, asked by the exhibitor, priority): one of each per demo account.
KINDS = [
    ("pending", False, 4),  # the exhibitor answers
    ("pending", True, 3),  # the buyer answers
    ("accepted", False, 5),
    ("declined", True, 2),
    ("cancelled", False, 2),
]
DECLINED = "Thank you, but we are not adding suppliers from your region this season."


def account_organisations(demo: DemoExpo) -> tuple[list[OrgKey], list[OrgKey]]:
    """(buyers, exhibitors) in the order of buyer1…5 and exhibitor1…5."""
    countries = [*BUYER_COUNTRIES, *sorted(set(ASEAN) - set(BUYER_COUNTRIES))]
    buyers: list[OrgKey] = []
    for country in countries:
        names = sorted(
            b.organisation.name for b in demo.buyers if b.organisation.country == country
        )
        buyers += [(country, name) for name in names[:1]]
        if len(buyers) == PER_ROLE:
            break
    host = demo.host_country
    names = sorted(e.organisation.name for e in demo.exhibitors if e.organisation.country == host)
    return buyers, [(host, name) for name in names[:PER_ROLE]]


def showcase_requests(demo: DemoExpo) -> list[DemoRequest]:
    """One request per demo buyer and demo exhibitor, every kind for every account."""
    buyers, exhibitors = account_organisations(demo)
    needs = {b.organisation.key: b.needs for b in demo.buyers}
    offers = {e.organisation.key: e.offers for e in demo.exhibitors}
    out = []
    for i, buyer in enumerate(buyers):
        for j, exhibitor in enumerate(exhibitors):
            status, from_exhibitor, priority = KINDS[(i + j) % len(KINDS)]
            out.append(
                DemoRequest(
                    buyer=buyer,
                    exhibitor=exhibitor,
                    priority=priority,
                    status=status,
                    from_exhibitor=from_exhibitor,
                    must_meet=False,
                    message=_message(buyer[0], needs[buyer], offers[exhibitor], from_exhibitor),
                    decline_reason=DECLINED if status == "declined" else "",
                )
            )
    return out


def _message(
    country: str,
    needs: Sequence[DemoTradeLine],
    offers: Sequence[DemoTradeLine],
    from_exhibitor: bool,
) -> str:
    offer = in_sentence(offers[0].title)
    if from_exhibitor:
        return (
            f"We export {offer} and are looking for distributors in {en_country(country)}. "
            "May we present our range at the expo?"
        )
    need = in_sentence(needs[0].title)
    return (
        f"We import {need} into {en_country(country)} and would like to see whether your "
        f"{offer} could complement our range."
    )
