"""Programme commitments become availability: no meeting where all of an organisation is busy.

The negotiation session runs 09:00-11:00 on 18 September in hall A, cut into six 20-minute
slots. A forum from 09:40 to 10:20 in hall A blocks the two slots it covers; in hall B (or in
a room whose hall is unknown) the 15-minute walk also blocks 09:20 and 10:20.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.engine.schedule.problem import Participant
from tradefair.expos.models import Country, Expo
from tradefair.floorplan.models import Hall
from tradefair.matchmaking import adapters
from tradefair.matchmaking.models import (
    Availability,
    Meeting,
    MeetingProfile,
    ScheduleRun,
    Slot,
)
from tradefair.matchmaking.services.publishing import publish_schedule
from tradefair.matchmaking.services.scheduling import start_schedule_run
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Organisation, Participation
from tradefair.programme.models import Activity, Registration, Room, Speaker

from .conftest import Party, accepted

NANNING = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2025, 9, 18)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), tzinfo=NANNING)


# --- building blocks, shared with test_schedule_expo_command -----------------------------------


def hall(expo: Expo, code: str) -> Hall:
    return Hall.objects.create(expo=expo, code=code, name=f"Hall {code}", area_m2=10_000)


def room(expo: Expo, name: str, in_hall: Hall | None) -> Room:
    return Room.objects.create(expo=expo, name=name, capacity=500, hall=in_hall)


def session_slots(expo: Expo, organiser: User, in_hall: Hall | None, *, tables: int = 5) -> list:
    session = create_session(
        expo=expo,
        name="Procurement",
        date=DAY,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        slot_minutes=20,
        tables=tables,
        hall=in_hall,
        by_user=organiser,
    )
    return list(session.slots.order_by("start"))


def activity(
    expo: Expo,
    where: Room | None,
    start: dt.datetime,
    end: dt.datetime,
    status: str = Activity.Status.PUBLISHED,
) -> Activity:
    return Activity.objects.create(
        expo=expo,
        kind=Activity.Kind.FORUM,
        title=f"Forum at {start:%H:%M}",
        start=start,
        end=end,
        room=where,
        audience=Activity.Audience.REGISTRATION,
        status=status,
    )


def seat(forum: Activity, user: User, party: Participation, status: str = "registered") -> None:
    """A registration row as the registration service leaves it (seated ones numbered)."""
    seated = status in ("registered", "attended")
    taken = Registration.objects.filter(activity=forum, seat__isnull=False).count()
    Registration.objects.create(
        activity=forum,
        user=user,
        participation=party,
        status=status,
        seat=taken + 1 if seated else None,
    )


def member(party: Participation, email: str) -> User:
    user = User.objects.create_user(email)
    Membership.objects.create(user=user, organisation_id=party.organisation_id)
    return user


def organisation(expo: Expo, name: str, role: str) -> Participation:
    company = Organisation.objects.create(name=name, country=Country.objects.get(code="CN"))
    return Participation.objects.create(expo=expo, organisation=company, role=role)


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def halls(expo: Expo) -> tuple[Hall, Hall]:
    return hall(expo, "A"), hall(expo, "B")


@pytest.fixture
def slots(expo: Expo, organiser: User, halls: tuple[Hall, Hall]) -> list[Slot]:
    return session_slots(expo, organiser, halls[0])


@pytest.fixture
def pair(make_party, slots: list[Slot]) -> tuple[Party, Party]:
    """A buyer and an exhibitor, one member each, with an accepted request."""
    buyer = make_party("Buyer One")
    maker = make_party("Maker One", Participation.Role.EXHIBITOR)
    accepted(buyer.participation, maker.participation)
    return buyer, maker


def available(expo: Expo, party: Participation) -> frozenset[str] | None:
    problem = adapters.build_problem(expo).problem
    found: Participant = problem.participants[problem.participant_index[f"p{party.pk}"]]
    return found.available


def ids(slots: list[Slot], *positions: int) -> frozenset[str]:
    return frozenset(str(slots[i].pk) for i in positions)


EVERY = range(6)
SAME_HALL = (2, 3)  # 09:40 and 10:00
WALKED = (1, 2, 3, 4)  # 09:20 to 10:20


# --- the rule ----------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("room_hall", "blocked"),
    [("A", SAME_HALL), ("B", WALKED), (None, WALKED)],
    ids=["same hall: no walk", "other hall: 15 minutes", "unknown hall: 15 minutes"],
)
def test_a_slot_where_the_only_attendee_sits_in_a_forum_is_gone(
    expo, halls, slots, pair, room_hall, blocked
):
    buyer, maker = pair
    where = room(expo, "Forum", {"A": halls[0], "B": halls[1], None: None}[room_hall])
    seat(activity(expo, where, at(9, 40), at(10, 20)), buyer.user, buyer.participation)
    free = set(EVERY) - set(blocked)
    assert available(expo, buyer.participation) == ids(slots, *free)
    assert available(expo, maker.participation) is None


def test_an_activity_without_a_room_counts_the_walk(expo, slots, pair):
    buyer, _ = pair
    seat(activity(expo, None, at(9, 40), at(10, 20)), buyer.user, buyer.participation)
    assert available(expo, buyer.participation) == ids(slots, 0, 5)


def test_a_session_in_an_unknown_hall_counts_the_walk(expo, organiser, halls, make_party):
    slots = session_slots(expo, organiser, None)
    buyer = make_party("Buyer One")
    maker = make_party("Maker One", Participation.Role.EXHIBITOR)
    accepted(buyer.participation, maker.participation)
    forum = activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20))
    seat(forum, buyer.user, buyer.participation)
    assert available(expo, buyer.participation) == ids(slots, 0, 5)


def test_one_free_attendee_keeps_every_slot(expo, halls, slots, pair):
    buyer, _ = pair
    colleague = member(buyer.participation, "colleague@example.com")
    seat(activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20)), buyer.user,
         buyer.participation)  # fmt: skip
    assert available(expo, buyer.participation) is None
    # The colleague goes to a later forum: only the slot both are away from is lost.
    later = activity(expo, room(expo, "Other forum", halls[0]), at(10, 0), at(10, 40))
    seat(later, colleague, buyer.participation)
    assert available(expo, buyer.participation) == ids(slots, 0, 1, 2, 4, 5)


def test_named_attendees_decide_not_the_other_members(expo, halls, slots, pair):
    buyer, _ = pair
    delegate = member(buyer.participation, "delegate@example.com")
    profile = MeetingProfile.objects.create(participation=buyer.participation)
    profile.attendees.set([delegate])
    forum = activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20))
    # The named attendee is free; a member who is not named sits in the forum: no effect.
    seat(forum, buyer.user, buyer.participation)
    assert available(expo, buyer.participation) is None
    # The named attendee sits there too, while the other member is free: the slots go.
    seat(forum, delegate, buyer.participation)
    Registration.objects.filter(user=buyer.user).update(status="cancelled", seat=None)
    assert available(expo, buyer.participation) == ids(slots, 0, 1, 4, 5)


@pytest.mark.parametrize("status", ["waitlisted", "cancelled"])
def test_a_place_without_a_seat_keeps_the_person_free(expo, halls, slots, pair, status):
    buyer, _ = pair
    forum = activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20))
    seat(forum, buyer.user, buyer.participation, status=status)
    assert available(expo, buyer.participation) is None


def test_an_attended_registration_counts(expo, halls, slots, pair):
    buyer, _ = pair
    forum = activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20))
    seat(forum, buyer.user, buyer.participation, status="attended")
    assert available(expo, buyer.participation) == ids(slots, 0, 1, 4, 5)


@pytest.mark.parametrize("status", [Activity.Status.DRAFT, Activity.Status.CANCELLED])
def test_draft_and_cancelled_activities_keep_people_free(expo, halls, slots, pair, status):
    buyer, _ = pair
    forum = activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20), status=status)
    seat(forum, buyer.user, buyer.participation)
    assert available(expo, buyer.participation) is None


def test_a_speaker_is_busy_on_either_side(expo, halls, slots, pair):
    buyer, maker = pair
    forum = activity(expo, room(expo, "Forum", halls[1]), at(9, 40), at(10, 20))
    Speaker.objects.create(activity=forum, name="Ms Speaker", user=maker.user)
    assert available(expo, maker.participation) == ids(slots, 0, 5)
    assert available(expo, buyer.participation) is None


def test_availability_rows_are_intersected(expo, halls, slots, pair):
    buyer, _ = pair
    for i in (0, 1, 2):
        Availability.objects.create(participation=buyer.participation, slot=slots[i])
    seat(activity(expo, room(expo, "Forum", halls[0]), at(9, 40), at(10, 20)), buyer.user,
         buyer.participation)  # fmt: skip
    assert available(expo, buyer.participation) == ids(slots, 0, 1)


def test_an_organisation_without_attendees_is_left_alone(expo, halls, slots, make_party):
    maker = make_party("Maker One", Participation.Role.EXHIBITOR)
    nobody = organisation(expo, "Nobody Ltd", Participation.Role.BUYER)
    accepted(nobody, maker.participation)
    forum = activity(expo, room(expo, "Forum", halls[0]), at(9, 0), at(11, 0))
    seat(forum, maker.user, maker.participation)
    assert available(expo, nobody) is None
    assert available(expo, maker.participation) == frozenset()


def test_another_editions_programme_does_not_count(expo, halls, slots, pair):
    buyer, _ = pair
    other = Expo.objects.create(
        slug="other",
        name="Other",
        city="Nanning",
        host_country=Country.objects.get(code="CN"),
        start_date=DAY,
        end_date=DAY,
    )
    seat(activity(other, None, at(9, 40), at(10, 20)), buyer.user, buyer.participation)
    assert available(expo, buyer.participation) is None


def test_reading_the_programme_costs_the_same_queries_for_one_or_many(
    expo, halls, slots, make_party
):
    forum = activity(expo, room(expo, "Forum", halls[1]), at(9, 40), at(10, 20))

    def add(n: int) -> None:
        for i in range(n):
            buyer = make_party(f"Buyer {n}-{i}")
            maker = make_party(f"Maker {n}-{i}", Participation.Role.EXHIBITOR)
            accepted(buyer.participation, maker.participation)
            seat(forum, buyer.user, buyer.participation)
            MeetingProfile.objects.create(participation=maker.participation).attendees.add(
                maker.user
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            adapters.build_problem(expo)
        return len(captured.captured_queries)

    add(1)
    few = queries()
    add(3)
    assert queries() == few
    problem = adapters.build_problem(expo).problem
    assert sum(p.available == ids(slots, 0, 5) for p in problem.participants) == 4


def test_a_published_meeting_stays_when_its_buyer_confirms_a_clashing_forum(
    expo, organiser, halls, slots, pair, django_capture_on_commit_callbacks
):
    buyer, _ = pair
    with django_capture_on_commit_callbacks(execute=True):
        first = start_schedule_run(expo=expo, by_user=organiser)
    with django_capture_on_commit_callbacks(execute=True):
        publish_schedule(run=ScheduleRun.objects.get(pk=first.pk), by_user=organiser)
    meeting = Meeting.objects.get()
    where = meeting.slot
    forum = activity(expo, room(expo, "Forum", halls[0]), where.start, where.end)
    seat(forum, buyer.user, buyer.participation)  # the clash the buyer confirmed
    # The slot stays open to both sides of the kept meeting, and the re-run leaves it there.
    assert available(expo, buyer.participation) == ids(slots, *EVERY)
    assert available(expo, meeting.exhibitor) is None  # no limits at all: every slot
    with django_capture_on_commit_callbacks(execute=True):
        rerun = start_schedule_run(expo=expo, by_user=organiser)
    assert ScheduleRun.objects.get(pk=rerun.pk).status == ScheduleRun.Status.DONE
    assert list(Meeting.objects.values_list("pk", "slot_id")) == [(meeting.pk, where.pk)]


# --- the property: no run places a meeting where all of an organisation is busy -----------------

WALK = dt.timedelta(minutes=15)


@st.composite
def fairs(draw: st.DrawFn) -> dict:
    """A few buyers and makers (1-2 people each, some naming their attendees), a session in
    hall A or an unknown hall, and a few activities around it with random seated people."""
    parties = [
        {
            "role": role,
            "people": draw(st.integers(1, 2)),
            "named": draw(st.sampled_from([None, {0}, {1}, {0, 1}])),
        }
        for role, n in (
            (Participation.Role.BUYER, draw(st.integers(1, 3))),
            (Participation.Role.EXHIBITOR, draw(st.integers(1, 3))),
        )
        for _ in range(n)
    ]
    people = [(p, i) for p, party in enumerate(parties) for i in range(party["people"])]
    activities = [
        {
            "start": draw(st.integers(-4, 11)) * 10,  # minutes after 09:00
            "minutes": draw(st.sampled_from([10, 20, 40, 60])),
            "hall": draw(st.sampled_from(["A", "B", None])),
            "status": draw(st.sampled_from(["published", "published", "draft"])),
            "seated": draw(st.sets(st.sampled_from(people))),
            "waiting": draw(st.sets(st.sampled_from(people))),
        }
        for _ in range(draw(st.integers(0, 4)))
    ]
    buyers = [p for p, party in enumerate(parties) if party["role"] == "buyer"]
    makers = [p for p, party in enumerate(parties) if party["role"] == "exhibitor"]
    pairs = [(b, m) for b in buyers for m in makers]
    return {
        "parties": parties,
        "activities": activities,
        "session_hall": draw(st.sampled_from(["A", None])),
        "tables": draw(st.integers(1, 3)),
        "requests": draw(st.lists(st.sampled_from(pairs), min_size=1, unique=True)),
    }


class TestNoMeetingWhereEveryAttendeeIsBusy(TestCase):
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(fair=fairs())
    def test_a_run_respects_every_organisations_programme(self, fair: dict) -> None:
        expo = Expo.objects.create(
            slug="fair",
            name="Fair",
            city="Nanning",
            host_country=Country.objects.get(code="CN"),
            start_date=DAY,
            end_date=DAY,
        )
        organiser = User.objects.create_user("organiser@example.com")
        ExpoStaff.objects.create(user=organiser, expo=expo)
        halls = {"A": hall(expo, "A"), "B": hall(expo, "B"), None: None}
        slots = session_slots(expo, organiser, halls[fair["session_hall"]], tables=fair["tables"])
        parts, users, attendees = [], {}, {}
        for p, party in enumerate(fair["parties"]):
            part = organisation(expo, f"Party {p}", party["role"])
            parts.append(part)
            for i in range(party["people"]):
                users[p, i] = member(part, f"p{p}-{i}@example.com")
            named = {i for i in party["named"] or () if i < party["people"]}
            if named:
                profile = MeetingProfile.objects.create(participation=part)
                profile.attendees.set([users[p, i] for i in named])
            attendees[part.pk] = [(p, i) for i in (named or range(party["people"]))]
        busy: dict[tuple[int, int], list[tuple[dt.datetime, dt.datetime, str | None]]] = {}
        for k, spec in enumerate(fair["activities"]):
            start = at(9) + dt.timedelta(minutes=spec["start"])
            end = start + dt.timedelta(minutes=spec["minutes"])
            where = room(expo, f"Room {k}", halls[spec["hall"]])
            forum = activity(expo, where, start, end, status=spec["status"])
            for person in spec["seated"]:
                seat(forum, users[person], parts[person[0]])
                if spec["status"] == "published":
                    busy.setdefault(person, []).append((start, end, spec["hall"]))
            for person in spec["waiting"] - spec["seated"]:
                seat(forum, users[person], parts[person[0]], status="waitlisted")
        for b, m in fair["requests"]:
            accepted(parts[b], parts[m])

        with self.captureOnCommitCallbacks(execute=True):
            started = start_schedule_run(expo=expo, by_user=organiser, time_limit=5.0)
        assert ScheduleRun.objects.get(pk=started.pk).status == ScheduleRun.Status.DONE

        def away(person: tuple[int, int], slot: Slot) -> bool:
            for start, end, where in busy.get(person, []):
                walk = dt.timedelta(0) if where and where == fair["session_hall"] else WALK
                if start < slot.end + walk and slot.start < end + walk:
                    return True
            return False

        # Both directions of the rule: a slot leaves a party's availability exactly when all
        # its attendees are away (not when only some are), as the scheduler is told it ...
        problem = adapters.build_problem(expo).problem
        every = frozenset(str(s.pk) for s in slots)
        for participant in problem.participants:
            people = attendees[int(participant.id.removeprefix("p"))]
            free = frozenset(
                str(s.pk) for s in slots if not (people and all(away(x, s) for x in people))
            )
            assert participant.available == (None if free == every else free)
        # ... and no meeting the run placed sits in such a slot.
        meetings = Meeting.objects.filter(expo=expo).select_related("slot")
        event(f"meetings placed: {'some' if meetings.exists() else 'none'}")
        for meeting in meetings:
            for side in (meeting.buyer_id, meeting.exhibitor_id):
                people = attendees[side]
                assert not (people and all(away(person, meeting.slot) for person in people)), (
                    f"meeting {meeting} of participation {side} in a slot all its people are away"
                )
