"""The programme's filter form: a plain GET form that htmx also submits on every change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradefair.expos.parsing import whole_number
from tradefair.programme.queries.listing import ProgrammeFilters
from tradefair.programme.queries.pages import FilterChoices

ANY = ("", gettext_lazy("Any"))
SEARCH_MAX_LENGTH = 200


class ProgrammeFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": gettext_lazy("e.g. blue economy, 论坛"),
                "autocomplete": "off",
            }
        ),
    )
    day = forms.ChoiceField(label=gettext_lazy("Day"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    room = forms.ChoiceField(label=gettext_lazy("Room"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)

    def __init__(self, data: object, *, choices: FilterChoices) -> None:
        super().__init__(data, label_suffix="")  # type: ignore[arg-type]
        for name, options in (
            ("day", choices.days),
            ("kind", choices.kinds),
            ("room", choices.rooms),
            ("sector", choices.sectors),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [ANY, *options]


@dataclass(frozen=True)
class ParsedFilters:
    filters: ProgrammeFilters
    errors: list[str]


def _clean(raw: str, limit: int = 64) -> str:
    # Control characters can't occur in stored text and PostgreSQL refuses NUL in a query.
    return "".join(c for c in raw if c.isprintable() or c == " ").strip()[:limit]


def parse_filters(query: QueryDict, days: list[dt.date]) -> ParsedFilters:
    """Read the filters without touching the database.

    A day or room that is not a date or a number is ignored and named in ``errors`` (shown
    above the results); a kind, room or sector that does not exist simply matches nothing.
    """
    errors: list[str] = []
    day: dt.date | None = None
    raw_day = _clean(query.get("day", ""))
    if raw_day:
        try:
            day = dt.date.fromisoformat(raw_day)
        except ValueError:
            day = None
        if day is None or day not in days:
            errors.append(
                _("day: “%(value)s” is not a day of this expo; choose one from the list.")
                % {"value": raw_day}
            )
            day = None
    room: int | None = None
    raw_room = _clean(query.get("room", ""))
    if raw_room:
        room = whole_number(raw_room) if len(raw_room) <= 9 else None
        if room is None:
            errors.append(
                _("room: “%(value)s” is not a room; choose one from the list.")
                % {"value": raw_room}
            )
    filters = ProgrammeFilters(
        day=day,
        kind=_clean(query.get("kind", "")),
        room=room,
        sector=_clean(query.get("sector", "")),
        q=_clean(query.get("q", ""), SEARCH_MAX_LENGTH),
    )
    return ParsedFilters(filters, errors)
