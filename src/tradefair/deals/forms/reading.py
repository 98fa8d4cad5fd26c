"""What the deals' forms share: reading a cleaned form into the services' ``DealInput``, and
putting the services' refusals back on the fields they name."""

from typing import Any

from django import forms

from tradefair.deals.services.errors import DealError
from tradefair.deals.services.recording import DealInput
from tradefair.deals.services.rules import MAX_HS_CODES

# The codes' box holds as many codes as a deal may carry, each with a separator, so the form
# refuses what the service (and the API) refuse: too many, or one that is no HS code.
CODES_BOX = MAX_HS_CODES * len("081090; ")

# The fields of ``DealInput`` a form may hold under the same name.
_SHARED = (
    "kind",
    "title",
    "title_zh",
    "counterpart_country",
    "sector",
    "value",
    "currency",
    "stage",
    "signed_on",
    "public",
)


def deal_input(data: dict[str, Any], **rest: Any) -> DealInput:
    """A cleaned form's values; ``hs_codes`` is the text box's ``0810; 0801``."""
    codes = data["hs_codes"].replace(",", ";").split(";")
    values = {name: data[name] for name in _SHARED}
    return DealInput(
        reference=rest.pop("reference", ""),
        hs_codes=tuple(c.strip() for c in codes if c.strip()),
        **values,
        **rest,
    )


def show_refusal(form: forms.Form, refused: DealError) -> None:
    """``field: reason; field: reason`` from a service, each on its field (or the form)."""
    for part in str(refused).split("; "):
        field, _sep, reason = part.partition(": ")
        form.add_error(field if field in form.fields else None, reason or part)
