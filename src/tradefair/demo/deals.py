"""The demo's deals: the 100+ investment projects and the trade orders the seed expects signed.

The seed says the expo "is expected to sign more than 100 major investment projects and a
large number of trade orders in digital economy, green economy, and other fields". Sizes follow
how the China-ASEAN Expo reported 2023's deals: a few projects of 5 bn yuan or more carry about
half the value, most are below 2 bn. Investment projects are in yuan (some foreign investors'
in dollars), outward investment in dollars, trade orders mostly in dollars and some in yuan or
the partner's currency. Deals whose sector has a signing ceremony are mostly signed there, the
largest at the ceremony of major projects; others on the fair's days, some online. Trade orders
come from the planted fits between buyers and exhibitors, credited to the buyer's delegation.

Pure Python and seeded: the same demo draws the same deals. Trade orders between a buyer and
an exhibitor whose request was accepted come out of their meeting: the loader books it, held
and published, before the organisers schedule everyone else.
"""

import datetime as dt
import math
import random
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from babel import Locale

from tradefair.demo.parties import SECTOR_NAMES
from tradefair.demo.programme_records import DemoActivity, DemoProgramme
from tradefair.demo.records import DemoExpo, DemoOrganisation, OrgKey
from tradefair.demo.vocabulary import CHINESE_PLACES

INVESTMENTS = 112
OUTWARD = 10
TRADE_ORDERS = 64
COOPERATION = 12
# Projects of 5 bn yuan and more, and of 2 to 5 bn; the rest are below 2 bn.
LARGEST, LARGE = 5, 18
USD_IN_CNY = Decimal("7.12")
# Value of one unit in USD, mid-September 2025 (rounded); CNY follows from USD_IN_CNY.
RATES_IN_USD = {
    "USD": Decimal("1"),
    "CNY": Decimal("0.140449"),
    "VND": Decimal("0.0000379"),
    "THB": Decimal("0.03135"),
    "MYR": Decimal("0.2375"),
    "IDR": Decimal("0.0000610"),
    "SGD": Decimal("0.7813"),
    "PHP": Decimal("0.01754"),
}
LOCAL_CURRENCY = {"VN": "VND", "TH": "THB", "MY": "MYR", "ID": "IDR", "SG": "SGD", "PH": "PHP"}
PROVINCES = {
    "Anhui": "CN-AH", "Beijing": "CN-BJ", "Chongqing": "CN-CQ", "Fujian": "CN-FJ",
    "Guangdong": "CN-GD", "Guangxi": "CN-GX", "Hainan": "CN-HI", "Henan": "CN-HA",
    "Hubei": "CN-HB", "Hunan": "CN-HN", "Jiangsu": "CN-JS", "Shandong": "CN-SD",
    "Shanghai": "CN-SH", "Sichuan": "CN-SC", "Tianjin": "CN-TJ", "Yunnan": "CN-YN",
    "Zhejiang": "CN-ZJ",
}  # fmt: skip
_EN, _ZH = Locale.parse("en"), Locale.parse("zh_Hans")


@dataclass(frozen=True)
class DemoParty:
    organisation: OrgKey
    role: str  # DealParty.Role value


@dataclass(frozen=True)
class DemoDeal:
    reference: str
    kind: str  # Deal.Kind value
    title: str
    title_zh: str
    parties: tuple[DemoParty, ...]
    counterpart_country: str
    sector: str
    hs_codes: tuple[str, ...]
    value: Decimal
    currency: str
    stage: str  # Deal.Stage value
    signed_on: dt.date | None
    contracted_on: dt.date | None
    activity: str | None  # DemoActivity.key of the signing ceremony
    online: bool
    province: str
    delegation: str | None  # DemoDelegation.name credited
    public: bool
    from_meeting: bool = False  # a trade order from an accepted request, met and held


@dataclass(frozen=True)
class DemoDeals:
    rates_on: dt.date
    rates: dict[str, tuple[Decimal, Decimal]]  # currency → (USD, CNY) of one unit
    deals: tuple[DemoDeal, ...]


def _rounded(value: Decimal, step: int) -> Decimal:
    """Deals are announced in round figures: to the nearest ``step``."""
    return (value / step).to_integral_value() * step


def rates() -> dict[str, tuple[Decimal, Decimal]]:
    return {
        code: (usd, Decimal(1) if code == "CNY" else (usd * USD_IN_CNY).quantize(Decimal("1e-8")))
        for code, usd in RATES_IN_USD.items()
    }


def draw_deals(demo: DemoExpo, programme: DemoProgramme, *, seed: int = 20250917) -> DemoDeals:
    drawer = _Drawer(demo, programme, random.Random(f"{seed}-deals"))
    deals = drawer.investments() + drawer.outward() + drawer.trade_orders()
    deals += drawer.cooperation()
    # Numbered in signing order; intentions (not signed yet) last.
    in_order = sorted(deals, key=lambda d: d.signed_on or demo.end_date + dt.timedelta(days=1))
    return DemoDeals(
        rates_on=demo.start_date - dt.timedelta(days=1),
        rates=rates(),
        deals=tuple(replace(d, reference=f"CAE22-{n:03d}") for n, d in enumerate(in_order, 1)),
    )


