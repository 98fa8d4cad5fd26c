"""Sessions cut into slots in the expo's own time zone."""

import datetime as dt

import pytest

from tradefair.matchmaking.models import NegotiationSession, Slot
from tradefair.matchmaking.services.errors import InvalidRequest, NotAllowed
from tradefair.matchmaking.services.sessions import create_session

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def session(expo, user, **changes):
    values = {
        "expo": expo,
        "name": "Procurement",
        "date": dt.date(2025, 9, 18),
        "start_time": dt.time(9, 0),
        "end_time": dt.time(10, 50),
        "slot_minutes": 20,
        "tables": 40,
        "by_user": user,
    }
    return create_session(**{**values, **changes})


def test_whole_slots_in_the_expos_time_zone(expo, organiser):
    created = session(expo, organiser)
    starts = [s.start.astimezone(UTC) for s in created.slots.order_by("start")]
    # 09:00 in Nanning (UTC+8) is 01:00 UTC; 10:40-11:00 would overrun 10:50, so five slots.
    assert starts == [dt.datetime(2025, 9, 18, 1, m, tzinfo=UTC) for m in (0, 20, 40)] + [
        dt.datetime(2025, 9, 18, 2, m, tzinfo=UTC) for m in (0, 20)
    ]
    assert {(s.tables, s.expo_id, s.end - s.start) for s in created.slots.all()} == {
        (40, expo.pk, dt.timedelta(minutes=20))
    }


def test_only_organisers_create_sessions(expo, buyer):
    with pytest.raises(NotAllowed):
        session(expo, buyer.user)
    assert (NegotiationSession.objects.count(), Slot.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": dt.date(2025, 10, 1)}, "during the expo"),
        ({"end_time": dt.time(9, 10)}, "shorter than one slot"),
        ({"tables": 0}, "must be positive"),
    ],
)
def test_bad_sessions_are_refused(expo, organiser, changes, message):
    with pytest.raises(InvalidRequest, match=message):
        session(expo, organiser, **changes)
    assert (NegotiationSession.objects.count(), Slot.objects.count()) == (0, 0)
