"""Loading the meeting data of a small expo cut from the demo: as drawn, once, and reset cleanly."""

from collections import Counter

import pytest
from rich.progress import Progress

from tests.demo.conftest import small_cut
from tradefair.demo.accounts import ensure_demo_accounts
from tradefair.demo.loader import load_demo, unload_demo
from tradefair.demo.management.commands.demo import Command
from tradefair.demo.records import DemoExpo
from tradefair.demo.showcase import account_organisations
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    MeetingProfile,
    MeetingRequest,
    NegotiationSession,
    Recommendation,
    Slot,
)
from tradefair.organisations.models import Organisation, Participation

# One xdist worker for the module, so its module fixtures load the demo once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("test_loader_meetings")]
SLUG = "small-caexpo"
MODELS = [NegotiationSession, Slot, Interpreter, Interpreter.available_slots.through]
MODELS += [MeetingProfile, Availability, MeetingRequest, Participation, Organisation]


@pytest.fixture(scope="module")
def small(demo: DemoExpo) -> DemoExpo:
    return small_cut(demo, SLUG)


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in MODELS}


def test_a_small_expo_loads_its_meeting_data_as_drawn(small):
    meetings = small.meetings
    assert (len(small.buyers), len(meetings.requests)) == (133, 917)
    assert load_demo(small).created
    expo = Expo.objects.get(slug=SLUG)
    assert NegotiationSession.objects.filter(expo=expo, hall__code="C2", tables=12).count() == 10
    slots = Slot.objects.filter(expo=expo).order_by("start")
    assert slots.count() == 90
    assert (slots[0].start.isoformat(), slots[0].tables) == ("2025-09-17T01:00:00+00:00", 12)
    assert sorted(Interpreter.objects.filter(expo=expo).values_list("email", flat=True)) == sorted(
        i.email for i in meetings.interpreters
    )
    assert Interpreter.available_slots.through.objects.count() == sum(
        9 * len(i.sessions) for i in meetings.interpreters if i.sessions is not None
    )
    assert MeetingProfile.objects.count() == 133 + 60 == len(meetings.profiles)
    assert Availability.objects.count() == sum(
        9 * len(p.sessions) for p in meetings.profiles if p.sessions is not None
    )
    stored = MeetingRequest.objects.filter(expo=expo).values_list(
        "buyer__organisation__name", "exhibitor__organisation__name", "status", "priority"
    )
    assert Counter(stored) == Counter(
        (r.buyer[1], r.exhibitor[1], r.status, r.priority) for r in meetings.requests
    )


def test_loading_twice_changes_nothing_and_reset_reloads_the_same(small):
    empty = _counts()
    load_demo(small)
    before = _counts()
    assert not load_demo(small).created
    assert _counts() == before
    assert load_demo(small, reset=True).created
    assert _counts() == before
    assert unload_demo(SLUG)
    assert _counts() == empty


def test_demo_accounts_can_answer_requests_in_the_small_expo(small):
    load_demo(small)
    buyers, exhibitors = account_organisations(small)
    assert (len(buyers), len(exhibitors)) == (5, 5)
    accounts = [a for a in ensure_demo_accounts(SLUG)[1:] if a.role != "partner"]
    chosen = [a.organisation for a in accounts]
    assert chosen == [name for _, name in (*buyers, *exhibitors)]
    for account in accounts:
        mine = MeetingRequest.objects.filter(
            buyer__organisation__name__in=[n for _, n in buyers],
            exhibitor__organisation__name__in=[n for _, n in exhibitors],
        ).filter(
            **{f"{account.role}__organisation__name": account.organisation},
        )
        assert sorted(mine.values_list("status", "from_exhibitor")) == [
            ("accepted", False),
            ("cancelled", False),
            ("declined", True),
            ("pending", False),
            ("pending", True),
        ]


def test_the_demo_command_stores_recommendations_with_its_own_progress_task(small):
    load_demo(small)
    with Progress(disable=True) as progress:
        stored = Command()._recommend(progress, SLUG)
        (task,) = progress.tasks
    assert stored == Recommendation.objects.filter(expo__slug=SLUG).count() > 0
    assert (task.completed, task.total) == (100, 100)
    assert task.description.startswith("Recommending: ")
