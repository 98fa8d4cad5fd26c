"""A fair with published meetings for the agenda tests (the query, the pages and the API).

Meetings are booked and published, and seats at activities taken, through the services. Times
straddle midnight UTC on purpose: a 07:00 slot in Nanning is 23:00 UTC the day before, so
grouping by UTC day would put it on the wrong page.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from tests.matchmaking.conftest import Party, accepted, make_party_in
from tradefair.accounts.models import ExpoStaff, Membership, User
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
from tradefair.programme.models import Activity, Room
from tradefair.programme.services.registration import register

Role = Participation.Role
NANNING = ZoneInfo("Asia/Shanghai")


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


@dataclass
class ProgrammeScene:
    """The fair's buyer with two published meetings and a seat at a forum in another hall.

    Meetings: Exhibitor 1 on 18 Sept 07:20-07:40 and Exhibitor 2 on 19 Sept 14:00-14:20, both
    in hall B. The forum runs 18 Sept 09:00-10:30 in a room of hall A, 15 minutes' walk away.
    The buyer's person is called Li Wei; a colleague acts for the same buyer, and an outsider
    buyer registers for the forum too: neither may see the other's activities.
    """

    fair: AgendaFair
    meetings: list[Meeting]
    hall_a: Hall
    room: Room
    forum: Activity
    colleague: User
    outsider: Party


def at(hour: int, minute: int = 0, day: int = 18) -> dt.datetime:
    """A moment of the test expo (September 2025) on Nanning's clock."""
    return dt.datetime(2025, 9, day, hour, minute, tzinfo=NANNING)


def add_activity(expo: Expo, room: Room | None, **fields: object) -> Activity:
    values: dict[str, object] = {
        "expo": expo,
        "kind": Activity.Kind.FORUM,
        "title": "Forum on the Blue Economy",
        "title_zh": "蓝色经济论坛",
        "start": at(9),
        "end": at(10, 30),
        "room": room,
        "audience": Activity.Audience.REGISTRATION,
        "status": Activity.Status.PUBLISHED,
    }
    values.update(fields)
    return Activity.objects.create(**values)


def build_programme_scene(expo: Expo) -> ProgrammeScene:
    organiser = User.objects.create_user("staff@example.com")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    fair = build_fair(expo, organiser)
    buyer = fair.buyer
    User.objects.filter(pk=buyer.user.pk).update(first_name="Li", last_name="Wei")
    buyer.user.refresh_from_db()
    meetings = [
        book(buyer.participation, fair.exhibitors[0].participation, fair.early[1]),
        book(buyer.participation, fair.exhibitors[1].participation, fair.late[0], table=2),
    ]
    publish(expo, organiser)
    hall_a = Hall.objects.create(expo=expo, code="A", name="Hall A", name_zh="A馆", area_m2=9000)
    room = Room.objects.create(
        expo=expo, name="Forum Room 1", name_zh="论坛一号厅", capacity=100, hall=hall_a
    )
    forum = add_activity(expo, room)
    register(activity=forum, user=buyer.user)
    colleague = User.objects.create_user("colleague@example.com")
    Membership.objects.create(user=colleague, organisation=buyer.participation.organisation)
    outsider = make_party_in(expo, "Other Buyer", Role.BUYER)
    register(activity=forum, user=outsider.user)
    return ProgrammeScene(
        fair=fair,
        meetings=meetings,
        hall_a=hall_a,
        room=room,
        forum=forum,
        colleague=colleague,
        outsider=outsider,
    )
