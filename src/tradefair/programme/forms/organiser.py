"""Forms of the programme console: they parse what was typed; ``services.activities`` decides.

Times are typed and shown on the edition's clock, whatever the server's time zone: a form
made for an edition reads "2025-09-18 10:00" as 10:00 in Nanning. Organisations are named
(English or Chinese name, one a line) and people by their e-mail address, so the pages stay
light at the fair's size (thousands of organisations) and every unknown name is reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tradefair.accounts.models import User
from tradefair.expos.counts import count_field
from tradefair.expos.formatting import day, number
from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall
from tradefair.organisations.models import Organisation, Participation
from tradefair.programme.models import Activity, Room, Speaker
from tradefair.programme.services.activities import edition_window

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class EditionDateTimeField(forms.DateTimeField):
    """A date and time read and shown on ``zone``'s clock, not the server's."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.zone = "UTC"
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> dt.datetime | None:
        with timezone.override(self.zone):
            return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        with timezone.override(self.zone):
            return super().prepare_value(value)


class HallChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} · {obj.display_name}"


class RoomChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return ngettext("%(room)s (%(seats)s seat)", "%(room)s (%(seats)s seats)", obj.capacity) % {
            "room": obj.display_name,
            "seats": number(obj.capacity),
        }


def _lines(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            seen.setdefault(line, None)
    return list(seen)


def find_organisations(expo: Expo, names: list[str]) -> tuple[list[Organisation], list[str]]:
    """The organisations called ``names`` (English name ignoring case, or Chinese name).

    Where several share a name, the one taking part in ``expo`` wins. Returns the found ones
    and the names that found none or more than one.
    """
    if not names:
        return [], []
    match = Q()
    for name in names:
        match |= Q(name__iexact=name) | Q(name_zh=name)
    candidates = list(
        Organisation.objects.filter(match)
        .annotate(
            taking_part=Exists(Participation.objects.filter(expo=expo, organisation=OuterRef("pk")))
        )
        .order_by("pk")
    )
    found: list[Organisation] = []
    unknown: list[str] = []
    for name in names:
        same = [o for o in candidates if o.name.casefold() == name.casefold() or o.name_zh == name]
        if len(same) > 1:
            same = [o for o in same if o.taking_part]
        if len(same) == 1:
            if same[0] not in found:
                found.append(same[0])
        else:
            unknown.append(name)
    return found, unknown


class OrganisationsField(forms.CharField):
    """Organisation names, one a line, turned into organisations by the form."""

    widget = forms.Textarea(attrs={"rows": 3, "class": "list"})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("One a line, the English or Chinese name as registered here."),
        )
        super().__init__(**kwargs)


