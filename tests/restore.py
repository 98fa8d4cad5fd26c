"""Restore the rows a transactional test's flush removed with one bulk insert per table.

``serialized_rollback`` keeps what the migrations wrote (countries, 6,900 HS codes, sectors,
content types, permissions) as JSON, and Django saves it back row by row before every such
test: 7,500 round trips, 10-18 s a test on PostgreSQL, for the 20 modules of browser and race
tests. Here the JSON is read once per process and each table gets one ``bulk_create``, inside the
same transaction and with the same constraint check as Django's own restore.
"""

from collections import defaultdict
from io import StringIO
from typing import Any

from django.core import serializers
from django.db import models, transaction
from django.db.backends.base.creation import BaseDatabaseCreation

Rows = dict[type[models.Model], list[dict[str, Any]]]
_read: dict[str, Rows] = {}


def _rows(data: str, using: str) -> Rows:
    """Each table's rows as field values (by attname), many-to-many links as their own rows."""
    rows: Rows = defaultdict(list)
    for item in serializers.deserialize("json", StringIO(data), using=using):
        obj = item.object
        model = type(obj)
        fields = model._meta.concrete_fields
        rows[model].append({f.attname: getattr(obj, f.attname) for f in fields})
        for name, targets in (item.m2m_data or {}).items():
            field: Any = model._meta.get_field(name)  # a ManyToManyField
            through = field.remote_field.through
            source, target = (
                through._meta.get_field(end()).attname
                for end in (field.m2m_field_name, field.m2m_reverse_field_name)
            )
            rows[through].extend({source: obj.pk, target: pk} for pk in targets)
    return rows


def bulk_deserialize(self: BaseDatabaseCreation, data: str) -> None:
    alias = self.connection.alias
    if data not in _read:
        _read[data] = _rows(data, alias)
    rows = _read[data]
    with transaction.atomic(using=alias):
        with self.connection.constraint_checks_disabled():
            for model, values in rows.items():
                manager = model._base_manager.using(alias)
                manager.bulk_create(
                    [model(**v) for v in values], batch_size=2000, ignore_conflicts=True
                )
        self.connection.check_constraints(table_names=[m._meta.db_table for m in rows])


def install() -> None:
    BaseDatabaseCreation.deserialize_db_from_string = bulk_deserialize  # type: ignore[method-assign]
