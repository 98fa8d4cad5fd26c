"""The directory's full-text index: one lower-cased text per participation.

Pavilions are left out on purpose: the directory filters by pavilion, and a pavilion renamed
in the floor plan would otherwise leave stale text behind. ``tradefair reindex`` rebuilds an
edition's index after reference data (e.g. a sector's name) changed.

Kept as a plain column so the same term search (every term must occur, substring match, which
also suits Chinese without a word segmenter) runs on SQLite and PostgreSQL alike.
"""

from collections import defaultdict
from collections.abc import Iterable

from tradefair.expos.names import country_name
from tradefair.organisations.models import Need, Offer, Participation


def search_terms(query: str) -> list[str]:
    """Split a visitor's query into the lower-cased terms that must all match."""
    return [term for term in query.lower().split() if term]


def refresh_search_text(participation_ids: Iterable[int]) -> int:
    """Rebuild ``search_text`` for these participations; returns how many were updated."""
    ids = list(participation_ids)
    if not ids:
        return 0
    extra: dict[int, list[str]] = defaultdict(list)
    for model in (Offer, Need):
        lines = model.objects.filter(participation_id__in=ids).prefetch_related(
            "hs_codes", "sectors"
        )
        for line in lines:
            parts = extra[line.participation_id]
            parts += [line.title, line.title_zh, line.text, line.text_zh]
            for hs in line.hs_codes.all():
                parts += [hs.code, hs.description]
            for sector in line.sectors.all():
                parts += [sector.name, sector.name_zh]
    participations = list(Participation.objects.filter(id__in=ids).select_related("organisation"))
    for p in participations:
        org = p.organisation
        parts = [
            org.name,
            org.name_zh,
            *[str(n) for n in org.other_names.values()],
            org.description,
            org.description_zh,
            org.country_id,
            country_name(org.country_id, "en"),
            country_name(org.country_id, "zh_Hans"),
        ]
        parts += extra.get(p.id, [])
        p.search_text = " ".join(part for part in parts if part).lower()
    Participation.objects.bulk_update(participations, ["search_text"], batch_size=1000)
    return len(participations)
