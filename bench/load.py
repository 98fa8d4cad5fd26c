"""Load test: 200 simulated buyers against the demo on PostgreSQL, served by gunicorn over loopback.

Usage: ``make bench-load`` (or ``python bench/load.py [--postgres URL]``). Steps:

1. the PostgreSQL database (default ``tradefair_bench``) must hold the demo; it is loaded with
   ``tradefair demo --load-only`` when the expo is missing;
2. 200 bench accounts ``loadbuyerN@bench.invalid`` are made members of the first 200 demo buyer
   organisations (idempotent: found again on the next run);
3. gunicorn serves the app as the README's production set-up does: ``DEBUG`` off (so database
   connections persist), ``gthread`` workers, with ``bench.settings`` so that the bare view
   ``/bench/bare/`` is answered by the same processes;
4. each account logs in through ``POST /api/v1/auth/token`` (tokens are kept in
   ``var/bench/load-tokens.json`` and reused while they still work: the password hasher is
   slow on purpose, and logging in is not what is measured);
5. locust runs headless with the same 200 buyers, each time the buyers' API mix and then the
   bare view: at the buyers' own pace (0.5-2 s between requests, as people click), saturated
   (each asks again as soon as answered: what the server can serve), and at one fixed offered
   load below the API's saturation (the latency a buyer sees on a busy day, not queueing).
   The figures are printed and written to the ``load`` block of ``docs/benchmarks.md`` (only
   that block is replaced).
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
from dataclasses import dataclass
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
SPAWN_RATE = 50  # buyers started a second
MEAN_WAIT = 1.25  # seconds: locustfile.py waits between(0.5, 2.0) between a buyer's tasks
THROUGHPUT_BAR = 0.5  # of what the bare view serves the same buyers at their pace (issue #12)
PACED_SHARE = 0.5  # the fixed offered load, as a share of the API's saturated throughput
console = Console(stderr=True)


# --- the server -------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Phase:
    """One locust run: what the buyers ask for, and at what pace."""

    key: str
    target: str  # "api" (the buyers' mix) or "bare" (the bare view)
    seconds: int
    # Requests a second from all buyers together; 0: no pause at all; None: people's pace.
    offered: float | None = None


def run_locust(
    base: str, phase: Phase, users: int, env: dict[str, str], progress: Progress
) -> dict[str, Any]:
    """One headless locust run; its per-endpoint rows, failures and the 409 count."""
    out = Path(tempfile.mkdtemp(prefix=f"load-{phase.key}-"))
    command = [
        str(Path(sys.executable).parent / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(SPAWN_RATE),
        "-t",
        f"{phase.seconds}s",
        "--host",
        base,
        "--csv",
        str(out / "run"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    outcomes = out / "outcomes.json"
    run_env = {
        **env,
        "LOAD_TARGET": phase.target,
        "LOAD_OUTCOMES": str(outcomes),
        "LOAD_USERS": str(users),
    }
    if phase.offered is not None:
        run_env["LOAD_OFFERED"] = f"{phase.offered:.2f}"
    task = progress.add_task(f"locust: {phase.key}", total=phase.seconds)
    with open(out / "locust.log", "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=run_env, stdout=log, stderr=log)
        started = time.monotonic()
        while process.poll() is None:
            progress.update(task, completed=min(time.monotonic() - started, phase.seconds))
            time.sleep(0.5)
    progress.update(task, completed=phase.seconds)
    if process.returncode not in (0, 1):  # 1: some requests failed, which the report shows
        raise SystemExit(f"locust exited with {process.returncode}: see {out / 'locust.log'}")
    with open(out / "run_stats.csv", encoding="utf-8") as stats:
        rows = figures(list(csv.DictReader(stats)))
    failures = []
    if (out / "run_failures.csv").exists():
        with open(out / "run_failures.csv", encoding="utf-8") as found:
            failures = list(csv.DictReader(found))
    duplicates = json.loads(outcomes.read_text())["duplicates"] if outcomes.exists() else 0
    return {"phase": phase, "rows": rows, "failures": failures, "duplicates": duplicates}


def figures(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    return [
        {
            "name": "all requests" if row["Name"] == "Aggregated" else row["Name"],
            "requests": int(row["Request Count"]),
            "errors": int(row["Failure Count"]),
            "rps": float(row["Requests/s"]),
            "p50": float(row["50%"]),
            "p95": float(row["95%"]),
            "max": float(row["Max Response Time"]),
        }
        for row in rows
    ]


def total(run: dict[str, Any]) -> dict[str, Any]:
    """The run's aggregated row."""
    return next(r for r in run["rows"] if r["name"] == "all requests")


