"""Re-scheduling a general event: a previous solution's meetings stay where the rules and the
required meetings let them, in their slots and at their tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.general import solve_general
from tradefair.engine.schedule.io import parse_solution
from tradefair.engine.schedule.problem import Meeting, Problem, Solution
from tradefair.engine.schedule.writer import dump_problem, dump_solution

from .test_schedule_cli import tradefair
from .test_schedule_general_oracle import ABCD, _pair, _slot

DAY = (_slot("s0", 0, 9, tables=2), _slot("s1", 0, 10, tables=2), _slot("s2", 0, 11, tables=2))


def _where(solution: Solution) -> dict[str, tuple[str, int]]:
    return {m.request: (m.slot, m.table) for m in solution.meetings}


def test_kept_meetings_stay_in_their_slots_and_at_their_tables() -> None:
    """Any slot would do for either meeting; the previous solution's choice stays, tables too."""
    problem = Problem(
        slots=DAY,
        participants=ABCD,
        requests=(_pair("ab", "A", "B", required=True), _pair("cd", "C", "D", required=True)),
    )
    before = Solution((Meeting("ab", "s2", 2), Meeting("cd", "s1", 1)))
    solution = solve_general(problem, time_limit=10, keep=before)
    assert check(problem, solution) == []
    assert _where(solution) == {"ab": ("s2", 2), "cd": ("s1", 1)}


def test_a_new_required_meeting_moves_only_the_kept_meeting_in_its_way() -> None:
    """``ac`` is new, required and fixed in s0, where A met B: ab moves (next to it, sparing A
    a gap), cd stays."""
    problem = Problem(
        slots=DAY,
        participants=ABCD,
        requests=(
            _pair("ab", "A", "B", required=True),
            _pair("cd", "C", "D", required=True),
            _pair("ac", "A", "C", required=True, fixed_slot="s0"),
        ),
    )
    before = Solution((Meeting("ab", "s0", 1), Meeting("cd", "s1", 1)))
    solution = solve_general(problem, time_limit=10, keep=before)
    assert check(problem, solution) == []
    where = _where(solution)
    assert where["ac"][0] == "s0" and where["cd"] == ("s1", 1)
    assert where["ab"][0] == "s1"
    assert solution.stats is not None and solution.stats.idle_gaps == 0


def test_a_kept_meeting_its_request_no_longer_allows_there_moves() -> None:
    """ab was in s0 but may now only take the afternoon's s2; cd was never asked again."""
    problem = Problem(
        slots=DAY,
        participants=ABCD,
        requests=(_pair("ab", "A", "B", required=True, slots={"s2"}),),
    )
    before = Solution((Meeting("ab", "s0", 1), Meeting("cd", "s1", 1)))
    solution = solve_general(problem, time_limit=10, keep=before)
    assert check(problem, solution) == []
    assert _where(solution) == {"ab": ("s2", 1)}


def test_the_command_keeps_a_general_events_meetings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problem = Problem(
        slots=DAY,
        participants=ABCD,
        requests=(_pair("ab", "A", "B", required=True), _pair("cd", "C", "D", priority=2)),
    )
    event, old, out = tmp_path / "event.json", tmp_path / "old.json", tmp_path / "new.json"
    event.write_text(dump_problem(problem))
    old.write_text(dump_solution(Solution((Meeting("cd", "s2", 2),))))
    assert tradefair("schedule", event, "-o", out, "--keep", old, "--time-limit", "10") == 0
    solution = parse_solution(out.read_text())
    assert _where(solution)["cd"] == ("s2", 2)
    assert "ab" in _where(solution)
    printed = capsys.readouterr().out
    assert "Kept from the previous schedule" in printed
    assert "1 of 1 in their slot (1 at their table)" in printed
