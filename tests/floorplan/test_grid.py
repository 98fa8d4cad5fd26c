"""A hall's grid from parameters: coordinates with aisle gaps, metres, premiums, all or none."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import RestrictedError

from tradefair.engine.booths.io import parse_problem
from tradefair.floorplan.models import Booth, Hall, Module, Pavilion
from tradefair.floorplan.services.grid import GridError, GridSpec, generate_grid


@pytest.fixture
def hall(expo) -> Hall:
    return Hall.objects.create(expo=expo, code="A1", name="Hall A1", area_m2=10_000)


@pytest.fixture
def pavilion(expo, hall) -> Pavilion:
    return Pavilion.objects.create(
        expo=expo, hall=hall, code="ai", name="AI pavilion", kind="themed", area_m2=5_000
    )


SPEC = GridSpec(rows=2, columns=3, block_columns=4)  # 2 x 3 blocks of 2 x 4 modules


def test_blocks_are_laid_out_with_a_gap_at_every_aisle(hall, pavilion):
    assert generate_grid(hall, SPEC, pavilion=pavilion) == 48
    modules = {(m.x, m.y): m for m in Module.objects.filter(hall=hall)}
    assert len(modules) == 48
    # x: blocks at 0-3, 5-8, 10-13; y: rows at 0-1 and 3-4.
    assert sorted({x for x, _ in modules}) == [0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13]
    assert sorted({y for _, y in modules}) == [0, 1, 3, 4]
    second_block = modules[5, 3]
    assert (second_block.x_m, second_block.y_m) == (Decimal("15.00"), Decimal("9.00"))
    assert modules[0, 0].pavilion == pavilion and modules[0, 0].size_m == 3


def test_corners_and_the_main_aisle_are_premium(hall):
    generate_grid(hall, SPEC)
    premium = {(m.x, m.y): m.premium for m in Module.objects.filter(hall=hall)}
    assert premium[0, 0] == premium[3, 4] == premium[13, 1] == 2  # block ends
    assert premium[1, 0] == premium[6, 0] == 1  # the first row's front faces the main aisle
    assert premium[1, 1] == premium[6, 3] == 0


def test_the_grid_reads_as_an_allocation_problem_with_aisles_apart(hall):
    generate_grid(hall, SPEC)
    modules = [
        {"id": str(m.pk), "hall": hall.code, "x": m.x, "y": m.y, "zone": "raw"}
        for m in Module.objects.filter(hall=hall)
    ]
    problem = parse_problem({"modules": modules, "exhibitors": []})
    at = problem.at
    assert ("A1", 4, 0) not in at  # the aisle between the first two blocks
    assert at["A1", 5, 0] not in problem.neighbours[at["A1", 3, 0]]


def test_bad_parameters_are_named_and_nothing_is_created(hall, expo):
    elsewhere = Hall.objects.create(expo=expo, code="B", name="Hall B", area_m2=100)
    other = Pavilion.objects.create(
        expo=expo, hall=elsewhere, code="blue", name="Blue economy", kind="themed", area_m2=50
    )
    bad = GridSpec(rows=0, columns=1, block_columns=2, module_m=Decimal(0), aisle_m=Decimal(-1))
    with pytest.raises(GridError) as raised:
        generate_grid(hall, bad, pavilion=other)
    assert set(raised.value.errors) == {"rows", "module_m", "aisle_m", "pavilion"}
    assert raised.value.errors["pavilion"] == "Pavilion Blue economy is in another hall."
    with pytest.raises(GridError) as raised:
        generate_grid(elsewhere, SPEC)
    assert raised.value.errors == {
        "rows": "The grid covers 630 m² (42 x 15 m), more than the hall's 100 m²: use fewer "
        "or smaller blocks."
    }
    assert not Module.objects.exists()


def test_a_hall_with_a_grid_is_replaced_only_when_asked(hall):
    generate_grid(hall, SPEC)
    with pytest.raises(GridError) as raised:
        generate_grid(hall, GridSpec(rows=1, columns=1, block_columns=2))
    assert raised.value.errors == {"hall": "Hall A1 already has a grid."}
    assert Module.objects.filter(hall=hall).count() == 48
    assert generate_grid(hall, GridSpec(rows=1, columns=1, block_columns=2), replace=True) == 4
    assert Module.objects.filter(hall=hall).count() == 4


def test_a_grid_with_booths_on_it_is_not_replaced(expo, hall, pavilion):
    generate_grid(hall, SPEC, pavilion=pavilion)
    booth = Booth.objects.create(expo=expo, pavilion=pavilion, number="A1-101", area_m2=18)
    Module.objects.filter(hall=hall, y=0, x__in=(0, 1)).update(booth=booth)
    with pytest.raises(GridError) as raised:
        generate_grid(hall, GridSpec(rows=1, columns=1, block_columns=2), replace=True)
    assert raised.value.errors == {
        "replace": "2 modules of hall A1 carry booths: move or remove those booths before "
        "replacing the grid."
    }
    assert Module.objects.filter(hall=hall).count() == 48


def test_a_pavilion_keeps_its_modules_until_they_go_first(hall, pavilion):
    generate_grid(hall, SPEC, pavilion=pavilion)
    with pytest.raises(RestrictedError):
        pavilion.delete()  # its modules would otherwise silently become raw space
    Module.objects.filter(hall=hall).delete()
    pavilion.delete()
    assert not Pavilion.objects.exists()
