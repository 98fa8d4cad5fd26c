"""Every reason code on the smallest problem that produces it, and its trip through the format."""

from __future__ import annotations

import json

import pytest

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.io import ProblemError, parse_solution
from tradefair.engine.schedule.problem import Interpreter, Problem, Request, Solution, Unscheduled
from tradefair.engine.schedule.reasons import Code, Reason
from tradefair.engine.schedule.report import reason
from tradefair.engine.schedule.solver import solve
from tradefair.engine.schedule.writer import dump_solution

from .schedule_cases import coverage_first, person, problem, slot

ZH, TH = frozenset({"zh"}), frozenset({"th"})


def left_out(case: Problem) -> dict[str, tuple[str, str, dict[str, object]]]:
    return {u.request: (u.code, u.reason, dict(u.params)) for u in solve(case).unscheduled}


def test_requests_that_no_schedule_can_hold_say_why_before_solving() -> None:
    case = Problem(
        slots=(slot(0, tables=0), slot(1, tables=2), slot(2, tables=2)),
        participants=(
            person("B1", max_meetings=0),
            person("B2", available=frozenset()),
            person("B3", available=frozenset({"s1"})),
            person("B4", available=frozenset({"s0"})),
            person("B5", languages=ZH, available=frozenset({"s1"})),
            person("B6", languages=frozenset({"vi"})),
            person("E1"),
            person("E2", available=frozenset({"s2"})),
            person("E3", languages=TH),
        ),
        requests=(
            Request("R1", "B1", "E1"),
            Request("R2", "B2", "E1"),
            Request("R3", "B3", "E2"),
            Request("R4", "B4", "E1"),
            Request("R5", "B5", "E3"),
            Request("R6", "B6", "E3"),
            Request("R7", "X9", "E1"),
            Request("R8", "B3", "B4"),
        ),
        interpreters=(Interpreter("I1", ZH | TH, frozenset({"s2"})),),
    )
    assert left_out(case) == {
        "R1": (
            "no_meetings_allowed",
            "buyer B1 max_meetings is 0",
            {"side": "buyer", "participant": "B1"},
        ),
        "R2": (
            "never_available",
            "buyer B2 is available in no slot",
            {"side": "buyer", "participant": "B2"},
        ),
        "R3": ("no_common_slot", "the two sides are never available at the same time", {}),
        "R4": ("no_table", "no slot both sides can attend has any tables", {"slots": ["s0"]}),
        "R5": (
            "interpreter_unavailable",
            "no interpreter for zh–th is available when both sides are",
            {"buyer_languages": ["zh"], "exhibitor_languages": ["th"], "slots": ["s1"]},
        ),
        "R6": (
            "no_interpreter",
            "no interpreter for vi–th in the pool",
            {"buyer_languages": ["vi"], "exhibitor_languages": ["th"]},
        ),
        "R7": ("unknown_buyer", "unknown buyer X9", {"participant": "X9"}),
        "R8": ("unknown_exhibitor", "unknown exhibitor B4", {"participant": "B4"}),
    }


def test_a_side_at_its_cap_is_named_with_the_cap() -> None:
    assert left_out(coverage_first()) == {
        "R1": (
            "cap_reached",
            "exhibitor E1 is fully booked (max 1 meetings)",
            {"side": "exhibitor", "participant": "E1", "max": 1},
        )
    }


def test_a_side_with_every_available_slot_taken_is_fully_booked() -> None:
    case = problem(
        [slot(0), slot(1)],
        [person("B1"), person("B2"), person("E1", available=frozenset({"s1"}), max_meetings=3)],
        [("B1", "E1", 2), ("B2", "E1", 1)],
    )
    assert left_out(case) == {
        "R2": (
            "fully_booked",
            "exhibitor E1 is fully booked (every available slot taken)",
            {"side": "exhibitor", "participant": "E1"},
        )
    }


