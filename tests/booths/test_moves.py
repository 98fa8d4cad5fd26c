"""Moving a booth by hand: the engine's hard rules decide, each refusal names the field and
what to do, the move is pinned and the exhibitor told."""

import re

import pytest

from tradefair.booths.models import SpaceBooking
from tradefair.booths.services.errors import MoveRefused, NotAllowed
from tradefair.booths.services.moves import Target, move_booth, set_pinned
from tradefair.booths.services.publishing import publish_run
from tradefair.booths.services.runs import allocate_now
from tradefair.floorplan.models import Booth, BoothAssignment

pytestmark = pytest.mark.django_db


def modules_of(party) -> set[tuple[int, int]]:
    booth = BoothAssignment.objects.get(participation=party.participation).booth
    return set(booth.modules.values_list("x", "y"))


@pytest.fixture
def placed(expo, organiser, make_exhibitor):
    parties = [make_exhibitor(f"Maker {k}", modules=2) for k in range(3)]
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    return parties


def free_spot(hall, width=2) -> Target:
    return Target(hall=hall, x=5, y=3, width=width)  # second block, second row: empty


def test_a_move_takes_the_new_modules_pins_and_tells_the_exhibitor(
    placed, hall, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    party = placed[0]
    number = BoothAssignment.objects.get(participation=party.participation).booth.number
    with django_capture_on_commit_callbacks(execute=True):
        moved = move_booth(
            participation=party.participation, target=free_spot(hall), by_user=organiser
        )
    assert modules_of(party) == {(5, 3), (6, 3)}
    booth = Booth.objects.get(pk=moved.booth)
    assert booth.pinned and booth.number == number  # same hall: the number stays
    assert (booth.x_m, booth.y_m, booth.width_m, booth.depth_m) == (15, 9, 6, 3)
    assert [m.to for m in mailoutbox] == [["maker-0@example.com"]]
    assert "has moved" in mailoutbox[0].subject


def test_an_upright_booth_of_the_same_size(placed, hall, organiser):
    move_booth(
        participation=placed[0].participation, target=free_spot(hall, width=1), by_user=organiser
    )
    assert modules_of(placed[0]) == {(5, 3), (5, 4)}


@pytest.mark.parametrize(
    ("target", "field", "message"),
    [
        ({"x": 3, "y": 3}, "x", "no module at (4, 3)"),  # runs into the aisle
        ({"x": 5, "y": 3, "width": 3}, "width", "give a width that divides it"),
        ({"x": 10, "y": 0}, "x", "outside the exhibitor's pavilion"),
    ],
)
def test_refusals_name_the_field_and_the_fix(placed, hall, organiser, target, field, message):
    before = modules_of(placed[0])
    with pytest.raises(MoveRefused, match=re.escape(message)) as refused:
        move_booth(
            participation=placed[0].participation,
            target=Target(hall=hall, **{"width": 2, **target}),
            by_user=organiser,
        )
    assert refused.value.field == field
    assert modules_of(placed[0]) == before


def test_a_taken_module_or_a_competitor_next_door_is_refused(placed, hall, organiser):
    other = min(modules_of(placed[1]))
    with pytest.raises(MoveRefused, match="belongs to another booth"):
        move_booth(
            participation=placed[0].participation,
            target=Target(hall=hall, x=other[0], y=other[1], width=1),
            by_user=organiser,
        )
    move_booth(
        participation=placed[1].participation,
        target=Target(hall=hall, x=5, y=3, width=2),
        by_user=organiser,
    )
    SpaceBooking.objects.get(participation=placed[0].participation).competitors.add(
        placed[1].participation
    )
    with pytest.raises(MoveRefused, match="touch the booth of a competitor"):
        move_booth(
            participation=placed[0].participation,
            target=Target(hall=hall, x=7, y=3, width=2),
            by_user=organiser,
        )


def test_only_organisers_move_and_pin(placed, hall, organiser):
    with pytest.raises(NotAllowed):
        move_booth(
            participation=placed[0].participation, target=free_spot(hall), by_user=placed[0].user
        )
    booth = BoothAssignment.objects.get(participation=placed[0].participation).booth
    with pytest.raises(NotAllowed):
        set_pinned(booth=booth, pinned=True, by_user=placed[0].user)
    set_pinned(booth=booth, pinned=True, by_user=organiser)
    booth.refresh_from_db()
    assert booth.pinned
