"""Fault tests of the embedded runtime, on SQLite and on PostgreSQL, with real processes.

1. While a scheduling run solves, stages, swaps in and then publishes, twenty people keep
   logging in, opening their portal and sending meeting requests through the API: every one of
   those requests succeeds (no "database is locked", no 500), and the organiser's Run and
   Publish return at once.
2. A worker killed with SIGKILL in the middle of a run leaves the live schedule exactly as it
   was; once its heartbeat is overdue the run shows as failed, and a new run (on a new worker)
   goes through.
"""

import json
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from .conftest import HEARTBEAT_TIMEOUT, Platform

# One worker runs the whole module (pytest -n): the kill test follows the crowd test's run.
pytestmark = [pytest.mark.faults, pytest.mark.xdist_group("faults")]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def log_in(platform: Platform, email: str) -> tuple[requests.Session, requests.Response]:
    session = requests.Session()
    url = f"{platform.base}/accounts/login/"
    form = session.get(url, timeout=60)
    token = CSRF.search(form.text)
    assert token, form.text[:500]
    answer = session.post(
        url,
        data={
            "csrfmiddlewaretoken": token.group(1),
            "username": email,
            "password": platform.scene["password"],
        },
        headers={"Referer": url},
        allow_redirects=False,
        timeout=60,
    )
    return session, answer


def post_form(
    session: requests.Session, platform: Platform, path: str, **data: str
) -> tuple[requests.Response, float]:
    """POST a console form as the browser does; returns the answer and how long the POST took."""
    page = session.get(platform.base + path.split("runs/")[0].rstrip("/") + "/", timeout=60)
    token = CSRF.search(page.text)
    assert token
    started = time.monotonic()
    answer = session.post(
        platform.base + path,
        data={"csrfmiddlewaretoken": token.group(1), **data},
        headers={"Referer": platform.base + path},
        allow_redirects=False,
        timeout=60,
    )
    return answer, time.monotonic() - started


def schedule_path(platform: Platform) -> str:
    return f"/{platform.scene['slug']}/organiser/schedule/"


def wait_until_over(organiser: requests.Session, platform: Platform, run: str) -> list[str]:
    """Poll the progress panel as the page does; returns the phases it showed."""
    url = f"{platform.base}{schedule_path(platform)}runs/{run}/progress/"
    phases: list[str] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        panel = organiser.get(url, headers={"HX-Request": "true"}, timeout=60)
        assert panel.status_code == 200, panel.text[:500]
        shown = re.search(r'<p class="run-phase">([^<]*)', panel.text)
        if shown and (not phases or phases[-1] != shown.group(1)):
            phases.append(shown.group(1))
        if panel.headers.get("HX-Refresh") == "true":
            return phases
        time.sleep(0.3)
    raise AssertionError(
        f"run {run} still going after 300 s; phases {phases}; the worker's log:\n"
        + platform.worker_log()
    )


