"""A deal's value in the API, judged by the forms' own field (``forms.fields.value_field``).

pydantic's ``decimal_places`` counts the decimals of the normalised number, so it read "12.340"
as 12.34 where the forms count the three decimals typed. The API hands the value as sent to
the forms' field instead, and words its refusal as a pydantic error ``tradefair.api.validation``
explains ("“value” must be at least 0."); the schema is read from the same field.
"""

from decimal import Decimal
from typing import Annotated, Any

from django import forms
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from tradefair.deals.forms.fields import LOWEST_VALUE, value_field

_FIELD = value_field()
assert _FIELD.max_digits is not None and _FIELD.decimal_places is not None
DECIMALS = _FIELD.decimal_places
MINIMUM = LOWEST_VALUE
BELOW = 10 ** (_FIELD.max_digits - DECIMALS)  # the whole digits the field leaves: 10^18

# The form field's refusal codes as the pydantic errors the API explains (type, context).
_ERRORS: dict[str, tuple[str, dict[str, Any]]] = {
    "required": ("missing", {}),
    "min_value": ("greater_than_equal", {"ge": MINIMUM}),
    "max_digits": ("less_than", {"lt": BELOW}),
    "max_whole_digits": ("less_than", {"lt": BELOW}),
    "max_decimal_places": ("decimal_max_places", {"decimal_places": DECIMALS}),
}


def _as_the_forms(value: Any) -> Decimal:
    """The value as the forms clean it, or their refusal as the error the API words."""
    try:
        cleaned = _FIELD.clean(value)
    except forms.ValidationError as refused:
        first = refused.error_list[0]
        kind, context = _ERRORS.get(first.code or "", ("decimal_parsing", {}))
        raise PydanticCustomError(kind, " ".join(refused.messages), context) from None
    assert isinstance(cleaned, Decimal)
    return cleaned


Value = Annotated[
    Decimal,
    BeforeValidator(_as_the_forms),
    Field(
        description=f"0 or more, below 10^{_FIELD.max_digits - DECIMALS}, with at most "
        f'{DECIMALS} decimals as written ("12.340" has three); a JSON number or a string '
        "holding one (exact).",
        json_schema_extra={
            "anyOf": [
                {
                    "type": "number",
                    "minimum": MINIMUM,
                    "exclusiveMaximum": float(BELOW),
                    "multipleOf": float(Decimal(1).scaleb(-DECIMALS)),
                },
                {"type": "string"},
            ]
        },
    ),
]
