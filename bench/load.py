"""Bounded load test: 200 simulated buyers against the demo on PostgreSQL, over loopback only.

Usage: ``make bench-load`` (or ``python bench/load.py [--postgres URL]``). Steps:

1. the PostgreSQL database (default ``tradefair_bench``) must hold the demo; it is loaded with
   ``tradefair demo --load-only`` when the expo is missing;
2. 200 bench accounts ``loadbuyerN@bench.invalid`` are made members of the first 200 demo buyer
   organisations (idempotent: found again on the next run);
3. the app is served on 127.0.0.1 by the small pre-forking server below, with ``bench.urls``
   as its URL configuration so the bare view ``/bench/bare/`` is served by the same processes;
4. each account logs in through ``POST /api/v1/auth/token`` (tokens are kept in
   ``var/bench/load-tokens.json`` and reused while they still work: the password hasher is
   slow on purpose, and logging in is not what is measured);
5. locust runs headless twice with the same users and pace: the buyers' API mix, then the bare
   view; throughput, latency percentiles and errors per endpoint are printed and written to
   the ``load`` block of ``docs/benchmarks.md`` (only that block is replaced).

Why this server: gunicorn and granian are not installed here, and Django's ``runserver`` is one
process whose threads share one interpreter lock. ``serve`` forks ``--workers`` processes that
accept on one listening socket, each answering with a pool of ``--threads`` threads (the shape
of gunicorn's ``gthread`` worker), each thread keeping its database connection. Responses close
the connection, so a thread is never held by an idle client.
"""

import argparse
import concurrent.futures
import csv
import datetime as dt
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
SLUG = "caexpo-22"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/tradefair_bench"
EMAIL = "loadbuyer{n}@bench.invalid"
PASSWORD = "load-test-buyer"  # only ever on a bench database, for accounts under .invalid
TOKENS = ROOT / "var" / "bench" / "load-tokens.json"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
MEAN_WAIT = 1.25  # seconds: locustfile.py waits between(0.5, 2.0) between a buyer's requests
console = Console(stderr=True)


# --- the server -------------------------------------------------------------------------


def serve(port: int, workers: int, threads: int) -> None:
    """Fork ``workers`` processes answering on 127.0.0.1:``port`` with ``threads`` each."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
    from django.test.utils import override_settings

    override_settings(ROOT_URLCONF="bench.urls", DEBUG=False, ALLOWED_HOSTS=["127.0.0.1"]).enable()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    class PooledServer(WSGIServer):
        """Each accepted connection is answered by a thread of a fixed pool."""

        pool: concurrent.futures.ThreadPoolExecutor

        def process_request(self, request: Any, client_address: Any) -> None:
            self.pool.submit(self._answer, request, client_address)

        def _answer(self, request: Any, client_address: Any) -> None:
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    server = PooledServer(("127.0.0.1", port), QuietHandler)
    server.request_queue_size = 1024
    server.set_app(WSGIHandler())
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker: its own pool, its own database connections
            server.pool = concurrent.futures.ThreadPoolExecutor(threads)
            server.serve_forever()
            os._exit(0)
        children.append(pid)

    def stop(signum: int, frame: Any) -> None:
        for pid in children:
            os.kill(pid, signal.SIGTERM)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for pid in children:
        os.waitpid(pid, 0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited while starting")
        try:
            with urllib.request.urlopen(f"{base}/bench/bare/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {base} within {timeout:.0f} s")


# --- the data ---------------------------------------------------------------------------


def ensure_demo(url: str) -> None:
    """Load the demo into ``url`` when its expo is missing (a few minutes, once)."""
    from django.db import DatabaseError

    from tradefair.expos.models import Expo

    try:
        if Expo.objects.filter(slug=SLUG).exists():
            return
    except DatabaseError:  # not even migrated yet
        pass
    console.print(f"no {SLUG} in the database: loading the demo (once)")
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "-m", "tradefair", "demo", "--load-only"],
        check=True,
        cwd=ROOT,
        env=env,
        stdout=sys.stderr,
    )


def ensure_buyers(count: int) -> list[str]:
    """The bench accounts, members of the first ``count`` demo buyers; found or made."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from tradefair.accounts.models import Membership, User
    from tradefair.organisations.models import Participation

    buyers = list(
        Participation.objects.filter(expo__slug=SLUG, role=Participation.Role.BUYER)
        .order_by("pk")
        .values_list("organisation_id", flat=True)[:count]
    )
    if len(buyers) < count:
        raise SystemExit(f"the demo has only {len(buyers)} buyers, {count} wanted")
    password = make_password(PASSWORD)  # hashed once: the production hasher is slow on purpose
    emails = []
    with transaction.atomic():
        for n, organisation_id in enumerate(buyers, start=1):
            email = EMAIL.format(n=n)
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create(email=email, password=password)
            Membership.objects.get_or_create(user=user, organisation_id=organisation_id)
            emails.append(email)
    return emails


