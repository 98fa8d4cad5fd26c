"""The ``tradefair`` console command: Django's manage.py plus the project's own commands."""

import os
import sys
from contextlib import suppress

# Commands whose natural name is a Python keyword or too generic for a module name.
ALIASES = {"import": "importdata", "export": "exportdata"}
# ``tradefair import programme FILE`` and ``import deals`` belong to apps the organisations'
# import command must not know (the app layers); the dispatch happens here instead.
IMPORT_KINDS_ELSEWHERE = {
    "programme": "importprogramme",
    "deals": "importdeals",
    "trade": "importtrade",
    "products": "importproducts",
}
EXPORT_KINDS_ELSEWHERE = {"deals": "exportdeals"}

# What ``tradefair worker`` passes to Celery before the caller's own options: the embedded
# broker is a folder, so the cluster chatter that needs a real broker is switched off.
WORKER_DEFAULTS = [
    "--loglevel=info",
    "--without-gossip",
    "--without-mingle",
    "--without-heartbeat",
]


def worker(args: list[str]) -> None:
    """Run a Celery worker for this project: the same process in the demo and in production.

    ``--quiet`` (no banner) is Celery's option before the sub-command; it is accepted here too.
    """
    from celery.bin.celery import main as celery_main

    quiet = ["--quiet"] if "--quiet" in args else []
    rest = [a for a in args if a != "--quiet"]
    sys.argv = ["celery", "-A", "tradefair.celery_app", *quiet, "worker", *WORKER_DEFAULTS, *rest]
    celery_main()


def operator_language(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """The language of the person at the terminal, from the variables gettext itself reads
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``th_TH.UTF-8`` → ``th``), when the
    site speaks it; None for the C locale or one the site does not have (English, then)."""
    from django.utils.translation import get_supported_language_variant, to_language

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        codes = [part.split(".")[0].split("@")[0] for part in environ.get(name, "").split(":")]
        codes = [code for code in codes if code and code not in ("C", "POSIX")]
        if not codes:
            continue
        for code in codes:  # the first variable set decides; LANGUAGE may list several
            with suppress(LookupError):
                return str(get_supported_language_variant(to_language(code)))
        return None
    return None


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] == "worker":
        worker(args[2:])
        return
    import django
    from django.core.management import execute_from_command_line
    from django.utils import translation

    django.setup()
    # Commands speak the operator's language: their refusals, progress and summaries.
    language = operator_language()
    if language:
        translation.activate(language)

    args[0] = "tradefair"
    if len(args) > 2 and args[1] == "import" and args[2] in IMPORT_KINDS_ELSEWHERE:
        args[1:3] = [IMPORT_KINDS_ELSEWHERE[args[2]]]
    elif len(args) > 2 and args[1] == "export" and args[2] in EXPORT_KINDS_ELSEWHERE:
        args[1:3] = [EXPORT_KINDS_ELSEWHERE[args[2]]]
    elif len(args) > 1 and args[1] in ALIASES:
        args[1] = ALIASES[args[1]]
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
