"""Generate the demo edition, the 22nd China-ASEAN Expo, from a fixed seed.

Pure Python (no Django): every figure the press conference quotes is planted exactly (3,200
exhibitors from 45 countries, 38 % foreign, 33 Belt and Road countries, 160,000 m² of halls,
a 10,000 m² AI pavilion, 7 ASEAN country pavilions, over 10,000 buyers), everything else is
drawn from ``random.Random(seed)`` so two runs give identical output; the B2B meeting data
(``meetings.py``) comes last from a generator of its own. See
``docs/algorithms/demo-data.md``.
"""

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from tradefair.demo import catalogue, floor, layout
from tradefair.demo.catalogue import ANY, INDUSTRIAL, TROPICAL, Product
from tradefair.demo.fits import NeedDraft, OfferDraft, SupplyIndex, tune_sources
from tradefair.demo.meetings import draw_meetings
from tradefair.demo.naming import Named, Namer, buyer_profile, exhibitor_profile
from tradefair.demo.parties import delegations_and_partners, investors, organisation
from tradefair.demo.records import (
    DemoBuyer,
    DemoExhibitor,
    DemoExpo,
)
from tradefair.demo.texts import need_line, offer_line
from tradefair.demo.vocabulary import (
    BUYER_WORDS,
    EXHIBITORS_BY_COUNTRY,
    FOREIGN_BUYERS_BY_COUNTRY,
    MAKER_WORDS,
)
from tradefair.expos.reference_data import ASEAN

SEED = 20250917
TOTAL_EXHIBITORS = 3200
TOTAL_BUYERS = 10_200
MIN_FITS, MAX_FITS = 3, 60

# Chinese exhibitors per sector (they fill the themed pavilions); sums to 3,200 − 1,216.
CN_EXHIBITORS_BY_SECTOR = {
    "artificial-intelligence": 150, "new-quality-productivity": 200, "blue-economy": 110,
    "digital-economy": 200, "green-economy": 220, "agriculture-food": 180,
    "foreign-trade-quality-products": 260, "machinery-equipment": 220, "healthcare": 130,
    "building-materials": 130, "textiles-apparel": 110, "forestry-rubber": 74,
}  # fmt: skip
# Sector mixes, as relative weights, for foreign exhibitors and for buyers by where they are from.
COUNTRY_PAVILION_MIX = {
    "agriculture-food": 30, "foreign-trade-quality-products": 24, "blue-economy": 10,
    "forestry-rubber": 10, "healthcare": 7, "textiles-apparel": 7, "building-materials": 5,
    "digital-economy": 4, "green-economy": 3,
}  # fmt: skip
FOREIGN_THEMED_MIX = {
    "artificial-intelligence": 14, "new-quality-productivity": 6, "digital-economy": 10,
    "green-economy": 12, "agriculture-food": 14, "foreign-trade-quality-products": 10,
    "machinery-equipment": 8, "healthcare": 10, "blue-economy": 8, "building-materials": 4,
    "textiles-apparel": 2, "forestry-rubber": 2,
}  # fmt: skip
INTERNATIONAL_MIX = {
    "foreign-trade-quality-products": 25, "agriculture-food": 25, "healthcare": 10,
    "machinery-equipment": 10, "new-quality-productivity": 5, "artificial-intelligence": 5,
    "green-economy": 5, "digital-economy": 5, "building-materials": 5, "textiles-apparel": 3,
    "blue-economy": 2,
}  # fmt: skip
BUYER_MIX = {
    "CN": {"agriculture-food": 28, "blue-economy": 12, "forestry-rubber": 10,
           "foreign-trade-quality-products": 14, "healthcare": 6, "building-materials": 4,
           "textiles-apparel": 4, "machinery-equipment": 5, "artificial-intelligence": 4,
           "digital-economy": 4, "green-economy": 5, "new-quality-productivity": 4},
    "ASEAN": {"machinery-equipment": 14, "green-economy": 14, "digital-economy": 12,
              "building-materials": 10, "artificial-intelligence": 8,
              "new-quality-productivity": 8, "textiles-apparel": 8,
              "foreign-trade-quality-products": 8, "healthcare": 6, "agriculture-food": 6,
              "blue-economy": 3, "forestry-rubber": 3},
    "OTHER": {"agriculture-food": 14, "foreign-trade-quality-products": 14, "healthcare": 10,
              "green-economy": 10, "machinery-equipment": 10, "digital-economy": 9,
              "artificial-intelligence": 8, "blue-economy": 8, "building-materials": 6,
              "forestry-rubber": 6, "new-quality-productivity": 5},
}  # fmt: skip
# How readily each group makes (SUPPLY) or wants (DEMAND) goods of each origin.
SUPPLY = {
    "CN": {INDUSTRIAL: 1.0, ANY: 1.0, TROPICAL: 0.2},
    "ASEAN": {INDUSTRIAL: 0.25, ANY: 1.0, TROPICAL: 1.0},
    "OTHER": {INDUSTRIAL: 1.0, ANY: 1.0, TROPICAL: 0.3},
}
DEMAND = {
    "CN": {INDUSTRIAL: 0.4, ANY: 0.6, TROPICAL: 1.0},
    "ASEAN": {INDUSTRIAL: 1.0, ANY: 0.8, TROPICAL: 0.3},
    "OTHER": {INDUSTRIAL: 0.6, ANY: 1.0, TROPICAL: 0.6},
}