def _post_json(url: str, body: dict[str, str]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def _works(base: str, token: str) -> bool:
    request = urllib.request.Request(
        f"{base}/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


def obtain_tokens(base: str, emails: list[str], progress: Progress) -> list[str]:
    """A working bearer token per account: kept ones when they still work, else logged in."""
    kept: dict[str, str] = json.loads(TOKENS.read_text()) if TOKENS.exists() else {}
    task = progress.add_task("tokens", total=len(emails))

    def token_for(email: str) -> str:
        token = kept.get(email)
        if token is None or not _works(base, token):
            status, body = _post_json(
                f"{base}/api/v1/auth/token", {"email": email, "password": PASSWORD}
            )
            if status != 200:
                raise SystemExit(f"log-in of {email} answered {status}")
            token = str(body["token"])
        progress.advance(task)
        return token

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(token_for, emails))
    TOKENS.parent.mkdir(parents=True, exist_ok=True)
    TOKENS.write_text(json.dumps(dict(zip(emails, tokens, strict=True)), indent=1))
    return tokens


def agenda_paths(base: str) -> list[str]:
    """The agenda endpoints the server offers (they may not exist yet), from its schema."""
    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=60) as response:
        paths = json.loads(response.read())["paths"]
    return [name for name in ("agenda", "agenda.ics") if f"/api/v1/expos/{{slug}}/{name}" in paths]


# --- locust -----------------------------------------------------------------------------


