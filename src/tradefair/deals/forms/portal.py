"""A party's report of a deal from a held meeting: the deal without its parties (the meeting's
two sides) or the organisers' fields; the service judges the values as everywhere else."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tradefair.deals.forms.fields import value_field
from tradefair.deals.forms.reading import CODES_BOX, deal_input
from tradefair.deals.models import Deal
from tradefair.deals.services.recording import TITLE_LIMIT, DealInput
from tradefair.expos.models import Country, Sector


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Deal.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=TITLE_LIMIT)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=TITLE_LIMIT, required=False)
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
    public = forms.BooleanField(
        label=_("List it by name"),
        required=False,
        initial=True,
        help_text=_("Untick for a figures-only deal: counted in every total, never named."),
    )

    def __init__(self, data: QueryDict | None, *, currencies: list[str], **initial: Any) -> None:
        super().__init__(data, initial=initial)
        options = {
            "counterpart_country": [
                (c.code, c.display_name()) for c in Country.objects.order_by("name")
            ],
            "sector": [("", "—")] + [(s.slug, s.display_name) for s in Sector.objects.all()],
            "currency": [(code, code) for code in currencies],
        }
        for name, choices in options.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices

    def deal_input(self) -> DealInput:
        return deal_input(self.cleaned_data)
