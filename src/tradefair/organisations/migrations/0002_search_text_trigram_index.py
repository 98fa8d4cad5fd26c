"""A trigram index on the directory's search text, on PostgreSQL only (ADR 2).

Substring search (``LIKE '%term%'``) cannot use a b-tree; with pg_trgm's GIN index PostgreSQL
finds the rows holding a term of three or more characters without reading every participation.
SQLite has no such index and needs none at this size.
"""

from django.db import migrations

from tradefair.organisations.migrations._postgres import postgres_only

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS participation_search_text_trgm "
    "ON organisations_participation USING gin (search_text gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS participation_search_text_trgm"]


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [postgres_only(CREATE, DROP)]
