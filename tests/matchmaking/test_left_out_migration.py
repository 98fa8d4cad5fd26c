"""Runs stored before the rows keep their requests left out, in order, both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("matchmaking", "0006_recommendation_heading")]
AFTER = [("matchmaking", "0007_left_out_rows")]
LISTED = [
    {
        "request": 41,
        "buyer": "Buyer 1",
        "exhibitor": "Maker 1",
        "buyer_id": 3,
        "exhibitor_id": 4,
        "reason": "every table is taken in the slots both sides have free",
        "code": "tables_full",
        "params": {"sessions": [2]},
    },
    {"request": 9, "buyer": "Old Buyer", "exhibitor": "Old Maker", "reason": "no slot left"},
]


def _migrate(target: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_runs_list_becomes_rows_in_its_order_and_back(expo):
    try:
        apps = _migrate(BEFORE)
        ScheduleRun = apps.get_model("matchmaking", "ScheduleRun")
        run = ScheduleRun.objects.create(expo_id=expo.pk, status="done", unscheduled=LISTED)

        apps = _migrate(AFTER)
        rows = apps.get_model("matchmaking", "LeftOutRequest").objects.filter(run_id=run.pk)
        assert [
            (r.position, r.request_id, r.buyer_name, r.exhibitor_id, r.code, r.params, r.reason)
            for r in rows.order_by("position")
        ] == [
            (0, 41, "Buyer 1", 4, "tables_full", {"sessions": [2]}, LISTED[0]["reason"]),
            (1, 9, "Old Buyer", None, "", {}, "no slot left"),
        ]

        apps = _migrate(BEFORE)
        back = apps.get_model("matchmaking", "ScheduleRun").objects.get(pk=run.pk)
        assert back.unscheduled[0] == LISTED[0]
        assert back.unscheduled[1]["request"] == 9 and back.unscheduled[1]["code"] == ""
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
