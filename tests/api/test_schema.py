"""The committed OpenAPI schema is the one the code produces."""

import json
from pathlib import Path

from tradefair.api.schema import render

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"


def test_committed_schema_is_current():
    assert render() == COMMITTED.read_text(encoding="utf-8"), (
        "docs/api/openapi.json is out of date: "
        "run `python -m tradefair.api.schema > docs/api/openapi.json` to update it"
    )


def test_schema_is_served(client):
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    assert json.loads(render()) == served.json()