def group(country: str) -> str:
    if country == "CN":
        return "CN"
    return "ASEAN" if country in ASEAN else "OTHER"


@dataclass
class _Exhibitor:
    named: Named
    country: str
    sector: str
    pavilion: str
    size: tuple[int, int]
    products: list[Product]
    markets: list[list[str]]  # per offer


@dataclass
class _Buyer:
    named: Named
    country: str
    sector: str
    products: list[Product]
    needs: list[NeedDraft]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _pick_products(
    rng: random.Random, pool: Sequence[Product], weights: dict[str, float], count: int
) -> list[Product]:
    """Up to ``count`` distinct products, weighted by their origin."""
    chosen: list[Product] = []
    candidates = list(pool)
    while candidates and len(chosen) < count:
        product = rng.choices(candidates, weights=[weights[p.origin] for p in candidates])[0]
        chosen.append(product)
        candidates.remove(product)
    return chosen


def _exhibitor_plan(rng: random.Random) -> list[tuple[str, str, str]]:
    """(country, sector, pavilion code) for every exhibitor, Chinese ones first."""
    by_sector = layout.sector_pavilions()
    by_country = layout.country_pavilions()
    plan = [
        ("CN", sector, by_sector[sector])
        for sector, count in sorted(CN_EXHIBITORS_BY_SECTOR.items())
        for _ in range(count)
    ]
    for country, count in EXHIBITORS_BY_COUNTRY.items():
        for _ in range(count):
            own = by_country.get(country)
            if own and rng.random() < 0.85:
                plan.append((country, _weighted(rng, COUNTRY_PAVILION_MIX), own))
            elif not own and rng.random() < 0.55:
                plan.append((country, _weighted(rng, INTERNATIONAL_MIX), "international"))
            else:
                sector = _weighted(rng, FOREIGN_THEMED_MIX)
                plan.append((country, sector, by_sector[sector]))
    return plan


def _target_markets(rng: random.Random, country: str) -> list[str]:
    asean_weights = [FOREIGN_BUYERS_BY_COUNTRY[c] for c in ASEAN]
    others = [c for c in FOREIGN_BUYERS_BY_COUNTRY if c not in ASEAN]
    markets: set[str] = set()
    kind = group(country)
    if kind == "CN":
        markets |= set(rng.choices(ASEAN, weights=asean_weights, k=rng.randint(2, 6)))
        if rng.random() < 0.3:
            markets.add("CN")
    else:
        if rng.random() < (0.9 if kind == "ASEAN" else 0.95):
            markets.add("CN")
        markets |= set(rng.choices(ASEAN, weights=asean_weights, k=rng.randint(1, 4)))
    if rng.random() < (0.35 if kind == "CN" else 0.2):
        other_weights = [FOREIGN_BUYERS_BY_COUNTRY[c] for c in others]
        markets |= set(rng.choices(others, weights=other_weights, k=rng.randint(1, 3)))
    markets.discard(country if country != "CN" else "")
    return sorted(markets) or ["CN"]