def test_two_sides_busy_at_each_others_free_times_are_both_booked() -> None:
    """B1 must meet E2 in s0 and E1 must meet B2 in s1 (both worth more): B1-E1 has no slot."""
    case = problem(
        [slot(0), slot(1)],
        [
            person("B1"),
            person("B2", available=frozenset({"s1"})),
            person("E1"),
            person("E2", available=frozenset({"s0"})),
        ],
        [("B1", "E2", 3), ("B2", "E1", 3), ("B1", "E1", 1)],
    )
    assert left_out(case) == {
        "R3": (
            "both_booked",
            "the two sides have no free slot in common (both are booked elsewhere)",
            {},
        )
    }


def test_busy_interpreters_and_full_tables_name_the_slots() -> None:
    case = problem(
        [slot(0, tables=1), slot(1, tables=2)],
        [
            person("B1", languages=ZH, available=frozenset({"s1"})),
            person("B2", languages=ZH, available=frozenset({"s1"})),
            person("B3", available=frozenset({"s0"})),
            person("B4", available=frozenset({"s0"})),
            person("E1", languages=TH),
            person("E2", languages=TH),
            person("E3"),
            person("E4"),
        ],
        [("B1", "E1", 2), ("B2", "E2", 1), ("B3", "E3", 2), ("B4", "E4", 1)],
        (Interpreter("I1", ZH | TH),),
    )
    assert left_out(case) == {
        "R2": (
            "interpreters_busy",
            "no interpreter for zh–th free",
            {"buyer_languages": ["zh"], "exhibitor_languages": ["th"], "slots": ["s1"]},
        ),
        "R4": (
            "tables_full",
            "every table is taken in the slots both sides have free",
            {"slots": ["s0"]},
        ),
    }


@pytest.mark.parametrize(("priority", "code"), [(-1, Code.NEGATIVE_PRIORITY), (1, Code.NOT_PLACED)])
def test_a_request_that_fits_but_was_not_placed(priority: int, code: Code) -> None:
    """What the solver says of a request it could still place: it stopped, or did not want it."""
    case = problem([slot(0)], [person("B1"), person("E1")], [("B1", "E1", priority)])
    assert reason(Board(request_graph(case)), 0) == Reason(code)


def test_codes_and_parameters_survive_the_interchange_format() -> None:
    case = coverage_first()
    solution = solve(case)
    written = json.loads(dump_solution(solution, case))
    assert written["unscheduled"] == [
        {
            "request": "R1",
            "reason": "exhibitor E1 is fully booked (max 1 meetings)",
            "code": "cap_reached",
            "params": {"side": "exhibitor", "participant": "E1", "max": 1},
        }
    ]
    assert parse_solution(json.dumps(written)).unscheduled == solution.unscheduled


def test_a_file_with_words_only_still_reads() -> None:
    text = '{"meetings": [], "unscheduled": [{"request": "R1", "reason": "no room"}]}'
    assert parse_solution(text) == Solution((), (Unscheduled("R1", "no room"),))
    assert '"code"' not in dump_solution(parse_solution(text))


def test_a_bad_code_or_parameter_is_reported() -> None:
    text = json.dumps(
        {
            "meetings": [],
            "unscheduled": [
                {"request": "R1", "code": "no_room"},
                {"request": "R2", "code": 3},
                {"request": "R3", "code": "no_table", "params": {"slots": [1]}},
                {"request": "R4", "code": "no_table", "params": []},
            ],
        }
    )
    with pytest.raises(ProblemError) as caught:
        parse_solution(text)
    known = ", ".join(Code)
    assert caught.value.errors == [
        f"unscheduled[0]: unknown code 'no_room'; expected one of {known}",
        "unscheduled[1]: code must be a string, got 3",
        "unscheduled[2]: params.slots must be a string, a whole number or a list of strings",
        "unscheduled[3]: params must be an object, got a list",
    ]
