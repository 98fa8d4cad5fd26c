"""The directory's filter form: a plain GET form that htmx also submits on every change."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tradefair.organisations.queries.directory import DirectoryFilters, FilterChoices

ANY = ("", _("Any"))
# The longest search the directory reads, on the page and in the API alike.
SEARCH_MAX_LENGTH = 200


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("e.g. shrimp, 0306, 榴莲"),
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


def parse_filters(query: QueryDict) -> DirectoryFilters:
    """Read the filters without touching the database.

    The htmx requests that refresh the results then cost no query for the form's options; an
    option that does not exist simply matches no exhibitor.
    """

    def value(name: str, limit: int = 64) -> str:
        # Control characters (NUL above all) can't occur in stored text and PostgreSQL refuses
        # them in a query, so they are dropped like surrounding spaces.
        raw = query.get(name, "")
        return "".join(c for c in raw if c.isprintable() or c == " ").strip()[:limit]

    return DirectoryFilters(
        q=value("q", SEARCH_MAX_LENGTH),
        country=value("country").upper(),
        group=value("group"),
        pavilion=value("pavilion"),
        sector=value("sector"),
        hs=value("hs"),
    )
