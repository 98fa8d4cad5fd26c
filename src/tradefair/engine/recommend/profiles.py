"""What the recommender knows about a buyer or an exhibitor: plain, immutable data.

A party keeps its trade lines (a buyer's needs, an exhibitor's offers) apart rather than merged,
because markets belong to a line: "durians from Thailand and excavators from Japan" must not be
read as "durians from Japan". ``markets`` are a need's source markets or an offer's target
markets; an empty tuple means the line is open to every market.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TradeLine:
    hs_codes: tuple[str, ...]  # HS chapters, headings or subheadings (2, 4 or 6 digits)
    sectors: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()  # ISO country codes; () = any market
    # The line's name, so a reason can say which product matched; scoring reads the party's
    # text instead. "" when the line has none in that language.
    title: str = ""
    title_zh: str = ""

    def leaf_codes(self) -> tuple[str, ...]:
        """The line's most specific codes: ("8541", "854142") means 854142, not all of 8541.

        Codes are cut to the six internationally harmonised digits; a code that is a prefix of
        another code of the same line only names that code's parent and is dropped.
        """
        codes = {_normalise(code) for code in self.hs_codes} - {""}
        return tuple(sorted(c for c in codes if not any(o != c and o.startswith(c) for o in codes)))


@dataclass(frozen=True)
class Party:
    """A buyer (lines = needs) or an exhibitor (lines = offers)."""

    id: str
    country: str  # ISO code
    lines: tuple[TradeLine, ...]
    text: str = ""  # free text in any language: titles, descriptions, needs and offers
    sectors: tuple[str, ...] = ()  # the party's own sectors, besides its lines'

    def all_sectors(self) -> tuple[str, ...]:
        found = dict.fromkeys(self.sectors)
        for line in self.lines:
            found.update(dict.fromkeys(line.sectors))
        return tuple(found)


def _normalise(code: str) -> str:
    """Digits only, at most six, an even count (chapter, heading, subheading)."""
    digits = "".join(ch for ch in code if ch.isdigit())[:6]
    digits = digits[: len(digits) - len(digits) % 2]
    return digits
