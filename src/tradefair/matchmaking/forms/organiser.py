"""Forms of the organiser console: they parse and check what was typed; services decide.

Each error names the field and the fix, and a refused form is shown again with what was typed.
"""

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.expos.counts import count_field
from tradefair.expos.formatting import clock_time, day, moment
from tradefair.expos.languages import language_name, parse_codes
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Hall
from tradefair.matchmaking.models import Meeting, NegotiationSession, ScheduleRun, Slot
from tradefair.matchmaking.queries.console import MeetingFilters, meeting_days, slots_to_move_to
from tradefair.organisations.models import Participation


class HallChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} · {obj.display_name}"


class SessionForm(forms.Form):
    name = forms.CharField(label=_("Name (English)"), max_length=150)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=150, required=False)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    slot_minutes = forms.IntegerField(
        label=_("Slot length (minutes)"), min_value=5, max_value=240, initial=20
    )
    tables = count_field(label=_("Tables per slot"), min_value=1, max_value=10_000)
    hall = HallChoice(
        label=_("Hall"), queryset=Hall.objects.none(), required=False, empty_label=_("(none)")
    )

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expo = expo
        self.fields["hall"].queryset = Hall.objects.filter(expo=expo).order_by("code")  # type: ignore[attr-defined]
        self.fields["date"].help_text = _("Between %(start)s and %(end)s.") % {
            "start": day(expo.start_date),
            "end": day(expo.end_date),
        }

    def clean_date(self) -> Any:
        date = self.cleaned_data["date"]
        if not self.expo.start_date <= date <= self.expo.end_date:
            raise forms.ValidationError(
                _("Choose a day of the expo, between %(start)s and %(end)s."),
                params={
                    "start": day(self.expo.start_date),
                    "end": day(self.expo.end_date),
                },
            )
        return date

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data


class InterpreterForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=200,
        help_text=_("ISO 639-1 codes separated by commas, e.g. zh, en, vi."),
    )
    available_slots = forms.ModelMultipleChoiceField(
        label=_("Available in"),
        queryset=Slot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick nothing when the interpreter is free in every slot."),
    )

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["available_slots"]
        field.queryset = slots_to_move_to(expo).select_related("expo")  # type: ignore[attr-defined]
        field.label_from_instance = slot_label  # type: ignore[attr-defined]

    def clean_languages(self) -> list[str]:
        codes, unknown = parse_codes(self.cleaned_data["languages"])
        if unknown:
            raise forms.ValidationError(
                _("Not ISO 639-1 language codes: %(codes)s. Use two letters, e.g. zh, en, vi."),
                params={"codes": ", ".join(unknown)},
            )
        if len(codes) < 2:
            raise forms.ValidationError(_("An interpreter speaks at least two languages."))
        return codes

    @staticmethod
    def described(codes: list[str]) -> str:
        return ", ".join(f"{language_name(code)} ({code})" for code in codes)


class PartyChoice(forms.IntegerField):
    """A participation id of the edition in one role, as picked from the search results."""

    def __init__(self, *, role: str, **kwargs: Any) -> None:
        self.role = role
        self.expo: Expo | None = None
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Participation:
        pk = super().clean(value)
        found = (
            Participation.objects.filter(pk=pk, expo=self.expo, role=self.role)
            .select_related("organisation", "expo")
            .first()
        )
        if found is None:
            raise forms.ValidationError(
                _("No %(role)s of this expo has the id %(id)s; search by name and pick one."),
                params={"role": Participation.Role(self.role).label, "id": pk},
            )
        return found


class MustMeetForm(forms.Form):
    buyer = PartyChoice(
        role=Participation.Role.BUYER,
        label=_("Buyer"),
        error_messages={"required": _("Choose a buyer: search by name and pick one.")},
    )
    exhibitor = PartyChoice(
        role=Participation.Role.EXHIBITOR,
        label=_("Exhibitor"),
        error_messages={"required": _("Choose an exhibitor: search by name and pick one.")},
    )

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("buyer", "exhibitor"):
            self.fields[name].expo = expo  # type: ignore[attr-defined]


class ScheduleRunForm(forms.Form):
    time_limit = forms.FloatField(
        label=_("Time limit (seconds)"),
        min_value=1,
        max_value=600,
        initial=int(ScheduleRun.DEFAULT_TIME_LIMIT),
        help_text=_("Published meetings stay where they are."),
    )


class SlotChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return slot_label(obj)


def slot_label(slot: Slot) -> str:
    """The slot's day, start and end in the expo's time zone and the reader's format."""
    zone = slot.expo.time_zone
    return f"{moment(slot.start, zone)}–{clock_time(slot.end, zone)} · {slot.session.name}"


class MoveForm(forms.Form):
    slot = SlotChoice(label=_("Slot"), queryset=Slot.objects.none())
    table_number = forms.IntegerField(
        label=_("Table"),
        min_value=1,
        required=False,
        help_text=_("Leave empty for the lowest free table."),
    )

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots_to_move_to(expo).select_related("expo")  # type: ignore[attr-defined]


class MeetingFilterForm(forms.Form):
    """The filters of the meetings list, read from the query string."""

    day = forms.TypedChoiceField(label=_("Day"), required=False)
    session = forms.TypedChoiceField(label=_("Session"), required=False, coerce=int)
    status = forms.ChoiceField(label=_("Status"), required=False)
    published = forms.ChoiceField(
        label=_("Published"),
        required=False,
        choices=[("", _("all")), ("yes", _("published")), ("no", _("not yet published"))],
    )
    q = forms.CharField(label=_("Organisation name"), required=False, max_length=100)

    def __init__(self, *args: Any, expo: Expo, sessions: list[NegotiationSession], **kwargs: Any):
        super().__init__(*args, **kwargs)
        days = meeting_days(expo)
        day_field = self.fields["day"]
        day_field.choices = [("", _("all days"))] + [  # type: ignore[attr-defined]
            (d.isoformat(), day(d)) for d in days
        ]
        self.fields["session"].choices = [("", _("all sessions"))] + [  # type: ignore[attr-defined]
            (s.pk, f"{day(s.date)} · {s.name}") for s in sessions
        ]
        self.fields["status"].choices = [("", _("all")), *Meeting.Status.choices]  # type: ignore[attr-defined]

    def filters(self) -> MeetingFilters:
        """The valid filters; an invalid one (a stale link) is ignored rather than refused."""
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = self.cleaned_data
        day = data.get("day") or ""
        published = {"yes": True, "no": False}.get(data.get("published") or "")
        return MeetingFilters(
            day=dt.date.fromisoformat(day) if day else None,
            session=data.get("session") or None,
            status=data.get("status") or "",
            published=published,
            text=(data.get("q") or "").strip(),
        )
