"""The directory's ranking on PostgreSQL: a weighted tsvector of the search text and a trigram
index of the names, for near misses (ADR 2).

``search_document`` weights the sections of ``search_text`` (``organisations.services.search``)
A (names), B (product titles and HS codes), C (HS descriptions and sectors) and D (the rest)
with the 'simple' configuration, since names and titles are in several languages. It is
a generated column, so it follows every update of ``search_text``, and the model leaves it out,
so no other query loads it; exhibitors only, as only the directory ranks. The names' trigram
index serves ``term <<% split_part(search_text, E'\\x1c', 1)`` (a term close to a word of a name):
its expression must stay the one ``queries.relevance`` writes. SQLite needs neither: it ranks
with ``INSTR`` alone and has no trigrams.

The sections are new: after migrating an existing install, run ``tradefair reindex --expo
<slug>`` for each edition (until then results are the same, only their order is not ranked);
rewriting the text also stores it as set below.
"""

from django.db import migrations

from tradefair.organisations.migrations._postgres import postgres_only

NAMES_END, CODES_END, TOPICS_END = r"E'\x1c'", r"E'\x1e'", r"E'\x1f'"
SECTIONS = {
    "A": f"split_part(search_text, {NAMES_END}, 1)",
    "B": f"split_part(split_part(search_text, {CODES_END}, 1), {NAMES_END}, 2)",
    "C": f"split_part(split_part(search_text, {TOPICS_END}, 1), {CODES_END}, 2)",
    "D": f"split_part(search_text, {TOPICS_END}, 2)",
}
DOCUMENT = " || ".join(
    f"setweight(to_tsvector('simple'::regconfig, {section}), '{weight}')"
    for weight, section in SECTIONS.items()
)
# Ranking reads search_text several times per row: stored compressed inline (pglz), each read
# decompressed it again and a broad search ("co") spent most of its time there. MAIN keeps both
# columns in the row (out of line only when a row would not fit a page), lz4 decompresses
# several times faster than pglz; a server built without lz4 keeps pglz.
LZ4 = """
    DO $$ BEGIN
        ALTER TABLE organisations_participation ALTER COLUMN search_text SET COMPRESSION lz4,
            ALTER COLUMN search_document SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported THEN NULL;
    END $$
"""
CREATE = [
    "ALTER TABLE organisations_participation ADD COLUMN IF NOT EXISTS search_document tsvector "
    f"GENERATED ALWAYS AS (CASE WHEN role = 'exhibitor' THEN {DOCUMENT} END) STORED",
    "ALTER TABLE organisations_participation ALTER COLUMN search_text SET STORAGE MAIN, "
    "ALTER COLUMN search_document SET STORAGE MAIN",
    LZ4,
    "CREATE INDEX IF NOT EXISTS participation_search_names_trgm ON organisations_participation "
    f"USING gin ((split_part(search_text, {NAMES_END}, 1)) gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS participation_search_names_trgm",
    "ALTER TABLE organisations_participation ALTER COLUMN search_text SET STORAGE EXTENDED, "
    "ALTER COLUMN search_text SET COMPRESSION DEFAULT",
    "ALTER TABLE organisations_participation DROP COLUMN IF EXISTS search_document",
]


class Migration(migrations.Migration):
    dependencies = [("organisations", "0004_product_catalogue")]

    operations = [postgres_only(CREATE, DROP)]
