"""Concurrency and API fuzzing on PostgreSQL, as figures for docs/benchmarks.md.

The figures are the outcomes of the suite's own tests, run here against PostgreSQL (their
database is ``test_<name>`` beside the bench database, created and dropped by pytest-django):
each concurrency test asserts an exact outcome (e.g. 50 simultaneous bookings of the last
table give exactly one success and 49 refusals), and the schemathesis tests send a bounded,
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONCURRENCY = [
    "tests/matchmaking/test_concurrency.py",
    "tests/matchmaking/test_concurrency_moves.py",
]
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


def run(database_url: str) -> tuple[list[Case], float]:
    """Run the concurrency and fuzz tests on ``database_url``; their cases and the wall time."""
    env = {**os.environ, "DATABASE_URL": database_url}
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "junit.xml"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             f"--junitxml={xml}", *CONCURRENCY, FUZZ],
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
        cases.append(Case(module, case.get("name", ""), outcome, float(case.get("time", 0))))
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
        "race the lock prevents (docs/adr/0003-locking-protocol.md).",
        "",
        "| concurrency test | result | s |",
        "| --- | --- | ---: |",
        *[f"| {_title(c.name)} | {c.outcome} | {c.seconds:.1f} |" for c in races],
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
