"""The timetable's layout: quarter-hour rows on the edition's clock, a column per room."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from tests.programme.conftest import at
from tradefair.programme.models import Activity, Room
from tradefair.programme.queries.timetable import first_busy_day, timetable

pytestmark = pytest.mark.django_db


def test_activities_sit_in_their_rooms_rows(expo, room, make_activity):
    stage = Room.objects.create(expo=expo, name="Atrium Stage", capacity=300)
    forum = make_activity()  # 10:00-11:00 in Forum Room 1
    launch = make_activity(title="Launch", room=stage, start=at(9, 30), end=at(10, 15))
    loose = make_activity(title="Loose", room=None, start=at(11, 45), end=at(12, 10))
    make_activity(title="Called off", status=Activity.Status.CANCELLED, start=at(8), end=at(9))
    make_activity(title="Next day", start=at(10, day=19), end=at(11, day=19))
    grid = timetable(expo, dt.date(2025, 9, 18))
    assert [(c.room.name if c.room else None, c.line) for c in grid.columns] == [
        ("Atrium Stage", 2),
        ("Forum Room 1", 3),
        (None, 4),
    ]
    # 09:00 to 13:00 in quarter hours; row 1 holds the room names.
    assert grid.rows == 16
    assert [(t.text, t.row, t.span) for t in grid.times] == [
        ("09:00", 2, 2),
        ("09:30", 4, 2),
        ("10:00", 6, 2),
        ("10:30", 8, 2),
        ("11:00", 10, 2),
        ("11:30", 12, 2),
        ("12:00", 14, 2),
        ("12:30", 16, 2),
    ]
    assert [(p.activity.pk, p.column, p.row, p.span, p.clash) for p in grid.placed] == [
        (launch.pk, 2, 4, 3, False),
        (forum.pk, 3, 6, 4, False),
        (loose.pk, 4, 13, 2, False),  # 11:45 to 12:10 takes two quarters
    ]
    assert grid.days == [dt.date(2025, 9, d) for d in range(17, 22)]


def test_the_days_rooms_in_use_come_before_the_idle_ones(expo, room, make_activity):
    idle = Room.objects.create(expo=expo, name="Atrium Stage", capacity=300)
    make_activity()  # in Forum Room 1, which sorts after the idle Atrium Stage by name
    grid = timetable(expo, dt.date(2025, 9, 18))
    assert [(c.room, c.line) for c in grid.columns] == [(room, 2), (idle, 3), (None, 4)]
    assert [p.column for p in grid.placed] == [2]


def test_a_double_booking_shares_the_column_in_lanes(expo, room, make_activity):
    first = make_activity(title="First")
    second = make_activity(title="Second", start=at(10, 30), end=at(11, 30))
    third = make_activity(title="Third", start=at(11, 30), end=at(12))
    grid = timetable(expo, dt.date(2025, 9, 18))
    assert [(p.activity.pk, p.lane, p.lanes, p.left, p.width) for p in grid.placed] == [
        (first.pk, 0, 2, 0.0, 50.0),
        (second.pk, 1, 2, 50.0, 50.0),
        (third.pk, 0, 1, 0.0, 100.0),
    ]


def test_the_page_shows_the_asked_day_else_the_first_busy_one(
    client, expo, organiser, make_activity
):
    make_activity(start=at(10, day=19), end=at(11, day=19))
    assert first_busy_day(expo) == dt.date(2025, 9, 19)
    client.force_login(organiser)
    target = reverse("programme_organiser:timetable", kwargs={"slug": expo.slug})
    assert client.get(target).context["grid"].day == dt.date(2025, 9, 19)
    assert client.get(target, {"day": "2025-09-20"}).context["grid"].day == dt.date(2025, 9, 20)
    assert client.get(target, {"day": "2030-01-01"}).context["grid"].day == dt.date(2025, 9, 19)
    empty = client.get(target, {"day": "2025-09-20"}).content.decode()
    assert "Nothing is planned on this day." in empty
    html = client.get(target).content.decode()
    assert html.count("All times are Nanning time (UTC+8).") == 1
    assert 'href="?day=2025-09-19" aria-current="page"' in html


@pytest.mark.parametrize("language", ["en", "vi", "id"])
def test_a_double_bookings_lanes_are_css_in_every_language(
    client, expo, organiser, room, make_activity, language
):
    """The lanes' offsets are CSS, not prose: "33,33%" would be no width at all in vi or id,
    and the two activities would be drawn over each other."""
    for title in ("First", "Second", "Third"):
        make_activity(title=title)
    client.force_login(organiser)
    with translation.override(language):
        target = reverse("programme_organiser:timetable", kwargs={"slug": expo.slug})
    html = client.get(target, {"day": "2025-09-18"}).content.decode()
    assert "margin-left: calc(33.33% + 3px); width: calc(33.33% - 6px);" in html
    assert "33,33" not in html