def _make_exhibitors(rng: random.Random, namer: Namer) -> list[_Exhibitor]:
    products = catalogue.products_by_sector()
    exhibitors = []
    for country, sector, pavilion in _exhibitor_plan(rng):
        count = rng.choices([1, 2, 3], weights=[35, 40, 25])[0]
        chosen = _pick_products(rng, products[sector], SUPPLY[group(country)], count)
        markets = _target_markets(rng, country)
        per_offer = [[m for m in markets if rng.random() < 0.8] or markets[:1] for _ in chosen]
        exhibitors.append(
            _Exhibitor(
                named=namer.organisation(country, MAKER_WORDS[sector]),
                country=country,
                sector=sector,
                pavilion=pavilion,
                size=layout.booth_size(rng, pavilion),
                products=chosen,
                markets=per_offer,
            )
        )
    return exhibitors


def _buyer_countries() -> list[str]:
    foreign = [c for c, n in FOREIGN_BUYERS_BY_COUNTRY.items() for _ in range(n)]
    return ["CN"] * (TOTAL_BUYERS - len(foreign)) + foreign


def _make_buyers(rng: random.Random, namer: Namer, index: SupplyIndex) -> list[_Buyer]:
    products = catalogue.products_by_sector()
    supplied = [p for p in catalogue.PRODUCTS if index.suppliers(p.hs6)]
    buyers = []
    for country in _buyer_countries():
        kind = group(country)
        sector = _weighted(rng, BUYER_MIX[kind])
        count = rng.choices([1, 2, 3], weights=[40, 40, 20])[0]
        own = [p for p in products[sector] if index.suppliers(p.hs6)]
        chosen = _pick_products(rng, own, DEMAND[kind], count)
        if len(chosen) < count and rng.random() < 0.5:
            extra = [p for p in supplied if p not in chosen]
            chosen += _pick_products(rng, extra, DEMAND[kind], count - len(chosen))
        needs = [NeedDraft(p.hs6, rng.random() < 0.7) for p in chosen]
        for need in needs:
            need.markets = _source_markets(rng, index, country, need.code)
        tune_sources(index, country, needs, MIN_FITS, MAX_FITS)
        for _ in range(3):  # buyers from rarely targeted countries widen their shopping list
            if len(index.fits(country, needs)) >= MIN_FITS:
                break
            extra_product = _most_reachable(index, country, own, supplied, chosen)
            chosen.append(extra_product)
            needs.append(NeedDraft(extra_product.hs6, True))
            needs[-1].markets = _source_markets(rng, index, country, needs[-1].code)
            tune_sources(index, country, needs, MIN_FITS, MAX_FITS)
        words = [*BUYER_WORDS, *MAKER_WORDS[sector][:2]]
        buyers.append(_Buyer(namer.organisation(country, words), country, sector, chosen, needs))
    return buyers


def _most_reachable(
    index: SupplyIndex,
    country: str,
    own: Sequence[Product],
    supplied: Sequence[Product],
    chosen: Sequence[Product],
) -> Product:
    """The product whose offers most often target the buyer's country, own sector first.

    Used for buyers from countries few exhibitors target: they add a need they can fill.
    """

    def reach(product: Product) -> int:
        return sum(index.reachable(country, NeedDraft(product.hs6, True)).values())

    for pool in (own, supplied):
        candidates = [p for p in pool if p not in chosen]
        if candidates:
            best = max(candidates, key=reach)
            if reach(best) >= MIN_FITS or pool is supplied:
                return best
    raise ValueError(f"no product reaches buyers in {country}")


def _source_markets(rng: random.Random, index: SupplyIndex, buyer: str, code: str) -> list[str]:
    """Countries known for supplying the product, the buyer's own one less likely."""
    supply = index.countries.get(code)
    if not supply:
        return []
    countries = sorted(supply)
    weights = [supply[c] ** 0.6 * (0.3 if c == buyer else 1.0) for c in countries]
    wanted = rng.choices([1, 2, 3, 4], weights=[25, 35, 25, 15])[0]
    chosen: list[str] = []
    while countries and len(chosen) < wanted:
        pick = rng.choices(range(len(countries)), weights=weights)[0]
        chosen.append(countries.pop(pick))
        weights.pop(pick)
    if rng.random() < 0.25:
        noise = rng.choice(sorted(EXHIBITORS_BY_COUNTRY))
        if noise not in chosen:
            chosen.append(noise)
    return chosen


