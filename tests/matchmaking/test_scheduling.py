"""End to end on a small fair: requests, answers, a background run, publication, a re-run."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tradefair.engine.schedule import problem as engine
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.reasons import Code, Reason
from tradefair.matchmaking import adapters
from tradefair.matchmaking.models import (
    Availability,
    LeftOutRequest,
    Meeting,
    MeetingRequest,
    ScheduleRun,
    Slot,
)
from tradefair.matchmaking.services.errors import InvalidTransition, NotAllowed
from tradefair.matchmaking.services.publishing import publish_schedule
from tradefair.matchmaking.services.requests import accept_request, cancel_request, request_meeting
from tradefair.matchmaking.services.scheduling import start_schedule_run
from tradefair.matchmaking.tasks import run_schedule
from tradefair.organisations.models import Participation

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(expo, organiser, make_party):
    """Three buyers each asking two of three exhibitors; two slots of two tables."""
    make_session(expo, organiser, tables=2, slots=2)
    buyers = [make_party(f"Buyer {i}") for i in range(3)]
    exhibitors = [make_party(f"Maker {i}", Participation.Role.EXHIBITOR) for i in range(3)]
    for i, buyer in enumerate(buyers):
        for j in (i, (i + 1) % 3):
            request = request_meeting(
                buyer=buyer.participation,
                exhibitor=exhibitors[j].participation,
                priority=1 + j,
                by_user=buyer.user,
            )
            accept_request(request=request, by_user=exhibitors[j].user)
    return buyers, exhibitors


def run(expo, organiser, capture) -> ScheduleRun:
    with capture(execute=True):
        started = start_schedule_run(expo=expo, by_user=organiser)
    return ScheduleRun.objects.get(pk=started.pk)


def _all_meetings(expo):
    from tradefair.engine.schedule.problem import Solution

    return Solution(
        meetings=tuple(adapters.to_engine(m) for m in Meeting.objects.filter(expo=expo))
    )


def test_a_run_places_accepted_requests_by_every_rule(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    done = run(expo, organiser, django_capture_on_commit_callbacks)
    problem = adapters.build_problem(expo).problem
    assert (done.status, done.phase, done.progress) == ("done", "done", 1.0)
    # Six requests, four table-slots: each buyer and maker can meet at most twice.
    assert Meeting.objects.count() == done.stats["count"] == 4
    assert done.stats["upper_bound"] == 4 and done.stats["buyers_without_meeting"] == 0
    assert check(problem, _all_meetings(expo)) == []
    # The two priority-1 requests to Maker 0 give way: the total priority is then maximal.
    left_out = done.left_out.order_by("position")
    assert [(u.buyer_name, u.exhibitor_name, u.reason) for u in left_out] == [
        ("Buyer 0", "Maker 0", "every table is taken in the slots both sides have free"),
        ("Buyer 2", "Maker 0", "every table is taken in the slots both sides have free"),
    ]


def test_a_run_refreshes_the_planner_statistics_of_what_it_wrote(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    """The tables a run fills are planned from statistics taken after it, not before."""
    tables = [Meeting._meta.db_table, LeftOutRequest._meta.db_table]
    with CaptureQueriesContext(connection) as queries:
        done = run(expo, organiser, django_capture_on_commit_callbacks)
    analysed = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("ANALYZE")]
    assert analysed == [f"ANALYZE {connection.ops.quote_name(table)}" for table in tables]
    if connection.vendor == "sqlite":  # each index's statistics start with the row count
        with connection.cursor() as cursor:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [tables[0]])
            counts = {int(row[0].split()[0]) for row in cursor.fetchall()}
        assert counts == {done.stats["count"]} == {4}


def test_a_failed_run_does_not_refresh_statistics(expo, organiser, fair, monkeypatch):
    from tradefair.matchmaking.services import scheduling

    monkeypatch.setattr(scheduling, "solve", lambda problem, **kwargs: 1 / 0)
    failed = ScheduleRun.objects.create(expo=expo)
    with CaptureQueriesContext(connection) as queries, pytest.raises(ZeroDivisionError):
        scheduling.execute_schedule_run(run_id=failed.pk)
    assert not [q for q in queries.captured_queries if q["sql"].startswith("ANALYZE")]
    assert ScheduleRun.objects.get(pk=failed.pk).status == "failed"


def test_reasons_name_organisations_not_engine_ids():
    problem = engine.Problem(
        slots=(),
        participants=(
            engine.Participant("p5", engine.Side.BUYER),
            engine.Participant("p51", engine.Side.EXHIBITOR),
        ),
        requests=(engine.Request("7", "p5", "p51"),),
    )
    built = adapters.Built(problem=problem, names={"p5": "Acme", "p51": "Other"})
    full = Reason(Code.CAP_REACHED, {"side": "buyer", "participant": "p5", "max": 1})
    tables = Reason(Code.TABLES_FULL, {"slots": ["11", "12", "13"]})
    assert adapters.readable(full.left_out("7"), built, {}) == {
        "request": 7,
        "buyer": "Acme",
        "exhibitor": "Other",
        "buyer_id": 5,
        "exhibitor_id": 51,
        "reason": "buyer Acme is fully booked (max 1 meetings)",
        "code": "cap_reached",
        "params": {"side": "buyer", "participant": 5, "max": 1},
    }
    stored = adapters.readable(tables.left_out("7"), built, {11: 3, 12: 3, 13: 4})
    assert stored["params"] == {"sessions": [3, 4]}  # slots become their sessions, once each


def test_publishing_mails_each_side_once(
    expo, organiser, fair, mailoutbox, django_capture_on_commit_callbacks
):
    done = run(expo, organiser, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_schedule(run=done, by_user=organiser) == 4
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_schedule(run=done, by_user=organiser) == 0
    parties = {p for m in Meeting.objects.all() for p in (m.buyer_id, m.exhibitor_id)}
    assert len(mailoutbox) == len(parties)
    assert {m.subject for m in mailoutbox} == {"Your meeting schedule at Test Expo"}
    assert Meeting.objects.filter(published=False).count() == 0


def test_a_rerun_keeps_published_meetings_in_place(
    expo, organiser, fair, mailoutbox, django_capture_on_commit_callbacks
):
    first = run(expo, organiser, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish_schedule(run=first, by_user=organiser)
    published = sorted(Meeting.objects.values_list("request_id", "slot_id", "table_number"))
    # A late change: one published meeting is cancelled, which frees a place.
    gone = Meeting.objects.order_by("pk").first()
    cancel_request(request=gone.request, by_user=organiser)
    second = run(expo, organiser, django_capture_on_commit_callbacks)
    now = sorted(Meeting.objects.values_list("request_id", "slot_id", "table_number"))
    assert set(published) - {(gone.request_id, gone.slot_id, gone.table_number)} <= set(now)
    assert second.stats["kept"] == 3
    assert check(adapters.build_problem(expo).problem, _all_meetings(expo)) == []
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newly = publish_schedule(run=second, by_user=organiser)
    assert newly == Meeting.objects.count() - 3
    with pytest.raises(InvalidTransition, match="newer run"):
        publish_schedule(run=first, by_user=organiser)


def test_a_held_meeting_keeps_its_table_when_its_buyer_narrowed_availability_since(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    """The demo's traced orders hit this: a held meeting outside its buyer's availability was
    not kept by the solver, a new meeting took its table, and the write-back failed."""
    first = run(expo, organiser, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish_schedule(run=first, by_user=organiser)
    held = Meeting.objects.order_by("pk").first()
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.HELD)
    other_slots = Slot.objects.filter(expo=expo).exclude(pk=held.slot_id)
    Availability.objects.bulk_create(
        Availability(participation_id=held.buyer_id, slot=slot) for slot in other_slots
    )
    second = run(expo, organiser, django_capture_on_commit_callbacks)
    assert second.status == "done", second.error
    assert Meeting.objects.filter(
        pk=held.pk, slot_id=held.slot_id, table_number=held.table_number, status="held"
    ).exists()
    assert check(adapters.build_problem(expo).problem, _all_meetings(expo)) == []


def test_runs_are_idempotent_and_one_at_a_time(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        one = start_schedule_run(expo=expo, by_user=organiser)
        two = start_schedule_run(expo=expo, by_user=organiser)
    assert one.pk == two.pk and len(queued) == 1  # queued once, after commit
    assert ScheduleRun.objects.get(pk=one.pk).status == "queued"
    run_schedule(one.pk)
    meetings = sorted(Meeting.objects.values_list("pk", flat=True))
    run_schedule(one.pk)  # a duplicate delivery
    assert sorted(Meeting.objects.values_list("pk", flat=True)) == meetings
    assert ScheduleRun.objects.get(pk=one.pk).status == "done"


def test_only_organisers_run_and_publish(expo, organiser, fair, django_capture_on_commit_callbacks):
    buyers, _ = fair
    with pytest.raises(NotAllowed):
        start_schedule_run(expo=expo, by_user=buyers[0].user)
    assert ScheduleRun.objects.count() == 0
    done = run(expo, organiser, django_capture_on_commit_callbacks)
    with pytest.raises(NotAllowed):
        publish_schedule(run=done, by_user=buyers[0].user)
    assert Meeting.objects.filter(published=True).count() == 0


def test_cancelled_requests_are_not_scheduled(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    buyers, _ = fair
    for request in MeetingRequest.objects.filter(buyer=buyers[0].participation):
        cancel_request(request=request, by_user=buyers[0].user)
    run(expo, organiser, django_capture_on_commit_callbacks)
    assert not Meeting.objects.filter(buyer=buyers[0].participation).exists()
    assert Meeting.objects.count() == 4


def test_progress_is_written_per_phase_and_throttled_within_one(expo):
    from tradefair.matchmaking.services import scheduling

    ticks = iter([0.0, 0.1, 0.2, 5.0])
    started = ScheduleRun.objects.create(expo=expo, status="running")
    report = scheduling._progress_writer(started.pk, clock=lambda: next(ticks))
    seen = []
    for phase, share in [("bounds", 0.05), ("exact", 0.2), ("exact", 0.3), ("exact", 0.6)]:
        report(phase, share)
        seen.append(ScheduleRun.objects.values_list("phase", "progress").get(pk=started.pk))
    # The third report comes 0.1 s after the second, in the same phase: not written.
    assert seen == [("bounds", 0.05), ("exact", 0.2), ("exact", 0.2), ("exact", 0.6)]


def test_a_failed_run_records_why_and_frees_the_edition(
    expo, organiser, fair, monkeypatch, django_capture_on_commit_callbacks
):
    from tradefair.matchmaking.services import scheduling

    def broken(*args, **kwargs):
        raise MemoryError("out of memory")

    monkeypatch.setattr(scheduling, "solve", broken)
    with django_capture_on_commit_callbacks(execute=False):
        queued = start_schedule_run(expo=expo, by_user=organiser)
    with pytest.raises(MemoryError):
        run_schedule(queued.pk)
    failed = ScheduleRun.objects.get(pk=queued.pk)
    assert (failed.status, failed.error) == ("failed", "MemoryError('out of memory')")
    assert Meeting.objects.count() == 0
    monkeypatch.undo()
    assert run(expo, organiser, django_capture_on_commit_callbacks).status == "done"


def test_a_run_abandoned_by_its_worker_does_not_block_the_edition(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from tradefair.matchmaking.services.run_health import WORKER_LOST

    # Its last sign of life is older than the timeout (60 s): the worker is gone.
    stuck = ScheduleRun.objects.create(
        expo=expo, status="running", heartbeat_at=timezone.now() - dt.timedelta(seconds=61)
    )
    fresh = run(expo, organiser, django_capture_on_commit_callbacks)
    assert fresh.pk != stuck.pk and fresh.status == "done"
    assert ScheduleRun.objects.values_list("status", "error").get(pk=stuck.pk) == (
        "failed",
        WORKER_LOST,
    )


def test_a_running_run_with_a_recent_heartbeat_is_left_alone(
    expo, organiser, fair, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    alive = ScheduleRun.objects.create(
        expo=expo, status="running", heartbeat_at=timezone.now() - dt.timedelta(seconds=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert start_schedule_run(expo=expo, by_user=organiser) == alive
    assert ScheduleRun.objects.get(pk=alive.pk).status == "running"
    assert ScheduleRun.objects.count() == 1


@pytest.mark.parametrize(("timeout", "interval"), [(60, 5.0), (20, 5.0), (6, 1.5)])
def test_the_heartbeat_beats_four_times_within_its_timeout(settings, timeout, interval):
    """A stamp held up for a beat or two (a busy SQLite writer lock, a loaded machine) must
    not make a live worker look dead: CI once lost a run to a 5 s beat against a 6 s timeout."""
    from tradefair.expos.services.background import beat_interval

    settings.TASK_HEARTBEAT_TIMEOUT = timeout
    assert beat_interval() == interval


def test_a_run_given_up_on_while_solving_writes_nothing(expo, organiser, fair, monkeypatch):
    from tradefair.matchmaking.services import scheduling

    real_solve = scheduling.solve

    def slow(problem, **kwargs):
        ScheduleRun.objects.filter(pk=late.pk).update(status="failed", error="abandoned")
        return real_solve(problem, **kwargs)

    monkeypatch.setattr(scheduling, "solve", slow)
    late = ScheduleRun.objects.create(expo=expo)
    assert scheduling.execute_schedule_run(run_id=late.pk) is None
    assert Meeting.objects.count() == 0
    assert ScheduleRun.objects.get(pk=late.pk).status == "failed"
