"""The application form (with its people) and the reviewers' forms. They check formats; the
services check meaning, and the views put each refusal on the field it names."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tradefair.catalogue.forms import country_choices, sector_choices, split_list
from tradefair.expos import formatting
from tradefair.expos.counts import count_field
from tradefair.expos.models import Expo
from tradefair.matchmaking.forms.profile import language_choices
from tradefair.organisations.models import Organisation, Participation
from tradefair.organisations.widgets import QuickSelectMultiple
from tradefair.registration.models import Application
from tradefair.registration.services.links import MAX_QUOTA
from tradefair.registration.services.review import MESSAGE_LENGTH, Decision
from tradefair.registration.services.rules import (
    MAX_PEOPLE,
    NAME_LENGTH,
    PERSON_NAME_LENGTH,
    TEXT_LENGTH,
    ApplicationInput,
    PersonInput,
    expo_days,
)


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("Organisation name in English"), max_length=NAME_LENGTH)
    name_zh = forms.CharField(
        label=_("Organisation name in Chinese"), max_length=NAME_LENGTH, required=False
    )
    country = forms.ChoiceField(label=_("Country"))
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"), choices=Organisation.Kind.choices
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(
        label=_("Contact e-mail"), help_text=_("We write to this address about the application.")
    )
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    description = forms.CharField(
        label=_("About the organisation"),
        max_length=TEXT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    buys = forms.CharField(
        label=_("What you buy"),
        max_length=200,
        required=False,
        help_text=_("e.g. solar modules, durian, textile machinery"),
    )
    buys_detail = forms.CharField(
        label=_("Details of what you buy"),
        max_length=TEXT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hs_codes = forms.CharField(
        label=_("HS codes"),
        max_length=400,
        required=False,
        help_text=_("2-, 4- or 6-digit codes of the Harmonized System, e.g. 8541 0810."),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    markets = forms.MultipleChoiceField(
        label=_("Countries you buy from"),
        required=False,
        widget=QuickSelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), required=False, widget=forms.CheckboxSelectMultiple
    )
    days = forms.MultipleChoiceField(
        label=_("Days you attend"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, expo: Expo, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expo, self.kind = expo, kind
        self.fields["country"].choices = [("", "—"), *country_choices()]  # type: ignore[attr-defined]
        self.fields["sectors"].choices = sector_choices()  # type: ignore[attr-defined]
        self.fields["markets"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["languages"].choices = language_choices([])  # type: ignore[attr-defined]
        self.fields["days"].choices = [  # type: ignore[attr-defined]
            (d.isoformat(), formatting.day(d)) for d in expo_days(expo)
        ]
        if kind == Application.Kind.DELEGATE:
            for name in ("buys", "buys_detail", "hs_codes", "markets"):
                del self.fields[name]
            self.fields["sectors"].label = _("Sectors of interest")
        else:
            self.fields["buys"].required = True

    def values(self, people: list[PersonInput]) -> ApplicationInput:
        data = self.cleaned_data
        return ApplicationInput(
            kind=self.kind,
            name=data["name"],
            name_zh=data["name_zh"],
            country=data["country"],
            organisation_kind=data["organisation_kind"],
            website=data["website"],
            email=data["email"],
            phone=data["phone"],
            description=data["description"],
            buys=data.get("buys", ""),
            buys_detail=data.get("buys_detail", ""),
            hs_codes=split_list(data.get("hs_codes", "")),
            sectors=list(data["sectors"]),
            markets=list(data.get("markets", [])),
            languages=list(data["languages"]),
            days=[dt.date.fromisoformat(d) for d in data["days"]],
            language=_reader_language(),
            people=people,
        )


def _reader_language() -> str:
    """The page's language is the one the applicant hears in."""
    current = get_language() or settings.LANGUAGE_CODE
    known = [code for code, _name in settings.LANGUAGES]
    return current if current in known else settings.LANGUAGE_CODE


class PersonForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=PERSON_NAME_LENGTH,
        help_text=_("In the person's own script, e.g. 阮文安 or Nguyễn Văn An."),
    )
    name_latin = forms.CharField(
        label=_("Name in Latin letters"),
        max_length=PERSON_NAME_LENGTH,
        help_text=_("As on the passport."),
    )
    email = forms.EmailField(label=_("E-mail"))
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    share_contact = forms.BooleanField(
        label=_("Share my contact details with exhibitors who scan my badge"), required=False
    )

    def values(self) -> PersonInput:
        return PersonInput(**self.cleaned_data)


if TYPE_CHECKING:
    People = forms.BaseFormSet[PersonForm]
else:
    People = forms.BaseFormSet
PeopleFormSet = forms.formset_factory(
    PersonForm,
    extra=0,
    min_num=1,
    max_num=MAX_PEOPLE,
    validate_min=True,
    validate_max=True,
)


