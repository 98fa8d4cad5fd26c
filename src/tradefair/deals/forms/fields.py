"""A deal's value as the forms read it: one field for the console's and the portal's forms, which
the API runs too, so all three refuse the same values (``12.340`` has three decimals as typed)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from tradefair.deals.models import Deal

LOWEST_VALUE = 0  # the model's MinValueValidator(0)


def value_field() -> forms.DecimalField:
    """0 or more, with the model's digits and decimals: at most two decimals, below 10^18."""
    stored = Deal._meta.get_field("value")
    assert isinstance(stored, models.DecimalField)
    return forms.DecimalField(
        label=_("Value"),
        max_digits=stored.max_digits,
        decimal_places=stored.decimal_places,
        min_value=LOWEST_VALUE,
    )
