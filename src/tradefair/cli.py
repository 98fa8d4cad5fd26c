"""The ``tradefair`` console command: Django's manage.py plus the project's own commands."""

import os
import sys

# Commands whose natural name is a Python keyword or too generic for a module name.
ALIASES = {"import": "importdata", "export": "exportdata"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "tradefair"
    if len(args) > 1 and args[1] in ALIASES:
        args[1] = ALIASES[args[1]]
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
