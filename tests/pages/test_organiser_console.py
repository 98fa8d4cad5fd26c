"""The organiser console: who may use it, and each page doing its job on a small fair."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.matchmaking.conftest import Party, make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Country, Expo
from tradefair.floorplan.models import Hall
from tradefair.matchmaking.models import (
    Interpreter,
    Meeting,
    MeetingRequest,
    NegotiationSession,
    ScheduleRun,
    Slot,
)
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.organisations.models import Participation

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Asia/Shanghai")


@dataclass
class World:
    """An expo with one session, a booked meeting, an interpreter, a finished run."""

    expo: Expo
    organiser: User
    buyer: Party
    exhibitor: Party
    session: NegotiationSession
    spare: NegotiationSession  # without meetings: may be deleted
    slots: list[Slot]
    request: MeetingRequest
    meeting: Meeting
    interpreter: Interpreter
    run: ScheduleRun


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


@pytest.fixture
def world(expo: Expo, organiser: User) -> World:
    session = make_session(expo, organiser, tables=2, slots=3)
    spare = make_session(expo, organiser, tables=1, slots=1)
    spare.name = "Spare"
    spare.save()
    slots = list(session.slots.order_by("start"))
    buyer = make_party_in(expo, "Buyer One", Participation.Role.BUYER)
    exhibitor = make_party_in(expo, "Exhibitor One", Participation.Role.EXHIBITOR)
    request = MeetingRequest.objects.create(
        expo=expo,
        buyer=buyer.participation,
        exhibitor=exhibitor.participation,
        status=MeetingRequest.Status.ACCEPTED,
    )
    meeting = book_meeting(request=request, slot=slots[0])
    interpreter = Interpreter.objects.create(expo=expo, name="Lan Nguyen", languages=["vi", "zh"])
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.DONE,
        stats={"count": 1, "upper_bound": 1, "priority": 1, "buyers_without_meeting": 0},
    )
    return World(
        expo, organiser, buyer, exhibitor, session, spare, slots, request, meeting, interpreter, run
    )


@pytest.fixture
def other_staff(db) -> User:
    """Organiser staff of another edition."""
    other = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        city="Kunming",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2025, 6, 1),
        end_date=dt.date(2025, 6, 5),
    )
    user = User.objects.create_user("staff@other.example")
    ExpoStaff.objects.create(user=user, expo=other)
    return user


def url(name: str, w: World, **kwargs: object) -> str:
    return reverse(f"organiser:{name}", kwargs={"slug": w.expo.slug, **kwargs})


def state(w: World) -> tuple[object, ...]:
    """Everything a console POST could change, to show a refused one changed nothing."""
    return (
        list(NegotiationSession.objects.values_list("pk", flat=True).order_by("pk")),
        Slot.objects.count(),
        list(Interpreter.objects.values_list("pk", "name", "languages").order_by("pk")),
        list(MeetingRequest.objects.values_list("pk", "status", "must_meet").order_by("pk")),
        list(
            ScheduleRun.objects.values_list(
                "pk", "status", "publish_status", "published_at"
            ).order_by("pk")
        ),
        list(Meeting.objects.values_list("pk", "slot_id", "table_number", "status", "published")),
    )


# name, method, (kwargs, POST data) from the world
PAGES = [
    ("home", "get", lambda w: ({}, {})),
    ("sessions", "get", lambda w: ({}, {})),
    ("interpreters", "get", lambda w: ({}, {})),
    ("interpreter_edit", "get", lambda w: ({"pk": w.interpreter.pk}, {})),
    ("must_meet", "get", lambda w: ({}, {})),
    ("must_meet_search", "get", lambda w: ({"role": "buyer"}, {"buyer_q": "Buyer"})),
    ("schedule", "get", lambda w: ({}, {})),
    ("schedule_progress", "get", lambda w: ({"pk": w.run.pk}, {})),
    ("meetings", "get", lambda w: ({}, {})),
    ("meeting_move", "get", lambda w: ({"pk": w.meeting.pk}, {})),
]
ACTIONS = [
    (
        "sessions",
        "post",
        lambda w: (
            {},
            {
                "name": "Afternoon",
                "date": "2025-09-19",
                "start_time": "14:00",
                "end_time": "15:00",
                "slot_minutes": "20",
                "tables": "3",
            },
        ),
    ),
    ("session_delete", "post", lambda w: ({"pk": w.spare.pk}, {})),
    ("interpreters", "post", lambda w: ({}, {"name": "Ana", "languages": "en, th"})),
    (
        "interpreter_edit",
        "post",
        lambda w: ({"pk": w.interpreter.pk}, {"name": "Lan N.", "languages": "vi, zh, en"}),
    ),
    ("interpreter_remove", "post", lambda w: ({"pk": w.interpreter.pk}, {})),
    (
        "must_meet",
        "post",
        lambda w: (
            {},
            {"buyer": w.buyer.participation.pk, "exhibitor": w.exhibitor.participation.pk},
        ),
    ),
    ("schedule", "post", lambda w: ({}, {"time_limit": "5"})),
    ("schedule_publish", "post", lambda w: ({"pk": w.run.pk}, {})),
    ("meeting_mark", "post", lambda w: ({"pk": w.meeting.pk, "outcome": "held"}, {})),
    ("meeting_mark", "post", lambda w: ({"pk": w.meeting.pk, "outcome": "no_show"}, {})),
    ("meeting_move", "post", lambda w: ({"pk": w.meeting.pk}, {"slot": w.slots[1].pk})),
]


@pytest.mark.parametrize("who", ["anonymous", "participant", "other_staff", "organiser"])
@pytest.mark.parametrize(
    ("name", "method", "build"), PAGES + ACTIONS, ids=lambda v: v if isinstance(v, str) else ""
)
def test_only_the_editions_organisers_use_the_console(
    client, world, other_staff, who, name, method, build
):
    users = {
        "participant": world.buyer.user,
        "other_staff": other_staff,
        "organiser": world.organiser,
    }
    if who in users:
        client.force_login(users[who])
    kwargs, data = build(world)
    target = url(name, world, **kwargs)
    before = state(world)
    response = getattr(client, method)(target, data)
    if who == "anonymous":
        assert response.status_code == 302
        came_from = f"{target}?{urlencode(data)}" if method == "get" and data else target
        assert response["Location"] == (
            f"{reverse('accounts:login')}?{urlencode({'next': came_from}, safe='/')}"
        )
    elif who != "organiser":
        assert response.status_code == 403
    else:
        assert response.status_code == (200 if method == "get" else 302)
        if method == "post":
            assert state(world) != before
        return
    assert state(world) == before


def test_an_unknown_edition_is_a_404(client, world):
    client.force_login(world.organiser)
    response = client.get(reverse("organiser:home", kwargs={"slug": "no-such-expo"}))
    assert response.status_code == 404


# Sessions -------------------------------------------------------------------------------------


def test_creating_a_session_makes_its_whole_slots(client, world):
    hall = Hall.objects.create(expo=world.expo, code="B", name="Hall B", area_m2=5000)
    client.force_login(world.organiser)
    response = client.post(
        url("sessions", world),
        {
            "name": "Food procurement",
            "name_zh": "食品采购",
            "date": "2025-09-19",
            "start_time": "09:00",
            "end_time": "10:50",
            "slot_minutes": "20",
            "tables": "4",
            "hall": hall.pk,
        },
        follow=True,
    )
    session = NegotiationSession.objects.get(name="Food procurement")
    assert (session.name_zh, session.hall, session.tables) == ("食品采购", hall, 4)
    starts = [
        (s.start.astimezone(ZONE).strftime("%H:%M"), s.end.astimezone(ZONE).strftime("%H:%M"))
        for s in session.slots.order_by("start")
    ]
    assert starts == [
        ("09:00", "09:20"),
        ("09:20", "09:40"),
        ("09:40", "10:00"),
        ("10:00", "10:20"),
        ("10:20", "10:40"),
    ]
    assert set(session.slots.values_list("tables", flat=True)) == {4}
    assert [str(m) for m in response.context["messages"]] == [
        "Session “Food procurement” created with 5 slots."
    ]


def test_a_session_outside_the_expo_is_refused_with_the_values_kept(client, world):
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(
        url("sessions", world),
        {
            "name": "Too late",
            "date": "2025-09-30",
            "start_time": "11:00",
            "end_time": "10:00",
            "slot_minutes": "20",
            "tables": "4",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "date": ["Choose a day of the expo, between 17 Sept 2025 and 21 Sept 2025."],
        "end_time": ["The session must end after it starts."],
    }
    assert 'value="Too late"' in response.content.decode()
    assert state(world) == before


def test_a_session_with_meetings_is_not_deleted(client, world):
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(url("session_delete", world, pk=world.session.pk), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "This session has 1 meeting; move or remove it first."
    ]
    assert state(world) == before


def test_an_empty_session_is_deleted_with_its_slots(client, world):
    client.force_login(world.organiser)
    response = client.post(url("session_delete", world, pk=world.spare.pk), follow=True)
    assert not NegotiationSession.objects.filter(pk=world.spare.pk).exists()
    assert Slot.objects.count() == 3
    assert [str(m) for m in response.context["messages"]] == [
        "Session “Spare” deleted with its 1 slot."
    ]


def test_the_sessions_page_lists_slots_and_meetings(client, world):
    client.force_login(world.organiser)
    response = client.get(url("sessions", world))
    rows = [(s.name, s.slot_count, s.meeting_count) for s in response.context["sessions"]]
    assert rows == [("Procurement", 3, 1), ("Spare", 1, 0)]
    assert (response.context["slot_total"], response.context["table_slots"]) == (4, 7)


# Interpreters ---------------------------------------------------------------------------------


def test_adding_an_interpreter_checks_the_language_codes(client, world):
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(
        url("interpreters", world), {"name": "Ana", "languages": "en, english, xx"}
    )
    assert response.context["form"].errors == {
        "languages": [
            "Not ISO 639-1 language codes: english, xx. Use two letters, e.g. zh, en, vi."
        ]
    }
    assert state(world) == before
    client.post(
        url("interpreters", world),
        {"name": "Ana", "languages": "TH en", "available_slots": [world.slots[0].pk]},
    )
    ana = Interpreter.objects.get(name="Ana")
    assert (ana.languages, list(ana.available_slots.all())) == (["en", "th"], [world.slots[0]])
    pool = client.get(url("interpreters", world)).context["pool"]
    assert [(i.name, i.slot_count) for i, _ in pool] == [("Ana", 1), ("Lan Nguyen", 0)]


def test_the_pool_names_the_languages(client, world):
    client.force_login(world.organiser)
    response = client.get(url("interpreters", world))
    assert [(i.name, spoken) for i, spoken in response.context["pool"]] == [
        ("Lan Nguyen", [("vi", "Vietnamese"), ("zh", "Chinese")])
    ]


def test_an_interpreter_of_a_published_meeting_stays(client, world):
    Meeting.objects.filter(pk=world.meeting.pk).update(
        interpreter=world.interpreter, published=True
    )
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(url("interpreter_remove", world, pk=world.interpreter.pk), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Lan Nguyen is assigned to published meetings whose sides were told who interprets; "
        "they cannot be removed."
    ]
    assert state(world) == before


def test_removing_an_interpreter_drops_their_unpublished_meetings(client, world):
    Meeting.objects.filter(pk=world.meeting.pk).update(interpreter=world.interpreter)
    client.force_login(world.organiser)
    response = client.post(url("interpreter_remove", world, pk=world.interpreter.pk), follow=True)
    assert not Interpreter.objects.exists() and not Meeting.objects.exists()
    assert [str(m) for m in response.context["messages"]] == [
        "Lan Nguyen left the pool. Their 1 unpublished meeting was removed; run the scheduler "
        "again to place it with another interpreter."
    ]


def test_an_interpreter_keeps_the_languages_their_meetings_need(client, world):
    from tradefair.matchmaking.models import MeetingProfile

    MeetingProfile.objects.create(participation=world.buyer.participation, languages=["vi"])
    MeetingProfile.objects.create(participation=world.exhibitor.participation, languages=["zh"])
    Meeting.objects.filter(pk=world.meeting.pk).update(interpreter=world.interpreter)
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(
        url("interpreter_edit", world, pk=world.interpreter.pk),
        {"name": "Lan Nguyen", "languages": "zh, en"},
    )
    assert response.context["form"].non_field_errors() == [
        "Lan Nguyen interprets 1 scheduled meetings that need a language you removed; move "
        "those meetings first or keep the language."
    ]
    assert state(world) == before


# Must-meet ------------------------------------------------------------------------------------


def test_searching_for_a_buyer_lists_candidates(client, world):
    make_party_in(world.expo, "Buyer Two", Participation.Role.BUYER)
    make_party_in(world.expo, "Buyer Maker", Participation.Role.EXHIBITOR)
    client.force_login(world.organiser)
    response = client.get(
        url("must_meet_search", world, role="buyer"), {"buyer_q": "buyer"}, HTTP_HX_REQUEST="true"
    )
    assert [p.organisation.name for p in response.context["picker"]["candidates"]] == [
        "Buyer One",
        "Buyer Two",
    ]
    assert 'name="buyer"' in response.content.decode()


def test_adding_a_must_meet_pair(client, world):
    second = make_party_in(world.expo, "Exhibitor Two", Participation.Role.EXHIBITOR)
    client.force_login(world.organiser)
    response = client.post(
        url("must_meet", world),
        {"buyer": world.buyer.participation.pk, "exhibitor": second.participation.pk},
        follow=True,
    )
    pair = MeetingRequest.objects.get(exhibitor=second.participation)
    assert (pair.status, pair.must_meet, pair.requested_by) == (
        "accepted",
        True,
        world.organiser,
    )
    assert [str(m) for m in response.context["messages"]] == [
        f"Buyer One must meet Exhibitor Two (request {pair.pk})."
    ]
    assert [p.pk for p in response.context["pairs"].rows] == [pair.pk]


def test_a_must_meet_pair_needs_a_buyer_and_an_exhibitor_of_this_expo(client, world, other_staff):
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(
        url("must_meet", world),
        {"buyer": world.exhibitor.participation.pk, "buyer_q": "Exhibitor"},
    )
    assert response.context["form"].errors == {
        "buyer": [
            f"No buyer of this expo has the id {world.exhibitor.participation.pk}; "
            "search by name and pick one."
        ],
        "exhibitor": ["Choose an exhibitor: search by name and pick one."],
    }
    # What was typed into the search stays, with its candidates.
    assert response.context["pickers"][0]["text"] == "Exhibitor"
    assert state(world) == before


def test_another_editions_run_is_a_404(client, world, other_staff):
    other_run = ScheduleRun.objects.create(expo=Expo.objects.get(slug="other-expo"))
    client.force_login(world.organiser)
    assert client.get(url("schedule_progress", world, pk=other_run.pk)).status_code == 404
    assert client.get(url("schedule", world), {"run": other_run.pk}).status_code == 404


# Meetings -------------------------------------------------------------------------------------


def test_marking_held_and_no_show(client, world):
    client.force_login(world.organiser)
    back = url("meetings", world) + "?status=scheduled"
    response = client.post(
        url("meeting_mark", world, pk=world.meeting.pk, outcome="held"), {"next": back}
    )
    assert response["Location"] == back
    world.meeting.refresh_from_db()
    assert world.meeting.status == "held"
    client.post(url("meeting_mark", world, pk=world.meeting.pk, outcome="no_show"))
    world.meeting.refresh_from_db()
    assert world.meeting.status == "no_show"


def test_an_unknown_outcome_changes_nothing(client, world):
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(
        url("meeting_mark", world, pk=world.meeting.pk, outcome="late"), follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["Unknown outcome."]
    assert state(world) == before


def test_moving_onto_a_taken_table_is_refused(client, world):
    other = MeetingRequest.objects.create(
        expo=world.expo,
        buyer=make_party_in(world.expo, "Buyer Two", Participation.Role.BUYER).participation,
        exhibitor=make_party_in(
            world.expo, "Exhibitor Two", Participation.Role.EXHIBITOR
        ).participation,
        status=MeetingRequest.Status.ACCEPTED,
    )
    book_meeting(request=other, slot=world.slots[1], table_number=1)
    client.force_login(world.organiser)
    before = state(world)
    response = client.post(
        url("meeting_move", world, pk=world.meeting.pk),
        {"slot": world.slots[1].pk, "table_number": "1"},
    )
    # The slot in the expo's time zone (Nanning, UTC+8), not the stored UTC.
    assert response.context["form"].non_field_errors() == [
        "Table 1 is taken at 18 Sept 2025, 09:20."
    ]
    assert state(world) == before

    client.post(
        url("meeting_move", world, pk=world.meeting.pk),
        {"slot": world.slots[1].pk, "table_number": "2"},
    )
    world.meeting.refresh_from_db()
    assert (world.meeting.slot, world.meeting.table_number) == (world.slots[1], 2)


def test_meetings_are_filtered(client, world):
    extra = MeetingRequest.objects.create(
        expo=world.expo,
        buyer=make_party_in(world.expo, "Hanoi Foods", Participation.Role.BUYER).participation,
        exhibitor=world.exhibitor.participation,
        status=MeetingRequest.Status.ACCEPTED,
    )
    held = book_meeting(request=extra, slot=world.slots[2])
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.HELD)
    client.force_login(world.organiser)

    def listed(**query: object) -> list[int]:
        return [m.pk for m in client.get(url("meetings", world), query).context["listing"].rows]

    assert listed() == [world.meeting.pk, held.pk]
    assert listed(q="hanoi") == [held.pk]
    assert listed(status="held") == [held.pk]
    assert listed(day="2025-09-18", session=world.session.pk) == [world.meeting.pk, held.pk]
    assert listed(day="2025-09-19") == [world.meeting.pk, held.pk]  # not a session day: ignored
    assert listed(published="yes") == []


# Query counts ---------------------------------------------------------------------------------


def _more_meetings(w: World, n: int) -> None:
    done = Interpreter.objects.count()
    for i in range(done, done + n):
        request = MeetingRequest.objects.create(
            expo=w.expo,
            buyer=make_party_in(w.expo, f"Extra Buyer {i}", Participation.Role.BUYER).participation,
            exhibitor=make_party_in(
                w.expo, f"Extra Maker {i}", Participation.Role.EXHIBITOR
            ).participation,
            status=MeetingRequest.Status.ACCEPTED,
            must_meet=True,
        )
        book_meeting(request=request, slot=w.slots[1 + i % 2])
        Interpreter.objects.create(expo=w.expo, name=f"Extra {i}", languages=["en", "th"])


# The queries each page costs, whatever the number of rows: pinned so an N+1 cannot creep in.
# Meetings: the count, the page's ids, then its rows with their joins (paginate_ids).
QUERIES = {"home": 14, "sessions": 10, "interpreters": 9, "must_meet": 9, "meetings": 12}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_lists_cost_the_same_queries_for_one_row_or_three(
    client, world, name, django_assert_num_queries
):
    _more_meetings(world, 1)  # every list has a row: must-meet pairs, interpreters, meetings
    client.force_login(world.organiser)
    target = url(name, world)
    with django_assert_num_queries(QUERIES[name]):
        assert client.get(target).status_code == 200
    _more_meetings(world, 2)
    cache.clear()  # the overview's charts are counted at most once a minute (expos.recent)
    with django_assert_num_queries(QUERIES[name]):
        assert client.get(target).status_code == 200
