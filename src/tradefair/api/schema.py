"""Print the API's OpenAPI schema: ``python -m tradefair.api.schema > docs/api/openapi.json``."""

import json
import os
from typing import Any


def schema() -> dict[str, Any]:
    from tradefair.api.urls import api

    return dict(api.get_openapi_schema())


def render() -> str:
    """The schema as committed: sorted keys, two-space indent, a final newline."""
    return json.dumps(schema(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    import django

    django.setup()
    print(render(), end="")


if __name__ == "__main__":
    main()
