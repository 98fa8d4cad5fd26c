"""The directory's filter form: a plain GET form that htmx also submits on every change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.organisations.queries.directory import DirectoryFilters, FilterChoices

ANY = ("", _("Any"))


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Company, product, HS code…"),
                "autocomplete": "off",
            }
        ),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    group = forms.ChoiceField(label=_("Country group"), required=False)
    pavilion = forms.ChoiceField(label=_("Pavilion"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    hs = forms.ChoiceField(label=_("HS chapter"), required=False)

    def __init__(self, data: object, *, choices: FilterChoices) -> None:
        super().__init__(data, label_suffix="")  # type: ignore[arg-type]
        for name, options in (
            ("country", choices.countries),
            ("group", choices.groups),
            ("pavilion", choices.pavilions),
            ("sector", choices.sectors),
            ("hs", choices.hs_chapters),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [ANY, *options]

    def filters(self) -> DirectoryFilters:
        """The valid part of the query: an unknown option is dropped, not an error page."""
        self.is_valid()
        clean = {name: value for name, value in self.cleaned_data.items() if value}
        return DirectoryFilters(**{k: str(v).strip() for k, v in clean.items()})
