"""How long a scheduling run holds the write lock, against the former one-transaction write.

With the full demo loaded, one run goes through the real service (``execute_schedule_run``:
solve, stage in short transactions, swap in under the slot locks) and reports how long staging
took and how long the swap held the locks. The baseline, in the same run on the same rows, is
what the write-back did before: every meeting built as an ORM object and inserted inside one
transaction under the same locks. On SQLite that transaction is the time every other writer
(a log-in, a request) has to wait.
"""

import time
from dataclasses import dataclass

TIME_LIMIT = 30.0


@dataclass(frozen=True)
class Writeback:
    meetings: int
    run_seconds: float
    stage_seconds: float
    swap_seconds: float
    one_transaction_seconds: float


def run(slug: str) -> Writeback:
    # Django is set up only in the worker process; the report side imports this module too.
    from django.db import transaction

    from tradefair.accounts.models import ExpoStaff
    from tradefair.expos.models import Expo
    from tradefair.matchmaking.models import Meeting, ScheduleRun, Slot
    from tradefair.matchmaking.services.booking import lock
    from tradefair.matchmaking.services.scheduling import execute_schedule_run

    expo = Expo.objects.get(slug=slug)
    organiser = ExpoStaff.objects.filter(expo=expo).select_related("user").first()
    started_by = organiser.user if organiser else None
    queued = ScheduleRun.objects.create(
        expo=expo, started_by=started_by, stats={"time_limit": TIME_LIMIT}
    )
    began = time.perf_counter()
    execute_schedule_run(run_id=queued.pk)
    run_seconds = time.perf_counter() - began
    done = ScheduleRun.objects.get(pk=queued.pk)
    assert done.status == ScheduleRun.Status.DONE, done.error
    written = Meeting.objects.filter(expo=expo, published=False, status="scheduled")
    rows = [
        Meeting(
            request_id=m.request_id,
            expo=expo,
            slot_id=m.slot_id,
            table_number=m.table_number,
            buyer_id=m.buyer_id,
            exhibitor_id=m.exhibitor_id,
            interpreter_id=m.interpreter_id,
        )
        for m in written
    ]
    began = time.perf_counter()
    with transaction.atomic():
        lock(
            slot_ids=Slot.objects.filter(expo=expo).values_list("pk", flat=True),
            participation_ids=[],
        )
        written.delete()
        Meeting.objects.bulk_create(rows)
    one_transaction = time.perf_counter() - began
    return Writeback(
        meetings=len(rows),
        run_seconds=run_seconds,
        stage_seconds=float(done.stats["stage_seconds"]),
        swap_seconds=float(done.stats["swap_seconds"]),
        one_transaction_seconds=one_transaction,
    )


def report(database: str, result: dict[str, float]) -> list[str]:
    ratio = result["one_transaction_seconds"] / max(result["swap_seconds"], 0.01)
    return [
        "",
        f"## Scheduling write-back with the full demo loaded ({database})",
        "",
        "One run through the console's service (solve, stage the meetings in short",
        "transactions, swap them in under every slot lock), then the same meetings written the",
        "former way in the same run: ORM objects inserted inside one transaction under the same",
        "locks. On SQLite the lock-holding transaction is what every other writer waits for.",
        "",
        "| meetings | whole run | staging (short transactions) | swap: locks held |"
        " former single transaction | former / swap |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {result['meetings']:,} | {result['run_seconds']:.1f} s |"
        f" {result['stage_seconds']:.2f} s | {result['swap_seconds']:.2f} s |"
        f" {result['one_transaction_seconds']:.2f} s | {ratio:.1f}× |",
    ]
