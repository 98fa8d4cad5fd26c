"""SQL that only PostgreSQL runs (indexes and columns SQLite has no use for, ADR 2).

A module name starting with "_" is not a migration to Django's loader; the migrations of this
app that need such SQL share this one operation.
"""

from django.db import migrations


def postgres_only(create: list[str], drop: list[str]) -> migrations.RunPython:
    """Run ``create`` forwards and ``drop`` backwards on PostgreSQL; nothing elsewhere."""

    def runner(statements: list[str]):
        def run(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for sql in statements:
                schema_editor.execute(sql)

        return run

    return migrations.RunPython(runner(create), runner(drop))