def people_initial(application: Application | None) -> list[dict[str, Any]]:
    if application is None:
        return []
    return [
        {
            "name": p.name,
            "name_latin": p.name_latin,
            "email": p.email,
            "job_title": p.job_title,
            "share_contact": p.share_contact,
        }
        for p in application.people.all()
    ]


def application_initial(application: Application) -> dict[str, Any]:
    return {
        "name": application.name,
        "name_zh": application.name_zh,
        "country": application.country_id,
        "organisation_kind": application.organisation_kind,
        "website": application.website,
        "email": application.email,
        "phone": application.phone,
        "description": application.description,
        "buys": application.buys,
        "buys_detail": application.buys_detail,
        "hs_codes": " ".join(application.hs_codes.values_list("code", flat=True)),
        "sectors": list(application.sectors.values_list("slug", flat=True)),
        "markets": list(application.markets.values_list("code", flat=True)),
        "languages": application.languages,
        "days": application.days,
    }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Decision.APPROVE, _("Approve")),
            (Decision.REJECT, _("Reject")),
            (Decision.ASK, _("Ask for more information")),
        ],
    )
    message = forms.CharField(
        label=_("Reason or question for the applicant"),
        max_length=MESSAGE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to reject or to ask; the applicant reads it in the e-mail."),
    )
    organisation = forms.TypedChoiceField(
        label=_("On approval"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            ("", _("create a new organisation")),
            *[(pk, _("attach to %(name)s") % {"name": name}) for pk, name in candidates],
        ]


class BulkForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(
        label=_("Applications"), coerce=int, choices=[], required=True
    )
    decision = DecisionForm.base_fields["decision"]
    message = DecisionForm.base_fields["message"]

    def __init__(self, *args: Any, ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(pk, str(pk)) for pk in ids]  # type: ignore[attr-defined]
        self.fields["ids"].error_messages["required"] = _("Choose at least one application.")


class LinkForm(forms.Form):
    """A partner's new delegation with its invitation link."""

    partner = forms.TypedChoiceField(label=_("Partner"), coerce=int)
    name = forms.CharField(label=_("Delegation name in English"), max_length=200)
    name_zh = forms.CharField(label=_("Delegation name in Chinese"), max_length=200, required=False)
    quota = count_field(label=_("Quota"), min_value=1, max_value=MAX_QUOTA)

    def __init__(self, *args: Any, partners: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = partners  # type: ignore[attr-defined]


class ChangeLinkForm(forms.Form):
    link = forms.IntegerField(widget=forms.HiddenInput)
    quota = count_field(label=_("Quota"), min_value=1, max_value=MAX_QUOTA)
    is_open = forms.BooleanField(label=_("Open for applications"), required=False)


class ScanForm(forms.Form):
    """Where the staff stand and the code the scanner typed."""

    kind = forms.ChoiceField(
        label=_("Place"),
        choices=[
            ("entrance", _("Entrance")),
            ("activity", _("An activity")),
            ("table", _("A negotiation table")),
        ],
        widget=forms.RadioSelect,
        initial="entrance",
    )
    activity = forms.TypedChoiceField(label=_("Activity"), coerce=int, required=False)
    session = forms.TypedChoiceField(label=_("Negotiation session"), coerce=int, required=False)
    table = forms.IntegerField(label=_("Table"), min_value=1, required=False)
    code = forms.CharField(
        label=_("Badge code"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-scan-code": ""}),
        help_text=_("Scan the badge: the scanner types the code and sends it."),
    )

    def __init__(
        self,
        *args: Any,
        activities: list[tuple[int, str]],
        sessions: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [("", "—"), *activities]  # type: ignore[attr-defined]
        self.fields["session"].choices = [("", "—"), *sessions]  # type: ignore[attr-defined]

    def place_code(self) -> str:
        data = self.cleaned_data
        if data["kind"] == "activity":
            return f"activity:{data['activity'] or ''}"
        if data["kind"] == "table":
            return f"table:{data['session'] or ''}:{data['table'] or ''}"
        return "entrance"


class LeadScanForm(forms.Form):
    code = ScanForm.base_fields["code"]


class LeadForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *[(n, "★" * n) for n in range(1, 6)]],
    )


class BatchForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), required=False)
    delegation = forms.TypedChoiceField(label=_("Delegation"), coerce=int, required=False)
    only_new = forms.BooleanField(
        label=_("Only badges not printed before (or replaced since)"), required=False, initial=True
    )

    def __init__(self, *args: Any, delegations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [  # type: ignore[attr-defined]
            ("", _("every role")),
            *Participation.Role.choices,
        ]
        self.fields["delegation"].choices = [("", _("every delegation")), *delegations]  # type: ignore[attr-defined]
