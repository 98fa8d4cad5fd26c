"""The .ics file is kept while the agenda says the same, and written anew once anything in it
changes (a meeting moved or added, another reader's language, another host)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.matchmaking.agenda_fair import AgendaFair, book, build_fair, publish
from tradefair.matchmaking.queries import calendar
from tradefair.matchmaking.queries.agenda import agenda_of
from tradefair.matchmaking.services.booking import move_meeting


@pytest.fixture
def fair(expo, organiser) -> AgendaFair:
    cache.clear()
    return build_fair(expo, organiser)


def never_again(monkeypatch) -> None:
    def rebuilt(*args: object) -> bytes:
        raise AssertionError("the calendar was serialised again")

    monkeypatch.setattr(calendar, "_calendar", rebuilt)


def test_the_same_agenda_is_served_from_the_kept_file(fair, monkeypatch):
    buyer = fair.buyer.participation
    book(buyer, fair.exhibitors[0].participation, fair.early[0])
    publish(fair.expo, fair.organiser)
    first = calendar.agenda_calendar(agenda_of(buyer), host="fair.test")

    never_again(monkeypatch)
    assert calendar.agenda_calendar(agenda_of(buyer), host="fair.test") == first


def test_a_change_in_the_agenda_writes_a_new_file(fair):
    buyer = fair.buyer.participation
    meeting = book(buyer, fair.exhibitors[0].participation, fair.early[0])
    publish(fair.expo, fair.organiser)
    before = calendar.agenda_calendar(agenda_of(buyer)).decode()

    book(buyer, fair.exhibitors[1].participation, fair.early[2])
    publish(fair.expo, fair.organiser)
    added = calendar.agenda_calendar(agenda_of(buyer)).decode()
    assert (before.count("BEGIN:VEVENT"), added.count("BEGIN:VEVENT")) == (1, 2)

    move_meeting(meeting=meeting, slot=fair.early[1], by_user=fair.organiser)
    moved = calendar.agenda_calendar(agenda_of(buyer)).decode()
    start = fair.early[1].start.astimezone(dt.UTC).strftime("DTSTART:%Y%m%dT%H%M%SZ")
    assert start in moved and start not in added


def test_each_language_and_host_has_its_own_file(fair):
    buyer = fair.buyer.participation
    book(buyer, fair.exhibitors[0].participation, fair.early[0])
    publish(fair.expo, fair.organiser)
    english = calendar.agenda_calendar(agenda_of(buyer), host="a.test").decode()
    with translation.override("zh-hans"):
        chinese = calendar.agenda_calendar(agenda_of(buyer), host="a.test").decode()
    other_host = calendar.agenda_calendar(agenda_of(buyer), host="b.test").decode()

    assert "Meeting with" in english and "Meeting with" not in chinese
    assert "@a.test" in english and "@b.test" in other_host and "@a.test" not in other_host


def test_a_given_time_is_always_written_afresh(fair):
    buyer = fair.buyer.participation
    book(buyer, fair.exhibitors[0].participation, fair.early[0])
    publish(fair.expo, fair.organiser)
    calendar.agenda_calendar(agenda_of(buyer))
    then = dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC)

    body = calendar.agenda_calendar(agenda_of(buyer), now=then).decode()

    assert "DTSTAMP:20250901T080000Z" in body
