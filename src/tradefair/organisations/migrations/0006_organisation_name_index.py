"""Organisations by name, with their id and country, on PostgreSQL only (ADR 2).

The directory lists exhibitors in their organisation's name order and the home page counts them
per country: without this index PostgreSQL read the whole organisation table (some 13,500 wide
rows on the demo, descriptions and all) to join 3,200 exhibitors. In name order with the id and
the country beside it, an unfiltered directory page walks the first names until it has its 24
exhibitors (11 -> 1 ms on the demo), a country's page likewise, and the home page's count per
country reads the index alone (11 -> 3-4 ms). SQLite joins on the row id and needs none.
"""

from django.db import migrations

from tradefair.organisations.migrations._postgres import postgres_only

CREATE = [
    "CREATE INDEX IF NOT EXISTS organisation_name_id_country ON organisations_organisation "
    "(name) INCLUDE (id, country_id)",
]
DROP = ["DROP INDEX IF EXISTS organisation_name_id_country"]


class Migration(migrations.Migration):
    dependencies = [("organisations", "0005_search_weights")]

    operations = [postgres_only(CREATE, DROP)]
