"""General B2B events in the interchange format: reading, writing, and every new rule checked."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from tradefair.engine.jsonformat import ProblemError
from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.io import parse_problem, parse_solution
from tradefair.engine.schedule.problem import Meeting, Side, Solution
from tradefair.engine.schedule.writer import dump_problem, dump_solution

from .test_schedule_cli import tradefair


def _slot(n: int, day: int = 17, tables: int = 2) -> dict[str, Any]:
    start = f"2025-09-{day}T{9 + n:02d}:00:00+08:00"
    end = f"2025-09-{day}T{9 + n:02d}:30:00+08:00"
    return {"id": f"d{day}s{n}", "start": start, "end": end, "tables": tables}


EVENT: dict[str, Any] = {
    "slots": [_slot(0), _slot(1), _slot(2), _slot(3)],
    "participants": [
        {"id": "A", "side": "participant"},
        {"id": "B", "side": "participant"},
        {"id": "C", "side": "participant", "available": ["d17s1", "d17s2", "d17s3"]},
        {"id": "X", "side": "buyer"},
        {"id": "Y", "side": "exhibitor"},
    ],
    "requests": [
        {"id": "M1", "participants": ["A", "B"], "required": True, "fixed_slot": "d17s0"},
        {"id": "M2", "participants": ["B", "C"], "required": True, "after": ["M1"]},
        {"id": "M3", "participants": ["A", "C"], "slots": ["d17s2", "d17s3"], "priority": 2},
        {"id": "M4", "buyer": "X", "exhibitor": "Y"},
    ],
    "max_gap_spread": 1,
}


def test_general_rules_read_and_write_back_unchanged() -> None:
    problem = parse_problem(EVENT)
    m1, m2, m3, m4 = problem.requests
    assert problem.participants[0].side is Side.PARTICIPANT
    assert (m1.pair, m1.required, m1.fixed_slot, m1.own_slots) == (
        True,
        True,
        "d17s0",
        frozenset({"d17s0"}),
    )
    assert m2.after == ("M1",) and m3.slots == frozenset({"d17s2", "d17s3"})
    assert not m4.pair and not m4.constrained
    assert problem.max_gap_spread == 1 and problem.is_general
    assert parse_problem(dump_problem(problem)) == problem
    written = json.loads(dump_problem(problem))
    assert written["requests"][0] == {
        "id": "M1",
        "participants": ["A", "B"],
        "priority": 1,
        "required": True,
        "fixed_slot": "d17s0",
    }
    assert written["requests"][3] == {"id": "M4", "buyer": "X", "exhibitor": "Y", "priority": 1}


def test_a_buyer_exhibitor_problem_is_not_general() -> None:
    plain = {**EVENT, "requests": [EVENT["requests"][3]]}
    del plain["max_gap_spread"]
    problem = parse_problem(plain)
    assert not problem.is_general
    assert "max_gap_spread" not in json.loads(dump_problem(problem))


@pytest.mark.parametrize(
    ("item", "error"),
    [
        (
            {"id": "R", "participants": ["A", "B"], "buyer": "X"},
            "requests[0] (R): name either participants or buyer and exhibitor, not both",
        ),
        (
            {"id": "R", "participants": ["A"]},
            "requests[0] (R): participants must be a list of two participant ids, got a list",
        ),
        (
            {"id": "R", "participants": ["A", "A"]},
            "requests[0] (R): participants names 'A' twice; a meeting needs two people",
        ),
        (
            {"id": "R", "participants": ["A", "Q"]},
            "requests[0] (R): unknown participant 'Q'",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "required": 1},
            "requests[0] (R): required must be true or false, got 1",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "slots": []},
            "requests[0] (R): slots must list at least one slot (leave it out for any slot)",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "slots": ["d17s9"]},
            "requests[0] (R): slots lists unknown slot 'd17s9'",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "fixed_slot": "d17s9"},
            "requests[0] (R): fixed_slot names unknown slot 'd17s9'",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "slots": ["d17s1"], "fixed_slot": "d17s0"},
            "requests[0] (R): fixed_slot 'd17s0' is not among its slots",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "after": "M0"},
            "requests[0] (R): after must be a list of request ids, got a string",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "after": ["R"]},
            "requests[0] (R): after names the request itself",
        ),
        (
            {"id": "R", "participants": ["A", "B"], "after": ["M0"]},
            "requests[0] (R): after names unknown request 'M0'",
        ),
        (
            {"id": "R", "buyer": "A", "exhibitor": "B"},
            "requests[0] (R): buyer 'A' is a participant, not a buyer",
        ),
    ],
)
def test_each_fault_of_a_general_request_is_named(item: dict[str, Any], error: str) -> None:
    with pytest.raises(ProblemError) as raised:
        parse_problem({**EVENT, "requests": [item]})
    assert error in raised.value.errors


def test_an_order_with_a_cycle_is_refused_naming_it() -> None:
    requests = [
        {"id": "R1", "participants": ["A", "B"], "after": ["R3"]},
        {"id": "R2", "participants": ["A", "C"], "after": ["R1"]},
        {"id": "R3", "participants": ["B", "C"], "after": ["R2"]},
    ]
    with pytest.raises(ProblemError) as raised:
        parse_problem({**EVENT, "requests": requests})
    assert raised.value.errors == [
        "requests[0] (R1): after makes a cycle: R1 after R3 after R2 after R1; no order can keep it"
    ]


def test_a_negative_spread_is_refused() -> None:
    with pytest.raises(ProblemError) as raised:
        parse_problem({**EVENT, "max_gap_spread": -1})
    assert raised.value.errors == ["top level: max_gap_spread must be >= 0, got -1"]


PROBLEM = parse_problem(EVENT)
VALID = (
    Meeting("M1", "d17s0", 1),
    Meeting("M2", "d17s1", 1),
    Meeting("M3", "d17s2", 1),
    Meeting("M4", "d17s0", 2),
)


def faults(*meetings: Meeting) -> list[str]:
    return check(PROBLEM, Solution(meetings))


def test_a_schedule_keeping_every_general_rule_has_no_fault() -> None:
    assert faults(*VALID) == []


def test_the_checker_names_each_broken_general_rule() -> None:
    assert faults(Meeting("M1", "d17s1", 1), Meeting("M2", "d17s2", 1)) == [
        "meetings[0] (M1 in d17s1 at table 1): request M1's fixed_slot is d17s0"
    ]
    assert faults(Meeting("M1", "d17s0", 1), Meeting("M3", "d17s1", 1)) == [
        "meetings[1] (M3 in d17s1 at table 1): request M3's slots are d17s2, d17s3",
        "request M2 is required but not scheduled",
    ]
    assert faults(Meeting("M2", "d17s1", 1)) == [
        "request M1 is required but not scheduled",
        "request M2 is scheduled but M1, which it follows, is not",
    ]


def test_an_order_is_broken_by_the_same_slot_or_a_later_one() -> None:
    event = {**EVENT, "requests": [{**r, "fixed_slot": None} for r in EVENT["requests"]]}
    for r in event["requests"]:
        del r["fixed_slot"]
    problem = parse_problem(event)
    late = (Meeting("M1", "d17s2", 1), Meeting("M2", "d17s1", 1))
    assert check(problem, Solution(late)) == [
        "request M2 must come after M1, but starts at 2025-09-17T10:00:00+08:00 and M1 at "
        "2025-09-17T11:00:00+08:00"
    ]


def test_the_gap_spread_is_checked_over_everyone() -> None:
    # A meets in the first and last slot (1 gap), nobody else has one: spread 1 is kept,
    # spread 0 is broken, and a person without meetings counts with 0.
    event = {
        **EVENT,
        "requests": [
            {"id": "M1", "participants": ["A", "B"]},
            {"id": "M2", "participants": ["A", "C"]},
        ],
    }
    problem = parse_problem(event)
    meetings = (Meeting("M1", "d17s0", 1), Meeting("M2", "d17s3", 1))
    assert metrics.gaps_by_participant(problem, meetings) == {"A": 1, "B": 0, "C": 0}
    assert metrics.gap_spread(problem, meetings) == (1, 0)
    assert check(problem, Solution(meetings)) == []
    tight = dataclasses.replace(problem, max_gap_spread=0)
    assert check(tight, Solution(meetings)) == [
        "idle gaps range from 0 to 1 per participant, a spread of 1, more than max_gap_spread 0"
    ]


def test_both_people_of_a_pair_asked_and_count_when_left_without_a_meeting() -> None:
    assert metrics.requesting_buyers(PROBLEM) == {"A", "B", "C", "X"}
    assert metrics.buyers_without_meeting(PROBLEM, (Meeting("M1", "d17s0", 1),)) == 2


def test_stats_carry_the_gap_bound_and_status_and_a_bound_above_the_gaps_is_a_fault() -> None:
    stats = metrics.summarise(PROBLEM, VALID, seconds=0.1)
    good = dataclasses.replace(stats, idle_gaps_lower_bound=0, status="optimal")
    solution = Solution(VALID, stats=good)
    assert parse_solution(dump_solution(solution, PROBLEM)).stats == good
    assert check(PROBLEM, solution) == []
    wrong = dataclasses.replace(good, idle_gaps_lower_bound=good.idle_gaps + 1)  # type: ignore[operator]
    assert check(PROBLEM, Solution(VALID, stats=wrong)) == [
        f"stats: idle_gaps_lower_bound {wrong.idle_gaps_lower_bound} is above the idle gaps "
        f"{good.idle_gaps}"
    ]
    text = json.loads(dump_solution(solution, PROBLEM))
    text["stats"]["status"] = "best"
    with pytest.raises(ProblemError) as raised:
        parse_solution(text)
    assert raised.value.errors == ["stats: status must be 'optimal' or 'feasible', got 'best'"]


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data))
    return path


def test_the_command_solves_a_general_event_and_its_check_agrees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "solution.json"
    assert tradefair("schedule", _write(tmp_path, EVENT), "-o", out, "--time-limit", "20") == 0
    printed = capsys.readouterr().out
    assert "People who asked and got no meeting" in printed and "Status" in printed
    solution = parse_solution(out.read_text())
    assert solution.stats is not None and solution.stats.status == "optimal"
    assert solution.stats.idle_gaps_lower_bound == solution.stats.idle_gaps
    assert {m.request for m in solution.meetings} >= {"M1", "M2"}
    assert tradefair("schedule", "--check", _write(tmp_path, EVENT), out) == 0


def test_an_impossible_event_exits_1_saying_why_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A, B and C must all meet each other in the first two slots: three meetings, two slots.
    window = ["d17s1", "d17s2"]
    event = {
        **EVENT,
        "requests": [
            {"id": f"M{n}", "participants": pair, "required": True, "slots": window}
            for n, pair in enumerate((["A", "B"], ["B", "C"], ["A", "C"]), start=1)
        ],
    }
    out = tmp_path / "solution.json"
    assert tradefair("schedule", _write(tmp_path, event), "-o", out) == 1
    error = capsys.readouterr().err
    assert "infeasible (proven): requests " in error and "nothing written" in error
    assert not out.exists()


def test_the_greedy_baseline_refuses_a_general_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "solution.json"
    assert tradefair("schedule", _write(tmp_path, EVENT), "-o", out, "--greedy") == 2
    assert "--greedy takes buyer-exhibitor problems only" in capsys.readouterr().err
    assert not out.exists()
