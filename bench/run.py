"""Run the benchmarks and write their figures to docs/benchmarks.md.

Usage: ``make bench`` (or ``python bench/run.py [--postgres URL]``). For each database (the
embedded SQLite file under ``var/bench``, and PostgreSQL when a URL is given, whose demo it
resets) a child process loads the demo from scratch, timing it, then measures page latency
with the full demo loaded against a bare view in the same run.
"""

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
SLUG = "caexpo-22"
PAGE_BAR_MS = 50.0
API_BAR_MS = 15.0


def _bar(latency: dict[str, Any]) -> float:
    return API_BAR_MS if latency.get("api") else PAGE_BAR_MS


DATA_DIR = ROOT / "var" / "bench"
console = Console(stderr=True)


# DESIGN.md and issue #12: the demo loads within these, in at most 1 GB.
LOAD_BARS_S = {"sqlite3": 60.0, "postgresql": 90.0, "postgresql --reset": 120.0}
LOAD_MEMORY_BAR_MB = 1024.0


def _timed_load(*extra: str) -> tuple[float, float]:
    """Migrate and load the demo in a child process; wall seconds and the child's peak RSS."""
    args = [sys.executable, "-m", "tradefair", "demo", "--load-only", *extra]
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT, stdout=sys.stderr)
    seconds = time.perf_counter() - start
    # RUSAGE_CHILDREN holds the largest child so far: each load runs in a bench worker of its
    # own, and the PostgreSQL worker's second load is measured as the larger of the two.
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _recreate_postgres(url: str) -> None:
    """Drop and create the bench database, so the first load meets an empty one."""
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def load_demo() -> list[dict[str, Any]]:
    """The demo loaded as a new user meets it: into a fresh SQLite file, or into a fresh
    PostgreSQL database and then again with ``--reset`` over it."""
    url = os.environ.get("DATABASE_URL")
    if url is None:
        shutil.rmtree(DATA_DIR, ignore_errors=True)
        seconds, peak = _timed_load()
        return [{"how": "sqlite3", "seconds": seconds, "peak_mb": peak}]
    _recreate_postgres(url)
    fresh, fresh_peak = _timed_load()
    again, peak = _timed_load("--reset")
    return [
        {"how": "postgresql", "seconds": fresh, "peak_mb": fresh_peak},
        {"how": "postgresql --reset", "seconds": again, "peak_mb": peak},
    ]


