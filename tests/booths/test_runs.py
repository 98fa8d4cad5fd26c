"""An allocation run: queued, solved in the worker, its proposal stored, nothing changed
on the floor until published; the organiser alone may start one."""

import pytest

from tradefair.booths import adapters
from tradefair.booths.models import AllocationRun, SpaceBooking
from tradefair.booths.services.errors import BoothError, NotAllowed
from tradefair.booths.services.runs import allocate_now, give_up_on_dead_runs, start_run
from tradefair.floorplan.models import Booth, Module

pytestmark = pytest.mark.django_db


def test_the_floor_reads_as_a_problem(expo, make_exhibitor, pavilions):
    tea = make_exhibitor("Tea Co", modules=4, points=7, sector="agriculture-food")
    make_exhibitor("Fish Co", modules=2, pavilion="blue")
    bare = make_exhibitor("No Area Co")
    type(bare.participation).objects.filter(pk=bare.participation.pk).update(booth_area_m2=None)
    SpaceBooking.objects.get(participation=tea.participation).competitors.add(bare.participation)
    built = adapters.build_problem(expo)
    assert len(built.problem.modules) == 64
    assert {m.zone for m in built.problem.modules} == {str(p.pk) for p in pavilions.values()}
    exhibitors = {e.id: e for e in built.problem.exhibitors}
    mine = exhibitors[str(tea.participation.pk)]
    assert (mine.modules, mine.points, mine.zone) == (4, 7.0, str(pavilions["ai"].pk))
    assert mine.competitors == frozenset()  # the rival was not given to the engine
    fish = next(e for e in exhibitors.values() if e.zone == str(pavilions["blue"].pk))
    assert fish.sector == (
        str(pavilions["blue"].sector_id) if pavilions["blue"].sector_id else None
    )
    assert [(x.participation, x.code) for x in built.left_out] == [
        (bare.participation.pk, "no_area")
    ]


def test_a_run_proposes_and_changes_nothing_until_published(
    expo, organiser, make_exhibitor, django_capture_on_commit_callbacks
):
    parties = [make_exhibitor(f"Maker {k}", modules=k % 3 + 1) for k in range(6)]
    with django_capture_on_commit_callbacks(execute=True):
        run = start_run(expo=expo, by_user=organiser, time_limit=5)
    run.refresh_from_db()
    assert run.status == AllocationRun.Status.DONE and run.progress == 1.0
    assert run.stats["placed_exhibitors"] == 6 == run.stats["exhibitors"]
    assert run.stats["modules_placed"] == run.stats["upper_bound"] == 12
    assert {a["exhibitor"] for a in run.allocations} == {p.participation.pk for p in parties}
    assert run.unallocated == []
    assert not Booth.objects.exists() and not Module.objects.filter(booth__isnull=False).exists()


def test_who_does_not_fit_is_told_why(expo, organiser, make_exhibitor):
    make_exhibitor("Huge Co", modules=40)  # no 40-module rectangle in a 2 x 4 block
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5)
    assert [u["code"] for u in run.unallocated] == ["shape"]
    assert run.unallocated[0]["modules"] == 40


def test_only_organisers_run_and_one_run_at_a_time(expo, organiser, make_exhibitor):
    party = make_exhibitor("Maker")
    with pytest.raises(NotAllowed):
        start_run(expo=expo, by_user=party.user)
    first = start_run(expo=expo, by_user=organiser)  # queued: the task runs after commit
    assert start_run(expo=expo, by_user=organiser) == first
    with pytest.raises(BoothError, match="wait until it ends"):
        allocate_now(expo=expo, by_user=organiser, time_limit=1)


def test_a_run_whose_worker_died_is_given_up(expo, organiser, settings):
    import datetime as dt

    from django.utils import timezone

    run = AllocationRun.objects.create(
        expo=expo,
        status=AllocationRun.Status.RUNNING,
        heartbeat_at=timezone.now() - dt.timedelta(hours=1),
    )
    assert give_up_on_dead_runs(expo) == 1
    run.refresh_from_db()
    assert run.status == AllocationRun.Status.FAILED and "signs of life" in run.error
