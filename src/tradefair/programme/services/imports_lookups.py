"""What a programme file may name, loaded once per import: the edition's rooms and halls, the
sectors, the organisations (only when a row names hosts or speakers) and the choices' spellings.
"""

import re
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext as _

from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity, Room, Speaker

# An import may set an activity to draft or published; cancelling tells the registrants, so it
# belongs to the console.
IMPORT_STATUSES = (Activity.Status.DRAFT, Activity.Status.PUBLISHED)
_COUNTRY_SUFFIX = re.compile(r"^(.*\S)\s*\(([A-Za-z]{2})\)$")


def _choices(choices: type[TextChoices], allowed: Iterable[str] | None = None) -> dict[str, str]:
    """A choice's value or its English label, in any case, with spaces for underscores."""
    values = list(allowed) if allowed is not None else list(choices.values)
    spellings: dict[str, str] = {}
    with translation.override("en"):
        for value, label in choices.choices:
            if value in values:
                spellings[value] = value
                spellings[value.replace("_", " ")] = value
                spellings[str(label).casefold()] = value
    return spellings


def _spellings(objects: Iterable[Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Each object under each spelling; earlier fields win, so a name never shadows a code."""
    found: dict[str, Any] = {}
    for name in fields:
        for obj in objects:
            value = getattr(obj, name)
            if value:
                found.setdefault(value.casefold(), obj)
    return found


class Lookups:
    """The edition's rooms, halls, the sectors and (when needed) organisations, loaded once."""

    def __init__(self, expo: Expo, need_organisations: bool) -> None:
        self.zone = ZoneInfo(expo.time_zone)
        self.first_day, self.last_day = expo.start_date, expo.end_date
        rooms = list(Room.objects.filter(expo=expo).order_by("name"))
        self.rooms: dict[str, Room] = _spellings(rooms, ("name", "name_zh"))
        self.room_example = rooms[0].name if rooms else ""
        halls = list(Hall.objects.filter(expo=expo).order_by("code"))
        self.halls: dict[str, Hall] = _spellings(halls, ("code", "name", "name_zh"))
        self.hall_example = halls[0].code if halls else ""
        sectors = list(Sector.objects.order_by("slug"))
        self.sectors: dict[str, Sector] = _spellings(sectors, ("slug", "name", "name_zh"))
        self.sector_example = sectors[0].slug if sectors else "blue-economy"
        self.organisations: dict[str, list[tuple[int, str]]] = {}
        if need_organisations:
            everyone = Organisation.objects.values_list("pk", "name", "name_zh", "country_id")
            for pk, name, name_zh, country in everyone.order_by("pk"):
                for spelling in {name.casefold(), name_zh.casefold()} - {""}:
                    self.organisations.setdefault(spelling, []).append((pk, country))
        self.kinds = _choices(Activity.Kind)
        self.audiences = _choices(Activity.Audience)
        self.statuses = _choices(Activity.Status, IMPORT_STATUSES)
        self.roles = _choices(Speaker.Role)

    def organisation(self, spelling: str) -> tuple[int | None, str]:
        """The organisation a spelling names, or None with why (blank reason: not found)."""
        matches = self.organisations.get(spelling.casefold(), [])
        suffix = _COUNTRY_SUFFIX.match(spelling)
        if not matches and suffix:
            country = suffix.group(2).upper()
            matches = [
                (pk, c)
                for pk, c in self.organisations.get(suffix.group(1).casefold(), [])
                if c == country
            ]
        if len(matches) == 1:
            return matches[0][0], ""
        if not matches:
            return None, ""
        countries = ", ".join(sorted({country for _, country in matches}))
        return None, _(
            "'%(name)s' names %(count)d organisations (%(countries)s); add the country code, "
            "e.g. '%(name)s (%(country)s)'"
        ) % {
            "name": spelling,
            "count": len(matches),
            "countries": countries,
            "country": matches[0][1],
        }
