"""Every matchmaking model has a working changelist, change page, search and filters."""

import pytest
from django.urls import reverse

from tradefair.accounts.models import User
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    MeetingProfile,
    ScheduleRun,
)
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.matchmaking.services.left_out import store_left_out

from .conftest import accepted

pytestmark = pytest.mark.django_db
MODELS = [
    ("negotiationsession", "q=Procurement"),
    ("slot", ""),
    ("interpreter", "q=Lan"),
    ("meetingprofile", "q=Buyer"),
    ("availability", "q=Buyer"),
    ("meetingrequest", "q=Exhibitor&status__exact=accepted"),
    ("meeting", "q=Buyer&published__exact=0"),
    ("schedulerun", "status__exact=done"),
]


@pytest.fixture
def rows(expo, buyer, exhibitor, slots):
    meeting = book_meeting(
        request=accepted(buyer.participation, exhibitor.participation), slot=slots[0]
    )
    Interpreter.objects.create(expo=expo, name="Lan", languages=["vi", "zh"])
    MeetingProfile.objects.create(participation=buyer.participation, languages=["vi"])
    Availability.objects.create(participation=buyer.participation, slot=slots[0])
    ScheduleRun.objects.create(expo=expo, status="done")
    return meeting


@pytest.mark.parametrize(("model", "query"), MODELS)
def test_changelists_and_change_pages_render(client, rows, model, query):
    client.force_login(User.objects.create_superuser("staff@example.org"))
    listing = client.get(reverse(f"admin:matchmaking_{model}_changelist") + f"?{query}")
    assert listing.status_code == 200
    assert "errornote" not in listing.content.decode()
    found = list(listing.context["cl"].result_list)
    assert len(found) >= 1  # each query matches the rows made above
    page = client.get(reverse(f"admin:matchmaking_{model}_change", args=[found[0].pk]))
    assert page.status_code == 200


def test_a_runs_change_page_counts_its_requests_left_out(client, expo):
    run = ScheduleRun.objects.create(expo=expo, status="done")
    store_left_out(run, [{"request": n, "code": "tables_full"} for n in range(3)])
    client.force_login(User.objects.create_superuser("staff@example.org"))
    page = client.get(reverse("admin:matchmaking_schedulerun_change", args=[run.pk]))
    assert page.status_code == 200
    assert ("Requests left out", "3") in [
        (field.field["label"], str(field.contents()))
        for fieldset in page.context["adminform"]
        for line in fieldset
        for field in line
        if field.is_readonly
    ]


@pytest.mark.parametrize("model", ["meeting", "meetingrequest", "recommendation"])
def test_the_large_lists_cost_the_same_queries_for_one_row_or_four(
    client, expo, rows, slots, model
):
    """A page is chosen from the table alone, then its rows are read with their joins."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tradefair.matchmaking.models import Meeting, Recommendation
    from tradefair.organisations.models import Participation

    from .conftest import make_party_in

    client.force_login(User.objects.create_superuser("staff@example.org"))
    url = reverse(f"admin:matchmaking_{model}_changelist")
    first = Meeting.objects.get()
    Recommendation.objects.create(
        expo=expo, buyer=first.buyer, exhibitor=first.exhibitor, score=0.5, buyer_rank=1
    )
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for n in range(3):
        maker = make_party_in(expo, f"Maker {n}", Participation.Role.EXHIBITOR).participation
        other = make_party_in(expo, f"Buyer {n}", Participation.Role.BUYER).participation
        book_meeting(request=accepted(other, maker), slot=slots[1 + n // 2])
        Recommendation.objects.create(
            expo=expo, buyer=other, exhibitor=maker, score=0.4, buyer_rank=1
        )
    with CaptureQueriesContext(connection) as four:
        page = client.get(url)
    assert len(four.captured_queries) == len(one.captured_queries)
    assert len(page.context["cl"].result_list) == 4
    assert "Maker 2" in page.content.decode()
