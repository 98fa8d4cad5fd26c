"""``tradefair allocate``: run as a shell would, judged by exit status, output and files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradefair.engine.booths.check import check
from tradefair.engine.booths.io import parse_problem, parse_solution

from .booth_cases import small_problem
from .test_schedule_cli import tradefair


@pytest.fixture
def problem_file(tmp_path: Path) -> Path:
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(small_problem()))
    return path


@pytest.mark.parametrize("flags", [[], ["--greedy"]])
def test_a_solved_file_obeys_every_rule_and_the_summary_says_so(
    problem_file, tmp_path, capsys, flags
):
    out = tmp_path / "solution.json"
    assert tradefair("allocate", problem_file, "-o", out, *flags) == 0
    solution = parse_solution(out.read_text())
    assert check(parse_problem(problem_file.read_text()), solution) == []
    printed = capsys.readouterr().out
    assert "5 of 5 exhibitors placed; 16 of 16 booked modules (100.0% of the upper bound 16)" in (
        printed
    )
    assert tradefair("allocate", "--check", problem_file, out) == 0
    assert "5 booths obey every rule." in capsys.readouterr().out


def test_check_names_every_broken_rule_and_exits_1(problem_file, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"allocations": [{"exhibitor": "E2", "modules": ["A-0-0", "A-5-0"]}]})
    )
    assert tradefair("allocate", "--check", problem_file, bad) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "allocations[0] (E2): modules outside zone ai: A-5-0",
        "allocations[0] (E2): not one full rectangle: 2 modules spread over x 0..5, y 0..0 in "
        "hall A",
        "neither allocated nor unallocated: E1, E3, E4, E5",
    ]


def test_bad_input_names_every_error_exits_2_and_writes_nothing(tmp_path, capsys):
    data = small_problem()
    data["exhibitors"][0]["modules"] = 0
    data["exhibitors"][1]["zone"] = "nowhere"
    problem = tmp_path / "problem.json"
    problem.write_text(json.dumps(data))
    out = tmp_path / "solution.json"
    assert tradefair("allocate", problem, "-o", out) == 2
    errors = capsys.readouterr().err
    assert "problem.json: exhibitors[0] (E1): modules must be >= 1, got 0" in errors
    assert "problem.json: exhibitors[1] (E2): zone 'nowhere' has no modules" in errors
    assert not out.exists()


def test_a_kept_allocation_stays_where_it_still_fits(problem_file, tmp_path):
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "allocations": [
                    {"exhibitor": "E3", "modules": ["A-2-0", "A-3-0"]},
                    {"exhibitor": "E5", "modules": ["A-0-0", "A-1-0"]},  # outside its zone
                ]
            }
        )
    )
    out = tmp_path / "solution.json"
    assert tradefair("allocate", problem_file, "-o", out, "--keep", old) == 0
    booths = {a.exhibitor: a.modules for a in parse_solution(out.read_text()).allocations}
    assert booths["E3"] == ("A-2-0", "A-3-0")
    assert set(booths["E5"]) <= {f"A-{x}-{y}" for x in range(5, 9) for y in range(2)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--check", "P"], "--check needs PROBLEM.json SOLUTION.json"),
        (["P"], "-o SOLUTION.json is required"),
        (["P", "-o", "S", "--greedy", "--keep", "K"], "--keep needs the solver, not --greedy"),
        (["P", "-o", "S", "--time-limit", "0"], "--time-limit must be a number of seconds > 0"),
    ],
)
def test_wrong_usage_is_explained(args, message, capsys):
    assert tradefair("allocate", *args) == 2
    assert message in capsys.readouterr().err
