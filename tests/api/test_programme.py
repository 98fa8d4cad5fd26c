"""The programme through the API: the public listing and activity, and registering for it.

Reading is public; registering takes a token and is decided by ``services.registration``,
whose refusals come back as ``{"detail": …}`` with 401, 403, 404 or 409. A refused call
changes nothing.
"""

import datetime as dt
from dataclasses import dataclass
from typing import get_args

import pytest

from tests.matchmaking.conftest import Party
from tests.programme.conftest import (  # noqa: F401
    MakeActivity,
    at,
    halls,
    make_activity,
    make_party,
    room,
)
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Country, Expo, HSCode
from tradefair.organisations.models import Participation
from tradefair.programme import api as programme_api
from tradefair.programme.models import Activity, LaunchedProduct, Registration, Room, Speaker

Role = Participation.Role
BASE = "/api/v1/expos/test-expo/programme"
CHINESE = {"Accept-Language": "zh-hans"}


@dataclass
class Scene:
    forum: Activity  # 18 Sept 10:00–11:00, two seats, Forum Room 1 in hall B
    launch: Activity  # 19 Sept, no room, two products
    by_invitation: Activity  # 18 Sept 15:00–16:00
    cancelled: Activity  # 20 Sept
    draft: Activity  # 18 Sept, not public
    elsewhere: Activity  # another edition's
    buyer: Party
    exhibitor: Party
    others: list[Party]  # three more buyers
    organiser: User
    outsider: User


@pytest.fixture
def scene(expo: Expo, room: Room, make_activity: MakeActivity, make_party) -> Scene:  # noqa: F811
    assert room.hall is not None
    room.hall.name_zh = "B馆"
    room.hall.save()
    forum = make_activity(capacity=2, description="Ports and fisheries.", description_zh="港口")
    exhibitor = make_party("Guangxi Robotics", Role.EXHIBITOR)
    launch = make_activity(
        kind=Activity.Kind.LAUNCH,
        title="New Robots Launch",
        title_zh="机器人首发",
        start=at(14, day=19),
        end=at(15, day=19),
        room=None,
        audience=Activity.Audience.OPEN,
    )
    Speaker.objects.create(
        activity=launch,
        name="Li Wei",
        name_zh="李伟",
        position="CEO",
        organisation=exhibitor.participation.organisation,
        role=Speaker.Role.SPEAKER,
        order=1,
    )
    Speaker.objects.create(
        activity=launch,
        name="Anan Srisuk",
        organisation_name="Thai Chamber of Commerce",
        role=Speaker.Role.MODERATOR,
        order=0,
    )
    hs = HSCode.objects.get(code="8479")  # loaded with the reference data
    for name, name_zh, code in [("Arm X1", "机械臂X1", hs), ("Vision Kit", "", None)]:
        LaunchedProduct.objects.create(
            expo=expo,
            exhibitor=exhibitor.participation,
            activity=launch,
            name=name,
            name_zh=name_zh,
            hs_code=code,
            description=f"{name} for warehouses.",
            first_launch=LaunchedProduct.Scope.ASEAN if code else LaunchedProduct.Scope.WORLD,
        )
    by_invitation = make_activity(
        title="Ministers' Round Table",
        start=at(15),
        end=at(16),
        audience=Activity.Audience.INVITATION,
    )
    cancelled = make_activity(
        title="Tea Tasting", start=at(9, day=20), end=at(10, day=20), status="cancelled"
    )
    draft = make_activity(title="Secret Plans", start=at(12), end=at(13), status="draft")
    other_expo = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        city="Nanning",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    elsewhere = Activity.objects.create(
        expo=other_expo,
        kind=Activity.Kind.FORUM,
        title="Elsewhere Forum",
        start=at(10),
        end=at(11),
        status=Activity.Status.PUBLISHED,
    )
    organiser = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    return Scene(
        forum=forum,
        launch=launch,
        by_invitation=by_invitation,
        cancelled=cancelled,
        draft=draft,
        elsewhere=elsewhere,
        buyer=make_party("Buyer One"),
        exhibitor=exhibitor,
        others=[make_party(f"Buyer {n}") for n in ("Two", "Three", "Four")],
        organiser=organiser,
        outsider=User.objects.create_user("nobody@example.org"),
    )


