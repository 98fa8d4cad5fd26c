"""The console's forms for deals: the file import, a rate, and recording one deal.

Recording reads its values into ``services.recording.DealInput`` and lets the service judge
them, so the form refuses exactly what the API and the import refuse; the service's reasons
are put on the fields they name.
"""

from dataclasses import dataclass
from typing import Any

import pycountry
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tradefair.deals.forms.fields import value_field
from tradefair.deals.forms.reading import CODES_BOX, deal_input
from tradefair.deals.models import Deal, ExchangeRate
from tradefair.deals.services.imports import LIMITS, MAX_BYTES
from tradefair.deals.services.imports_parse import Lookups, parse_parties
from tradefair.deals.services.recording import REFERENCE_LIMIT, TITLE_LIMIT, DealInput
from tradefair.deals.services.rules import MAX_PARTIES
from tradefair.expos.api_inputs import max_length
from tradefair.expos.models import Country, Expo, Sector
from tradefair.organisations.models import Organisation
from tradefair.organisations.services.import_files import FILE_TYPES, too_large
from tradefair.programme.models import Activity

# One party's line at its longest: a role, the name, the country, the separator.
PARTY_BOX = len("project_owner=") + max_length(Organisation, "name") + len(" (VN); ")


class DealsFileForm(forms.Form):
    file = forms.FileField(
        label=_("Deals file"),
        help_text=_("CSV (UTF-8) or XLSX, one deal per row."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FILE_TYPES)}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(too_large(upload.size, LIMITS))
        return upload


class RateForm(forms.Form):
    currency = forms.CharField(label=_("Currency (ISO 4217)"), min_length=3, max_length=3)
    usd = forms.DecimalField(
        label=_("Value of one unit in USD"), max_digits=20, decimal_places=10, min_value=0
    )
    cny = forms.DecimalField(
        label=_("Value of one unit in CNY"), max_digits=20, decimal_places=10, min_value=0
    )
    as_of = forms.DateField(label=_("Rate date"), widget=forms.DateInput(attrs={"type": "date"}))


@dataclass(frozen=True)
class DealChoices:
    """What the form offers in this edition, read once per request."""

    countries: list[tuple[str, str]]
    sectors: list[tuple[str, str]]
    currencies: list[str]
    signings: list[tuple[int, str]]
    expo: Expo  # the parties are looked up among its organisations when the form is sent


def _provinces() -> list[tuple[str, str]]:
    chinese = pycountry.subdivisions.get(country_code="CN") or []
    return [("", "—"), *sorted((s.code, f"{s.code} {s.name}") for s in chinese)]


class DealForm(forms.Form):
    """One deal, as the import's columns say it (parties too: ``Name; role=Name (VN)``)."""

    reference = forms.CharField(label=_("Reference"), max_length=REFERENCE_LIMIT)
    kind = forms.ChoiceField(label=_("Kind"), choices=Deal.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=TITLE_LIMIT)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=TITLE_LIMIT, required=False)
    parties = forms.CharField(
        label=_("Parties"),
        max_length=MAX_PARTIES * PARTY_BOX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "The organisations that signed, separated by ';', named as in the exhibitor or buyer "
            "list; a role may go first: investor=Straits Capital Berhad; Beibu Gulf Port Group"
        ),
    )
    counterpart_country = forms.ChoiceField(label=_("Counterpart country"))
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    hs_codes = forms.CharField(
        label=_("HS codes"),
        required=False,
        max_length=CODES_BOX,
        help_text=_("Trade orders: 0810; 0801"),
    )
    value = value_field()
    currency = forms.ChoiceField(label=_("Currency"))
    stage = forms.ChoiceField(label=_("Stage"), choices=Deal.Stage.choices)
    signed_on = forms.DateField(
        label=_("Signed on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    province = forms.ChoiceField(label=_("Chinese province or region"), required=False)
    activity = forms.TypedChoiceField(
        label=_("Signed at"), required=False, coerce=int, empty_value=None
    )
    online = forms.BooleanField(label=_("Signed online"), required=False)
    public = forms.BooleanField(
        label=_("List it by name"),
        required=False,
        initial=True,
        help_text=_("Untick for a figures-only deal: counted in every total, never named."),
    )

    def __init__(self, data: QueryDict | None, *, choices: DealChoices) -> None:
        super().__init__(data)
        self.choices = choices
        for name, options in (
            ("counterpart_country", choices.countries),
            ("sector", [("", "—"), *choices.sectors]),
            ("currency", [(code, code) for code in choices.currencies]),
            ("province", _provinces()),
            ("activity", [("", "—"), *choices.signings]),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "parties" in data and "kind" in data:
            lookups = Lookups(self.choices.expo, set())  # every organisation: only on a POST
            lines, reasons = parse_parties(data["parties"], data["kind"], lookups)
            for reason in reasons:
                self.add_error("parties", reason)
            data["party_lines"] = lines or ()
        return data

    def deal_input(self) -> DealInput:
        data = self.cleaned_data
        return deal_input(
            data,
            reference=data["reference"],
            parties=data["party_lines"],
            online=data["online"],
            province=data["province"],
            activity=data["activity"],
        )


def choices_for(expo: Expo) -> DealChoices:
    """The form's options in this edition: countries, sectors, rated currencies, ceremonies."""
    return DealChoices(
        countries=[(c.code, c.display_name()) for c in Country.objects.order_by("name")],
        sectors=[(s.slug, s.display_name) for s in Sector.objects.order_by("name")],
        currencies=list(
            ExchangeRate.objects.filter(expo=expo)
            .order_by("currency")
            .values_list("currency", flat=True)
        ),
        signings=[
            (a.pk, a.display_title)
            for a in Activity.objects.filter(expo=expo, kind=Activity.Kind.SIGNING).order_by(
                "start"
            )
        ],
        expo=expo,
    )
