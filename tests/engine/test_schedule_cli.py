"""``tradefair schedule``: run as a shell would, judged by exit status, output and files."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tradefair.cli import main
from tradefair.engine.schedule.greedy import greedy
from tradefair.engine.schedule.io import parse_solution
from tradefair.engine.schedule.problem import Problem, Solution

from .test_schedule_io import GOOD


def tradefair(*args: str | Path) -> int:
    try:
        main(["tradefair", *map(str, args)])
    except SystemExit as exit:
        return int(exit.code or 0)
    return 0


@pytest.fixture
def problem_file(tmp_path: Path) -> Path:
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(GOOD))
    return path


@pytest.fixture
def fake_solver(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Stand in for the real solver: record the call, report progress, answer with greedy."""
    calls: list[dict[str, Any]] = []

    def solve(
        problem: Problem,
        *,
        time_limit: float,
        keep: Solution | None,
        progress: Callable[[str, float], None] | None,
    ) -> Solution:
        calls.append({"time_limit": time_limit, "keep": keep})
        if progress:
            progress("searching", 0.5)
        return greedy(problem, bounds=False)

    module = types.ModuleType("tradefair.engine.schedule.solver")
    module.solve = solve  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tradefair.engine.schedule.solver", module)
    return calls


def test_greedy_writes_a_valid_solution_and_prints_the_summary(
    problem_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "solution.json"
    assert tradefair("schedule", problem_file, "-o", out, "--greedy") == 0
    printed = capsys.readouterr().out
    for line in (
        "Meetings scheduled",
        "2 of 2 requests",
        "Total priority",
        "Buyers who asked and got no meeting",
        "0 of 1",
        "Proven minimum of that",
        "Idle gaps",
        "Days attended",
        "3 (1.00 per participant with a meeting)",  # one buyer, two exhibitors, one day
        "Solver time",
        f"Wrote {out}",
    ):
        assert line in printed
    solution = json.loads(out.read_text())
    assert solution["meetings"] == [
        {"request": "R2", "slot": "d1s01", "table": 1},
        {"request": "R1", "slot": "d1s02", "table": 1, "interpreter": "I1"},
    ]
    assert solution["stats"]["count"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["problem.json", "solution.json"]


def test_the_solver_gets_the_time_limit_and_the_kept_solution(
    problem_file: Path,
    tmp_path: Path,
    fake_solver: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    previous = tmp_path / "previous.json"
    previous.write_text('{"meetings": [{"request": "R2", "slot": "d1s01", "table": 1}]}')
    out = tmp_path / "solution.json"
    assert (
        tradefair("schedule", problem_file, "-o", out, "--time-limit", "7", "--keep", previous) == 0
    )
    assert fake_solver == [{"time_limit": 7.0, "keep": parse_solution(previous.read_text())}]
    assert len(json.loads(out.read_text())["meetings"]) == 2
    # The stand-in answers with greedy, which puts R2 where it was.
    assert "1 of 1 in their slot (1 at their table)" in capsys.readouterr().out


def test_check_passes_a_valid_solution(
    problem_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "solution.json"
    assert tradefair("schedule", problem_file, "-o", out, "--greedy", "-v", "0") == 0
    capsys.readouterr()
    assert tradefair("schedule", "--check", problem_file, out) == 0
    assert capsys.readouterr().out == "2 meetings obey every rule.\n"


def test_check_prints_every_broken_rule_and_exits_one(
    problem_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "meetings": [
                    {"request": "R1", "slot": "d1s01", "table": 1},
                    {"request": "R2", "slot": "d1s01", "table": 1},
                ]
            }
        )
    )
    assert tradefair("schedule", "--check", problem_file, bad) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "meetings[0] (R1 in d1s01 at table 1): exhibitor E1 is not available in d1s01",
        "meetings[0] (R1 in d1s01 at table 1): needs an interpreter "
        "(buyer B1 speaks zh, exhibitor E1 speaks en/th)",
        "slot d1s01 table 1 holds 2 meetings: R1, R2",
        "buyer B1 is in 2 meetings in slot d1s01: R1, R2",
    ]
    assert f"4 broken rules in {bad}" in captured.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"slots": [', "problem.json: malformed JSON at line 1 column 12"),
        (
            json.dumps({**GOOD, "requests": [{"id": "R1", "buyer": "E1", "exhibitor": "E2"}]}),
            "problem.json: requests[0] (R1): buyer 'E1' is an exhibitor, not a buyer",
        ),
        (
            json.dumps({**GOOD, "slots": [{**GOOD["slots"][0], "tables": -5}]}),
            "problem.json: slots[0] (d1s01): tables must be >= 0, got -5",
        ),
    ],
)
def test_bad_input_exits_two_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    problem = tmp_path / "problem.json"
    problem.write_text(content)
    out = tmp_path / "solution.json"
    assert tradefair("schedule", problem, "-o", out, "--greedy") == 2
    err = capsys.readouterr().err
    assert message in err
    assert "nothing written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["problem.json"]


def test_a_bad_kept_solution_exits_two(
    problem_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_solver: list[Any]
) -> None:
    previous = tmp_path / "previous.json"
    previous.write_text('{"meetings": [{"request": "R2"}]}')
    out = tmp_path / "solution.json"
    assert tradefair("schedule", problem_file, "-o", out, "--keep", previous) == 2
    assert "previous.json: meetings[0]: missing 'slot'" in capsys.readouterr().err
    assert not out.exists() and fake_solver == []


@pytest.mark.parametrize(
    "args",
    [
        ["missing.json", "-o", "out.json", "--greedy"],
        ["problem.json", "--greedy"],
        ["problem.json", "-o", "out.json", "--time-limit", "0"],
        ["problem.json", "-o", "out.json", "--greedy", "--keep", "problem.json"],
        ["problem.json", "extra.json", "-o", "out.json"],
        ["--check", "problem.json"],
        ["--check", "problem.json", "problem.json", "-o", "out.json"],
        ["problem.json", "-o", "no/such/dir/out.json", "--greedy"],
        ["problem.json", "-o", "out.json", "--time-limit", "nan"],
        ["problem.json", "-o", "out.json", "--time-limit", "inf"],
    ],
)
def test_bad_arguments_exit_two(
    problem_file: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(problem_file.parent)
    assert tradefair("schedule", *args) == 2
    assert not (problem_file.parent / "out.json").exists()


def test_repeated_pairs_are_noted_but_scheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problem = tmp_path / "problem.json"
    requests = [*GOOD["requests"], {"id": "R3", "buyer": "B1", "exhibitor": "E2"}]
    problem.write_text(json.dumps({**GOOD, "requests": requests}))
    assert tradefair("schedule", problem, "-o", tmp_path / "s.json", "--greedy") == 0
    assert "note: request R3: B1 and E2 already asked to meet in R2" in capsys.readouterr().err


def test_an_output_that_is_a_folder_is_refused_before_solving(
    problem_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_solver: list[Any]
) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    assert tradefair("schedule", problem_file, "-o", folder) == 2
    assert f"-o {folder}: is a folder; give a file name" in capsys.readouterr().err
    assert fake_solver == []  # refused before the solver ran
    assert list(folder.iterdir()) == []