def generate(seed: int = SEED) -> DemoExpo:
    """The whole demo edition; the same seed always gives the same expo."""
    rng = random.Random(seed)
    namer = Namer(rng)
    halls, pavilions = layout.build_halls_and_pavilions()
    exhibitor_drafts = _make_exhibitors(rng, namer)
    index = SupplyIndex(
        [
            (
                e.country,
                [
                    OfferDraft(p.hs6, frozenset(m))
                    for p, m in zip(e.products, e.markets, strict=True)
                ],
            )
            for e in exhibitor_drafts
        ]
    )
    buyer_drafts = _make_buyers(rng, namer, index)
    chinese = [b for b in buyer_drafts if b.country == "CN"]
    partners, delegations, membership = delegations_and_partners(
        rng, namer, [b.named for b in chinese]
    )
    delegation_of = {id(b): d for b, d in zip(chinese, membership, strict=True)}
    exhibitors = floor.with_bookings([_exhibitor_record(rng, e) for e in exhibitor_drafts], seed)
    modules = floor.modules(pavilions)
    buyers = [_buyer_record(rng, b, delegation_of.get(id(b))) for b in buyer_drafts]
    fits = [
        (buyer.organisation.key, exhibitors[i].organisation.key)
        for buyer, draft in zip(buyers, buyer_drafts, strict=True)
        for i in sorted(index.fits(draft.country, draft.needs))
    ]
    demo = DemoExpo(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        name_zh="第22届中国—东盟博览会",
        theme=(
            "Empowering Development with Digital Intelligence, Leading the Future with "
            "Innovation — Building a Community of Shared Future with the New Opportunities of "
            "China-ASEAN Free Trade Area 3.0"
        ),
        theme_zh=(
            "数智赋能发展 创新引领未来——共享中国—东盟自贸区3.0版新机遇 共建中国—东盟命运共同体"
        ),
        city="Nanning",
        city_zh="南宁",
        venue="Nanning International Convention and Exhibition Center",
        venue_zh="南宁国际会展中心",
        host_country="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
        time_zone="Asia/Shanghai",
        halls=tuple(halls),
        pavilions=tuple(pavilions),
        booths=tuple(floor.allocate(pavilions, exhibitors, modules)),
        modules=tuple(modules),
        exhibitors=tuple(exhibitors),
        buyers=tuple(buyers),
        partners=tuple(partners),
        delegations=tuple(delegations),
        investors=tuple(investors(rng, namer, sorted(CN_EXHIBITORS_BY_SECTOR))),
        fits=tuple(fits),
    )
    return dataclasses.replace(demo, meetings=draw_meetings(demo, seed=seed))


def _exhibitor_record(rng: random.Random, draft: _Exhibitor) -> DemoExhibitor:
    offers = tuple(
        offer_line(rng, product, markets, draft.sector)
        for product, markets in zip(draft.products, draft.markets, strict=True)
    )
    all_markets = sorted({m for markets in draft.markets for m in markets})
    texts = exhibitor_profile(
        rng, draft.named, [(p.title, p.title_zh) for p in draft.products], all_markets
    )
    width, depth = draft.size
    return DemoExhibitor(
        organisation=organisation(draft.named, draft.country, "enterprise", "sales", texts),
        sector=draft.sector,
        pavilion=draft.pavilion,
        booth_area_m2=width * depth,
        offers=offers,
    )


def _buyer_record(rng: random.Random, draft: _Buyer, delegation: str | None) -> DemoBuyer:
    needs = tuple(
        need_line(rng, product, need, draft.sector)
        for product, need in zip(draft.products, draft.needs, strict=True)
    )
    sources = sorted({m for need in draft.needs for m in need.markets})
    texts = buyer_profile(rng, draft.named, [(n.title, n.title_zh) for n in needs], sources)
    return DemoBuyer(
        organisation=organisation(draft.named, draft.country, "enterprise", "purchasing", texts),
        sector=draft.sector,
        delegation=delegation,
        needs=needs,
    )
