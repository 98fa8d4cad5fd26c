"""Write the generated demo edition into the database, fast and all-or-nothing.

One transaction, ``bulk_create`` for every table (through models for the many-to-many
fields), the B2B meeting data (``loader_meetings.py``), then the directory's search text.
Loading is idempotent: when the expo already exists nothing changes unless ``reset`` asks to
delete and reload it.
"""

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from tradefair.booths.models import SpaceBooking
from tradefair.deals.models import Deal
from tradefair.demo.applications import APPLICATIONS, write_applications
from tradefair.demo.attendance import BUYERS, EXHIBITORS, write_attendance
from tradefair.demo.deals import draw_deals
from tradefair.demo.loader_deals import DealWriter, unload_deals
from tradefair.demo.loader_deals import rows as deal_rows
from tradefair.demo.loader_meetings import MeetingWriter, unload_meetings
from tradefair.demo.loader_programme import ProgrammeWriter, unload_programme
from tradefair.demo.loader_programme import rows as programme_rows
from tradefair.demo.meetings import rows as meeting_rows
from tradefair.demo.programme import draw_programme
from tradefair.demo.records import DemoExpo, DemoOrganisation, DemoTradeLine, OrgKey
from tradefair.demo.trade import draw_trade
from tradefair.expos import planner_statistics
from tradefair.expos.models import Country, CountryGroup, Expo, HSCode, Sector
from tradefair.expos.services.reference import sync_reference_data
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module, Pavilion
from tradefair.matchmaking.models import Interpreter, Meeting, MeetingRequest, Slot
from tradefair.organisations.models import Delegation, Need, Offer, Organisation, Participation
from tradefair.organisations.services.search import refresh_search_text
from tradefair.registration.models import Application
from tradefair.trade.models import TradeFlow

BATCH = 2000
Role = Participation.Role
Step = Callable[[str, int], None]  # description, rows done
LineModel = TypeVar("LineModel", Offer, Need)


@dataclass(frozen=True)
class LoadReport:
    created: bool
    slug: str
    exhibitors: int
    exhibitor_countries: int
    buyers: int
    hall_area_m2: int
    slots: int
    interpreters: int
    requests: int
    held_meetings: int
    deals: int
    seconds: float


def load_demo(demo: DemoExpo, *, reset: bool = False, step: Step | None = None) -> LoadReport:
    """Load ``demo`` unless its expo exists; with ``reset``, replace it first."""
    started = time.monotonic()
    advance: Step = step or (lambda description, rows: None)
    with transaction.atomic():
        existing = Expo.objects.filter(slug=demo.slug).first()
        if existing is not None and not reset:
            return _report(existing, created=False, started=started)
        if existing is not None:
            unload_demo(demo.slug)
            advance(_("Deleted the previous demo"), 0)
        sync_reference_data(Country, CountryGroup, HSCode, Sector)
        expo = _Writer(demo, advance).write()
    planner_statistics.refresh()  # SQLite's user lookups scanned 10,200 buyers without it
    return _report(expo, created=True, started=started)


def unload_demo(slug: str) -> bool:
    """Delete the expo and the organisations no other expo uses; False if it did not exist.

    Deletes in dependency order because pavilions protect their hall and participations their
    pavilion.
    """
    expo = Expo.objects.filter(slug=slug).first()
    if expo is None:
        return False
    with transaction.atomic():
        unload_deals(expo)
        unload_programme(expo)
        unload_meetings(expo)
        org_ids = list(
            Participation.objects.filter(expo=expo).values_list("organisation_id", flat=True)
        )
        Application.objects.filter(expo=expo).delete()  # before the links they came through
        Participation.objects.filter(expo=expo, delegation__isnull=False).update(delegation=None)
        Delegation.objects.filter(expo=expo).delete()
        for model in (Offer, Need):
            model.objects.filter(participation__expo=expo).delete()
        BoothAssignment.objects.filter(booth__expo=expo).delete()
        Participation.objects.filter(expo=expo).delete()
        Module.objects.filter(hall__expo=expo).delete()  # before their booths and pavilions
        Booth.objects.filter(expo=expo).delete()
        Pavilion.objects.filter(expo=expo).delete()
        Hall.objects.filter(expo=expo).delete()
        expo.delete()
        for chunk in _chunks(sorted(set(org_ids)), 500):
            Organisation.objects.filter(id__in=chunk, participations__isnull=True).delete()
    return True


