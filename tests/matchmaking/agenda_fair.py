"""A fair with published meetings for the agenda tests (the query, the pages and the API).

Meetings are booked and published through the services. Times straddle midnight UTC on
purpose: a 07:00 slot in Nanning is 23:00 UTC the day before, so grouping by UTC day would put
it on the wrong page.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tests.matchmaking.conftest import Party, accepted, make_party_in
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Pavilion
from tradefair.matchmaking.models import (
    Interpreter,
    Meeting,
    NegotiationSession,
    ScheduleRun,
    Slot,
)
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.matchmaking.services.publishing import publish_schedule
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Participation

Role = Participation.Role


@dataclass
class AgendaFair:
    expo: Expo
    organiser: User
    buyer: Party
    exhibitors: list[Party]
    early: list[Slot]  # 18 Sept from 07:00 Nanning time (23:00 UTC on the 17th)
    late: list[Slot]  # 19 Sept from 14:00
    interpreter: Interpreter
    hall: Hall


def build_fair(expo: Expo, organiser: User, exhibitors: int = 3) -> AgendaFair:
    hall = Hall.objects.create(expo=expo, code="B", name="Hall B", name_zh="B馆", area_m2=9000)
    pavilion = Pavilion.objects.create(
        expo=expo, hall=hall, code="tech", name="Tech", kind=Pavilion.Kind.THEMED, area_m2=900
    )
    early = _session(expo, organiser, hall, dt.date(2025, 9, 18), dt.time(7, 0), "Morning talks")
    late = _session(expo, organiser, hall, dt.date(2025, 9, 19), dt.time(14, 0), "Afternoon")
    parties = [
        make_party_in(expo, f"Exhibitor {n}", Role.EXHIBITOR) for n in range(1, exhibitors + 1)
    ]
    for n, party in enumerate(parties, start=1):
        booth = Booth.objects.create(
            expo=expo, pavilion=pavilion, number=f"B-{n:02d}", area_m2=Decimal("9")
        )
        BoothAssignment.objects.create(booth=booth, participation=party.participation)
    return AgendaFair(
        expo=expo,
        organiser=organiser,
        buyer=make_party_in(expo, "Buyer One", Role.BUYER),
        exhibitors=parties,
        early=early,
        late=late,
        interpreter=Interpreter.objects.create(expo=expo, name="Lan Nguyen", languages=["vi"]),
        hall=hall,
    )


def _session(
    expo: Expo, organiser: User, hall: Hall, day: dt.date, start: dt.time, name: str
) -> list[Slot]:
    session: NegotiationSession = create_session(
        expo=expo,
        name=name,
        name_zh=f"{name}（中文）",
        hall=hall,
        date=day,
        start_time=start,
        end_time=(dt.datetime.combine(day, start) + dt.timedelta(hours=1)).time(),
        slot_minutes=20,
        tables=4,
        by_user=organiser,
    )
    return list(session.slots.order_by("start"))


def book(
    buyer: Participation,
    exhibitor: Participation,
    slot: Slot,
    *,
    table: int | None = None,
    interpreter: Interpreter | None = None,
) -> Meeting:
    return book_meeting(
        request=accepted(buyer, exhibitor),
        slot=slot,
        table_number=table,
        interpreter=interpreter,
    )


def publish(expo: Expo, organiser: User) -> int:
    """Publish every booked meeting as the organisers do, through a finished run."""
    run = ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.DONE)
    return publish_schedule(run=run, by_user=organiser)


@dataclass
class Scene:
    """Two published meetings and one unpublished for the fair's buyer, and three outsiders."""

    fair: AgendaFair
    meetings: list[Meeting]
    other_buyer: User
    delegate: User
    organiser: User


def build_scene(expo: Expo) -> Scene:
    organiser = User.objects.create_user("staff@example.com")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    fair = build_fair(expo, organiser)
    buyer = fair.buyer.participation
    meetings = [
        book(buyer, fair.exhibitors[0].participation, fair.early[0], interpreter=fair.interpreter),
        book(buyer, fair.exhibitors[1].participation, fair.late[2], table=4),
    ]
    publish(expo, organiser)
    book(buyer, fair.exhibitors[2].participation, fair.early[1])  # not published
    return Scene(
        fair=fair,
        meetings=meetings,
        other_buyer=make_party_in(expo, "Other Buyer", Role.BUYER).user,
        delegate=make_party_in(expo, "Trade Office", Role.DELEGATE).user,
        organiser=organiser,
    )
