"""What matched: the line under a directory card saying why the exhibitor was found.

For the cards of one page only, in one query (the offers' titles, texts and HS codes; names,
descriptions and sectors come with the page). Each candidate text is scored by how many of the
query's terms it holds; the one holding most wins, ties going to the most telling kind: an HS
code, a product's title, an HS description, a sector, a name, a description, a product's text.
Titles and descriptions are tried in the reader's language first, so a Chinese reader sees the
Chinese product title when both hold the terms.

A match is plain text cut into parts, the terms' occurrences marked: ``Match.html`` escapes
every part and wraps the marked ones in ``<mark>`` (``format_html``, so no user text is ever
marked safe unescaped); the API returns the same parts.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tradefair.organisations.models import Offer

# Kinds in the order that wins a tie, with their labels.
KINDS = {
    "hs_code": _("HS code"),
    "product": _("Product"),
    "hs_description": _("HS code"),
    "sector": _("Sector"),
    "name": _("Organisation name"),
    "description": _("Description"),
    "product_text": _("Product"),
}
RANK = {kind: position for position, kind in enumerate(KINDS)}
SNIPPET_BEFORE = 40
SNIPPET_AFTER = 100


@dataclass(frozen=True)
class MatchPart:
    text: str
    marked: bool


@dataclass(frozen=True)
class Match:
    kind: str
    parts: tuple[MatchPart, ...]

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])

    @property
    def html(self) -> SafeString:
        """Every part escaped, the marked ones in ``<mark>``, for templates to print as is."""
        return format_html_join(
            "",
            "{}",
            ((format_html("<mark>{}</mark>", p.text) if p.marked else p.text,) for p in self.parts),
        )


@dataclass(frozen=True)
class OrganisationTexts:
    """What of an organisation a query may match: its names and descriptions."""

    name: str
    name_zh: str
    other_names: dict[str, str]
    description: str
    description_zh: str


@dataclass(frozen=True)
class OfferLine:
    title: str
    title_zh: str
    text: str
    text_zh: str
    codes: list[tuple[str, str]]  # (code, description)


def _pattern(terms: Sequence[str]) -> re.Pattern[str]:
    longest_first = sorted(set(terms), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE)


def highlight(text: str, terms: Sequence[str]) -> tuple[MatchPart, ...]:
    """``text`` cut into parts, each occurrence of a term marked (case-insensitive)."""
    if not terms:
        return (MatchPart(text, False),) if text else ()
    parts: list[MatchPart] = []
    last = 0
    for found in _pattern(terms).finditer(text):
        if found.start() > last:
            parts.append(MatchPart(text[last : found.start()], False))
        parts.append(MatchPart(found.group(), True))
        last = found.end()
    if last < len(text):
        parts.append(MatchPart(text[last:], False))
    return tuple(parts)


def snippet(text: str, terms: Sequence[str]) -> str:
    """A long text cut around its first term, on spaces where it can, with ellipses."""
    found = _pattern(terms).search(text) if terms else None
    if found is None or len(text) <= SNIPPET_BEFORE + SNIPPET_AFTER:
        return text
    start = max(0, found.start() - SNIPPET_BEFORE)
    end = min(len(text), found.end() + SNIPPET_AFTER)
    if start > 0 and " " in text[start : found.start()]:
        start = text.index(" ", start, found.start()) + 1
    if end < len(text) and " " in text[found.end() : end]:
        end = text.rindex(" ", found.end(), end)
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


def _held(text: str, terms: Sequence[str]) -> list[str]:
    lowered = text.lower()
    return [term for term in terms if term in lowered]


def _both(english: str, chinese: str, chinese_first: bool) -> list[str]:
    ordered = [chinese, english] if chinese_first else [english, chinese]
    return [text for text in ordered if text]


def _code_match(code: str, description: str, terms: Sequence[str]) -> Match:
    """An HS code and its description: a term marks the code from its start only ("85"
    marks 850760, not 0385), the other terms mark the description."""
    prefixes = [term for term in terms if code.startswith(term)]
    longest = max(map(len, prefixes), default=0)
    parts = [MatchPart(code[:longest], True)] if longest else []
    if longest < len(code):
        parts.append(MatchPart(code[longest:], False))
    parts.append(MatchPart(" · ", False))
    parts += highlight(description, _held(description, [t for t in terms if t not in prefixes]))
    return Match("hs_code" if prefixes else "hs_description", tuple(parts))


def _text_match(kind: str, text: str, terms: Sequence[str]) -> Match:
    held = _held(text, terms)
    return Match(kind, highlight(snippet(text, held), held))


Candidate = tuple[str, int, Callable[[], Match]]


def _candidates(
    terms: Sequence[str], org: OrganisationTexts, offers: list[OfferLine], sectors: list[str]
) -> Iterable[Candidate]:
    """Each text that may show: its kind, how many terms it holds, how to mark it."""
    zh = (get_language() or "en").startswith("zh")  # the reader's language first

    def text(kind: str, value: str) -> Candidate:
        return kind, len(_held(value, terms)), partial(_text_match, kind, value, terms)

    for offer in offers:
        for code, description in offer.codes:
            prefixes = [term for term in terms if code.startswith(term)]
            held = len(prefixes) + len(_held(description, [t for t in terms if t not in prefixes]))
            kind = "hs_code" if prefixes else "hs_description"
            yield kind, held, partial(_code_match, code, description, terms)
        for title in _both(offer.title, offer.title_zh, zh):
            yield text("product", title)
    for sector in sectors:
        yield text("sector", sector)
    for name in [*_both(org.name, org.name_zh, zh), *map(str, org.other_names.values())]:
        yield text("name", name)
    for description in _both(org.description, org.description_zh, zh):
        yield text("description", description)
    for offer in offers:
        for offer_text in _both(offer.text, offer.text_zh, zh):
            yield text("product_text", offer_text)


def best_match(
    terms: Sequence[str], org: OrganisationTexts, offers: list[OfferLine], sectors: list[str]
) -> Match | None:
    """The text holding most terms, ties to the kind listed first in ``KINDS`` and then to
    the first found; None when no text shows a term (e.g. only the country matched)."""
    best: tuple[int, int] | None = None
    mark: Callable[[], Match] | None = None
    for kind, held, marked in _candidates(terms, org, offers, sectors):
        key = (held, -RANK[kind])
        if held and (best is None or key > best):
            best, mark = key, marked
    return mark() if mark else None


def offers_by_participation(ids: list[int]) -> dict[int, list[OfferLine]]:
    """The offers of these participations with their HS codes, in one query."""
    if not ids:
        return {}
    rows = (
        Offer.objects.filter(participation_id__in=ids)
        .order_by("participation_id", "id", "hs_codes__code")
        .values_list(
            "participation_id",
            "id",
            "title",
            "title_zh",
            "text",
            "text_zh",
            "hs_codes__code",
            "hs_codes__description",
        )
    )
    offers: dict[int, dict[int, OfferLine]] = defaultdict(dict)
    for pid, offer_id, title, title_zh, text, text_zh, code, description in rows:
        line = offers[pid].setdefault(offer_id, OfferLine(title, title_zh, text, text_zh, []))
        if code:
            line.codes.append((code, description))
    return {pid: list(lines.values()) for pid, lines in offers.items()}