def _report(expo: Expo, *, created: bool, started: float) -> LoadReport:
    exhibitors = Participation.objects.filter(expo=expo, role=Role.EXHIBITOR)
    return LoadReport(
        created=created,
        slug=expo.slug,
        exhibitors=exhibitors.count(),
        exhibitor_countries=exhibitors.values("organisation__country").distinct().count(),
        buyers=Participation.objects.filter(expo=expo, role=Role.BUYER).count(),
        hall_area_m2=sum(Hall.objects.filter(expo=expo).values_list("area_m2", flat=True)),
        slots=Slot.objects.filter(expo=expo).count(),
        interpreters=Interpreter.objects.filter(expo=expo).count(),
        requests=MeetingRequest.objects.filter(expo=expo).count(),
        held_meetings=Meeting.objects.filter(expo=expo, status=Meeting.Status.HELD).count(),
        deals=Deal.objects.filter(expo=expo).count(),
        seconds=round(time.monotonic() - started, 1),
    )


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Writer:
    """Holds the id maps while the tables are written in dependency order."""

    def __init__(self, demo: DemoExpo, advance: Step) -> None:
        self.demo = demo
        self.advance = advance
        self.org_ids: dict[OrgKey, int] = {}
        self.participation_ids: dict[tuple[OrgKey, str], int] = {}

    def write(self) -> Expo:
        demo = self.demo
        expo = Expo.objects.create(
            slug=demo.slug,
            name=demo.name,
            name_zh=demo.name_zh,
            theme=demo.theme,
            theme_zh=demo.theme_zh,
            city=demo.city,
            city_zh=demo.city_zh,
            venue=demo.venue,
            venue_zh=demo.venue_zh,
            host_country_id=demo.host_country,
            start_date=demo.start_date,
            end_date=demo.end_date,
            time_zone=demo.time_zone,
        )
        pavilion_ids = self._floor(expo)
        self._organisations()
        self._participations(expo, pavilion_ids)
        self._booths(expo, pavilion_ids)
        self._trade_lines()
        MeetingWriter(expo, demo.meetings, self.participation_ids, self.advance).write()
        programme = draw_programme(demo)
        programme_writer = ProgrammeWriter(
            expo, programme, self.org_ids, self.participation_ids, self.advance
        )
        programme_writer.write()
        DealWriter(
            expo,
            draw_deals(demo, programme),
            self.org_ids,
            programme_writer.activity_ids,
            self.advance,
        ).write()
        self._trade()
        applications = write_applications(expo)
        self.advance(_("Wrote the applications"), applications.applications)
        attendance = write_attendance(expo)
        self.advance(_("Checked in the first day"), attendance.badges)
        ids = list(self.participation_ids.values())
        for chunk in _chunks(ids, BATCH):
            refresh_search_text(chunk)
            self.advance(_("Indexed the directory"), len(chunk))
        return expo

    def _trade(self) -> None:
        """The illustrative trade context; statistics are shared by every edition, so a row
        already stored (a reload, or real figures imported) is only brought up to date."""
        rows = draw_trade()
        TradeFlow.objects.bulk_create(
            [
                TradeFlow(
                    year=r.year,
                    month=r.month,
                    reporter="CHN",
                    partner=r.partner,
                    flow=r.flow,
                    commodity=r.commodity,
                    value_usd=r.value_usd,
                    illustrative=True,
                )
                for r in rows
            ],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["year", "month", "reporter", "partner", "flow", "commodity"],
            update_fields=["value_usd", "illustrative"],
        )
        self.advance(_("Added the trade context"), len(rows))

    def _floor(self, expo: Expo) -> dict[str, int]:
        halls = Hall.objects.bulk_create(
            Hall(expo=expo, code=h.code, name=h.name, name_zh=h.name_zh, area_m2=h.area_m2)
            for h in self.demo.halls
        )
        hall_ids = {h.code: h.pk for h in halls}
        sector_ids = dict(Sector.objects.values_list("slug", "id"))
        depth = {h.code: h.depth_m for h in self.demo.halls}
        pavilions = Pavilion.objects.bulk_create(
            Pavilion(
                expo=expo,
                hall_id=hall_ids[p.hall],
                code=p.code,
                name=p.name,
                name_zh=p.name_zh,
                kind=p.kind,
                sector_id=sector_ids[p.sector] if p.sector else None,
                country_id=p.country,
                area_m2=p.area_m2,
                x_m=Decimal(str(p.x_m)),
                y_m=Decimal(0),
                width_m=Decimal(str(p.width_m)),
                depth_m=Decimal(depth[p.hall]),
            )
            for p in self.demo.pavilions
        )
        self.advance(_("Built halls and pavilions"), len(halls) + len(pavilions))
        return {p.code: p.pk for p in pavilions}

    def _all_organisations(self) -> list[DemoOrganisation]:
        demo = self.demo
        return [
            *(e.organisation for e in demo.exhibitors),
            *(b.organisation for b in demo.buyers),
            *demo.partners,
            *demo.investors,
        ]

    def _organisations(self) -> None:
        """Reuse organisations already known (same country and name), create the rest."""
        wanted = self._all_organisations()
        countries = {o.country for o in wanted}
        known = {
            (country, name.lower()): pk
            for pk, country, name in Organisation.objects.filter(
                country_id__in=countries
            ).values_list("id", "country_id", "name")
        }
        new: list[Organisation] = []
        for org in wanted:
            pk = known.get((org.country, org.name.lower()))
            if pk is not None:
                self.org_ids[org.key] = pk
                continue
            new.append(
                Organisation(
                    name=org.name,
                    name_zh=org.name_zh,
                    name_local=org.name_local,
                    name_local_language=org.name_local_language,
                    kind=org.kind,
                    country_id=org.country,
                    website=org.website,
                    email=org.email,
                    description=org.description,
                    description_zh=org.description_zh,
                )
            )
        for chunk in _chunks(new, BATCH):
            for created in Organisation.objects.bulk_create(chunk):
                self.org_ids[(created.country_id, created.name)] = created.pk
            self.advance(_("Created organisations"), len(chunk))

    def _participations(self, expo: Expo, pavilion_ids: dict[str, int]) -> None:
        demo = self.demo
        partners = self._create_participations(
            expo, [(p.key, Role.PARTNER, {}) for p in demo.partners]
        )
        delegations = Delegation.objects.bulk_create(
            Delegation(expo=expo, partner_id=partners[d.partner], name=d.name, name_zh=d.name_zh)
            for d in demo.delegations
        )
        delegation_ids = {d.name: d.pk for d in delegations}
        rows: list[tuple[OrgKey, str, dict[str, Any]]] = [
            (
                e.organisation.key,
                Role.EXHIBITOR,
                {
                    "pavilion_id": pavilion_ids[e.pavilion],
                    "booth_area_m2": Decimal(e.booth_area_m2),
                },
            )
            for e in demo.exhibitors
        ]
        rows += [
            (
                b.organisation.key,
                Role.BUYER,
                {"delegation_id": delegation_ids[b.delegation] if b.delegation else None},
            )
            for b in demo.buyers
        ]
        rows += [(i.key, Role.INVESTOR, {}) for i in demo.investors]
        self._create_participations(expo, rows)

    def _create_participations(
        self, expo: Expo, rows: Sequence[tuple[OrgKey, str, dict[str, Any]]]
    ) -> dict[OrgKey, int]:
        created: dict[OrgKey, int] = {}
        for chunk in _chunks(rows, BATCH):
            objects = Participation.objects.bulk_create(
                Participation(expo=expo, organisation_id=self.org_ids[key], role=role, **extra)
                for key, role, extra in chunk
            )
            for (key, role, _extra), obj in zip(chunk, objects, strict=True):
                created[key] = self.participation_ids[(key, role)] = obj.pk
            self.advance(_("Registered participations"), len(chunk))
        return created

    def _booths(self, expo: Expo, pavilion_ids: dict[str, int]) -> None:
        """The booths the engine placed, then the grid's modules, each pointing at the booth
        that covers it, then what the allocation read of each exhibitor."""
        booth_of: dict[tuple[str, int, int], int] = {}
        for chunk in _chunks(self.demo.booths, BATCH):
            booths = Booth.objects.bulk_create(
                Booth(
                    expo=expo,
                    pavilion_id=pavilion_ids[b.pavilion],
                    number=b.number,
                    area_m2=Decimal(str(b.area_m2)),
                    x_m=Decimal(str(b.x_m)),
                    y_m=Decimal(str(b.y_m)),
                    width_m=Decimal(str(b.width_m)),
                    depth_m=Decimal(str(b.depth_m)),
                )
                for b in chunk
            )
            BoothAssignment.objects.bulk_create(
                BoothAssignment(
                    booth_id=booth.pk,
                    participation_id=self.participation_ids[(b.holder, Role.EXHIBITOR)],
                )
                for booth, b in zip(booths, chunk, strict=True)
            )
            for booth, b in zip(booths, chunk, strict=True):
                booth_of.update(dict.fromkeys(b.modules, booth.pk))
            self.advance(_("Placed booths"), len(chunk))
        hall_ids = dict(Hall.objects.filter(expo=expo).values_list("code", "pk"))
        for chunk in _chunks(self.demo.modules, BATCH):
            Module.objects.bulk_create(
                Module(
                    hall_id=hall_ids[m.hall],
                    x=m.x,
                    y=m.y,
                    x_m=Decimal(str(m.x_m)),
                    y_m=Decimal(str(m.y_m)),
                    pavilion_id=pavilion_ids[m.pavilion],
                    premium=Decimal(str(m.premium)),
                    booth_id=booth_of.get(m.key),
                )
                for m in chunk
            )
            self.advance(_("Laid out the halls' modules"), len(chunk))
        self._space_bookings()

    def _space_bookings(self) -> None:
        sector_ids = dict(Sector.objects.values_list("slug", "id"))
        exhibitor = {
            e.organisation.key: self.participation_ids[(e.organisation.key, Role.EXHIBITOR)]
            for e in self.demo.exhibitors
        }
        bookings = SpaceBooking.objects.bulk_create(
            (
                SpaceBooking(
                    participation_id=exhibitor[e.organisation.key],
                    points=e.points,
                    sector_id=sector_ids[e.sector],
                )
                for e in self.demo.exhibitors
            ),
            batch_size=BATCH,
        )
        through = SpaceBooking.competitors.through
        through.objects.bulk_create(
            through(spacebooking_id=booking.pk, participation_id=exhibitor[rival])
            for booking, e in zip(bookings, self.demo.exhibitors, strict=True)
            for rival in e.competitors
            if rival in exhibitor  # a cut of the demo may leave the rival out
        )
        self.advance(_("Recorded the space bookings"), len(bookings))

    def _trade_lines(self) -> None:
        demo = self.demo
        sector_ids = dict(Sector.objects.values_list("slug", "id"))
        offers = [
            (self.participation_ids[(e.organisation.key, Role.EXHIBITOR)], line)
            for e in demo.exhibitors
            for line in e.offers
        ]
        needs = [
            (self.participation_ids[(b.organisation.key, Role.BUYER)], line)
            for b in demo.buyers
            for line in b.needs
        ]
        self._write_lines(Offer, offers, sector_ids)
        self._write_lines(Need, needs, sector_ids)

    def _write_lines(
        self,
        model: type[LineModel],
        lines: Sequence[tuple[int, DemoTradeLine]],
        sector_ids: dict[str, int],
    ) -> None:
        fk = f"{model._meta.model_name}_id"
        through: dict[str, type[Model]] = {
            name: getattr(model, name).through for name in ("hs_codes", "sectors", "markets")
        }
        for chunk in _chunks(lines, BATCH):
            objects = model.objects.bulk_create(
                model(
                    participation_id=pid,
                    title=line.title,
                    title_zh=line.title_zh,
                    text=line.text,
                    text_zh=line.text_zh,
                )
                for pid, line in chunk
            )
            links: dict[str, list[Model]] = {name: [] for name in through}
            for obj, (_pid, line) in zip(objects, chunk, strict=True):
                links["hs_codes"] += [
                    through["hs_codes"](**{fk: obj.pk, "hscode_id": c}) for c in line.hs_codes
                ]
                links["sectors"] += [
                    through["sectors"](**{fk: obj.pk, "sector_id": sector_ids[s]})
                    for s in line.sectors
                ]
                links["markets"] += [
                    through["markets"](**{fk: obj.pk, "country_id": c}) for c in line.markets
                ]
            for name, rows in links.items():
                through[name].objects.bulk_create(rows, batch_size=BATCH)  # type: ignore[attr-defined]
            self.advance(
                _("Wrote %(things)s") % {"things": model._meta.verbose_name_plural}, len(chunk)
            )


def total_rows(demo: DemoExpo) -> int:
    """Rows the progress bar counts: what ``step`` reports over a full load."""
    lines = sum(len(e.offers) for e in demo.exhibitors) + sum(len(b.needs) for b in demo.buyers)
    organisations = len(demo.exhibitors) + len(demo.buyers) + len(demo.partners)
    organisations += len(demo.investors)
    floor = len(demo.halls) + len(demo.pavilions) + len(demo.modules) + len(demo.exhibitors)
    drawn = draw_programme(demo)
    programme = programme_rows(drawn) + deal_rows(draw_deals(demo, drawn)) + len(draw_trade())
    return (
        floor
        + 3 * organisations
        + len(demo.booths)
        + APPLICATIONS
        + BUYERS
        + EXHIBITORS
        + lines
        + meeting_rows(demo.meetings)
        + programme
    )