# --- the report -------------------------------------------------------------------------

HEADER = [
    "| endpoint | requests | req/s | p50 ms | p95 ms | max ms | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
]


def _table(api: dict[str, Any], bare: dict[str, Any]) -> list[str]:
    lines = list(HEADER)
    rows = api["rows"] + [dict(total(bare), name="**bare view** (same buyers, same pace)")]
    for r in rows:
        name = "**all API requests**" if r["name"] == "all requests" else r["name"]
        lines.append(
            f"| {name} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} |"
            f" {r['max']:.0f} | {r['errors']:,} |"
        )
    return lines


def report(runs: dict[str, dict[str, Any]], args: argparse.Namespace, load: float) -> list[str]:
    pace, pace_bare = total(runs["pace"]), total(runs["pace-bare"])
    saturated, saturated_bare = total(runs["saturated"]), total(runs["saturated-bare"])
    fixed, fixed_bare = total(runs["fixed"]), total(runs["fixed-bare"])
    share = pace["rps"] / pace_bare["rps"] if pace_bare["rps"] else 0.0
    capacity = saturated["rps"] / saturated_bare["rps"] if saturated_bare["rps"] else 0.0
    errors = sum(total(run)["errors"] for run in runs.values())
    agenda = any("agenda" in r["name"] for r in runs["pace"]["rows"])
    verdict = "meets" if share >= THROUGHPUT_BAR and errors == 0 else "misses"
    offered = args.users / MEAN_WAIT
    lines = [
        START,
        "## Load: 200 simulated buyers on PostgreSQL, served by gunicorn",
        "",
        f"Written by `make bench-load` (`bench/load.py`), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}"
        f" UTC, Python {platform.python_version()}, {os.cpu_count()} cores shared by gunicorn,"
        f" PostgreSQL and locust (load average {load:.1f} when the run started).",
        f"gunicorn {gunicorn_version()}: {args.workers} workers × {args.threads} threads"
        " (`gthread`), `DEBUG` off so database connections persist, as the README's production",
        f"set-up runs it. {args.users} buyers (bench accounts in demo buyer organisations, each",
        "with its own bearer token) list a page of exhibitors, ask one of them for a meeting,",
        "list their requests and read their agenda"
        + (" (`agenda` and `agenda.ics`)." if agenda else " (not on this server: requests again)."),
        "The bare view is a Django view answering `ok`, served by the same processes: the",
        "server's own floor. Latencies in ms, from the client, over loopback. A 409 to a meeting",
        "request (that pair already has an open request) is the service's expected answer and",
        "counted apart, not as an error.",
        "",
        f"Bar (issue #12): at the buyers' pace the API serves at least {THROUGHPUT_BAR:.0%} of"
        " what the bare view serves to the same buyers, with no error.",
        f"**Measured: {share:.0%} ({pace['rps']:.0f} against {pace_bare['rps']:.0f} req/s),"
        f" {errors} errors: {verdict} the bar.** Saturated, the API serves {capacity:.0%} of the"
        f" bare view's {saturated_bare['rps']:,.0f} req/s ({saturated['rps']:.0f} req/s).",
        "",
        f"### At the buyers' pace: 0.5–2 s between requests, about {offered:.0f} req/s offered"
        f" ({args.pace_time} s each)",
        "",
        *_table(runs["pace"], runs["pace-bare"]),
        "",
        f"- meeting requests answered 409 (already open, expected): {runs['pace']['duplicates']:,}",
        "",
        f"### Saturated: every buyer asks again as soon as answered ({args.saturated_time} s each)",
        "",
        *_table(runs["saturated"], runs["saturated-bare"]),
        "",
        f"- meeting requests answered 409 (already open, expected):"
        f" {runs['saturated']['duplicates']:,}",
        "",
        f"### At a fixed offered load: {runs['fixed']['phase'].offered:.0f} req/s,"
        f" {PACED_SHARE:.0%} of the API's saturated throughput ({args.fixed_time} s each)",
        "",
        *_table(runs["fixed"], runs["fixed-bare"]),
        "",
        f"- meeting requests answered 409 (already open, expected):"
        f" {runs['fixed']['duplicates']:,}",
        f"- all API requests p50 {fixed['p50']:.0f} ms, p95 {fixed['p95']:.0f} ms; the bare view"
        f" at the same load p50 {fixed_bare['p50']:.0f} ms, p95 {fixed_bare['p95']:.0f} ms",
    ]
    for run in runs.values():
        for failure in run["failures"]:
            lines.append(
                f"- error ({run['phase'].key}): {failure['Method']} {failure['Name']}:"
                f" {failure['Error']} ({failure['Occurrences']}×)"
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


def show(runs: dict[str, dict[str, Any]]) -> None:
    table = Table("run", "endpoint", "requests", "req/s", "p50 ms", "p95 ms", "errors")
    for key, run in runs.items():
        rows = run["rows"] if run["phase"].target == "api" else [total(run)]
        for r in rows:
            table.add_row(
                key,
                r["name"],
                f"{r['requests']:,}",
                f"{r['rps']:.1f}",
                f"{r['p50']:.0f}",
                f"{r['p95']:.0f}",
                f"{r['errors']:,}",
            )
    console.print(table)


# --- the server -------------------------------------------------------------------------


def gunicorn_version() -> str:
    from importlib.metadata import version

    return version("gunicorn")


def start_gunicorn(port: int, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    """gunicorn in production's shape on 127.0.0.1:``port``, with the bench's bare view."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": args.postgres,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 40,  # a loopback server on a bench database
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on loopback: in production a proxy terminates TLS, which is not measured.
        "SECURE_SSL_REDIRECT": "0",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "tradefair.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--worker-class",
        "gthread",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", metavar="URL", default=DEFAULT_POSTGRES)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument(
        "--pace-time", type=int, default=40, help="seconds per run at people's pace"
    )
    parser.add_argument("--saturated-time", type=int, default=30, help="seconds per saturated run")
    parser.add_argument("--fixed-time", type=int, default=30, help="seconds per fixed-load run")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--no-write", action="store_true", help="print, leave the docs alone")
    args = parser.parse_args()
    if not args.postgres.startswith("postgres"):
        parser.error("--postgres: a postgres:// URL")
    os.environ["DATABASE_URL"] = args.postgres
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
    server = start_gunicorn(port, args)
    runs: dict[str, dict[str, Any]] = {}
    try:
        wait_until_up(base, server)
        console.print(
            f"gunicorn {gunicorn_version()} on {base}: {args.workers} workers × {args.threads}"
            " threads"
        )
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
            for phase in (
                Phase("pace", "api", args.pace_time),
                Phase("pace-bare", "bare", args.pace_time),
                Phase("saturated", "api", args.saturated_time, 0),
                Phase("saturated-bare", "bare", args.saturated_time, 0),
            ):
                runs[phase.key] = run_locust(base, phase, args.users, env, progress)
            # Below saturation: a share of what the API just served, the same for the bare view.
            offered = PACED_SHARE * total(runs["saturated"])["rps"]
            for phase in (
                Phase("fixed", "api", args.fixed_time, offered),
                Phase("fixed-bare", "bare", args.fixed_time, offered),
            ):
                runs[phase.key] = run_locust(base, phase, args.users, env, progress)
        os.unlink(held.name)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    if not agenda:
        console.print("[yellow]no agenda endpoint on the server: buyers re-read their requests")
    show(runs)
    if not args.no_write:
        write_block(report(runs, args, load))
        console.print(f"wrote the load block of {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
