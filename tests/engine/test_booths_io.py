"""The booths format: every fault of a file named at once, pins held to the rules, round trips."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings

from tradefair.engine.booths.io import parse_problem, parse_solution
from tradefair.engine.booths.writer import problem_to_dict
from tradefair.engine.jsonformat import ProblemError, dumps

from .booth_cases import booth_problems, small_problem


def faults(data: object) -> list[str]:
    with pytest.raises(ProblemError) as raised:
        parse_problem(data)  # type: ignore[arg-type]
    return raised.value.errors


def test_a_good_problem_reads_with_defaults():
    problem = parse_problem(small_problem())
    assert len(problem.modules) == 16 and len(problem.exhibitors) == 5
    assert problem.modules[0].premium == 2 and problem.modules[1].premium == 0
    assert problem.exhibitors[2].points == 0 and problem.exhibitors[2].competitors == frozenset()
    # The aisle at x = 4 parts the blocks: the modules either side do not touch.
    at = problem.at
    assert at["A", 5, 0] not in problem.neighbours[at["A", 3, 0]]
    assert set(problem.neighbours[at["A", 1, 0]]) == {at["A", 0, 0], at["A", 2, 0], at["A", 1, 1]}


def test_every_fault_is_named_in_one_round():
    data = small_problem()
    data["modules"].append({"id": "A-0-0", "hall": "A", "x": 9, "y": 9, "zone": "ai"})
    data["modules"].append({"id": "B1", "hall": "A", "x": 0, "y": 0, "zone": "ai"})
    data["modules"].append(
        {"id": "B2", "hall": "", "x": 1.5, "y": "2", "zone": "ai", "premium": -1}
    )
    data["exhibitors"] += [
        {"id": "E1", "modules": 1, "zone": "ai"},
        {"id": "E6", "modules": 0, "zone": "nowhere", "points": "many", "colour": "red"},
        {"id": "E7", "modules": 2, "zone": "ai", "competitors": ["E7", "E99"]},
    ]
    data["pinned"] = [
        {"exhibitor": "E42", "modules": ["A-0-0"]},
        {"exhibitor": "E2", "modules": ["Z"]},
    ]

    assert faults(data) == [
        "modules[16] (A-0-0): duplicate id 'A-0-0' (first at modules[0] (A-0-0))",
        "modules[17] (B1): hall A x=0 y=0 is already module 'A-0-0'",
        "modules[18] (B2): hall must be a non-empty string, got a string",
        "modules[18] (B2): x must be a whole number, got 1.5",
        "modules[18] (B2): y must be a whole number, got a string",
        "modules[18] (B2): premium must be >= 0, got -1",
        "exhibitors[5] (E1): duplicate id 'E1' (first at exhibitors[0] (E1))",
        "exhibitors[6] (E6): unknown key 'colour'; expected id, modules, zone, sector, points, "
        "competitors",
        "exhibitors[6] (E6): modules must be >= 1, got 0",
        "exhibitors[6] (E6): points must be a number, got a string",
        "exhibitors[6] (E6): zone 'nowhere' has no modules",
        "exhibitors[7] (E7): competitors names the exhibitor itself",
        "exhibitors[7] (E7): competitors names unknown exhibitor 'E99'",
        "pinned[0] (E42): unknown exhibitor 'E42'",
        "pinned[1] (E2): unknown module 'Z'",
    ]


def test_malformed_json_and_the_wrong_shape_are_named():
    assert faults('{"modules": [') == ["malformed JSON at line 1 column 14: Expecting value"]
    assert faults("[]") == ["top level: must be an object, got a list"]
    assert faults({"modules": []}) == [
        "top level: missing 'exhibitors'",
        "modules: must list at least one module",
    ]


def test_a_pin_must_obey_the_rules_it_will_be_kept_to():
    data = small_problem()
    data["exhibitors"][1]["competitors"] = ["E3"]
    data["pinned"] = [
        {"exhibitor": "E1", "modules": ["A-0-0", "A-1-0", "A-2-1", "A-6-0"]},
        {"exhibitor": "E2", "modules": ["A-2-0", "A-3-0"]},
        {"exhibitor": "E5", "modules": ["A-5-0"]},
    ]
    assert faults(data) == [
        "pinned (E1): modules outside zone ai: A-6-0",
        "pinned (E1): not one full rectangle: 4 modules spread over x 0..6, y 0..1 in hall A",
        "pinned (E5): 1 modules, but the exhibitor booked 2",
    ]
    data["pinned"] = [{"exhibitor": "E3", "modules": ["A-3-1", "A-3-1"]}]
    assert faults(data) == ["pinned[0] (E3): module 'A-3-1' is listed twice"]
    data["pinned"] = [
        {"exhibitor": "E2", "modules": ["A-2-0", "A-3-0"]},
        {"exhibitor": "E3", "modules": ["A-2-1", "A-3-1"]},
    ]
    assert faults(data) == [
        "pinned (E2): module A-2-0 touches A-2-1 of competitor E3",
        "pinned (E2): module A-3-0 touches A-3-1 of competitor E3",
    ]


def test_a_solution_reads_and_its_faults_are_named():
    good = parse_solution(
        dumps(
            {
                "allocations": [{"exhibitor": "E1", "modules": ["A-0-0"]}],
                "unallocated": [{"exhibitor": "E2", "reason": "full"}],
                "stats": {
                    "modules_placed": 1,
                    "upper_bound": 2,
                    "clustering": 0,
                    "premium_score": 2.5,
                    "seconds": 0.1,
                },
            }
        )
    )
    assert good.stats is not None and good.stats.premium_score == 2.5
    with pytest.raises(ProblemError) as raised:
        parse_solution({"allocations": [{"exhibitor": "E1"}], "unallocated": [{"reason": 3}]})
    assert raised.value.errors == [
        "allocations[0]: missing 'modules'",
        "unallocated[0]: missing 'exhibitor'",
        "unallocated[0]: reason must be a non-empty string, got 3",
    ]


@settings(max_examples=40, deadline=None)
@given(booth_problems())
def test_a_written_problem_reads_back_the_same(data):
    problem = parse_problem(copy.deepcopy(data))
    assert parse_problem(dumps(problem_to_dict(problem))) == problem
