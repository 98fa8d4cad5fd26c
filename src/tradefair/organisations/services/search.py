"""The directory's search index: one lower-cased text per participation, in weighted sections.

Every term of a query must occur in ``search_text`` (substring match, which also suits Chinese
without a word segmenter), on SQLite and PostgreSQL alike. So that the directory can also rank
what it found (``queries.relevance``), the text is laid out by weight, heaviest first, each
section closed by a control character that no stored text holds and no query from the page can
(``filters.parse_filters`` drops them):

    "\\n" names, one a line "\\n"   NAMES_END
    product titles                  PRODUCTS_END
    HS codes, each closed by PRODUCTS_END ("0306\\x1d850760\\x1d")    CODES_END
    HS descriptions and sectors     TOPICS_END
    descriptions, offers' texts, needs, country names

The first occurrence of a term is thus in the heaviest section holding it; a query equal to a
whole name is found by one ``INSTR`` of "\\n<query>\\n" (only names are between newlines), an
offered code by one of "\\x1d0306\\x1d", the codes under a heading by one of "\\x1d8507". One
column, not one per weight, keeps the rows every other page loads and the imports' batches as
they were. On PostgreSQL a generated ``tsvector`` column weights the same sections A to D
(migration 0005).

Names are indexed as written and without their Latin diacritics, so a Vietnamese name is found
typed either way, and Thai names also without the spaces between their phrases: Thai writes
words together, so a term is found inside a name as a substring, typed with the name's spaces
or without them. Pavilions are left out on purpose: the directory filters by
pavilion, and a pavilion renamed in the floor plan would otherwise leave stale text behind.
``tradefair reindex`` rebuilds an edition's index after reference data (e.g. a sector's name)
changed.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.db.models import ManyToManyField, Model, QuerySet
from django.utils.translation import to_locale

from tradefair.expos.names import country_name, thai_unspaced, unaccented
from tradefair.organisations.models import Need, Offer, Participation

NAMES_END = "\x1c"
PRODUCTS_END = "\x1d"  # also closes each HS code
CODES_END = "\x1e"
TOPICS_END = "\x1f"


def search_terms(query: str) -> list[str]:
    """Split a visitor's query into the lower-cased terms that must all match."""
    return [term for term in query.lower().split() if term]


# Control characters become spaces: the section markers above must occur nowhere else.
_CONTROLS = dict.fromkeys([*range(32), 127], " ")


def search_phrase(text: str) -> str:
    """Lower-cased, on one line with single spaces, control characters dropped: the shape
    every stored part and a whole query are compared in."""
    return " ".join(text.translate(_CONTROLS).lower().split())


def _joined(texts: Iterable[str], separator: str = " ") -> str:
    return separator.join(dict.fromkeys(p for p in map(search_phrase, texts) if p))


@dataclass
class _Parts:
    products: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def _trade_lines(ids: list[int]) -> dict[int, _Parts]:
    """Offers' titles, codes and topics by weight; needs and offers' texts weigh least.

    Read as plain values, not model instances: indexing the demo's 164,000 lines through
    ``prefetch_related`` spent most of its time building objects it read four fields of.
    """
    found: dict[int, _Parts] = defaultdict(_Parts)
    for model in (Offer, Need):
        lines = model.objects.filter(participation_id__in=ids)
        texts = list(
            lines.values_list("id", "participation_id", "title", "title_zh", "text", "text_zh")
        )
        if not texts:
            continue  # no queries for links of no lines, as prefetching skipped them
        codes = _linked(model, "hs_codes", lines, ("code", "description"))
        sectors = _linked(model, "sectors", lines, ("name", "name_zh"))
        offered = model is Offer
        for line, participation, title, title_zh, text, text_zh in texts:
            parts = found[participation]
            (parts.products if offered else parts.other).extend([title, title_zh])
            parts.other += [text, text_zh]
            for code, description in codes.get(line, ()):
                if offered:
                    parts.codes.append(code)
                    parts.topics.append(description)
                else:
                    parts.other += [code, description]
            for name, name_zh in sectors.get(line, ()):
                parts.topics += [name, name_zh]
    return found


def _linked(
    model: type[Offer] | type[Need], name: str, lines: QuerySet[Any], columns: tuple[str, str]
) -> dict[int, list[tuple[str, str]]]:
    """Two columns of the rows ``lines`` link to through their many-to-many ``name``, by line
    id, in the linked model's own order (as ``line.<name>.all()`` gives them)."""
    relation = model._meta.get_field(name)
    assert isinstance(relation, ManyToManyField)
    line, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    ordering = [
        f"-{target}__{key[1:]}" if key.startswith("-") else f"{target}__{key}"
        for key in map(str, relation.related_model._meta.ordering or ())
    ]
    through = cast(type[Model], relation.remote_field.through)
    rows = (
        through._default_manager.filter(**{f"{line}__in": lines})
        .order_by(*ordering)
        .values_list(f"{line}_id", *(f"{target}__{column}" for column in columns))
    )
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for line_id, first, second in rows:
        out[line_id].append((first, second))
    return out


def search_text(
    names: list[str], products: list[str], codes: list[str], topics: list[str], other: list[str]
) -> str:
    """The sections laid out as the module's docstring shows."""
    name_lines = _joined(names, "\n")
    return "".join(
        [
            f"\n{name_lines}\n" if name_lines else "",
            NAMES_END,
            _joined(products),
            PRODUCTS_END,
            "".join(f"{code}{PRODUCTS_END}" for code in sorted(set(codes))),
            CODES_END,
            _joined(topics),
            TOPICS_END,
            _joined(other),
        ]
    )


def refresh_search_text(participation_ids: Iterable[int]) -> int:
    """Rebuild ``search_text`` for these participations; returns how many were updated."""
    ids = list(participation_ids)
    if not ids:
        return 0
    trade = _trade_lines(ids)
    participations = list(Participation.objects.filter(id__in=ids).select_related("organisation"))
    for p in participations:
        org = p.organisation
        parts = trade.get(p.id, _Parts())
        about = [
            org.description,
            org.description_zh,
            org.country_id,
            *(country_name(org.country_id, to_locale(code)) for code, _name in settings.LANGUAGES),
        ]
        names = [org.name, org.name_zh, org.name_local, *map(str, org.other_names.values())]
        p.search_text = search_text(
            # Each name also without its diacritics ("dong tam" finds "Đồng Tâm") and, in Thai,
            # without the spaces between phrases (a Thai reader types it either way).
            names=[*names, *map(unaccented, names), *map(thai_unspaced, names)],
            products=parts.products,
            codes=parts.codes,
            topics=parts.topics,
            other=[*about, *parts.other],
        )
    Participation.objects.bulk_update(participations, ["search_text"], batch_size=1000)
    return len(participations)