def run_locust(
    base: str, target: str, args: argparse.Namespace, env: dict[str, str], progress: Progress
) -> dict[str, Any]:
    """One headless locust run; its per-endpoint rows and the 409 count."""
    out = Path(tempfile.mkdtemp(prefix=f"load-{target}-"))
    seconds = args.time if target == "api" else args.bare_time
    command = [
        str(Path(sys.executable).parent / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "-u",
        str(args.users),
        "-r",
        str(args.spawn_rate),
        "-t",
        f"{seconds}s",
        "--host",
        base,
        "--csv",
        str(out / "run"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    outcomes = out / "outcomes.json"
    run_env = {**env, "LOAD_TARGET": target, "LOAD_OUTCOMES": str(outcomes)}
    task = progress.add_task(f"locust: {target}", total=seconds)
    with open(out / "locust.log", "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=run_env, stdout=log, stderr=log)
        started = time.monotonic()
        while process.poll() is None:
            progress.update(task, completed=min(time.monotonic() - started, seconds))
            time.sleep(0.5)
    progress.update(task, completed=seconds)
    if process.returncode not in (0, 1):  # 1: some requests failed, which the report shows
        raise SystemExit(f"locust exited with {process.returncode}: see {out / 'locust.log'}")
    with open(out / "run_stats.csv", encoding="utf-8") as stats:
        rows = [row for row in csv.DictReader(stats)]
    failures = []
    if (out / "run_failures.csv").exists():
        with open(out / "run_failures.csv", encoding="utf-8") as found:
            failures = list(csv.DictReader(found))
    duplicates = json.loads(outcomes.read_text())["duplicates"] if outcomes.exists() else 0
    return {"rows": rows, "failures": failures, "duplicates": duplicates, "seconds": seconds}


def figures(run: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": row["Name"],
            "requests": int(row["Request Count"]),
            "errors": int(row["Failure Count"]),
            "rps": float(row["Requests/s"]),
            "p50": float(row["50%"]),
            "p95": float(row["95%"]),
            "max": float(row["Max Response Time"]),
        }
        for row in run["rows"]
    ]


# --- the report -------------------------------------------------------------------------


def report(
    api: dict[str, Any], bare: dict[str, Any], args: argparse.Namespace, load: float
) -> list[str]:
    rows = figures(api)
    bare_rows = [r for r in figures(bare) if r["name"] == "Aggregated"]
    bare_p95 = bare_rows[0]["p95"] if bare_rows and bare_rows[0]["p95"] else 1.0
    agenda_note = (
        "its agenda (`agenda` and `agenda.ics`)"
        if any("agenda" in r["name"] for r in rows)
        else "its requests again (the agenda endpoints were not on the server when this ran)"
    )
    lines = [
        START,
        "## Load: 200 simulated buyers on PostgreSQL",
        "",
        f"Written by `make bench-load` (`bench/load.py`), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}"
        f" UTC, Python {platform.python_version()}, {os.cpu_count()} cores shared by the server,"
        f" the database and locust (load average {load:.1f} when the run started: other work was"
        " running on the machine too).",
        f"{args.users} buyers (bench accounts in demo buyer organisations, each with its own",
        f"bearer token), started {args.spawn_rate} a second, each waiting 0.5–2 s between",
        "requests: list a page of exhibitors, ask one of them for a meeting, list its requests,",
        f"read {agenda_note}. {api['seconds']} s of load with locust over loopback, then",
        f"{bare['seconds']} s of the same buyers at the same pace on a bare Django view served by",
        f"the same server: {args.workers} pre-forked processes × {args.threads} threads",
        "(`bench/load.py serve`; gunicorn is not installed here). Latencies in ms, from the",
        "client. A 409 to a meeting request (that pair already has an open request) is the",
        "service's expected answer and counted apart, not as an error.",
        "",
        "| endpoint | requests | req/s | p50 ms | p95 ms | max ms | errors | p95 / bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows + [dict(r, name="bare view (baseline run)") for r in bare_rows]:
        name = "all API requests" if r["name"] == "Aggregated" else r["name"]
        lines.append(
            f"| {name} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} |"
            f" {r['max']:.0f} | {r['errors']:,} | {r['p95'] / bare_p95:.1f}× |"
        )
    served = next((r["rps"] for r in rows if r["name"] == "Aggregated"), 0.0)
    offered = args.users / MEAN_WAIT
    saturated = ": the server is saturated, the latencies are mostly queueing"
    lines += [
        "",
        f"- meeting requests answered 409 (already open, expected): {api['duplicates']:,}",
        f"- offered load about {offered:.0f} req/s ({args.users} buyers, {MEAN_WAIT} s mean wait),"
        f" served {served:.1f} req/s{saturated if served < offered / 2 else ''}",
    ]
    for failure in api["failures"] + bare["failures"]:
        lines.append(
            f"- error: {failure['Method']} {failure['Name']}: {failure['Error']}"
            f" ({failure['Occurrences']}×)"
        )
    return [*lines, END]


def write_block(lines: list[str]) -> None:
    """Replace the load block of docs/benchmarks.md (or append it), leaving the rest alone."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    block = "\n".join(lines)
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def show(api: dict[str, Any], bare: dict[str, Any]) -> None:
    table = Table("endpoint", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "errors")
    for r in figures(api) + [dict(r, name="bare view") for r in figures(bare)[-1:]]:
        table.add_row(
            r["name"],
            f"{r['requests']:,}",
            f"{r['rps']:.1f}",
            f"{r['p50']:.0f}",
            f"{r['p95']:.0f}",
            f"{r['max']:.0f}",
            f"{r['errors']:,}",
        )
    console.print(table)
    console.print(f"409 duplicates (expected): {api['duplicates']:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", metavar="URL", default=DEFAULT_POSTGRES)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=50)
    parser.add_argument("--time", type=int, default=60, help="seconds of API load")
    parser.add_argument("--bare-time", type=int, default=30, help="seconds on the bare view")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--no-write", action="store_true", help="print, leave the docs alone")
    sub = parser.add_subparsers(dest="command")
    serving = sub.add_parser("serve", help="only serve (used by the run itself)")
    serving.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = args.postgres
    if not args.postgres.startswith("postgres"):
        parser.error("--postgres: a postgres:// URL")
    if args.command == "serve":
        serve(args.port, args.workers, args.threads)
        return

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connections

    console.rule(f"Load test: {args.users} buyers, {args.postgres}")
    ensure_demo(args.postgres)
    emails = ensure_buyers(args.users)
    connections.close_all()  # the server and locust are separate processes

    load = os.getloadavg()[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--postgres",
            args.postgres,
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "serve",
            "--port",
            str(port),
        ],
        cwd=ROOT,
    )
    try:
        wait_until_up(base, server)
        console.print(f"serving on {base}: {args.workers} processes × {args.threads} threads")
        columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console) as progress:
            tokens = obtain_tokens(base, emails, progress)
            agenda = agenda_paths(base)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as held:
                json.dump(tokens, held)
            env = {
                **os.environ,
                "LOAD_TOKENS": held.name,
                "LOAD_SLUG": SLUG,
                "LOAD_AGENDA": ",".join(agenda),
            }
            api = run_locust(base, "api", args, env, progress)
            bare = run_locust(base, "bare", args, env, progress)
        os.unlink(held.name)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    if not agenda:
        console.print("[yellow]no agenda endpoint on the server: buyers re-read their requests")
    show(api, bare)
    if not args.no_write:
        write_block(report(api, bare, args, load))
        console.print(f"wrote the load block of {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
