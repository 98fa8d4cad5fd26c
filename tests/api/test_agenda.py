"""The agenda endpoints: who may read, the JSON fields and the iCalendar answer."""

import datetime as dt

import icalendar
import pytest

from tests.matchmaking.agenda_fair import Scene, build_scene
from tradefair.accounts.models import Membership, User
from tradefair.matchmaking.models import Meeting
from tradefair.organisations.models import Participation

Role = Participation.Role
BASE = "/api/v1/expos/test-expo/agenda"


@pytest.fixture
def scene(expo) -> Scene:
    return build_scene(expo)


def caller(scene: Scene, who: str | None) -> User | None:
    return {
        None: None,
        "buyer": scene.fair.buyer.user,
        "exhibitor": scene.fair.exhibitors[1].user,
        "other_buyer": scene.other_buyer,
        "delegate": scene.delegate,
        "organiser": scene.organiser,
    }[who]


@pytest.mark.parametrize("path", [BASE, BASE + ".ics"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        (None, 401),
        ("delegate", 403),
        ("organiser", 403),  # organisers have no agenda of their own
        ("other_buyer", 200),
        ("exhibitor", 200),
        ("buyer", 200),
    ],
)
def test_permission_matrix(scene, as_user, path, who, status):
    response = as_user(caller(scene, who)).get(path)

    assert response.status_code == status
    if status != 200:
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert set(response.json()) == {"detail"}


def test_refusals_say_why(scene, as_user):
    assert as_user(None).get(BASE).json() == {
        "detail": "Please log in first: send the header “Authorization: Bearer <token>”."
    }
    assert as_user(scene.delegate).get(BASE).json() == {
        "detail": "Only the buyers and exhibitors of this expo have an agenda."
    }
    assert as_user(scene.fair.buyer.user).get(BASE + "?as=exhibitor").json() == {
        "detail": "You do not act for an exhibitor in this expo."
    }
    assert as_user(scene.fair.buyer.user).get("/api/v1/expos/nope/agenda").json() == {
        "detail": "There is no expo called “nope”."
    }


def test_buyer_reads_the_published_meetings_with_every_field(scene, as_user):
    first, second = scene.meetings

    body = as_user(scene.fair.buyer.user).get(BASE).json()

    assert [m["id"] for m in body] == [first.pk, second.pk]
    first_out = body[0]
    assert first_out == {
        "kind": "meeting",
        "id": first.pk,
        "reference": f"M-{first.pk}",
        "day": "2025-09-18",
        "start": "2025-09-18T07:00:00+08:00",
        "end": "2025-09-18T07:20:00+08:00",
        "title": "Meeting with Exhibitor 1",
        "place": "Hall B, table 1",
        "session": "Morning talks",
        "hall": "Hall B",
        "table_number": 1,
        "counterpart": {
            "id": scene.fair.exhibitors[0].participation.pk,
            "role": "exhibitor",
            "name": "Exhibitor 1",
            "country": "CN",
            "country_name": "China",
            "booth": "B-01",
        },
        "interpreter": "Lan Nguyen",
        "interpreter_languages": ["vi"],
        "status": "scheduled",
        "clash": None,
        "updated_at": first_out["updated_at"],
    }
    updated = Meeting.objects.get(pk=first.pk).updated_at
    # Django's JSON encoder keeps milliseconds.
    assert dt.datetime.fromisoformat(first_out["updated_at"]) == updated.replace(
        microsecond=updated.microsecond // 1000 * 1000
    )
    assert (body[1]["day"], body[1]["table_number"], body[1]["interpreter"]) == (
        "2025-09-19",
        4,
        None,
    )


def test_exhibitor_reads_the_buyer_and_others_read_nothing_of_it(scene, as_user):
    mine = as_user(scene.fair.exhibitors[1].user).get(BASE).json()
    theirs = as_user(scene.other_buyer).get(BASE).json()

    assert [(m["id"], m["counterpart"]["name"], m["counterpart"]["booth"]) for m in mine] == [
        (scene.meetings[1].pk, "Buyer One", "")
    ]
    assert theirs == []


def test_as_picks_the_side_of_a_user_with_both(scene, as_user):
    buyer = scene.fair.buyer
    Membership.objects.create(
        user=buyer.user, organisation=scene.fair.exhibitors[0].participation.organisation
    )
    client = as_user(buyer.user)

    as_buyer = client.get(BASE).json()
    as_exhibitor = client.get(BASE + "?as=exhibitor").json()
    bad = client.get(BASE + "?as=organiser")

    assert [m["counterpart"]["role"] for m in as_buyer] == ["exhibitor", "exhibitor"]
    assert [(m["id"], m["counterpart"]["name"]) for m in as_exhibitor] == [
        (scene.meetings[0].pk, "Buyer One")
    ]
    assert bad.status_code == 422


def test_names_follow_accept_language(scene, as_user):
    client = as_user(scene.fair.buyer.user)

    [first, _] = client.get(BASE, headers={"Accept-Language": "zh-Hans"}).json()

    assert (first["session"], first["hall"], first["counterpart"]["country_name"]) == (
        "Morning talks（中文）",
        "B馆",
        "中国",
    )


def test_ics_is_text_calendar_with_the_published_meetings(scene, as_user):
    response = as_user(scene.fair.buyer.user).get(BASE + ".ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"meeting-{m.pk}@testserver" for m in scene.meetings]
    assert [e.decoded("DTSTART") for e in events] == [
        dt.datetime(2025, 9, 17, 23, 0, tzinfo=dt.UTC),
        dt.datetime(2025, 9, 19, 6, 40, tzinfo=dt.UTC),
    ]
    assert [str(e["LOCATION"]) for e in events] == ["Hall B, table 1", "Hall B, table 4"]


def test_schema_declares_the_ics_as_text_calendar(client):
    schema = client.get("/api/v1/openapi.json").json()
    ics = schema["paths"]["/api/v1/expos/{slug}/agenda.ics"]["get"]["responses"]

    assert list(ics["200"]["content"]) == ["text/calendar"]
    assert sorted(ics) == ["200", "401", "403", "404", "422"]