def organisation_names(organisations: Any) -> str:
    return "\n".join(o.name for o in organisations)


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Title (English)"), max_length=250)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=250, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Activity.Kind.choices)
    audience = forms.ChoiceField(label=_("Audience"), choices=Activity.Audience.choices)
    start = EditionDateTimeField(label=_("Starts at"))
    end = EditionDateTimeField(label=_("Ends at"))
    room = RoomChoice(
        label=_("Room"), queryset=Room.objects.none(), required=False, empty_label=_("(no room)")
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        min_value=1,
        help_text=_("Places for registrants; leave empty to use the room's capacity."),
        error_messages={
            "min_value": _(
                "Capacity must be at least 1; leave it empty to use the room's capacity."
            )
        },
    )
    description = forms.CharField(
        label=_("Description (English)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "wide"}),
    )
    description_zh = forms.CharField(
        label=_("Description (Chinese)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "wide"}),
    )
    hosts = OrganisationsField(label=_("Host organisations"))
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    invited_organisations = OrganisationsField(
        label=_("Invited organisations"),
        help_text=_(
            "By invitation only: every member of these organisations may register. One a line."
        ),
    )
    invited_people = forms.CharField(
        label=_("Invited people"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "list"}),
        help_text=_("By invitation only: their e-mail addresses, one a line."),
    )

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expo = expo
        for name in ("start", "end"):
            field = self.fields[name]
            assert isinstance(field, EditionDateTimeField)
            field.zone = expo.time_zone
        self.fields["start"].help_text = _(
            "Between %(first)s and %(last)s, on the expo's clock."
        ) % {
            "first": day(expo.start_date),
            "last": day(expo.end_date),
        }
        rooms = Room.objects.filter(expo=expo).order_by("name")
        self.fields["room"].queryset = rooms  # type: ignore[attr-defined]

    @classmethod
    def initial_for(cls, activity: Activity) -> dict[str, Any]:
        return {
            "title": activity.title,
            "title_zh": activity.title_zh,
            "kind": activity.kind,
            "audience": activity.audience,
            "start": activity.start,
            "end": activity.end,
            "room": activity.room_id,
            "capacity": activity.capacity,
            "description": activity.description,
            "description_zh": activity.description_zh,
            "hosts": organisation_names(activity.hosts.order_by("name")),
            "sectors": list(activity.sectors.values_list("pk", flat=True)),
            "invited_organisations": organisation_names(
                activity.invited_organisations.order_by("name")
            ),
            "invited_people": "\n".join(
                activity.invited_people.order_by("email").values_list("email", flat=True)
            ),
        }

    def _organisations(self, name: str) -> list[Organisation]:
        found, unknown = find_organisations(self.expo, _lines(self.cleaned_data[name]))
        if unknown:
            raise forms.ValidationError(
                _(
                    "No single organisation is registered under %(names)s; check the spelling "
                    "or register the organisation first."
                ),
                params={"names": ", ".join(f"“{n}”" for n in unknown)},
            )
        return found

    def clean_hosts(self) -> list[Organisation]:
        return self._organisations("hosts")

    def clean_invited_organisations(self) -> list[Organisation]:
        return self._organisations("invited_organisations")

    def clean_invited_people(self) -> list[User]:
        emails = [e.lower() for e in _lines(self.cleaned_data["invited_people"])]
        people = list(User.objects.filter(email__in=emails).order_by("email"))
        known = {u.email.lower() for u in people}
        unknown = [e for e in emails if e not in known]
        if unknown:
            raise forms.ValidationError(
                _("No account uses %(emails)s; invite them once they have signed up."),
                params={"emails": ", ".join(unknown)},
            )
        return people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The activity must end after it starts."))
        first, after = edition_window(self.expo)
        message = _("Choose a time between %(first)s and %(last)s, the expo's days.") % {
            "first": day(self.expo.start_date),
            "last": day(self.expo.end_date),
        }
        if start and not first <= start < after:
            self.add_error("start", message)
        if end and not first < end <= after:
            self.add_error("end", message)
        return data


class PublishForm(forms.Form):
    confirmed = forms.BooleanField(
        label=_("Publish despite the conflicts listed above"), required=False
    )


class RoomForm(forms.Form):
    name = forms.CharField(label=_("Name (English)"), max_length=150)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=150, required=False)
    capacity = count_field(
        label=_("Capacity"),
        min_value=1,
        max_value=100_000,
        help_text=_("Seats in the room."),
        error_messages={"min_value": _("A room holds at least 1 person.")},
    )
    hall = HallChoice(
        label=_("Hall"), queryset=Hall.objects.none(), required=False, empty_label=_("(none)")
    )

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hall"].queryset = Hall.objects.filter(expo=expo).order_by("code")  # type: ignore[attr-defined]

    @classmethod
    def initial_for(cls, room: Room) -> dict[str, Any]:
        return {
            "name": room.name,
            "name_zh": room.name_zh,
            "capacity": room.capacity,
            "hall": room.hall_id,
        }


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name (English)"), max_length=150)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=150, required=False)
    position = forms.CharField(
        label=_("Position"), max_length=200, required=False, help_text=_("e.g. Minister of Trade")
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "Its name as registered here links the organisation; any other name is shown as typed."
        ),
    )
    email = forms.EmailField(
        label=_("Account e-mail address"),
        required=False,
        help_text=_("Optional: puts the activity on this person's timeline."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Speaker.Role.choices)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=0)

    def __init__(self, *args: Any, expo: Expo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expo = expo

    @classmethod
    def initial_for(cls, speaker: Speaker) -> dict[str, Any]:
        organisation = speaker.organisation.name if speaker.organisation else ""
        return {
            "name": speaker.name,
            "name_zh": speaker.name_zh,
            "position": speaker.position,
            "organisation": organisation or speaker.organisation_name,
            "email": speaker.user.email if speaker.user else "",
            "role": speaker.role,
            "order": speaker.order,
        }

    def clean_email(self) -> User | None:
        email = self.cleaned_data["email"].strip()
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(
                _(
                    "No account uses %(email)s; leave the field empty or ask the person to "
                    "sign up first."
                ),
                params={"email": email},
            )
        return user

    def service_values(self) -> dict[str, Any]:
        """The cleaned values as ``add_speaker``/``update_speaker`` take them."""
        data = dict(self.cleaned_data)
        typed = " ".join(data.pop("organisation").split())
        found, _unknown = find_organisations(self.expo, [typed] if typed else [])
        data["organisation"] = found[0] if found else None
        data["organisation_name"] = "" if found else typed
        data["user"] = data.pop("email")
        return data
