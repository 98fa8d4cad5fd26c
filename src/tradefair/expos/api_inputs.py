"""Input types the API modules of every app share, each limit read from the model it guards.

Apps may not import ``tradefair.api``, so what their endpoints have in common lives here, in
the lowest app. The OpenAPI schema states every limit (``maxLength``, ``pattern``,
``minimum``, ``maximum``) and ninja enforces it before a view runs; ``tradefair.api.validation``
explains a refusal in the caller's language, with a message per pattern below.
"""

from typing import Annotated, Any

from django.db import models
from ninja.params.functions import Path
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from tradefair.expos.models import Expo

# Django's text form fields refuse NUL (ProhibitNullCharactersValidator), and PostgreSQL cannot
# store or even compare it, so no text the API reads may hold one.
NO_NUL = r"^[^\x00]*$"
SLUG = r"^[-a-zA-Z0-9_]+$"
SLUG_OR_EMPTY = r"^[-a-zA-Z0-9_]*$"
COUNTRY_OR_EMPTY = r"^([A-Za-z]{2})?$"
HS_CHAPTER_OR_EMPTY = r"^([0-9]{2})?$"

# Ids are BigAutoField primary keys (settings.DEFAULT_AUTO_FIELD); a larger number is no row and
# SQLite cannot even compare with it.
ID_LIMITS = {"ge": 1, "le": models.BigIntegerField.MAX_BIGINT}

ExpoSlug = Annotated[
    str,
    Path(
        ...,
        max_length=Expo._meta.get_field("slug").max_length,
        pattern=SLUG,
        description="The edition, e.g. caexpo-22.",
    ),
]
RecordId = Annotated[int, Path(..., **ID_LIMITS)]


def _json_number(value: Any) -> Any:
    # pydantic would read "3" and true as 3 and 1; JSON Schema's integer is neither. 3.0 is one.
    if isinstance(value, str | bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


# An integer in a JSON body (a query string's "3" is read by ninja as the number it spells).
WholeNumber = Annotated[int, BeforeValidator(_json_number)]
# A row's id in a JSON body; the limits sit inside so that ``Id | None`` states them too.
BodyId = Annotated[int, Field(**ID_LIMITS), BeforeValidator(_json_number)]


def max_length(model: type[models.Model], field: str) -> int:
    """A model field's ``max_length``: the one source a form and the API both read."""
    found = getattr(model._meta.get_field(field), "max_length", None)
    assert found is not None, f"{model.__name__}.{field} has no max_length"
    return found


def refusals(*codes: int) -> dict[str, Any]:
    """``openapi_extra`` for an endpoint that declares only its success status: ninja then
    answers with that status, and the refusals it raises are documented here."""
    message = {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}
    }
    return {"responses": {code: {"description": "Refused", **message} for code in codes}}
