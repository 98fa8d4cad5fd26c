"""What a programme file may name, loaded once per import: the edition's rooms and halls, the
sectors, the organisations (only when a row names hosts or speakers) and the choices' spellings.
"""

from zoneinfo import ZoneInfo

from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall
from tradefair.organisations.models import Organisation
from tradefair.organisations.queries.names import OrganisationNames
from tradefair.organisations.services.import_files import choice_spellings, spellings
from tradefair.programme.models import Activity, Room, Speaker

# An import may set an activity to draft or published; cancelling tells the registrants, so it
# belongs to the console.
IMPORT_STATUSES = (Activity.Status.DRAFT, Activity.Status.PUBLISHED)


class Lookups:
    """The edition's rooms, halls, the sectors and (when needed) organisations, loaded once."""

    def __init__(self, expo: Expo, need_organisations: bool) -> None:
        self.zone = ZoneInfo(expo.time_zone)
        self.first_day, self.last_day = expo.start_date, expo.end_date
        rooms = list(Room.objects.filter(expo=expo).order_by("name"))
        self.rooms: dict[str, Room] = spellings(rooms, ("name", "name_zh"))
        self.room_example = rooms[0].name if rooms else ""
        halls = list(Hall.objects.filter(expo=expo).order_by("code"))
        self.halls: dict[str, Hall] = spellings(halls, ("code", "name", "name_zh"))
        self.hall_example = halls[0].code if halls else ""
        sectors = list(Sector.objects.order_by("slug"))
        self.sectors: dict[str, Sector] = spellings(sectors, ("slug", "name", "name_zh"))
        self.sector_example = sectors[0].slug if sectors else "blue-economy"
        everyone = Organisation.objects.values_list("pk", "name", "name_zh", "country_id")
        self.organisations = OrganisationNames(
            everyone.order_by("pk") if need_organisations else []
        )
        self.kinds = choice_spellings(Activity.Kind)
        self.audiences = choice_spellings(Activity.Audience)
        self.statuses = choice_spellings(Activity.Status, IMPORT_STATUSES)
        self.roles = choice_spellings(Speaker.Role)

    def organisation(self, spelling: str) -> tuple[int | None, str]:
        """The organisation a spelling names, or None with why (blank reason: not found)."""
        return self.organisations.find(spelling)
