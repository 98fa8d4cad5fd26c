"""Meeting requests for the demo: mostly between planted true fits, with some noise.

Each buyer asks most of its true fits (at most ``MAX_FIT_REQUESTS``) and sometimes an exhibitor
of its sector that does not fit (noise, more often declined). A few percent are asked by the
exhibitor instead, about one in a hundred is a must-meet pair the organisers added (accepted on
both sides' behalf), and the demo log-ins' organisations get the showcase requests of
``showcase.py``. Every pair appears at most once, so "one open request per pair" holds, and the
list is shuffled into an arrival order, as first-come-first-served schedulers would see it.
"""

import itertools
import random
from collections.abc import Sequence

from tradefair.demo.naming import en_country, in_sentence
from tradefair.demo.records import DemoExpo, DemoRequest, DemoTradeLine, OrgKey
from tradefair.demo.showcase import showcase_requests

FIT_SHARE = 0.92  # of a buyer's true fits it asks for
MAX_FIT_REQUESTS = 30
NOISE = ([0, 1, 2, 3], [35, 30, 22, 13])  # requests outside the fits, per buyer
FROM_EXHIBITOR = 0.07
MUST_MEET = 0.03  # of accepted fit requests of priority 3 or more
MESSAGE_SHARE = 0.55
PRIORITIES = [1, 2, 3, 4, 5]
FIT_PRIORITY = [*itertools.accumulate([25, 30, 22, 15, 8])]  # cumulative weights: faster draws
NOISE_PRIORITY = [*itertools.accumulate([55, 30, 12, 3, 0])]
STATUSES = ["accepted", "pending", "declined", "cancelled"]
FIT_STATUS = [*itertools.accumulate([80, 12, 5, 3])]
NOISE_STATUS = [*itertools.accumulate([45, 15, 35, 5])]

DECLINE_REASONS = [
    "Our production capacity is fully booked for this year.",
    "This product is outside our current range.",
    "We already work with a supplier for this product.",
    "The minimum order quantity is above what we can offer.",
    "We do not yet hold the certification your market requires.",
    "Our team is not at the expo on the days you are.",
    "We are not looking for distributors in your country at the moment.",
    "Your volumes are too small for our export programme.",
]
BUYER_MESSAGES = [
    "We source {need} for {country}; could we discuss prices and lead times?",
    "Interested in your {offer}. Please bring MOQ and FOB prices to the meeting.",
    "Our company imports {need} into {country}. We would like to meet your export team.",
    "Looking for a long-term supplier of {need}; samples welcome.",
    "We saw your {offer} in the directory and would like to talk about a trial order.",
]
EXHIBITOR_MESSAGES = [
    "We export {offer} to {country} and would welcome the chance to present our range.",
    "You source {need}; our {offer} may fit. Shall we meet at the expo?",
    "We are expanding in {country} and would like to introduce our {offer}.",
]
MUST_MEET_MESSAGE = "Arranged by the Expo Secretariat's matchmaking desk."


def draw_requests(rng: random.Random, demo: DemoExpo) -> list[DemoRequest]:
    """All requests of ``demo``, in arrival order."""
    needs = {b.organisation.key: b.needs for b in demo.buyers}
    offers = {e.organisation.key: e.offers for e in demo.exhibitors}
    fits: dict[OrgKey, list[OrgKey]] = {b.organisation.key: [] for b in demo.buyers}
    for buyer, exhibitor in demo.fits:
        fits.setdefault(buyer, []).append(exhibitor)
    by_sector: dict[str, list[OrgKey]] = {}
    for e in demo.exhibitors:
        by_sector.setdefault(e.sector, []).append(e.organisation.key)
    showcase = showcase_requests(demo)
    reserved = {(r.buyer, r.exhibitor) for r in showcase}
    countries = {code: en_country(code) for code in {b.organisation.country for b in demo.buyers}}
    out: list[DemoRequest] = []
    for b in demo.buyers:
        buyer = b.organisation.key
        mine = fits[buyer]
        asked = [e for e in mine if rng.random() < FIT_SHARE]
        rng.shuffle(asked)
        asked = asked[:MAX_FIT_REQUESTS]
        pool = by_sector.get(b.sector, [])
        fitting = set(mine)
        others = {rng.choice(pool) for _ in range(rng.choices(*NOISE)[0]) if pool} - fitting
        for exhibitor in [*asked, *sorted(others)]:
            if (buyer, exhibitor) in reserved:
                continue
            fit = exhibitor in fitting
            out.append(
                _request(rng, buyer, exhibitor, fit, needs[buyer], offers[exhibitor], countries)
            )
    rng.shuffle(out)
    return out + showcase


def _request(
    rng: random.Random,
    buyer: OrgKey,
    exhibitor: OrgKey,
    fit: bool,
    needs: Sequence[DemoTradeLine],
    offers: Sequence[DemoTradeLine],
    countries: dict[str, str],
) -> DemoRequest:
    priority = rng.choices(PRIORITIES, cum_weights=FIT_PRIORITY if fit else NOISE_PRIORITY)[0]
    status = rng.choices(STATUSES, cum_weights=FIT_STATUS if fit else NOISE_STATUS)[0]
    must_meet = fit and status == "accepted" and priority >= 3 and rng.random() < MUST_MEET
    from_exhibitor = not must_meet and fit and rng.random() < FROM_EXHIBITOR
    message = ""
    if must_meet:
        message = MUST_MEET_MESSAGE
    elif rng.random() < MESSAGE_SHARE:
        need, offer = _matching_lines(needs, offers)
        template = rng.choice(EXHIBITOR_MESSAGES if from_exhibitor else BUYER_MESSAGES)
        message = template.format(
            need=in_sentence(need.title),
            offer=in_sentence(offer.title),
            country=countries[buyer[0]],
        )
    return DemoRequest(
        buyer=buyer,
        exhibitor=exhibitor,
        priority=priority,
        status=status,
        from_exhibitor=from_exhibitor,
        must_meet=must_meet,
        message=message,
        decline_reason=rng.choice(DECLINE_REASONS) if status == "declined" else "",
    )


def _matching_lines(
    needs: Sequence[DemoTradeLine], offers: Sequence[DemoTradeLine]
) -> tuple[DemoTradeLine, DemoTradeLine]:
    """A need and an offer sharing an HS heading when there is one, else the first of each."""
    for need in needs:
        for offer in offers:
            if need.hs_codes[0] == offer.hs_codes[0]:
                return need, offer
    return needs[0], offers[0]
