"""``tradefair schedule --expo SLUG``: the console's run and publication from a shell.

A small fair: a session of six 20-minute slots (09:00-11:00) in hall A, two tables; Buyer One
(one person) asked to meet three makers, who accepted. Buyer One's person also registered for
a forum in hall B from 09:00 to 10:20, so with the walk only the 10:40 slot is left to them.
"""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tradefair.matchmaking.models import Meeting, ScheduleRun
from tradefair.organisations.models import Participation
from tradefair.programme.services.registration import register

from .conftest import accepted
from .test_programme_availability import activity, at, hall, room, session_slots

pytestmark = pytest.mark.django_db


def tradefair(*args: str, errors: list[str] | None = None) -> int:
    """The command's exit status, its error in ``errors``. (``call_command`` rather than the
    console entry point, which closes the database connection the test runs in.)"""
    try:
        call_command("schedule", *args)
    except CommandError as error:
        if errors is not None:
            errors.append(str(error))
        return error.returncode
    return 0


@pytest.fixture
def fair(expo, organiser, make_party):
    hall_a, hall_b = hall(expo, "A"), hall(expo, "B")
    slots = session_slots(expo, organiser, hall_a, tables=2)
    buyer = make_party("Buyer One")
    other = make_party("Buyer Two")
    makers = [make_party(f"Maker {i}", Participation.Role.EXHIBITOR) for i in range(3)]
    for maker in makers:
        accepted(buyer.participation, maker.participation)
    accepted(other.participation, makers[0].participation)
    forum = activity(expo, room(expo, "Forum Room", hall_b), at(9, 0), at(10, 20))
    place = register(activity=forum, user=buyer.user, participation=buyer.participation)
    assert place.registration.status == "registered"
    return slots, buyer, other


def test_a_run_places_meetings_outside_the_forum_of_the_buyers_only_attendee(
    expo, fair, capsys, django_capture_on_commit_callbacks
):
    slots, buyer, other = fair
    with django_capture_on_commit_callbacks(execute=True):
        assert tradefair("--expo", expo.slug, "--time-limit", "7") == 0
    run = ScheduleRun.objects.get()
    assert (run.status, run.stats["time_limit"], run.started_by.email) == (
        "done",
        7.0,
        "organiser@example.com",
    )
    # Slots 09:00 to 10:20 are within the forum plus the walk from hall B: only 10:40 is left.
    theirs = Meeting.objects.filter(buyer=buyer.participation)
    assert list(theirs.values_list("slot_id", flat=True)) == [slots[5].pk]
    assert Meeting.objects.filter(buyer=other.participation).count() == 1
    assert Meeting.objects.count() == 2
    assert Meeting.objects.filter(published=True).count() == 0
    out = capsys.readouterr()
    printed = " ".join(out.out.replace("│", " ").split())
    for line in (
        f"Run {run.pk} of test-expo",
        "Meetings placed 2 of at most 2 (100.0%)",
        "Total priority 2 of at most 2 (100.0%)",
        "Buyers without a meeting 0",
        "at least 0 cannot get one in any schedule",
        "Requests left out 2",
        "Every available slot taken 2",
    ):
        assert line in printed
    assert "Published" not in printed
    assert "Scheduling test-expo as organiser@example.com" in out.err


def test_publish_publishes_through_the_consoles_service(
    expo, fair, capsys, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert tradefair("--expo", expo.slug, "--publish") == 0
    run = ScheduleRun.objects.get()
    assert Meeting.objects.filter(published=True).count() == 2 == run.published_count
    assert run.publish_status == "done"
    assert f"Published 2 meetings of run {run.pk}." in capsys.readouterr().out
    assert len(mailoutbox) == 4  # both sides of each of the two meetings, once each


def test_an_unknown_edition_exits_two_and_changes_nothing(expo, fair):
    errors: list[str] = []
    assert tradefair("--expo", "no-such-fair", errors=errors) == 2
    assert errors == ["--expo no-such-fair: no such edition (known: test-expo)"]
    assert (ScheduleRun.objects.count(), Meeting.objects.count()) == (0, 0)


def test_a_run_already_going_on_is_not_doubled(expo, organiser, fair):
    going = ScheduleRun.objects.create(
        expo=expo, status="running", started_by=organiser, heartbeat_at=timezone.now()
    )
    errors: list[str] = []
    assert tradefair("--expo", expo.slug, errors=errors) == 1
    assert errors == [f"Run {going.pk} of this edition is running; wait until it ends."]
    assert list(ScheduleRun.objects.values_list("pk", flat=True)) == [going.pk]
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((), "give either PROBLEM.json or --expo SLUG"),
        (("problem.json", "--expo", "test-expo"), "give either PROBLEM.json or --expo SLUG"),
        (("--expo", "test-expo", "-o", "out.json"), "--expo takes no -o"),
        (("--expo", "test-expo", "--time-limit", "0"), "--time-limit must be a number"),
        (("--expo", "test-expo", "--as", "nobody@example.com"), "--as nobody@example.com"),
        (("problem.json", "-o", "out.json", "--publish"), "--publish and --as go with --expo"),
    ],
)
def test_bad_arguments_exit_two_and_change_nothing(expo, fair, args, error):
    errors: list[str] = []
    assert tradefair(*args, errors=errors) == 2
    assert len(errors) == 1 and errors[0].startswith(error)
    assert (ScheduleRun.objects.count(), Meeting.objects.count()) == (0, 0)


def test_a_user_who_is_no_organiser_is_refused(expo, fair):
    _, buyer, _ = fair
    errors: list[str] = []
    assert tradefair("--expo", expo.slug, "--as", buyer.user.email, errors=errors) == 1
    assert errors == ["Only the organisers of this expo may do this."]
    assert ScheduleRun.objects.count() == 0


def test_a_failing_solver_is_recorded_on_the_run_and_changes_nothing(expo, fair, monkeypatch):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("out of memory")

    monkeypatch.setattr("tradefair.matchmaking.services.scheduling.solve", broken)
    errors: list[str] = []
    assert tradefair("--expo", expo.slug, errors=errors) == 1
    assert errors == ["the run failed and changed nothing: RuntimeError('out of memory')"]
    run = ScheduleRun.objects.get()
    assert (run.status, run.error) == ("failed", "RuntimeError('out of memory')")
    assert Meeting.objects.count() == 0
