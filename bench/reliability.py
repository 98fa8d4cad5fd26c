"""Concurrency and API fuzzing on PostgreSQL, as figures for docs/benchmarks.md.

The figures are the outcomes of the suite's own tests, run here against PostgreSQL (their
database is ``test_<name>`` beside the bench database, created and dropped by pytest-django):
each concurrency test asserts an exact outcome (e.g. 50 simultaneous bookings of the last
table give exactly one success and 49 refusals; 50 delegates for the last seat of a forum give
one seat and 49 places on the waiting list), and the schemathesis tests send a bounded,
derandomised number of valid and invalid examples, and the values at the edges of every stated
limit, to every operation of the OpenAPI schema and fail on any 5xx, any answer the schema does
not document and any invalid input accepted.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONCURRENCY = [
    "tests/matchmaking/test_concurrency.py",
    "tests/matchmaking/test_concurrency_moves.py",
    "tests/programme/test_concurrency.py",
]
# The programme's last-seat race, without the lock and with it: the tests record their outcome.
LAST_SEAT = {
    "without": "test_without_the_lock_only_the_seat_constraint_stops_overbooking",
    "with": "test_with_the_lock_one_gets_the_last_seat_and_49_wait_in_order",
}
FUZZ = "tests/api/test_fuzz.py"


def examples_per_operation() -> int:
    """The fuzz test's bound, read from its source (importing it would build the schema)."""
    found = re.search(r"^EXAMPLES_PER_OPERATION = (\d+)", (ROOT / FUZZ).read_text(), re.M)
    return int(found.group(1)) if found else 0


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    outcome: str  # "passed", "failed", "skipped"
    seconds: float
    figures: dict[str, int] = field(default_factory=dict)  # what the test recorded


def run(database_url: str) -> tuple[list[Case], float]:
    """Run the concurrency and fuzz tests on ``database_url``; their cases and the wall time."""
    env = {**os.environ, "DATABASE_URL": database_url}
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "junit.xml"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "-o", "junit_family=xunit1", f"--junitxml={xml}", *CONCURRENCY, FUZZ],
            cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        return _cases(ET.parse(xml)), seconds


def _cases(tree: ET.ElementTree) -> list[Case]:
    cases = []
    for case in tree.iter("testcase"):
        outcome = "passed"
        if case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        elif case.find("skipped") is not None:
            outcome = "skipped"
        module = case.get("classname", "").rsplit(".", 1)[-1]
        figures = {p.get("name", ""): int(p.get("value", "0")) for p in case.iter("property")}
        cases.append(
            Case(module, case.get("name", ""), outcome, float(case.get("time", 0)), figures)
        )
    return cases


def _title(name: str) -> str:
    return name.removeprefix("test_").replace("_", " ")


def _passed(cases: list[Case]) -> int:
    return sum(c.outcome == "passed" for c in cases)


def report(cases: list[Case], seconds: float, examples_per_operation: int) -> list[str]:
    fuzz = [c for c in cases if c.file == "test_fuzz"]
    edges = [c for c in fuzz if "edges" in c.name]
    fuzzed = [c for c in fuzz if c not in edges]
    races = [c for c in cases if c.file != "test_fuzz"]
    lines = [
        "## Reliability on PostgreSQL: concurrency and API fuzzing",
        "",
        f"The suite's own tests, run by `make bench` against PostgreSQL in {seconds:.0f} s. Each",
        "concurrency test releases its writers together (threads and a barrier, one connection",
        "each) and asserts an exact outcome; the tests marked *without the lock* first show the",
        "race the lock prevents (docs/adr/0003-locking-protocol.md for meetings,",
        "docs/adr/0004-activity-seats.md for seats at activities).",
        "",
        "| concurrency test | result | s |",
        "| --- | --- | ---: |",
        *[f"| {_title(c.name)} | {c.outcome} | {c.seconds:.1f} |" for c in races],
        *last_seat(cases),
        "",
        f"Schemathesis fuzzing: {len(fuzzed)} operations of the OpenAPI schema, up to "
        f"{examples_per_operation} derandomised examples each, valid and invalid, as anonymous "
        "and as a buyer, an exhibitor, an organiser and an outsider with real tokens, "
        f"in-process (no network): {_passed(fuzzed)} of {len(fuzzed)} operations without any "
        "5xx, with every answer one the schema documents, every invalid input refused and "
        "every 4xx a JSON message; at the edges of every limit the schema states (its coverage "
        f"phase, as a buyer): {_passed(edges)} of {len(edges)} operations.",
    ]
    return lines


def last_seat(cases: list[Case]) -> list[str]:
    """The programme's last-seat race as a table of what happened to the 50 delegates."""
    found = {c.name: c for c in cases if c.figures}
    if not all(name in found for name in LAST_SEAT.values()):
        return []
    runs = {key: found[name] for key, name in LAST_SEAT.items()}
    lines = [
        "",
        "The last seat of a forum, 50 delegates at once (tests/programme/test_concurrency.py;",
        "each writer is held after the capacity check until all have reached it or the lock",
        "keeps them out):",
        "",
        "| | passed the capacity check | seated | waiting list | refused with an error |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key, label in (("without", "without the lock"), ("with", "with the lock")):
        run_, f = runs[key], runs[key].figures
        lines.append(
            f"| {label} ({run_.outcome}) | {f['passed_check']} of {f['writers']} | {f['seated']}"
            f" | {f['waitlisted']} | {f['refused']} |"
        )
    without = runs["without"]
    if without.outcome == "passed":  # the test asserts the seats stayed within the capacity
        lines += [
            "",
            "Without the lock the unique (activity, seat) constraint still kept the forum within",
            f"its capacity, but the {without.figures['refused']} writers it stopped got an error",
            "instead of a place on the waiting list.",
        ]
    return lines