def registration_url(activity: Activity, slug: str = "test-expo") -> str:
    return f"/api/v1/expos/{slug}/programme/{activity.pk}/registration"


def register(as_user, user: User | None, activity: Activity, body=None, **headers):
    return as_user(user).post(
        registration_url(activity),
        body if body is not None else {},
        content_type="application/json",
        headers=headers,
    )


def rows() -> list[tuple[int, int, str, int | None, bool]]:
    """Every registration as (activity, user, status, seat, clash confirmed)."""
    return list(
        Registration.objects.order_by("pk").values_list(
            "activity_id", "user_id", "status", "seat", "clash_confirmed"
        )
    )


# Reading --------------------------------------------------------------------------------------


def test_the_listing_holds_the_public_activities_by_start_with_every_field(scene, client):
    body = client.get(BASE).json()

    assert (body["count"], body["page"], body["pages"]) == (4, 1, 1)
    assert [a["id"] for a in body["results"]] == [
        scene.forum.pk,
        scene.by_invitation.pk,
        scene.launch.pk,
        scene.cancelled.pk,
    ]
    assert body["results"][0] == {
        "id": scene.forum.pk,
        "kind": "forum",
        "title": "Forum on the Blue Economy",
        "title_zh": "蓝色经济论坛",
        "start": "2025-09-18T10:00:00+08:00",
        "end": "2025-09-18T11:00:00+08:00",
        "room": {"name": "Forum Room 1", "hall": "Hall B"},
        "audience": "registration",
        "status": "published",
        "seats": 2,
        "seats_left": 2,
    }
    launch, cancelled = body["results"][2:]
    assert (launch["room"], launch["audience"], launch["seats"], launch["seats_left"]) == (
        None,
        "open",
        None,
        None,
    )
    assert (cancelled["status"], cancelled["seats"], cancelled["seats_left"]) == (
        "cancelled",
        100,
        100,
    )


def test_seats_left_count_the_seated_only(scene, as_user):
    register(as_user, scene.buyer.user, scene.forum)
    for party in scene.others:
        register(as_user, party.user, scene.forum)  # one more seat, then the waiting list

    forum = as_user(None).get(BASE).json()["results"][0]

    assert (forum["seats"], forum["seats_left"]) == (2, 0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("day=2025-09-18", ["forum", "by_invitation"]),
        ("day=2025-09-19", ["launch"]),
        ("day=2025-09-21", []),
        ("kind=launch", ["launch"]),
        ("kind=forum&day=2025-09-20", ["cancelled"]),
        ("q=blue", ["forum"]),
        ("q=%E6%9C%BA%E5%99%A8%E4%BA%BA", ["launch"]),  # 机器人, the Chinese title
        ("q=anan", ["launch"]),  # a speaker's name
        ("q=ports+fisheries", ["forum"]),
        ("q=ports+robots", []),
        ("q=+++", ["forum", "by_invitation", "launch", "cancelled"]),
    ],
)
def test_the_filters_narrow_the_listing(scene, client, query, expected):
    body = client.get(f"{BASE}?{query}").json()

    assert [a["id"] for a in body["results"]] == [getattr(scene, name).pk for name in expected]
    assert body["count"] == len(expected)


@pytest.mark.parametrize("day", ["2025-09-16", "2025-09-22", "2025-02-30", "18-09-2025", "x"])
def test_a_day_outside_the_edition_is_refused_naming_its_days(scene, client, day):
    response = client.get(f"{BASE}?day={day}")

    assert response.status_code == 422
    assert response.json() == {
        "detail": "“day” must be a day of this expo, written YYYY-MM-DD: "
        "from 2025-09-17 to 2025-09-21."
    }


