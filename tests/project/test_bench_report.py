"""`bench/run.py --only pages --write` rewrites the page sections of docs/benchmarks.md and keeps
the engine's sections, which take an hour to measure, with the date of their own run."""

import pytest

from bench import run as bench

ENGINE = (
    "\n## Meeting scheduling\n\nours against greedy\n\n"
    "## Load: 200 simulated buyers\n\nload figures\n"
)


def _run(p95: float) -> dict[str, object]:
    def latency(label: str, url: str, ms: float, api: bool = False) -> dict[str, object]:
        return {"label": label, "url": url, "p50_ms": ms, "p95_ms": ms, "max_ms": ms, "api": api}

    return {
        "database": "sqlite3",
        "loads": [{"how": "sqlite3", "seconds": 50.0, "peak_mb": 800.0}],
        "repeats": 60,
        "latencies": [latency("bare", "/bench/bare/", 0.5), latency("home", "/x/", p95)],
        "writeback": {
            "meetings": 83000,
            "run_seconds": 50.0,
            "stage_seconds": 3.5,
            "swap_seconds": 3.1,
            "one_transaction_seconds": 20.0,
        },
        "after_run": [latency("overview", "/x/organiser/", 30.0), latency("API", "/a", 20.0, True)],
    }


def test_the_page_sections_are_replaced_and_the_engines_kept_with_their_date():
    first = bench.report([_run(14.0)]).replace("- run: ", "- run: 2026-12-05 11:32 UTC, ") + ENGINE
    once = bench._with_pages(first, [_run(99.0)])
    assert once.endswith(ENGINE) and once.count("## Meeting scheduling") == 1
    assert "| home | `/x/` | 99.0 |" in once and "| home | `/x/` | 14.0 |" not in once
    assert "- the sections from Meeting scheduling on: the run of 2026-12-05 11:32 UTC" in once
    assert "Over their bar: home (99.0 ms), API (20.0 ms)." in once
    assert "### After a scheduling run wrote 83,000 meetings back" in once
    # Again: the engine's date is still its own run's, not the first page run's.
    twice = bench._with_pages(once, [_run(15.0)])
    assert twice.count("- the sections from Meeting scheduling on:") == 1
    assert "the run of 2026-12-05 11:32 UTC" in twice and twice.endswith(ENGINE)


def test_without_engine_sections_there_is_nothing_to_keep():
    with pytest.raises(SystemExit, match="run make bench"):
        bench._with_pages("# Benchmarks\n", [_run(14.0)])
