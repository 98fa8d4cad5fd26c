"""Finding an organisation by the name a spreadsheet gives it, as the imports do.

A name matches the English or the Chinese name in any case. Two organisations may share a
name across countries, so ``Name (VN)`` picks the one from that country, and a name that still
matches several is refused with the fix rather than guessed.
"""

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

_COUNTRY_SUFFIX = re.compile(r"^(.*\S)\s*\(([A-Za-z]{2})\)$")


class OrganisationNames:
    """Spellings of the given organisations, as (pk, name, name_zh, country code) rows."""

    def __init__(self, rows: Iterable[tuple[int, str, str, str]]) -> None:
        self._by_spelling: dict[str, list[tuple[int, str]]] = {}
        for pk, name, name_zh, country in rows:
            for spelling in {name.casefold(), name_zh.casefold()} - {""}:
                self._by_spelling.setdefault(spelling, []).append((pk, country))

    def find(self, spelling: str) -> tuple[int | None, str]:
        """The organisation a spelling names, or None with why (blank reason: not found)."""
        matches = self._by_spelling.get(spelling.casefold(), [])
        suffix = _COUNTRY_SUFFIX.match(spelling)
        if not matches and suffix:
            country = suffix.group(2).upper()
            matches = [
                (pk, c)
                for pk, c in self._by_spelling.get(suffix.group(1).casefold(), [])
                if c == country
            ]
        if len(set(matches)) == 1:
            return matches[0][0], ""
        if not matches:
            return None, ""
        countries = ", ".join(sorted({country for _, country in matches}))
        return None, _(
            "'%(name)s' names %(count)d organisations (%(countries)s); add the country code, "
            "e.g. '%(name)s (%(country)s)'"
        ) % {
            "name": spelling,
            "count": len(set(matches)),
            "countries": countries,
            "country": matches[0][1],
        }