def test_the_other_limits_are_refused_naming_the_field(scene, client):
    kinds = "opening, main_event, forum, concurrent, launch, signing, promotion, other"
    assert client.get(f"{BASE}?kind=party").json() == {"detail": f"“kind” must be one of: {kinds}."}
    assert client.get(f"{BASE}?q={'x' * 201}").json() == {
        "detail": "“q” may be at most 200 characters long."
    }
    assert client.get(f"{BASE}?page=0").json() == {"detail": "“page” must be at least 1."}
    assert client.get(f"{BASE}?day={'1' * 11}").json() == {
        "detail": "“day” may be at most 10 characters long."
    }


def test_pages_and_a_page_past_the_last_shows_the_last(scene, client, monkeypatch):
    monkeypatch.setattr(programme_api, "PAGE_SIZE", 3)

    first = client.get(BASE).json()
    beyond = client.get(f"{BASE}?page=9").json()

    assert (first["count"], first["page"], first["pages"], len(first["results"])) == (4, 1, 2, 3)
    assert (beyond["page"], [a["id"] for a in beyond["results"]]) == (2, [scene.cancelled.pk])


@pytest.mark.parametrize("extra", [0, 2])
def test_the_listing_reads_in_three_queries_however_many_rows(
    expo,
    make_activity,  # noqa: F811
    client,
    django_assert_num_queries,
    extra,
):
    for n in range(1 + extra):
        make_activity(title=f"Forum {n}")

    with django_assert_num_queries(3):  # the expo, the count, the page with rooms and seats
        body = client.get(BASE).json()

    assert body["count"] == 1 + extra


def test_the_activity_page_adds_descriptions_speakers_and_products(scene, client):
    body = client.get(f"{BASE}/{scene.launch.pk}").json()
    participation = scene.exhibitor.participation

    assert body == {
        "id": scene.launch.pk,
        "kind": "launch",
        "title": "New Robots Launch",
        "title_zh": "机器人首发",
        "start": "2025-09-19T14:00:00+08:00",
        "end": "2025-09-19T15:00:00+08:00",
        "room": None,
        "audience": "open",
        "status": "published",
        "seats": None,
        "seats_left": None,
        "description": "",
        "description_zh": "",
        "speakers": [
            {
                "name": "Anan Srisuk",
                "role": "moderator",
                "position": "",
                "organisation": "Thai Chamber of Commerce",
            },
            {
                "name": "Li Wei",
                "role": "speaker",
                "position": "CEO",
                "organisation": "Guangxi Robotics",
            },
        ],
        "launched_products": [
            {
                "name": "Arm X1",
                "exhibitor": {"id": participation.pk, "name": "Guangxi Robotics"},
                "hs_code": "8479",
                "first_launch": "asean",
                "description": "Arm X1 for warehouses.",
            },
            {
                "name": "Vision Kit",
                "exhibitor": {"id": participation.pk, "name": "Guangxi Robotics"},
                "hs_code": None,
                "first_launch": "world",
                "description": "Vision Kit for warehouses.",
            },
        ],
    }


def test_the_activity_page_of_a_forum(scene, client):
    body = client.get(f"{BASE}/{scene.forum.pk}").json()

    assert (body["description"], body["description_zh"], body["room"]) == (
        "Ports and fisheries.",
        "港口",
        {"name": "Forum Room 1", "hall": "Hall B"},
    )
    assert (body["speakers"], body["launched_products"]) == ([], [])


@pytest.mark.parametrize("which", ["draft", "elsewhere"])
def test_drafts_and_other_editions_activities_are_not_there(scene, client, which):
    activity = getattr(scene, which)

    response = client.get(f"{BASE}/{activity.pk}")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no such activity in this expo's programme."}
    assert activity.pk not in [a["id"] for a in client.get(BASE).json()["results"]]


def test_an_unknown_expo_is_named(client, expo):
    response = client.get("/api/v1/expos/nowhere/programme")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no expo called “nowhere”."}


