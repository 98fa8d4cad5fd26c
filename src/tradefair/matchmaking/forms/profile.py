"""The meeting-settings form both portals share: languages, the cap, who attends and availability.

Availability is offered as one checkbox per slot, grouped by day in the expo's time zone, plus
an "all day" box per day that stands for every slot of that day (no JavaScript needed). Every
slot ticked is stored as "available in every slot" (no availability rows).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from tradefair.expos.formatting import time_span, weekday
from tradefair.expos.languages import language_name
from tradefair.expos.parsing import whole_number
from tradefair.matchmaking.models import Slot

# The languages of the China-ASEAN Expo's parties: Chinese, English and the ASEAN languages.
OFFERED_LANGUAGES = ("zh", "en", "vi", "th", "id", "ms", "km", "lo", "my", "tl")


@dataclass(frozen=True)
class SlotChoice:
    id: int
    label: str


@dataclass(frozen=True)
class DayChoice:
    key: str
    label: str
    slots: list[SlotChoice]


def slot_days(slots: Iterable[Slot], time_zone: str) -> list[DayChoice]:
    """Slots grouped by their local day, labelled in the reader's language."""
    zone = ZoneInfo(time_zone)
    local = sorted(
        ((s.start.astimezone(zone), s.end.astimezone(zone), s.pk) for s in slots),
        key=lambda row: (row[0], row[2]),
    )
    days = []
    for day, rows in groupby(local, key=lambda row: row[0].date()):
        choices = [SlotChoice(pk, time_span(start, end, time_zone)) for start, end, pk in rows]
        days.append(DayChoice(day.isoformat(), weekday(day), choices))
    return days


def language_choices(stored: Iterable[str]) -> list[tuple[str, str]]:
    """The offered languages, then any other stored one, named in the reader's language."""
    codes = [*OFFERED_LANGUAGES, *sorted(set(stored) - set(OFFERED_LANGUAGES))]
    return [(code, f"{language_name(code)} ({code})") for code in codes]


class MeetingSettingsForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A meeting whose two sides share no language gets an interpreter."),
    )
    max_meetings = forms.IntegerField(
        label=_("Most meetings wanted"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("Leave blank for no limit."),
    )
    attendees = forms.MultipleChoiceField(
        label=_("Who goes to the meetings"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick the colleagues who sit at your table; none ticked means all of you. While "
            "every one of them is at a forum or other activity they registered for, no meeting "
            "is scheduled."
        ),
    )
    slots = forms.MultipleChoiceField(label=_("Available slots"), required=False)
    days = forms.MultipleChoiceField(label=_("All day"), required=False)

    def __init__(
        self,
        data: Any = None,
        *,
        days: Sequence[DayChoice],
        stored_languages: Iterable[str] = (),
        members: Sequence[tuple[int, str]] = (),
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial, label_suffix="")
        self.day_choices = list(days)
        self.all_slot_ids = {s.id for day in self.day_choices for s in day.slots}
        self._field("languages").choices = language_choices(stored_languages)
        self._field("slots").choices = [
            (str(s.id), s.label) for day in self.day_choices for s in day.slots
        ]
        self._field("days").choices = [(day.key, day.label) for day in self.day_choices]
        self._field("attendees").choices = [(str(pk), label) for pk, label in members]

    def _field(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def _chosen(self, name: str) -> set[str]:
        """The ticked values of a checkbox group, as typed (bound) or as stored (unbound)."""
        if self.is_bound:
            key = self.add_prefix(name)
            if isinstance(self.data, MultiValueDict):
                return set(self.data.getlist(key))
            return {str(value) for value in self.data.get(key, ())}
        return {str(value) for value in self.initial.get(name, ())}

    @property
    def chosen_slots(self) -> set[int]:
        return {n for pk in self._chosen("slots") if (n := whole_number(pk)) is not None}

    @property
    def chosen_days(self) -> set[str]:
        return self._chosen("days")

    def clean(self) -> dict[str, Any]:
        """Adds ``slot_ids``: the ticked slots with whole days, or None for every slot."""
        data = super().clean() or {}
        ticked = {int(pk) for pk in data.get("slots", [])}
        whole_days = set(data.get("days", []))
        for day in self.day_choices:
            if day.key in whole_days:
                ticked.update(s.id for s in day.slots)
        if ticked == self.all_slot_ids:
            data["slot_ids"] = None
        elif not ticked:
            self.add_error(
                "slots",
                _(
                    "Tick at least one slot. To be available in every slot, tick them all "
                    "(or every “all day” box)."
                ),
            )
        else:
            data["slot_ids"] = ticked
        return data


def initial_settings(
    *,
    languages: Sequence[str],
    max_meetings: int | None,
    available: Iterable[int],
    days: Sequence[DayChoice],
    attendees: Iterable[int] = (),
) -> dict[str, Any]:
    """The form's initial values; no availability rows means every slot, so all are ticked."""
    slot_ids = list(available) or [s.id for day in days for s in day.slots]
    return {
        "languages": list(languages),
        "max_meetings": max_meetings,
        "slots": slot_ids,
        "attendees": [str(pk) for pk in attendees],
    }
