"""GET /api/v1/expos/{slug}/agenda(.ics) with activities: both kinds of entry, each tagged."""

import icalendar
import pytest

from tests.matchmaking.agenda_fair import ProgrammeScene, add_activity, at, build_programme_scene
from tradefair.programme.models import Activity
from tradefair.programme.services.registration import register

BASE = "/api/v1/expos/test-expo/agenda"
CLASH = "Clash: Li Wei registered for Opening Ceremony at the same time"


@pytest.fixture
def scene(expo) -> ProgrammeScene:
    return build_programme_scene(expo)


def test_every_entry_has_kind_start_end_title_and_place(scene, as_user):
    body = as_user(scene.fair.buyer.user).get(BASE).json()

    assert [{k: e[k] for k in ("kind", "start", "end", "title", "place")} for e in body] == [
        {
            "kind": "meeting",
            "start": "2025-09-18T07:20:00+08:00",
            "end": "2025-09-18T07:40:00+08:00",
            "title": "Meeting with Exhibitor 1",
            "place": "Hall B, table 1",
        },
        {
            "kind": "activity",
            "start": "2025-09-18T09:00:00+08:00",
            "end": "2025-09-18T10:30:00+08:00",
            "title": "Forum on the Blue Economy",
            "place": "Forum Room 1, Hall A",
        },
        {
            "kind": "meeting",
            "start": "2025-09-19T14:00:00+08:00",
            "end": "2025-09-19T14:20:00+08:00",
            "title": "Meeting with Exhibitor 2",
            "place": "Hall B, table 2",
        },
    ]
    assert [e["id"] for e in body if e["kind"] == "meeting"] == [m.pk for m in scene.meetings]
    forum = body[1]
    assert forum == {
        "kind": "activity",
        "activity_id": scene.forum.pk,
        "day": "2025-09-18",
        "start": "2025-09-18T09:00:00+08:00",
        "end": "2025-09-18T10:30:00+08:00",
        "title": "Forum on the Blue Economy",
        "place": "Forum Room 1, Hall A",
        "activity_kind": "forum",
        "status": "registered",
        "seat": 1,
        "position": None,
        "clash": None,
        "updated_at": forum["updated_at"],
    }


def test_titles_and_places_follow_accept_language(scene, as_user):
    client = as_user(scene.fair.buyer.user)

    body = client.get(BASE, headers={"Accept-Language": "zh-Hans"}).json()

    assert [(e["kind"], e["title"]) for e in body] == [
        ("meeting", "与 Exhibitor 1 洽谈"),
        ("activity", "蓝色经济论坛"),
        ("meeting", "与 Exhibitor 2 洽谈"),
    ]
    assert "论坛一号厅" in body[1]["place"] and "A馆" in body[1]["place"]


def test_a_waiting_list_place_has_its_position(scene, as_user):
    launch = add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.LAUNCH,
        title="New Products Launch",
        start=at(16, day=19),
        end=at(17, day=19),
        capacity=1,
    )
    for user in (scene.outsider.user, scene.colleague, scene.fair.buyer.user):
        register(activity=launch, user=user)

    body = as_user(scene.fair.buyer.user).get(BASE).json()

    assert body[-1]["activity_id"] == launch.pk
    assert (body[-1]["status"], body[-1]["seat"], body[-1]["position"]) == ("waitlisted", None, 2)


def test_a_confirmed_clash_is_in_both_sides_answers(scene, as_user):
    ceremony = add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.OPENING,
        title="Opening Ceremony",
        start=at(6, 30),
        end=at(7, 10),
    )
    register(activity=ceremony, user=scene.fair.buyer.user, confirm_clash=True)

    mine = as_user(scene.fair.buyer.user).get(BASE).json()
    theirs = as_user(scene.fair.exhibitors[0].user).get(BASE).json()

    assert [(e["kind"], e["clash"]) for e in mine] == [
        ("activity", "Clash: you registered although it overlaps Meeting with Exhibitor 1"),
        ("meeting", CLASH),
        ("activity", None),
        ("meeting", None),
    ]
    assert [(e["kind"], e["id"], e["clash"]) for e in theirs] == [
        ("meeting", scene.meetings[0].pk, CLASH)
    ]


@pytest.mark.parametrize("who", ["colleague", "exhibitor", "outsider"])
def test_nobody_else_reads_li_weis_activities(scene, as_user, who):
    signing = add_activity(
        scene.fair.expo, scene.room, title="Private Signing", start=at(12), end=at(13)
    )
    register(activity=signing, user=scene.fair.buyer.user)
    user = {
        "colleague": scene.colleague,
        "exhibitor": scene.fair.exhibitors[0].user,
        "outsider": scene.outsider.user,
    }[who]
    client = as_user(user)

    body = client.get(BASE).json()
    ics = client.get(BASE + ".ics").content.decode()

    assert signing.pk not in [e.get("activity_id") for e in body]
    assert "Private Signing" not in ics and f"activity-{signing.pk}@" not in ics
    expected = {"outsider": [scene.forum.pk]}.get(who, [])
    assert [e["activity_id"] for e in body if e["kind"] == "activity"] == expected


def test_the_ics_holds_both_kinds(scene, as_user):
    first, second = scene.meetings

    response = as_user(scene.fair.buyer.user).get(BASE + ".ics")

    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [(str(e["UID"]), str(e["SUMMARY"]), str(e["LOCATION"])) for e in events] == [
        (f"meeting-{first.pk}@testserver", "Meeting with Exhibitor 1", "Hall B, table 1"),
        (
            f"activity-{scene.forum.pk}@testserver",
            "Forum on the Blue Economy",
            "Forum Room 1, Hall A",
        ),
        (f"meeting-{second.pk}@testserver", "Meeting with Exhibitor 2", "Hall B, table 2"),
    ]


def test_schema_documents_both_kinds_by_their_kind(client):
    schema = client.get("/api/v1/openapi.json").json()
    items = schema["paths"]["/api/v1/expos/{slug}/agenda"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["items"]
    components = schema["components"]["schemas"]

    assert items["discriminator"] == {
        "propertyName": "kind",
        "mapping": {
            "activity": "#/components/schemas/AgendaActivityOut",
            "meeting": "#/components/schemas/AgendaMeetingOut",
        },
    }
    for name in ("AgendaMeetingOut", "AgendaActivityOut"):
        assert {"kind", "start", "end", "title", "place"} <= set(components[name]["required"])
    activity = components["AgendaActivityOut"]["properties"]
    assert activity["status"]["enum"] == [
        "registered",
        "waitlisted",
        "attended",
        "speaking",
        "cancelled",
    ]
    assert {"activity_id", "position", "seat"} <= set(activity)