def test_names_follow_the_callers_language(scene, client):
    response = client.get(BASE, headers=CHINESE)
    detail = client.get(f"{BASE}/{scene.launch.pk}", headers=CHINESE).json()

    assert response["Content-Language"] == "zh-hans"
    forum = response.json()["results"][0]
    # The titles come in both languages; the room and hall as the reader reads them.
    assert (forum["title"], forum["title_zh"]) == ("Forum on the Blue Economy", "蓝色经济论坛")
    assert forum["room"] == {"name": "论坛一号厅", "hall": "B馆"}
    assert [s["name"] for s in detail["speakers"]] == ["Anan Srisuk", "李伟"]
    assert [p["name"] for p in detail["launched_products"]] == ["机械臂X1", "Vision Kit"]


def test_the_schema_lists_the_models_choices():
    assert set(get_args(programme_api.Kind)) == set(Activity.Kind.values)
    assert set(get_args(programme_api.Audience)) == set(Activity.Audience.values)
    assert set(get_args(programme_api.SpeakerRole)) == set(Speaker.Role.values)
    assert set(get_args(programme_api.FirstLaunch)) == set(LaunchedProduct.Scope.values)


# Registering ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (None, 401),  # anonymous
        ("outsider", 403),  # of no organisation in this expo
        ("organiser", 403),  # staff register no one for themselves
        ("exhibitor", 201),
        ("buyer", 201),
    ],
)
def test_who_may_register(scene, as_user, who, status):
    user = getattr(scene, who) if who in {"outsider", "organiser"} else None
    if who in {"buyer", "exhibitor"}:
        user = getattr(scene, who).user

    response = register(as_user, user, scene.forum)

    assert response.status_code == status
    assert rows() == ([(scene.forum.pk, user.pk, "registered", 1, False)] if status == 201 else [])


def test_refusals_say_why(scene, as_user):
    assert register(as_user, None, scene.forum).json() == {
        "detail": "Please log in first: send the header “Authorization: Bearer <token>”."
    }
    assert register(as_user, scene.outsider, scene.forum).json() == {
        "detail": "Only people of an organisation taking part in this expo can register "
        "for activities."
    }
    assert as_user(None).delete(registration_url(scene.forum)).status_code == 401


def test_seats_then_the_waiting_list_in_arrival_order(scene, as_user):
    people = [scene.buyer, *scene.others]

    answers = [register(as_user, p.user, scene.forum) for p in people]

    assert [(a.status_code, a.json()) for a in answers] == [
        (201, {"status": "registered", "position": None}),
        (201, {"status": "registered", "position": None}),
        (201, {"status": "waitlisted", "position": 1}),
        (201, {"status": "waitlisted", "position": 2}),
    ]
    assert [(r[1], r[2], r[3]) for r in rows()] == [
        (people[0].user.pk, "registered", 1),
        (people[1].user.pk, "registered", 2),
        (people[2].user.pk, "waitlisted", None),
        (people[3].user.pk, "waitlisted", None),
    ]


def test_registering_twice_is_refused_and_changes_nothing(scene, as_user):
    register(as_user, scene.buyer.user, scene.forum)
    before = rows()

    response = register(as_user, scene.buyer.user, scene.forum, {"confirm_clash": True})

    assert response.status_code == 409
    assert response.json() == {"detail": "You are already registered for this activity."}
    assert rows() == before


def test_a_clash_is_refused_naming_it_until_confirmed(scene, as_user, make_activity):  # noqa: F811
    overlapping = make_activity(title="Digital Silk Road", start=at(10, 30), end=at(11, 30))
    register(as_user, scene.buyer.user, scene.forum)
    before = rows()

    refused = register(as_user, scene.buyer.user, overlapping)

    assert refused.status_code == 409
    assert refused.json() == {
        "detail": "This overlaps what is already on your timeline (allowing 15 minutes to walk "
        "between halls): Forum on the Blue Economy at 18 Sept 2025, 10:00. "
        "Confirm to register anyway."
    }
    assert rows() == before

    confirmed = register(as_user, scene.buyer.user, overlapping, {"confirm_clash": True})

    assert (confirmed.status_code, confirmed.json()) == (
        201,
        {"status": "registered", "position": None},
    )
    assert rows()[-1] == (overlapping.pk, scene.buyer.user.pk, "registered", 1, True)


