"""Simulated buyers for ``bench/load.py``: find exhibitors, ask for meetings, read the agenda.

Run by ``bench/load.py`` (which starts the server, makes the accounts and their bearer tokens)
with ``LOAD_TOKENS`` naming a JSON list of tokens, one per simulated buyer, and
``LOAD_OUTCOMES`` a JSON file this file writes at the end: how many meeting requests were
answered 409 (a request for that pair is already open: an expected answer, not an error).
``LOAD_TARGET=bare`` makes every buyer fetch the bare view instead, the in-run baseline;
``LOAD_OFFERED`` sets the load (see ``_pace``).
"""

import itertools
import json
import os
import random
from typing import Any

import gevent
from locust import FastHttpUser, between, constant, events, task

SLUG = os.environ.get("LOAD_SLUG", "caexpo-22")
API = f"/api/v1/expos/{SLUG}"
with open(os.environ["LOAD_TOKENS"], encoding="utf-8") as held:
    TOKENS: list[str] = json.load(held)
_next_token = itertools.count()
DUPLICATES = [0]
# Pages of the public listing the buyers browse (24 exhibitors to a page).
PAGES = int(os.environ.get("LOAD_PAGES", "20"))
# Which agenda paths exist on the server; bench/load.py reads them from the OpenAPI schema.
AGENDA = [p for p in os.environ.get("LOAD_AGENDA", "").split(",") if p]


# Requests per task of the buyers' mix: the weights below (3, 2, 2, 2), the agenda task
# asking once per agenda path.
API_REQUESTS_PER_TASK = (3 + 2 + 2 + 2 * len(AGENDA or ["meeting-requests"])) / 9


def _period(requests_per_task: float) -> float | None:
    """Seconds between a buyer's tasks when LOAD_OFFERED (requests a second from all
    LOAD_USERS buyers together) sets a fixed load; None when it is "0" (saturation) or unset."""
    offered = float(os.environ.get("LOAD_OFFERED", "0"))
    if not offered:
        return None
    return int(os.environ["LOAD_USERS"]) * requests_per_task / offered


def _pace(requests_per_task: float) -> Any:
    """At a fixed load a task every period; "0" asks again as soon as answered; unset, a buyer
    thinks 0.5 to 2 s between tasks."""
    if "LOAD_OFFERED" not in os.environ:
        return between(0.5, 2.0)
    period = _period(requests_per_task)
    # Random waits around the period, as people click; locust's constant_throughput added
    # 10-20 ms of its own to every latency it measured, even the bare view's.
    return constant(0) if period is None else between(0.5 * period, 1.5 * period)


def _spread(requests_per_task: float) -> None:
    """At a fixed load, start each buyer at a random point of its period: started together,
    the 200 would ask in one burst each period and measure the burst, not the load."""
    period = _period(requests_per_task)
    if period is not None:
        gevent.sleep(random.uniform(0, period))


class Buyer(FastHttpUser):
    """One buyer with their own token, at the pace LOAD_OFFERED sets."""

    wait_time = _pace(API_REQUESTS_PER_TASK)

    def on_start(self) -> None:
        _spread(API_REQUESTS_PER_TASK)
        self.headers = {"Authorization": f"Bearer {TOKENS[next(_next_token) % len(TOKENS)]}"}
        self.exhibitors: list[int] = []
        self.browse()

    @task(3)
    def browse(self) -> None:
        page = random.randint(1, PAGES)
        with self.client.get(
            f"{API}/exhibitors?page={page}", name="GET exhibitors", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return
            self.exhibitors = [row["id"] for row in response.json()["results"]] or self.exhibitors

    @task(2)
    def request_meeting(self) -> None:
        if not self.exhibitors:
            return
        body = {"exhibitor": random.choice(self.exhibitors), "message": "Load test", "priority": 2}
        with self.client.post(
            f"{API}/meeting-requests",
            json=body,
            headers=self.headers,
            name="POST meeting-requests",
            catch_response=True,
        ) as response:
            if response.status_code == 409:  # already asked: the service's answer, not a fault
                DUPLICATES[0] += 1
                response.success()
            elif response.status_code != 201:
                response.failure(f"status {response.status_code}: {response.text[:120]}")

    @task(2)
    def my_requests(self) -> None:
        self._get(f"{API}/meeting-requests", "GET meeting-requests")

    @task(2)
    def agenda(self) -> None:
        # Without an agenda endpoint on the server, the buyer re-reads their requests instead.
        for path in AGENDA or ["meeting-requests"]:
            self._get(f"{API}/{path}", f"GET {path}")

    def _get(self, url: str, name: str) -> None:
        with self.client.get(url, headers=self.headers, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")


class BareBuyer(FastHttpUser):
    """The same buyers, same load, asking for the bare view: the server's floor."""

    wait_time = _pace(1)

    def on_start(self) -> None:
        _spread(1)

    @task
    def bare(self) -> None:
        self.client.get("/bench/bare/", name="GET /bench/bare/")


# Only one class runs: the API mix, or (LOAD_TARGET=bare) the baseline.
if os.environ.get("LOAD_TARGET") == "bare":
    del Buyer
else:
    del BareBuyer


@events.quitting.add_listener
def write_outcomes(environment: Any, **kwargs: Any) -> None:
    path = os.environ.get("LOAD_OUTCOMES")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"duplicates": DUPLICATES[0]}, out)
