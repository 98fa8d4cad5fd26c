"""The worker process that ``tradefair demo`` runs beside its web server.

It is ``tradefair worker`` in a child process, started before the server and stopped with it;
on Linux the kernel also stops it if the demo itself dies (``PR_SET_PDEATHSIG``), so no
orphaned worker keeps the task folder busy.
"""

import ctypes
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Protocol

from django.utils.translation import gettext as _


class Output(Protocol):
    def write(self, text: str) -> object: ...


STOP_WAIT = 10.0  # seconds a worker gets to finish its current step before it is killed
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    with suppress(OSError):  # no libc.so.6: the finally block below still stops it
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def worker_command() -> list[str]:
    return [
        sys.executable,
        *("-m", "tradefair", "worker", "--quiet", "--loglevel=warning", "--concurrency=2"),
    ]


@contextmanager
def background_worker(out: Output) -> Iterator[subprocess.Popen[bytes]]:
    """Run the worker for the duration of the block."""
    process = subprocess.Popen(
        worker_command(),
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    out.write(_("Background worker started (pid %(pid)s).") % {"pid": process.pid} + "\n")
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        out.write(_("Background worker stopped.") + "\n")