def worker() -> None:
    """Benchmark the database in DATABASE_URL (or SQLite) and print the figures as JSON."""
    os.environ.setdefault("TRADEFAIR_DATA_DIR", str(DATA_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    sys.path.insert(0, str(ROOT))
    loads = load_demo()
    for load in loads:
        console.print(f"{load['how']}: loaded in {load['seconds']:.1f} s, {load['peak_mb']:.0f} MB")

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from bench import pages, writeback

    if connection.vendor == "postgresql":
        # What autovacuum does within minutes of a bulk load, before anyone browses: without
        # it the first page views pay for setting hint bits and for stale planner statistics.
        with console.status("VACUUM ANALYZE after the load"), connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    with Progress(console=console) as progress:
        task = progress.add_task("pages", total=len(pages.page_cases(SLUG)))
        latencies = pages.run(SLUG, lambda: progress.advance(task))
    with console.status("a scheduling run and the former one-transaction write-back"):
        written = writeback.run(SLUG)
    console.print(f"write-back: {written}")
    with Progress(console=console) as progress:
        cases = pages.after_run_cases(SLUG)
        task = progress.add_task("pages after the run", total=len(cases))
        after_run = pages.run(SLUG, lambda: progress.advance(task), cases)
    print(
        json.dumps(
            {
                "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
                "loads": loads,
                "repeats": pages.REPEATS,
                "latencies": [asdict(lat) for lat in latencies],
                "writeback": asdict(written),
                "after_run": [asdict(lat) for lat in after_run],
            }
        )
    )


def run_for(database_url: str | None) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if database_url:
        env["DATABASE_URL"] = database_url
    console.rule(f"Demo load and page latency on {database_url or 'embedded SQLite'}")
    result = subprocess.run(
        [sys.executable, __file__, "--worker"], env=env, check=True, stdout=subprocess.PIPE
    )
    return dict(json.loads(result.stdout))


def show(run: dict[str, Any]) -> None:
    baseline = run["latencies"][0]["p95_ms"]
    table = Table("page", "p50 ms", "p95 ms", "max ms", "p95 / bare", title=run["database"])
    for lat in run["latencies"] + run.get("after_run", []):
        table.add_row(
            lat["label"],
            f"{lat['p50_ms']:.1f}",
            f"{lat['p95_ms']:.1f}",
            f"{lat['max_ms']:.1f}",
            f"{lat['p95_ms'] / baseline:.1f}×",
        )
    console.print(table)


def report(runs: list[dict[str, Any]]) -> str:
    from bench import writeback

    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`) from one run on the machine below. Machines",
        "here are noisy, so each page is also given as a ratio to a bare Django view measured",
        "in the same run.",
        "",
        f"- run: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python"
        f" {platform.python_version()}, {os.cpu_count()} cores",
        "",
        "## Demo load",
        "",
        "`tradefair demo --load-only`: migrations with the reference data (249 countries, 6,939",
        "HS codes), then generating and writing the 22nd China-ASEAN Expo (3,200 exhibitors,",
        "10,200 buyers, 25,000 offers and needs, 3,200 booths, 90 negotiation slots, 100",
        "interpreters, 13,400 meeting profiles, 149,970 meeting requests; the programme's 84",
        "activities in 17 rooms with 1,184 delegates and 5,420 registrations, 70 launched",
        "products), then computing and storing 520,413 recommendations. SQLite starts from a",
        "fresh file; PostgreSQL from a freshly created database, then again with `--reset`",
        "over it (its time includes deleting the first load's demo). Bars (issue #12): 60 s on",
        f"SQLite, 90 s on a fresh PostgreSQL, 120 s with `--reset`, {LOAD_MEMORY_BAR_MB:.0f} MB.",
        "",
        "| load | wall time | bar | peak memory of the loading process | within the bars |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for run in runs:
        for load in run["loads"]:
            bar = LOAD_BARS_S[load["how"]]
            within = load["seconds"] <= bar and load["peak_mb"] <= LOAD_MEMORY_BAR_MB
            lines.append(
                f"| {load['how']} | {load['seconds']:.1f} s | {bar:.0f} s |"
                f" {load['peak_mb']:.0f} MB | {'yes' if within else '**no**'} |"
            )
    for run in runs:
        baseline = run["latencies"][0]["p95_ms"]
        lines += [
            "",
            f"## Page and API latency with the full demo loaded ({run['database']})",
            "",
            f"{run['repeats']} requests per page after a warm-up, in-process through the whole",
            "middleware stack (Django's test client), so the figure is the server's own time;",
            "API calls send the user's bearer token as a client does.",
            "On PostgreSQL the database is vacuumed and analysed after the load first, as",
            "autovacuum does within minutes of it.",
            f"Bars (DESIGN.md, issue #12): every page ≤ {PAGE_BAR_MS:.0f} ms and every API read"
            f" ≤ {API_BAR_MS:.0f} ms at the 95th percentile.",
            "",
            "| page | URL | p50 ms | p95 ms | max ms | bar ms | p95 / bare view |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        lines += _latency_rows(run["latencies"], baseline)
        after_run = run.get("after_run", [])
        written = run["writeback"]
        lines += [
            "",
            f"### After a scheduling run wrote {written['meetings']:,} meetings back",
            "",
            "The pages and API calls that read the edition's meetings and requests, measured the",
            "same way once the run below has written its meetings (and its requests left out)",
            "back; the busiest exhibitor is the one asked most often.",
            "",
            "| page | URL | p50 ms | p95 ms | max ms | bar ms | p95 / bare view |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
            *_latency_rows(after_run, baseline),
        ]
        measured = run["latencies"][1:] + after_run
        pages = [lat for lat in measured if not lat.get("api")]
        worst = max(pages, key=lambda lat: lat["p95_ms"])
        over = [
            f"{lat['label']} ({lat['p95_ms']:.1f} ms)"
            for lat in measured
            if lat["p95_ms"] > _bar(lat)
        ]
        lines += [
            "",
            f"Slowest page at the 95th percentile: {worst['label']}, {worst['p95_ms']:.1f} ms.",
            f"Over their bar: {', '.join(over)}."
            if over
            else "Every page and call is within its bar.",
            *writeback.report(run["database"], written),
        ]
    return "\n".join(lines) + "\n"


def _latency_rows(latencies: list[dict[str, Any]], baseline: float) -> list[str]:
    """A table's rows; the bare view (the baseline itself) has no bar."""
    rows = []
    for lat in latencies:
        bar = "" if lat["url"] == "/bench/bare/" else f"{_bar(lat):.0f}"
        rows.append(
            f"| {lat['label']} | `{lat['url']}` | {lat['p50_ms']:.1f} | {lat['p95_ms']:.1f} |"
            f" {lat['max_ms']:.1f} | {bar} | {lat['p95_ms'] / baseline:.1f}× |"
        )
    return rows


SECTIONS = ("pages", "scheduling", "general", "booths", "recommendation", "reliability")


def reliability_section(database_url: str) -> list[str]:
    """Concurrency and fuzzing tests on PostgreSQL, their outcomes as figures."""
    sys.path.insert(0, str(ROOT))
    from bench import reliability

    console.rule("Concurrency and API fuzzing on PostgreSQL")
    with console.status("running the concurrency and fuzz tests"):
        cases, seconds = reliability.run(database_url)
    failed = [c.name for c in cases if c.outcome == "failed"]
    console.print(f"{len(cases)} cases in {seconds:.0f} s; failed: {failed or 'none'}")
    return ["", *reliability.report(cases, seconds, reliability.examples_per_operation())]


def engine_sections(wanted: set[str]) -> list[str]:
    """The engine's benchmarks, each in child processes of its own; their markdown lines."""
    sys.path.insert(0, str(ROOT))
    # The recommendations' bench draws the demo, whose reference names are marked for
    # translation: Django's settings must be known, though no app is set up in this process.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    from bench import booths, general_events, recommend, scheduling

    lines: list[str] = []
    if "scheduling" in wanted:
        console.rule("Meeting scheduling: greedy, ours, exact and the bounds")
        with Progress(console=console) as progress:
            task = progress.add_task("scheduling", total=len(scheduling.cases()))
            results = scheduling.run(lambda: progress.advance(task))
        scheduling.show(results)
        lines += ["", *scheduling.report(results)]
        with Progress(console=console) as progress:
            task = progress.add_task("small fairs with interpreters", total=6)
            sweep = scheduling.interpreter_sweep(lambda: progress.advance(task))
        lines += ["", *scheduling.sweep_report(sweep)]
    if "general" in wanted:
        console.rule("General B2B events: ours and a plain CP-SAT model")
        with Progress(console=console) as progress:
            task = progress.add_task("general events", total=len(general_events.cases()))
            events = general_events.run(lambda: progress.advance(task))
        general_events.show(events)
        lines += ["", *general_events.report(events)]
        with Progress(console=console) as progress:
            task = progress.add_task("more general events", total=len(general_events.MORE))
            more = general_events.sweep(lambda: progress.advance(task))
        lines += ["", *general_events.sweep_report(more)]
    if "booths" in wanted:
        console.rule("Booth allocation: greedy, ours, exact and the bound")
        with Progress(console=console) as progress:
            task = progress.add_task("booths", total=len(booths.cases()))
            found = booths.run(lambda: progress.advance(task))
        booths.show(found)
        lines += ["", *booths.report(found)]
    if "recommendation" in wanted:
        console.rule("Recommendations: ours and the sector-overlap baseline")
        with Progress(console=console) as progress:
            task = progress.add_task("recommendation", total=2 + len(recommend.METHODS))
            results = recommend.run(lambda: progress.advance(task))
        recommend.show(results)
        lines += ["", *recommend.report(results)]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--postgres", metavar="URL", help="also benchmark pages on this PostgreSQL")
    parser.add_argument(
        "--only",
        help=f"comma-separated subset of {','.join(SECTIONS)}; prints figures, writes no file",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="with --only pages: replace the page and demo-load sections of"
        " docs/benchmarks.md and keep the others as they are",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the report imports the bench's own modules
    if args.worker:
        worker()
        return
    wanted = set(args.only.split(",")) if args.only else set(SECTIONS)
    if unknown := wanted - set(SECTIONS):
        parser.error(f"--only: unknown section(s) {', '.join(sorted(unknown))}")
    if args.write and wanted != {"pages"}:
        parser.error("--write goes with --only pages")
    path = ROOT / "docs" / "benchmarks.md"
    runs = []
    if "pages" in wanted:
        runs = [run_for(None)]
        if args.postgres:
            runs.append(run_for(args.postgres))
        for run in runs:
            show(run)
    if args.write:
        path.write_text(_with_pages(path.read_text(encoding="utf-8"), runs), encoding="utf-8")
        console.print(f"rewrote the page sections of {path.relative_to(ROOT)}")
        return
    engine_lines = engine_sections(wanted)
    if "reliability" in wanted and args.postgres:
        engine_lines += reliability_section(args.postgres)
    if args.only:
        return
    text = report(runs) + "\n".join(engine_lines) + "\n"
    path.write_text(text + _load_section(path), encoding="utf-8")
    console.print(f"wrote {path.relative_to(ROOT)}")


ENGINE_START = "\n## Meeting scheduling\n"
ENGINE_NOTE = "- the sections from Meeting scheduling on: "


def _with_pages(old: str, runs: list[dict[str, Any]]) -> str:
    """The document with its head, demo-load and page sections from ``runs`` and the engine's
    sections (everything from "Meeting scheduling" on) as they were, dated by their own run."""
    if ENGINE_START not in old:
        raise SystemExit("docs/benchmarks.md has no engine sections to keep; run make bench")
    kept, run = f"{ENGINE_NOTE}the run of ", "- run: "
    dated = [line for line in old.splitlines() if line.startswith((kept, run))]
    earlier = next((line.removeprefix(kept) for line in dated if line.startswith(kept)), None)
    earlier = earlier or next((line.removeprefix(run) for line in dated), "an earlier run")
    head, _, rest = report(runs).partition("\n## Demo load\n")
    note = f"{kept}{earlier}\n"
    return head + note + "\n## Demo load\n" + rest + old[old.index(ENGINE_START) :]


def _load_section(path: Path) -> str:
    """The load test's block (written by ``bench/load.py``, a separate run) survives a rewrite."""
    sys.path.insert(0, str(ROOT))
    from bench.load import END, START

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START not in old or END not in old:
        return ""
    return "\n" + old[old.index(START) : old.index(END) + len(END)] + "\n"


if __name__ == "__main__":
    main()