class _Drawer:
    def __init__(self, demo: DemoExpo, programme: DemoProgramme, rng: random.Random) -> None:
        self.demo, self.rng = demo, rng
        self.days = [demo.start_date + dt.timedelta(days=n) for n in range(5)]
        signings = [a for a in programme.activities if a.kind == "signing"]
        self.major = next(a for a in signings if not a.sectors)
        self.ceremonies: dict[str, DemoActivity] = {a.sectors[0]: a for a in signings if a.sectors}
        chinese = [e for e in demo.exhibitors if e.organisation.country == "CN"]
        foreign = [e for e in demo.exhibitors if e.organisation.country != "CN"]
        self.chinese, self.foreign = chinese, foreign
        self.investors = list(demo.investors)
        self.partners = list(demo.partners)
        self.buyers = {b.organisation.key: b for b in demo.buyers}
        self.exhibitors = {e.organisation.key: e for e in demo.exhibitors}
        self.delegations = {d.name for d in demo.delegations}
        places = [(p[0], p[1], p[2]) for p in CHINESE_PLACES]
        self.places, self.place_weights = places, [p[4] for p in CHINESE_PLACES]

    # Values ----------------------------------------------------------------------------------

    def _log_uniform(self, low: float, high: float) -> float:
        return math.exp(self.rng.uniform(math.log(low), math.log(high)))

    def _cny_values(self) -> list[Decimal]:
        """Investment sizes in yuan: a few of 5 bn and more, some of 2 to 5 bn, most below."""
        values = [self.rng.uniform(6e9, 20e9) for _ in range(LARGEST)]
        values += [self.rng.uniform(2e9, 4.9e9) for _ in range(LARGE)]
        values += [self._log_uniform(3e7, 1.9e9) for _ in range(INVESTMENTS - LARGEST - LARGE)]
        self.rng.shuffle(values)
        return [Decimal(round(v, -4)) for v in values]

    def _signing(self, sector: str, value_cny: Decimal) -> tuple[DemoActivity | None, bool]:
        """The ceremony a deal is signed at, or None and whether it was signed online."""
        if value_cny >= Decimal("2e9") and self.rng.random() < 0.8:
            return self.major, False
        ceremony = self.ceremonies.get(sector)
        if ceremony is not None and self.rng.random() < 0.6:
            return ceremony, False
        return None, self.rng.random() < 0.12

    def _dates(self, activity: DemoActivity | None, stage: str) -> tuple[dt.date | None, ...]:
        if stage == "intention":
            return None, None
        signed = activity.start.date() if activity else self.rng.choice(self.days)
        if stage == "contract":
            return signed, self.rng.choice([d for d in self.days if d >= signed])
        return signed, None

    def _deal(self, **values: Any) -> DemoDeal:
        """A deal to number later; about one in seven is figures-only."""
        return DemoDeal(reference="", public=self.rng.random() < 0.86, **values)

    # Kinds ------------------------------------------------------------------------------------

    def investments(self) -> list[DemoDeal]:
        foreign = [e.organisation for e in self.foreign]
        if not self.chinese or not (self.investors or foreign):
            return []  # a cut of the demo without the parties a project needs
        deals = []
        for value_cny in self._cny_values():
            owner = self.rng.choice(self.chinese)
            if self.investors and (not foreign or self.rng.random() < 0.7):
                investor: DemoOrganisation = self.rng.choice(self.investors)
            else:
                investor = self.rng.choice(foreign)
            city, city_zh, province = self.rng.choices(self.places, self.place_weights)[0]
            sector = owner.sector
            name, name_zh = SECTOR_NAMES[sector]
            in_dollars = investor.country != "CN" and self.rng.random() < 0.35
            currency = "USD" if in_dollars else "CNY"
            value = _rounded(value_cny / USD_IN_CNY, 10_000) if in_dollars else value_cny
            stage = self.rng.choices(["intention", "signed", "contract"], [10, 65, 25])[0]
            activity, online = self._signing(sector, value_cny)
            signed_on, contracted_on = self._dates(activity, stage)
            deals.append(
                self._deal(
                    kind="investment",
                    title=f"{name} project in {city}",
                    title_zh=f"{city_zh}{name_zh}项目",
                    parties=(
                        DemoParty(investor.key, "investor"),
                        DemoParty(owner.organisation.key, "project_owner"),
                    ),
                    counterpart_country=investor.country,
                    sector=sector,
                    hs_codes=(),
                    value=value,
                    currency=currency,
                    stage=stage,
                    signed_on=signed_on,
                    contracted_on=contracted_on,
                    activity=activity.key if activity and signed_on else None,
                    online=online,
                    province=PROVINCES[province],
                    delegation=None,
                )
            )
        return deals

    def outward(self) -> list[DemoDeal]:
        chinese_investors = [o for o in self.investors if o.country == "CN"]
        asean = [e for e in self.foreign if e.organisation.country in LOCAL_CURRENCY]
        if not chinese_investors or not asean:
            return []
        deals = []
        for _ in range(OUTWARD):
            investor = self.rng.choice(chinese_investors)
            owner = self.rng.choice(asean)
            country = owner.organisation.country
            name, name_zh = SECTOR_NAMES[owner.sector]
            value = Decimal(round(self._log_uniform(5e6, 3e8), -4))
            activity, online = self._signing(owner.sector, value * USD_IN_CNY)
            signed_on, contracted_on = self._dates(activity, "signed")
            deals.append(
                self._deal(
                    kind="outward_investment",
                    title=f"{name} project in {_EN.territories[country]}",
                    title_zh=f"{_ZH.territories[country]}{name_zh}项目",
                    parties=(
                        DemoParty(investor.key, "investor"),
                        DemoParty(owner.organisation.key, "project_owner"),
                    ),
                    counterpart_country=country,
                    sector=owner.sector,
                    hs_codes=(),
                    value=value,
                    currency="USD",
                    stage="signed",
                    signed_on=signed_on,
                    contracted_on=contracted_on,
                    activity=activity.key if activity else None,
                    online=online,
                    province="",
                    delegation=None,
                )
            )
        return deals

    def trade_orders(self) -> list[DemoDeal]:
        """Orders between planted fits; where the pair's request was accepted, the order came
        out of their meeting (the loader books it, held), so the funnel ends in deals."""
        fits = set(self.demo.fits)
        met = sorted(
            {
                (r.buyer, r.exhibitor)
                for r in self.demo.meetings.requests
                if r.status == "accepted" and (r.buyer, r.exhibitor) in fits
            }
        )
        pool = met or sorted(fits)
        pairs = self.rng.sample(pool, min(TRADE_ORDERS, len(pool)))
        traced = set(met)
        deals = []
        for buyer_key, exhibitor_key in pairs:
            buyer, exhibitor = self.buyers[buyer_key], self.exhibitors[exhibitor_key]
            offer = exhibitor.offers[0]
            foreign = [c for c in (buyer_key[0], exhibitor_key[0]) if c != "CN"]
            country = foreign[0] if foreign else "CN"
            usd = Decimal(round(self._log_uniform(1e5, 2.5e7), -2))
            choice = self.rng.random()
            if choice < 0.25:
                currency, value = "CNY", _rounded(usd * USD_IN_CNY, 100)
            elif choice < 0.4 and country in LOCAL_CURRENCY:
                currency = LOCAL_CURRENCY[country]
                value = _rounded(usd / RATES_IN_USD[currency], 1000)
            else:
                currency, value = "USD", usd
            stage = self.rng.choices(["signed", "contract"], [55, 45])[0]
            activity, online = self._signing(exhibitor.sector, usd * USD_IN_CNY)
            signed_on, contracted_on = self._dates(activity, stage)
            chinese = buyer_key if buyer_key[0] == "CN" else exhibitor_key
            delegation = buyer.delegation if buyer.delegation in self.delegations else None
            deals.append(
                self._deal(
                    kind="trade",
                    title=f"Order: {offer.title}",
                    title_zh=f"采购订单：{offer.title_zh}",
                    parties=(DemoParty(buyer_key, "buyer"), DemoParty(exhibitor_key, "seller")),
                    counterpart_country=country,
                    sector=exhibitor.sector,
                    hs_codes=offer.hs_codes[:1],
                    value=value,
                    currency=currency,
                    stage=stage,
                    signed_on=signed_on,
                    contracted_on=contracted_on,
                    activity=activity.key if activity else None,
                    online=online,
                    province=self._province_of(chinese) if chinese[0] == "CN" else "",
                    delegation=delegation,
                    from_meeting=(buyer_key, exhibitor_key) in traced,
                )
            )
        return deals

    def cooperation(self) -> list[DemoDeal]:
        if not self.partners or not self.foreign:
            return []
        deals = []
        for n in range(COOPERATION):
            partner = self.partners[n % len(self.partners)]
            counterpart = self.rng.choice(self.foreign)
            country = counterpart.organisation.country
            name, name_zh = SECTOR_NAMES[counterpart.sector]
            activity, online = self._signing(counterpart.sector, Decimal(0))
            signed_on, _ = self._dates(activity, "signed")
            deals.append(
                self._deal(
                    kind="cooperation",
                    title=f"{name} cooperation with {_EN.territories[country]}",
                    title_zh=f"与{_ZH.territories[country]}{name_zh}合作协议",
                    parties=(
                        DemoParty(partner.key, "partner"),
                        DemoParty(counterpart.organisation.key, "partner"),
                    ),
                    counterpart_country=country,
                    sector=counterpart.sector,
                    hs_codes=(),
                    value=Decimal(0),
                    currency="CNY",
                    stage="signed",
                    signed_on=signed_on,
                    contracted_on=None,
                    activity=activity.key if activity else None,
                    online=online,
                    province=self._province_of(partner.key),
                    delegation=None,
                )
            )
        return deals

    def _province_of(self, key: OrgKey) -> str:
        """The province a Chinese organisation's name starts with; Guangxi when none does."""
        for city, _zh, province in self.places:
            if key[1].startswith((city, province)):
                return PROVINCES[province]
        return PROVINCES["Guangxi"]
