"""Planted true fits between buyers' needs and exhibitors' offers.

A need fits an offer when all three hold:

1. **Product**: a specific need (6-digit HS subheading) names the offer's subheading; a broad
   need (4-digit heading only) accepts any offer under that heading.
2. **Source market**: the exhibitor's country is one of the need's source markets.
3. **Target market**: the buyer's country is one of the offer's target markets.

A buyer fits an exhibitor when some need of the buyer fits some offer of the exhibitor. Sharing
a sector is therefore far from enough: a recommender must use the HS hierarchy and both
directions of the market preferences, as a reciprocal recommender does.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class OfferDraft:
    hs6: str
    markets: frozenset[str]

    @property
    def heading(self) -> str:
        return self.hs6[:4]


@dataclass
class NeedDraft:
    hs6: str
    specific: bool
    markets: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.hs6 if self.specific else self.hs6[:4]


Supplier = tuple[int, str, frozenset[str]]  # exhibitor index, its country, offer's markets


class SupplyIndex:
    """Offers indexed by subheading and by heading, for fast fit look-ups."""

    def __init__(self, exhibitors: Sequence[tuple[str, Sequence[OfferDraft]]]) -> None:
        self._by_code: dict[str, list[Supplier]] = {}
        self.countries: dict[str, Counter[str]] = {}
        for index, (country, offers) in enumerate(exhibitors):
            for offer in offers:
                for code in (offer.hs6, offer.heading):
                    self._by_code.setdefault(code, []).append((index, country, offer.markets))
                    self.countries.setdefault(code, Counter())[country] += 1

    def suppliers(self, code: str) -> list[Supplier]:
        return self._by_code.get(code, [])

    def fits(self, buyer_country: str, needs: Sequence[NeedDraft]) -> set[int]:
        """Indexes of the exhibitors that truly fit a buyer with these needs."""
        found: set[int] = set()
        for need in needs:
            sources = set(need.markets)
            for index, country, markets in self.suppliers(need.code):
                if country in sources and buyer_country in markets:
                    found.add(index)
        return found

    def reachable(self, buyer_country: str, need: NeedDraft) -> Counter[str]:
        """Per supplier country, how many offers would fit if that country were a source."""
        counts: Counter[str] = Counter()
        for _, country, markets in self.suppliers(need.code):
            if buyer_country in markets and country not in need.markets:
                counts[country] += 1
        return counts


def tune_sources(
    index: SupplyIndex, buyer_country: str, needs: list[NeedDraft], low: int, high: int
) -> None:
    """Adjust source markets (and breadth) so the buyer has between ``low`` and ``high`` fits.

    Real buyers with too few suppliers widen their search; those flooded with offers narrow it.
    Deterministic: ties are broken by country code.
    """
    for _ in range(40):
        count = len(index.fits(buyer_country, needs))
        if count < low:
            if not _widen(index, buyer_country, needs):
                return
        elif count > high:
            if not _narrow(index, buyer_country, needs):
                return
        else:
            return


def _widen(index: SupplyIndex, buyer_country: str, needs: list[NeedDraft]) -> bool:
    for need in needs:
        reachable = index.reachable(buyer_country, need)
        if reachable:
            best = min(reachable, key=lambda c: (-reachable[c], c))
            need.markets.append(best)
            return True
    for need in needs:
        if need.specific:
            need.specific = False
            return True
    return False


def _narrow(index: SupplyIndex, buyer_country: str, needs: list[NeedDraft]) -> bool:
    best: tuple[int, str, int] | None = None  # (fits lost, country, need position)
    for position, need in enumerate(needs):
        if len(need.markets) < 2:
            continue
        per_country: Counter[str] = Counter(
            country
            for _, country, markets in index.suppliers(need.code)
            if buyer_country in markets and country in need.markets
        )
        for country in need.markets:
            candidate = (-per_country[country], country, position)
            if best is None or candidate < best:
                best = candidate
    if best is not None:
        needs[best[2]].markets.remove(best[1])
        return True
    for need in needs:
        if not need.specific:
            need.specific = True
            return True
    return False
