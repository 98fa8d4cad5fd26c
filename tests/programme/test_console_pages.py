"""The programme console: who may use each page and action, what the pages show, their cost."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import Party
from tests.programme.conftest import MakeActivity, at
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Country, Expo
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.services.registration import register

pytestmark = pytest.mark.django_db


@dataclass
class World:
    expo: Expo
    organiser: User
    buyer: Party
    room: Room
    draft: Activity  # free of conflicts: it may be published
    forum: Activity  # published, with one registration
    speaker: Speaker


@pytest.fixture
def world(expo, organiser, buyer, room, make_activity: MakeActivity) -> World:
    draft = make_activity(
        title="Digital Trade Forum", start=at(14), end=at(15), status=Activity.Status.DRAFT
    )
    forum = make_activity()
    register(activity=forum, user=buyer.user)
    speaker = Speaker.objects.create(activity=forum, name="Li Wei", position="Minister")
    return World(expo, organiser, buyer, room, draft, forum, speaker)


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
    return reverse(f"programme_organiser:{name}", kwargs={"slug": w.expo.slug, **kwargs})


def state() -> tuple[object, ...]:
    """Everything a console POST could change, to show a refused one changed nothing."""
    return (
        list(
            Activity.objects.values_list(
                "pk", "title", "start", "end", "room_id", "capacity", "status"
            ).order_by("pk")
        ),
        list(Room.objects.values_list("pk", "name", "capacity", "hall_id").order_by("pk")),
        list(Speaker.objects.values_list("pk", "name", "role", "order").order_by("pk")),
        list(Registration.objects.values_list("pk", "status", "seat").order_by("pk")),
    )


ACTIVITY_FORM = {
    "title": "Blue Economy Roundtable",
    "kind": "forum",
    "audience": "registration",
    "start": "2025-09-19T09:00",
    "end": "2025-09-19T10:30",
}
PAGES = [
    ("activities", lambda w: {}),
    ("activity_create", lambda w: {}),
    ("activity_edit", lambda w: {"pk": w.forum.pk}),
    ("activity_publish", lambda w: {"pk": w.draft.pk}),
    ("activity_cancel", lambda w: {"pk": w.forum.pk}),
    ("speaker_edit", lambda w: {"pk": w.forum.pk, "speaker_pk": w.speaker.pk}),
    ("registrations", lambda w: {"pk": w.forum.pk}),
    ("registrations_csv", lambda w: {"pk": w.forum.pk}),
    ("registrations_xlsx", lambda w: {"pk": w.forum.pk}),
    ("rooms", lambda w: {}),
    ("room_edit", lambda w: {"pk": w.room.pk}),
    ("timetable", lambda w: {}),
]
ACTIONS = [
    ("activity_create", lambda w: ({}, ACTIVITY_FORM)),
    ("activity_edit", lambda w: ({"pk": w.forum.pk}, {**ACTIVITY_FORM, "title": "Renamed"})),
    ("activity_publish", lambda w: ({"pk": w.draft.pk}, {})),
    ("activity_cancel", lambda w: ({"pk": w.forum.pk}, {})),
    (
        "speaker_add",
        lambda w: (
            {"pk": w.forum.pk},
            {"speaker-name": "Ana", "speaker-role": "moderator", "speaker-order": "2"},
        ),
    ),
    (
        "speaker_edit",
        lambda w: (
            {"pk": w.forum.pk, "speaker_pk": w.speaker.pk},
            {"name": "Li Wei", "role": "guest_of_honour", "order": "1"},
        ),
    ),
    ("speaker_remove", lambda w: ({"pk": w.forum.pk, "speaker_pk": w.speaker.pk}, {})),
    ("rooms", lambda w: ({}, {"name": "Auditorium", "capacity": "800"})),
    ("room_edit", lambda w: ({"pk": w.room.pk}, {"name": "Forum Room 1", "capacity": "120"})),
]


@pytest.mark.parametrize("who", ["anonymous", "participant", "other_staff", "organiser"])
@pytest.mark.parametrize(
    ("name", "method", "build"),
    [(n, "get", lambda w, b=b: (b(w), {})) for n, b in PAGES]
    + [(n, "post", b) for n, b in ACTIONS],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_only_the_editions_organisers_use_the_programme_console(
    client, world, other_staff, who, name, method, build, mailoutbox
):
    users = {"participant": world.buyer.user, "other_staff": other_staff}
    users["organiser"] = world.organiser
    if who in users:
        client.force_login(users[who])
    kwargs, data = build(world)
    target = url(name, world, **kwargs)
    before = state()
    response = getattr(client, method)(target, data)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == (
            f"{reverse('accounts:login')}?{urlencode({'next': target}, safe='/')}"
        )
    elif who != "organiser":
        assert response.status_code == 403
    else:
        assert response.status_code == (200 if method == "get" else 302)
        if method == "post":
            assert state() != before
        return
    assert state() == before
    assert mailoutbox == []


def test_another_editions_activity_is_a_404(client, world, other_staff):
    theirs = Activity.objects.create(
        expo=Expo.objects.get(slug="other-expo"),
        kind="forum",
        title="Theirs",
        start=dt.datetime(2025, 6, 2, 2, tzinfo=dt.UTC),
        end=dt.datetime(2025, 6, 2, 3, tzinfo=dt.UTC),
    )
    client.force_login(world.organiser)
    before = state()
    assert client.get(url("activity_edit", world, pk=theirs.pk)).status_code == 404
    assert client.post(url("activity_cancel", world, pk=theirs.pk)).status_code == 404
    assert state() == before


def test_the_list_groups_activities_by_local_day_with_seats(client, world, make_activity):
    late = make_activity(title="Night Launch", kind="launch", start=at(23, 30), end=at(23, 50))
    client.force_login(world.organiser)
    response = client.get(url("activities", world))
    days = [
        (d.date, [(a.title, a.seated, a.waiting, a.seats) for a in d.activities])
        for d in response.context["days"]
    ]
    assert days == [
        (
            dt.date(2025, 9, 18),
            [
                ("Forum on the Blue Economy", 1, 0, 100),
                ("Digital Trade Forum", 0, 0, 100),
                ("Night Launch", 0, 0, 100),
            ],
        )
    ]
    html = response.content.decode()
    assert "23:30–23:50" in html  # Nanning's clock, though 15:30 UTC
    assert html.count("All times are Nanning time (UTC+8).") == 1
    assert late.status == "published"


def test_the_console_nav_marks_the_programme(client, world):
    client.force_login(world.organiser)
    html = client.get(url("timetable", world)).content.decode()
    assert '<a href="/test-expo/organiser/programme/" aria-current="page">Programme</a>' in html


def test_registrations_list_every_status_with_the_waiting_position(
    client, world, make_party, make_activity
):
    small = make_activity(title="Small Forum", start=at(16), end=at(17), capacity=1)
    first, second, third = (make_party(f"Guest {n}") for n in (1, 2, 3))
    register(activity=small, user=first.user)
    register(activity=small, user=second.user)
    register(activity=small, user=third.user)
    Registration.objects.filter(user=second.user).update(clash_confirmed=True)
    client.force_login(world.organiser)
    rows = client.get(url("registrations", world, pk=small.pk)).context["registrations"].rows
    assert [
        (
            r.registration.user.email,
            r.registration.participation.organisation.name,
            r.registration.status,
            r.registration.seat,
            r.position,
            r.registration.clash_confirmed,
        )
        for r in rows
    ] == [
        ("guest-1@example.com", "Guest 1", "registered", 1, None, False),
        ("guest-2@example.com", "Guest 2", "waitlisted", None, 1, True),
        ("guest-3@example.com", "Guest 3", "waitlisted", None, 2, False),
    ]


def test_a_page_of_registrations_keeps_the_whole_lists_waiting_positions(
    client, world, make_party, make_activity, monkeypatch
):
    from tradefair.programme.queries import console

    monkeypatch.setattr(console, "REGISTRATIONS_PAGE", 2)
    small = make_activity(title="Small Forum", start=at(16), end=at(17), capacity=1)
    for n in range(5):
        register(activity=small, user=make_party(f"Guest {n}").user)
    client.force_login(world.organiser)
    page = client.get(url("registrations", world, pk=small.pk) + "?page=2")
    registrations = page.context["registrations"]
    assert [(r.registration.user.email, r.position) for r in registrations.rows] == [
        ("guest-2@example.com", 2),
        ("guest-3@example.com", 3),
    ]
    assert registrations.listing.page.paginator.count == 5
    assert 'rel="next"' in page.content.decode()


# Query counts ---------------------------------------------------------------------------------


def _more(w: World, make_activity: MakeActivity, make_party, n: int) -> None:
    """``n`` more activities, each with a speaker and a registration, in other rooms."""
    done = Activity.objects.count()
    for i in range(done, done + n):
        room = Room.objects.create(expo=w.expo, name=f"Room {i}", capacity=50)
        activity = make_activity(title=f"Extra {i}", room=room, start=at(9), end=at(10))
        Speaker.objects.create(activity=activity, name=f"Speaker {i}")
        register(activity=activity, user=make_party(f"Extra Guest {i}").user)


# The queries each page costs, whatever the number of rows: pinned so an N+1 cannot creep in.
QUERIES = {
    "activities": 12,
    "rooms": 9,
    "timetable": 10,
    "registrations": 11,  # a page: the waiting list's order, the count, the page
    "activity_edit": 19,
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_pages_cost_the_same_queries_for_one_row_or_three(
    client, world, make_activity, make_party, name, django_assert_num_queries
):
    kwargs = {"pk": world.forum.pk} if name in ("registrations", "activity_edit") else {}
    target = url(name, world, **kwargs)
    client.force_login(world.organiser)
    with django_assert_num_queries(QUERIES[name]):
        assert client.get(target).status_code == 200
    _more(world, make_activity, make_party, 2)
    for n in range(2):
        Speaker.objects.create(activity=world.forum, name=f"Panel {n}")
        register(activity=world.forum, user=make_party(f"Forum Guest {n}").user)
    with django_assert_num_queries(QUERIES[name]):
        assert client.get(target).status_code == 200