def test_invitation_only_admits_the_invited_only(scene, as_user):
    refused = register(as_user, scene.buyer.user, scene.by_invitation)

    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "This activity is by invitation only and you are not invited."
    }
    assert rows() == []

    scene.by_invitation.invited_people.add(scene.buyer.user)
    admitted = register(as_user, scene.buyer.user, scene.by_invitation)

    assert admitted.status_code == 201
    assert rows() == [(scene.by_invitation.pk, scene.buyer.user.pk, "registered", 1, False)]


def test_a_cancelled_activity_is_closed(scene, as_user):
    response = register(as_user, scene.buyer.user, scene.cancelled)

    assert response.status_code == 409
    assert response.json() == {"detail": "This activity is not open for registration."}
    assert rows() == []


@pytest.mark.parametrize("which", ["draft", "elsewhere"])
def test_no_registration_for_drafts_or_another_editions_activity(scene, as_user, which):
    activity = getattr(scene, which)

    posted = register(as_user, scene.buyer.user, activity)
    deleted = as_user(scene.buyer.user).delete(registration_url(activity))

    for response in (posted, deleted):
        assert response.status_code == 404
        assert response.json() == {"detail": "There is no such activity in this expo's programme."}
    assert rows() == []


def test_another_editions_activity_under_its_own_slug_still_needs_a_participation(scene, as_user):
    response = as_user(scene.buyer.user).post(
        registration_url(scene.elsewhere, slug="other-expo"), content_type="application/json"
    )

    assert response.status_code == 403
    assert rows() == []


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"confirm": True}, 422, "“confirm” is not a field of this request: leave it out."),
        ({"confirm_clash": "yes"}, 422, "“confirm_clash” must be true or false."),
        ({"confirm_clash": 1}, 422, "“confirm_clash” must be true or false."),
        ([], 400, "The request body must be a JSON object."),
    ],
)
def test_a_body_outside_the_schema_is_refused(scene, as_user, body, status, detail):
    response = register(as_user, scene.buyer.user, scene.forum, body)

    assert (response.status_code, response.json()) == (status, {"detail": detail})
    assert rows() == []


def test_the_body_may_be_left_out(scene, as_user):
    client = as_user(scene.buyer.user)
    response = client.generic("POST", registration_url(scene.forum))  # no body, no type

    assert (response.status_code, response.json()) == (
        201,
        {"status": "registered", "position": None},
    )


def test_cancelling_frees_the_seat_for_the_first_person_waiting(
    scene, as_user, mailoutbox, django_capture_on_commit_callbacks
):
    people = [scene.buyer, *scene.others[:2]]
    for party in people:
        register(as_user, party.user, scene.forum)

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(scene.buyer.user).delete(registration_url(scene.forum))

    assert (response.status_code, response.content) == (204, b"")
    assert [(r[1], r[2], r[3]) for r in rows()] == [
        (people[0].user.pk, "cancelled", None),
        (people[1].user.pk, "registered", 2),
        (people[2].user.pk, "registered", 1),
    ]
    assert [m.to for m in mailoutbox] == [[people[2].user.email]]


def test_cancelling_without_a_registration_is_refused(scene, as_user):
    register(as_user, scene.buyer.user, scene.forum)
    as_user(scene.buyer.user).delete(registration_url(scene.forum))
    before = rows()

    again = as_user(scene.buyer.user).delete(registration_url(scene.forum))

    assert again.status_code == 404
    assert again.json() == {"detail": "You are not registered for this activity."}
    assert rows() == before


def test_refusals_follow_the_callers_language(scene, as_user):
    anonymous = register(as_user, None, scene.forum, **CHINESE)
    missing = as_user(scene.buyer.user).post(
        "/api/v1/expos/nowhere/programme/1/registration",
        content_type="application/json",
        headers=CHINESE,
    )

    assert anonymous.json() == {"detail": "请先登录：发送请求头“Authorization: Bearer <token>”。"}
    assert missing.json() == {"detail": "不存在名为“nowhere”的博览会。"}
    assert (anonymous["Content-Language"], missing["Content-Language"]) == ("zh-hans", "zh-hans")
    assert rows() == []
