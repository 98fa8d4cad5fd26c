"""The interchange format: every fault in a file reported at once, located, and round trips."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.io import (
    ProblemError,
    duplicate_pairs,
    parse_problem,
    parse_solution,
)
from tradefair.engine.schedule.problem import Meeting, Side, Solution, Stats, Unscheduled
from tradefair.engine.schedule.solver import solve
from tradefair.engine.schedule.writer import dump_problem, dump_solution, problem_to_dict

from .strategies import problems

GOOD: dict[str, Any] = {
    "slots": [
        {
            "id": "d1s01",
            "start": "2025-09-17T09:00:00+08:00",
            "end": "2025-09-17T09:20:00+08:00",
            "tables": 2,
        },
        {
            "id": "d1s02",
            "start": "2025-09-17T09:20:00+08:00",
            "end": "2025-09-17T09:40:00+08:00",
            "tables": 1,
        },
    ],
    "participants": [
        {"id": "B1", "side": "buyer", "languages": ["zh"], "max_meetings": 2},
        {"id": "E1", "side": "exhibitor", "available": ["d1s02"], "languages": ["th", "en"]},
        {"id": "E2", "side": "exhibitor"},
    ],
    "requests": [
        {"id": "R1", "buyer": "B1", "exhibitor": "E1", "priority": 3},
        {"id": "R2", "buyer": "B1", "exhibitor": "E2"},
    ],
    "interpreters": [{"id": "I1", "languages": ["zh", "th"], "available": ["d1s02"]}],
}


def errors_of(data: Any) -> list[str]:
    with pytest.raises(ProblemError) as caught:
        parse_problem(data if isinstance(data, str) else json.dumps(data))
    return caught.value.errors


def changed(**edits: Any) -> dict[str, Any]:
    """GOOD with items replaced: edits like requests__0={"buyer": "E1"} merge into an item."""
    data = copy.deepcopy(GOOD)
    for path, value in edits.items():
        section, index = path.split("__")
        data[section][int(index)].update(value)
    return data


def test_a_good_problem_parses_into_the_dataclasses() -> None:
    problem = parse_problem(json.dumps(GOOD))
    slot = problem.slots[0]
    assert slot.id == "d1s01" and slot.tables == 2
    assert slot.start == dt.datetime(2025, 9, 17, 1, tzinfo=dt.UTC)
    buyer, exhibitor, plain = problem.participants
    assert buyer.side is Side.BUYER and buyer.max_meetings == 2 and buyer.available is None
    assert buyer.languages == {"zh"}
    assert exhibitor.available == {"d1s02"} and exhibitor.languages == {"th", "en"}
    assert plain.languages is None and plain.max_meetings is None
    assert [(r.id, r.priority) for r in problem.requests] == [("R1", 3), ("R2", 1)]
    assert problem.interpreters[0].languages == {"zh", "th"}


def test_interpreters_are_optional() -> None:
    data = copy.deepcopy(GOOD)
    del data["interpreters"]
    assert parse_problem(data).interpreters == ()


def test_malformed_json_names_line_and_column() -> None:
    assert errors_of('{\n  "slots": [\n    {,\n') == [
        "malformed JSON at line 3 column 6: Expecting property name enclosed in double quotes"
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            changed(requests__1={"buyer": "E1"}),
            "requests[1] (R2): buyer 'E1' is an exhibitor, not a buyer",
        ),
        (
            changed(requests__1={"exhibitor": "B1"}),
            "requests[1] (R2): buyer and exhibitor are the same participant 'B1'",
        ),
        (changed(requests__0={"buyer": "B9"}), "requests[0] (R1): unknown buyer 'B9'"),
        (
            changed(requests__0={"priority": 0}),
            "requests[0] (R1): priority must be >= 1, got 0",
        ),
        (
            changed(requests__0={"priority": 1.5}),
            "requests[0] (R1): priority must be a whole number, got 1.5",
        ),
        (changed(slots__1={"tables": -5}), "slots[1] (d1s02): tables must be >= 0, got -5"),
        (
            changed(slots__1={"tables": True}),
            "slots[1] (d1s02): tables must be a whole number, got a boolean",
        ),
        (
            changed(slots__0={"end": "2025-09-17T09:00:00+08:00"}),
            "slots[0] (d1s01): end 2025-09-17T09:00:00+08:00 must be after start "
            "2025-09-17T09:00:00+08:00",
        ),
        (
            changed(slots__1={"start": "2025-09-17T09:10:00+08:00"}),
            "slots[1] (d1s02): overlaps slots[0] (d1s01); slots must not overlap",
        ),
        (
            changed(slots__0={"start": "2025-09-17T09:00:00"}),
            "slots[0] (d1s01): start must be an ISO 8601 date-time with a UTC offset "
            "(2025-09-17T09:00:00+08:00), got '2025-09-17T09:00:00'",
        ),
        (
            {**GOOD, "participants": [*GOOD["participants"], {"id": "B1", "side": "buyer"}]},
            "participants[3] (B1): duplicate id 'B1' (first at participants[0] (B1))",
        ),
        (
            changed(participants__2={"side": "visitor"}),
            "participants[2] (E2): side must be 'buyer', 'exhibitor' or 'participant', "
            "got 'visitor'",
        ),
        (
            changed(participants__2={"available": ["d1s09"]}),
            "participants[2] (E2): available lists unknown slot 'd1s09'",
        ),
        (
            changed(participants__2={"languages": ["ZH"]}),
            "participants[2] (E2): unknown language code 'ZH' (use lowercase); "
            "use ISO 639-1 (en, zh)",
        ),
        (
            changed(participants__2={"languages": ["zho"]}),
            "participants[2] (E2): unknown language code 'zho'; use ISO 639-1 (en, zh)",
        ),
        (
            changed(participants__2={"languages": []}),
            "participants[2] (E2): languages must be a non-empty list of ISO 639-1 codes",
        ),
        (
            changed(participants__2={"max_meetings": -1}),
            "participants[2] (E2): max_meetings must be >= 0, got -1",
        ),
        (
            changed(participants__2={"max_meeting": 3}),
            "participants[2] (E2): unknown key 'max_meeting'; "
            "expected id, side, available, max_meetings, languages",
        ),
        (
            changed(interpreters__0={"languages": ["xx"]}),
            "interpreters[0] (I1): unknown language code 'xx'; use ISO 639-1 (en, zh)",
        ),
        (
            {**GOOD, "slot": []},
            "top level: unknown key 'slot'; expected slots, participants, requests, "
            "interpreters, max_gap_spread",
        ),
        ({**GOOD, "requests": {}}, "requests: must be a list, got an object"),
        ([], "top level: must be an object, got a list"),
    ],
)
def test_each_fault_is_one_located_message(data: Any, expected: str) -> None:
    assert errors_of(data) == [expected]


def test_every_fault_in_a_file_is_reported_together() -> None:
    data = changed(
        slots__0={"tables": -1},
        participants__1={"side": "seller"},
        requests__1={"id": "R1"},
    )
    data["requests"].append({"buyer": "B1", "exhibitor": "E2"})
    assert errors_of(data) == [
        "slots[0] (d1s01): tables must be >= 0, got -1",
        "participants[1] (E1): side must be 'buyer', 'exhibitor' or 'participant', got 'seller'",
        "requests[1] (R1): duplicate id 'R1' (first at requests[0] (R1))",
        "requests[2]: missing 'id'",
    ]


def test_swapped_sides_report_both() -> None:
    assert errors_of(changed(requests__0={"exhibitor": "B1", "buyer": "E1"})) == [
        "requests[0] (R1): buyer 'E1' is an exhibitor, not a buyer",
        "requests[0] (R1): exhibitor 'B1' is a buyer, not an exhibitor",
    ]


def test_a_broken_item_is_not_reported_again_by_its_references() -> None:
    # E1 is invalid; R1 names it, but the one error is E1's own.
    assert errors_of(changed(participants__1={"side": "seller"})) == [
        "participants[1] (E1): side must be 'buyer', 'exhibitor' or 'participant', got 'seller'"
    ]


def test_duplicate_pairs_are_legal_but_noted() -> None:
    data = copy.deepcopy(GOOD)
    data["requests"].append({"id": "R3", "buyer": "B1", "exhibitor": "E1"})
    assert duplicate_pairs(parse_problem(data)) == [
        "request R3: B1 and E1 already asked to meet in R1"
    ]


@settings(max_examples=60, deadline=None)
@given(problems())
def test_problems_round_trip_through_json(problem: Any) -> None:
    assert parse_problem(dump_problem(problem)) == problem
    assert json.loads(dump_problem(problem)) == problem_to_dict(problem)


def test_solutions_round_trip_with_stable_order_and_extra_keys() -> None:
    problem = parse_problem(GOOD)
    stats = Stats(2, 4, 2, 0, 0, 0.1234, priority_upper_bound=4, days_attended=3)
    solution = Solution(
        (Meeting("R2", "d1s02", 1), Meeting("R1", "d1s01", 2, "I1")),
        (Unscheduled("R3", "why"),),
        stats,
        {"solver": "test"},
    )
    text = dump_solution(solution, problem)
    assert text.splitlines()[:4] == [
        "{",
        '  "meetings": [',
        '    {"request": "R1", "slot": "d1s01", "table": 2, "interpreter": "I1"},',
        '    {"request": "R2", "slot": "d1s02", "table": 1}',
    ]
    assert json.loads(text)["stats"] == {
        "count": 2,
        "priority": 4,
        "upper_bound": 2,
        "buyers_without_meeting": 0,
        "min_buyers_without_meeting": 0,
        "seconds": 0.123,
        "priority_upper_bound": 4,
        "days_attended": 3,
    }
    back = parse_solution(text)
    assert set(back.meetings) == set(solution.meetings)
    assert back.unscheduled == solution.unscheduled
    assert back.extra == {"solver": "test"}
    assert back.stats == Stats(2, 4, 2, 0, 0, 0.123, priority_upper_bound=4, days_attended=3)


def test_a_solution_without_stats_or_unscheduled_parses() -> None:
    solution = parse_solution('{"meetings": [{"request": "R1", "slot": "s", "table": 0}]}')
    assert solution == Solution((Meeting("R1", "s", 0),))


def test_solution_faults_are_all_reported() -> None:
    text = json.dumps(
        {
            "meetings": [
                {"request": "R1", "slot": "s", "table": "1"},
                {"request": "R2", "slot": "s", "table": 1, "room": 4},
            ],
            "unscheduled": [{"request": 7}],
            "stats": {"count": 1},
        }
    )
    with pytest.raises(ProblemError) as caught:
        parse_solution(text)
    assert caught.value.errors == [
        "meetings[0]: table must be a whole number, got a string",
        "meetings[1]: unknown key 'room'; expected request, slot, table, interpreter",
        "unscheduled[0]: request must be a non-empty string, got 7",
        "stats: missing 'priority'",
        "stats: missing 'upper_bound'",
        "stats: missing 'buyers_without_meeting'",
        "stats: missing 'min_buyers_without_meeting'",
        "stats: missing 'seconds'",
    ]


def test_the_format_document_examples_are_valid_and_consistent() -> None:
    doc = Path(__file__).parents[2] / "docs" / "formats" / "schedule.md"
    problem_text, solution_text, event_text = re.findall(
        r"```json\n(.*?)```", doc.read_text(), re.S
    )
    problem = parse_problem(problem_text)
    assert problem == parse_problem(GOOD)
    assert check(problem, parse_solution(solution_text)) == []
    event = parse_problem(event_text)
    assert event.is_general and check(event, solve(event, time_limit=10)) == []