class Crowd:
    """Twenty people logging in, reading their portal and sending requests, over and over."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        self.stop = threading.Event()
        self.outcomes: Counter[str] = Counter()
        self.failures: list[str] = []
        self.lock = threading.Lock()

    def _note(self, what: str, response: requests.Response, expected: set[int]) -> None:
        with self.lock:
            if response.status_code in expected:
                self.outcomes[what] += 1
            else:
                self.failures.append(f"{what}: {response.status_code} {response.text[:300]}")

    def person(self, i: int) -> None:
        platform, email = self.platform, self.platform.scene["clients"][i]
        slug, makers = platform.scene["slug"], platform.scene["exhibitors"]
        n = 0
        while not self.stop.is_set():
            session, landed = log_in(platform, email)
            self._note("log-in", landed, {302})
            self._note("portal", session.get(f"{platform.base}/{slug}/buyer/", timeout=60), {200})
            token = requests.post(
                f"{platform.base}/api/v1/auth/token",
                json={"email": email, "password": platform.scene["password"]},
                timeout=60,
            )
            self._note("token", token, {200})
            if token.status_code != 200:
                continue
            sent = requests.post(
                f"{platform.base}/api/v1/expos/{slug}/meeting-requests",
                json={
                    "exhibitor": makers[(i * 37 + n) % len(makers)],
                    "message": "Fault-test request",
                    "priority": 3,
                },
                headers={"Authorization": f"Bearer {token.json()['token']}"},
                timeout=60,
            )
            self._note("api-request", sent, {201, 409})  # 409: that pair exists already
            n += 1

    def __enter__(self) -> "Crowd":
        self.pool = ThreadPoolExecutor(len(self.platform.scene["clients"]))
        self.futures = [
            self.pool.submit(self.person, i) for i in range(len(self.platform.scene["clients"]))
        ]
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for future in self.futures:
            future.result()
        self.pool.shutdown()


def test_everyone_keeps_working_while_a_run_writes_and_publishes(platform: Platform) -> None:
    organiser, landed = log_in(platform, platform.scene["organiser"])
    assert landed.status_code == 302
    with Crowd(platform) as crowd:
        start, returned_in = post_form(
            organiser, platform, schedule_path(platform), time_limit=platform.scene["time_limit"]
        )
        assert start.status_code == 302, start.text[:500]
        run = re.search(r"run=(\d+)", start.headers["Location"]).group(1)  # type: ignore[union-attr]
        phases = wait_until_over(organiser, platform, run)

        publish, publish_returned_in = post_form(
            organiser, platform, f"{schedule_path(platform)}runs/{run}/publish/"
        )
        assert publish.status_code == 302
        wait_until_over(organiser, platform, run)
    assert crowd.failures == []
    assert min(crowd.outcomes.values()) >= 20, crowd.outcomes  # each kind, twenty times at least
    # Queued, not done in the request (publishing at the demo's size took 23 s in one request
    # before); the bound is loose because twenty log-ins hash passwords on two cores meanwhile.
    assert returned_in < 10 and publish_returned_in < 10, (returned_in, publish_returned_in)
    status, published, count, stats, error = platform.sql(
        f"SELECT status, publish_status, published_count, stats, error"
        f" FROM matchmaking_schedulerun WHERE id = {run}"
    )[0]
    assert (status, published) == ("done", "done"), error
    # The panel names the phase in words; on a loaded machine the organiser's first poll may
    # come after the run ended (the run's result is what counts, checked above and below).
    assert not phases or phases[0].startswith("Reading the accepted requests"), phases
    stats = stats if isinstance(stats, dict) else json.loads(stats)
    assert platform.sql("SELECT COUNT(*) FROM matchmaking_meeting WHERE published")[0][0] == count
    assert count > 5_000
    print(
        f"\n{platform.backend}: {count:,} meetings; {sum(crowd.outcomes.values()):,} requests by"
        f" the crowd, none failed; Run returned in {returned_in:.2f} s, Publish in"
        f" {publish_returned_in:.2f} s; staged in {stats['stage_seconds']} s, swapped in"
        f" {stats['swap_seconds']} s; phases {phases}"
    )
    page = organiser.get(f"{platform.base}{schedule_path(platform)}?run={run}", timeout=60)
    assert f"{count:,} meetings published" in page.text


def test_a_worker_killed_mid_run_leaves_nothing_half_written(platform: Platform) -> None:
    organiser, _ = log_in(platform, platform.scene["organiser"])
    before = platform.sql(
        "SELECT id, request_id, slot_id, table_number, published FROM matchmaking_meeting"
        " ORDER BY id"
    )
    start, _ = post_form(
        organiser, platform, schedule_path(platform), time_limit=platform.scene["time_limit"]
    )
    run = re.search(r"run=(\d+)", start.headers["Location"]).group(1)  # type: ignore[union-attr]
    deadline = time.monotonic() + 120
    while (
        platform.sql(f"SELECT phase FROM matchmaking_schedulerun WHERE id = {run}")[0][0]
        != "saving"
    ):
        assert time.monotonic() < deadline, (
            "the run never reached its staging phase; the worker's log:\n" + platform.worker_log()
        )
        time.sleep(0.05)
    platform.kill_worker()  # SIGKILL, mid-staging

    assert (
        platform.sql(
            "SELECT id, request_id, slot_id, table_number, published FROM matchmaking_meeting"
            " ORDER BY id"
        )
        == before
    )
    time.sleep(HEARTBEAT_TIMEOUT + 2)
    page = organiser.get(f"{platform.base}{schedule_path(platform)}?run={run}", timeout=60)
    assert "The worker stopped giving signs of life; nothing was changed." in page.text
    assert platform.sql(f"SELECT status FROM matchmaking_schedulerun WHERE id = {run}") == [
        ("failed",)
    ]

    platform.start_worker()
    again, _ = post_form(
        organiser, platform, schedule_path(platform), time_limit=platform.scene["time_limit"]
    )
    rerun = re.search(r"run=(\d+)", again.headers["Location"]).group(1)  # type: ignore[union-attr]
    assert rerun != run
    wait_until_over(organiser, platform, rerun)
    assert platform.sql(f"SELECT status FROM matchmaking_schedulerun WHERE id = {rerun}") == [
        ("done",)
    ]
    assert platform.sql("SELECT COUNT(*) FROM matchmaking_stagedmeeting") == [(0,)]
    # Published meetings stayed where they were: the re-run kept them in place.
    kept = {row for row in before if row[4]}
    after = set(
        platform.sql(
            "SELECT id, request_id, slot_id, table_number, published FROM matchmaking_meeting"
        )
    )
    assert kept <= after
