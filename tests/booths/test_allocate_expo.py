"""``tradefair allocate --expo``: the console's run and publication from the command line."""

import pytest

from tests.booths.conftest import tradefair
from tradefair.booths.models import AllocationRun
from tradefair.floorplan.models import BoothAssignment

pytestmark = pytest.mark.django_db


def test_an_editions_allocation_is_run_and_published(expo, organiser, make_exhibitor, capsys):
    parties = [make_exhibitor(f"Maker {k}", modules=2) for k in range(3)]
    make_exhibitor("Huge Co", modules=40)
    assert tradefair("allocate", "--expo", "test-expo", "--time-limit", "5", "--publish") == 0
    printed = capsys.readouterr().out
    run = AllocationRun.objects.get()
    assert f"Run {run.pk}: 3 of 4 exhibitors placed; 6 of 46 booked modules" in printed
    assert "without a booth: Huge Co: no rectangle of 40 modules exists in its pavilion" in printed
    assert f"Published run {run.pk}: 3 booths new or moved." in printed
    assert run.status == "published" and run.started_by == organiser
    assert (
        BoothAssignment.objects.filter(participation__in=[p.participation for p in parties]).count()
        == 3
    )


def test_the_run_alone_changes_nothing_on_the_floor(expo, organiser, make_exhibitor, capsys):
    make_exhibitor("Maker", modules=2)
    assert tradefair("allocate", "--expo", "test-expo", "--time-limit", "5") == 0
    assert AllocationRun.objects.get().status == "done"
    assert not BoothAssignment.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--expo", "nowhere"], "--expo nowhere: no such edition (known: test-expo)"),
        (["--expo", "test-expo", "--greedy"], "--expo takes no --greedy: the edition's data"),
        (["--publish"], "give either PROBLEM.json or --expo SLUG"),
        (["--expo", "test-expo", "--as", "nobody@example.com"], "--as nobody@example.com"),
    ],
)
def test_bad_arguments_exit_2_and_say_why(expo, organiser, capsys, args, message):
    assert tradefair("allocate", *args) == 2
    assert message in capsys.readouterr().err
    assert not AllocationRun.objects.exists()
