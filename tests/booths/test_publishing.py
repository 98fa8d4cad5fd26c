"""Publishing a run writes its booths in one go, keeps what did not move, tells exhibitors,
and refuses a proposal the floor has outgrown."""

import pytest

from tradefair.booths.models import AllocationRun
from tradefair.booths.services import floor
from tradefair.booths.services.errors import NotAllowed, PlanChanged, RunNotReady
from tradefair.booths.services.publishing import publish_run, queue_publication
from tradefair.booths.services.runs import allocate_now
from tradefair.floorplan.models import Booth, BoothAssignment, Module

pytestmark = pytest.mark.django_db


def booth_modules(party) -> set[tuple[int, int]]:
    booth = BoothAssignment.objects.get(participation=party.participation).booth
    return set(booth.modules.values_list("x", "y"))


def test_publishing_puts_every_booth_on_its_modules_and_mails_each_exhibitor(
    expo, organiser, make_exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    parties = [make_exhibitor(f"Maker {k}", modules=k % 3 + 1) for k in range(5)]
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5)
    with django_capture_on_commit_callbacks(execute=True):
        placed = publish_run(run=run, by_user=organiser)
    assert len(placed) == 5 and all(p.before is None for p in placed)
    run.refresh_from_db()
    assert run.status == AllocationRun.Status.PUBLISHED and run.published_at
    for party in parties:
        booth = BoothAssignment.objects.get(participation=party.participation).booth
        size = party.participation.booth_area_m2 / 9
        assert booth.modules.count() == size and booth.area_m2 == 9 * size
        assert booth.number.startswith("A1-1")
        xs = sorted({m.x for m in booth.modules.all()})
        ys = sorted({m.y for m in booth.modules.all()})
        assert booth.width_m == 3 * len(xs) and booth.depth_m == 3 * len(ys)
    assert len({b.number for b in Booth.objects.all()}) == 5
    assert len(mailoutbox) == 5
    message = mailoutbox[0]
    assert "Your booth at Test Expo" in message.subject
    assert (
        "/test-expo/map/A1/?booth=A1-" in message.body and "Pavilion: ai pavilion" in message.body
    )


def test_a_second_run_keeps_booths_in_place_and_only_mails_who_moved(
    expo, organiser, make_exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    first = [make_exhibitor(f"Maker {k}", modules=2) for k in range(3)]
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    before = {p.participation.pk: booth_modules(p) for p in first}
    late = make_exhibitor("Late Co", modules=2)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        placed = publish_run(
            run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser
        )
    assert [p.participation for p in placed] == [late.participation.pk]
    assert {p.participation.pk: booth_modules(p) for p in first} == before
    assert [m.to for m in mailoutbox] == [["late-co@example.com"]]


def test_only_a_done_run_by_an_organiser_is_published(expo, organiser, make_exhibitor):
    party = make_exhibitor("Maker")
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5)
    with pytest.raises(NotAllowed):
        publish_run(run=run, by_user=party.user)
    publish_run(run=run, by_user=organiser)
    with pytest.raises(RunNotReady, match="only a finished run"):
        publish_run(run=run, by_user=organiser)


def test_a_pin_made_after_the_run_refuses_its_publication(expo, organiser, make_exhibitor):
    make_exhibitor("Maker", modules=2)
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5, keep_booths=False)
    booth = Booth.objects.get()
    # moved by hand to modules the run did not propose, and pinned
    Module.objects.filter(booth=booth).update(booth=None)
    Module.objects.filter(x__in=(5, 6), y=3, pavilion__code="ai").update(booth=booth)
    Booth.objects.filter(pk=booth.pk).update(pinned=True)
    with pytest.raises(PlanChanged, match="pinned or moved by hand"):
        publish_run(run=run, by_user=organiser)
    assert set(booth.modules.values_list("x", "y")) == {(5, 3), (6, 3)}  # nothing changed


def test_a_taken_module_rolls_the_whole_publication_back(expo, organiser, make_exhibitor):
    parties = [make_exhibitor(f"Maker {k}", modules=2) for k in range(2)]
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5)
    taken = run.allocations[1]["modules"][0]
    intruder = Booth.objects.create(
        expo=expo, pavilion=parties[0].participation.pavilion, number="X-1", area_m2=9
    )
    Module.objects.filter(pk=taken).update(booth=intruder)
    with pytest.raises(PlanChanged, match="taken meanwhile"):
        publish_run(run=run, by_user=organiser)
    assert not BoothAssignment.objects.exists()
    assert Module.objects.filter(booth__isnull=False).count() == 1


def test_publication_is_queued_for_the_worker(
    expo, organiser, make_exhibitor, django_capture_on_commit_callbacks
):
    make_exhibitor("Maker")
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5)
    with django_capture_on_commit_callbacks(execute=True):
        queue_publication(run=run, by_user=organiser)
    run.refresh_from_db()
    assert run.status == AllocationRun.Status.PUBLISHED
    assert floor.holdings(expo)  # the booth is on the floor


def test_a_refused_publication_is_told_in_the_language_of_who_asked(
    expo, organiser, make_exhibitor, django_capture_on_commit_callbacks
):
    """The worker's refusal names booths and runs, so the run page cannot translate it later:
    it is written in the organiser's language (it was English whatever they read)."""
    from django.utils import translation

    make_exhibitor("Maker", modules=2)
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    run = allocate_now(expo=expo, by_user=organiser, time_limit=5, keep_booths=False)
    Booth.objects.update(pinned=True)
    Module.objects.filter(booth__isnull=False).update(booth=None)
    Module.objects.filter(x__in=(5, 6), y=3, pavilion__code="ai").update(booth=Booth.objects.get())
    organiser.language = "zh-hans"
    organiser.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        queue_publication(run=run, by_user=organiser)
    run.refresh_from_db()
    assert run.status == AllocationRun.Status.DONE
    booth = Booth.objects.get()
    with translation.override("zh-hans"):
        chinese = translation.gettext(
            "Booth %(number)s was pinned or moved by hand after run %(run)s; "
            "run the allocation again to include it."
        ) % {"number": booth.number, "run": run.pk}
    assert run.error == chinese
    assert "pinned" not in chinese  # the catalogue does translate it
