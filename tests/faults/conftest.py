"""A real platform per database: migrated, a mid-size fair loaded, a web server and a worker.

The fault tests exercise what only separate processes show (locks between writers, a worker
killed with SIGKILL), so nothing here runs inside pytest-django's test database: each backend
gets its own fresh database (a SQLite file, or a PostgreSQL database created and dropped
here), the project's real settings (tasks in a worker, never inline) and its own processes.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
# Seconds without a sign of life before a run is given up on: short, so that the kill test ends
# soon, yet long enough that a heartbeat waiting behind twenty clients' writes for SQLite's one
# writer lock on a loaded CI machine is not taken for a death (6 s was, twice).
HEARTBEAT_TIMEOUT = 15


def _postgres_is_up() -> bool:
    try:
        with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Platform:
    backend: str
    env: dict[str, str]
    base: str
    scene: dict[str, Any]
    server: subprocess.Popen[bytes]
    worker: subprocess.Popen[bytes] | None = None
    logs: Path = field(default_factory=Path)

    def sql(self, query: str) -> list[tuple[Any, ...]]:
        """Read the platform's database directly, as a third party would."""
        if self.backend == "sqlite":
            path = Path(self.env["TRADEFAIR_DATA_DIR"]) / "tradefair.sqlite3"
            with sqlite3.connect(path, timeout=30) as db:
                return db.execute(query).fetchall()
        with psycopg.connect(self.env["DATABASE_URL"]) as db:
            return db.execute(query).fetchall()  # type: ignore[arg-type]

    def start_worker(self) -> subprocess.Popen[bytes]:
        # Its own process group: SIGKILL reaches the pool's children too, as when a machine dies.
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "tradefair", "worker", "--quiet", "--concurrency=1"],
            env=self.env,
            cwd=ROOT,
            start_new_session=True,
            stdout=(self.logs / "worker.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        return self.worker

    def worker_log(self, lines: int = 40) -> str:
        """The worker log's last lines, for a failure's message: CI keeps nothing else."""
        path = self.logs / "worker.log"
        return (
            "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
            if path.exists()
            else ""
        )

    def kill_worker(self) -> None:
        assert self.worker is not None
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait()
        self.worker = None


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _wait_for(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def _load_scene(env: dict[str, str]) -> dict[str, Any]:
    """The mid-size fair of scene.py, or with ``TRADEFAIR_FAULT_SCENE=demo`` the whole demo
    (150,000 requests, ~76,000 meetings; minutes, so not in CI): its five demo buyers four
    times over make the twenty clients."""
    if os.environ.get("TRADEFAIR_FAULT_SCENE") != "demo":
        return dict(json.loads(_run([str(ROOT / "tests/faults/scene.py")], env)), time_limit="5")
    _run(["-m", "tradefair", "demo", "--load-only", "-v0"], env)
    code = (
        "from tradefair.organisations.models import Participation as P;"
        "print(list(P.objects.filter(expo__slug='caexpo-22', role='exhibitor')"
        ".order_by('pk').values_list('pk', flat=True)[:500]))"
    )
    exhibitors = json.loads(_run(["-m", "tradefair", "shell", "-c", code], env).splitlines()[-1])
    return {
        "slug": "caexpo-22",
        "organiser": "organiser@caexpo.demo",
        "clients": [f"buyer{1 + i % 5}@caexpo.demo" for i in range(20)],
        "password": "demo",
        "exhibitors": exhibitors,
        "time_limit": "30",
    }


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def platform(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    backend: str = request.param
    if backend == "postgres" and not _postgres_is_up():
        pytest.skip(f"no PostgreSQL at {POSTGRES}")
    data = tmp_path_factory.mktemp(f"faults-{backend}")
    env = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tradefair.settings",
        TRADEFAIR_DATA_DIR=str(data),
        TRADEFAIR_TASK_TIMEOUT=str(HEARTBEAT_TIMEOUT),
        TRADEFAIR_STAGE_BATCH="300",  # many short staging transactions: a kill lands among them
        PYTHONPATH=str(ROOT),
    )
    database = ""
    if backend == "postgres":
        database = f"tradefair_faults_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
            db.execute(f"CREATE DATABASE {database}")  # type: ignore[arg-type]
        env["DATABASE_URL"] = f"{POSTGRES}/{database}"
    else:
        env.pop("DATABASE_URL", None)
    port = _free_port()
    cleanup: list[Callable[[], None]] = []
    try:
        _run(["-m", "tradefair", "migrate", "-v0"], env)
        scene = _load_scene(env)
        server = subprocess.Popen(
            [sys.executable, "-m", "tradefair", "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            cwd=ROOT,
            stdout=(data / "server.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        cleanup.append(server.kill)
        found = Platform(backend, env, f"http://127.0.0.1:{port}", scene, server, logs=data)
        _wait_for(found.base + "/")
        found.start_worker()
        cleanup.append(lambda: found.worker and found.kill_worker())
        yield found
    finally:
        for undo in reversed(cleanup):
            undo()
        if database:
            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
                db.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")  # type: ignore[arg-type]
