"""The database's planner statistics, refreshed after the platform writes many rows at once.

On PostgreSQL, until autovacuum gets to a bulk write, the planner believes the new rows are not
there and picks nested loops (a filtered directory search took 0.8 s instead of 40 ms after the
demo load). SQLite keeps no statistics of its own at all: it plans from whatever the last
``ANALYZE`` saw, and a table that was empty then is planned as empty. Both refresh with
``ANALYZE``, of the whole database or of the tables named.
"""

from django.db import connection
from django.db.models import Model


def refresh(*models: type[Model]) -> None:
    """ANALYZE the tables of ``models``, or every table when none is named."""
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    with connection.cursor() as cursor:
        if not models:
            cursor.execute("ANALYZE")
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
