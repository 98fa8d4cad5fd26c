"""Form fields for counts, whose refusals write their bounds as the reader writes numbers.

Django's own sentence ("Ensure this value is less than or equal to %(limit_value)s.") puts the
bound in as the bare integer, so a Vietnamese organiser read "10000" beside figures written
"10.000" everywhere else. The field keeps Django's sentence and its translations; only the
number is written the reader's way, when the message is shown.
"""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.functional import lazy

from tradefair.expos.formatting import number


def _sentence(message: Any, limit: int) -> str:
    return str(message) % {"limit_value": number(limit)}


_lazy_sentence = lazy(_sentence, str)


def count_field(*, min_value: int, max_value: int, **options: Any) -> forms.IntegerField:
    """An IntegerField from ``min_value`` to ``max_value``; ``error_messages`` given in
    ``options`` win over the bounds' sentences."""
    messages = {
        "min_value": _lazy_sentence(MinValueValidator.message, min_value),
        "max_value": _lazy_sentence(MaxValueValidator.message, max_value),
        **options.pop("error_messages", {}),
    }
    return forms.IntegerField(
        min_value=min_value, max_value=max_value, error_messages=messages, **options
    )
