"""The directory's filter form: a plain GET form that htmx also submits on every change."""

from django import forms
from django.http import QueryDict
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tradefair.organisations.queries.directory import DirectoryFilters, FilterChoices
from tradefair.organisations.queries.relevance import NAME, RELEVANCE, SORTS
from tradefair.organisations.widgets import QuickSelect

ANY = ("", _("Any"))
# The longest search the directory reads, on the page and in the API alike.
SEARCH_MAX_LENGTH = 200
SORT_CHOICES = [(RELEVANCE, _("Best match")), (NAME, _("Name, A to Z"))]


def sort_refusal() -> str:
    """The API's words for a sort it does not offer (``tradefair.api.validation``), so the
    page and the API refuse it alike."""
    return gettext("“%(field)s” must be one of: %(choices)s.") % {
        "field": "sort",
        "choices": ", ".join(SORTS),
    }


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
    country = forms.ChoiceField(widget=QuickSelect, label=_("Country"), required=False)
    group = forms.ChoiceField(widget=QuickSelect, label=_("Country group"), required=False)
    pavilion = forms.ChoiceField(widget=QuickSelect, label=_("Pavilion"), required=False)
    sector = forms.ChoiceField(widget=QuickSelect, label=_("Sector"), required=False)
    hs = forms.ChoiceField(widget=QuickSelect, label=_("HS chapter"), required=False)
    sort = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Sort by"),
        required=False,
        choices=SORT_CHOICES,
        error_messages={"invalid_choice": lazy(sort_refusal, str)()},
    )

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
    option that does not exist simply matches no exhibitor. A sort the form does not offer is
    refused with the form's message, shown above the results in the default order.
    """

    def value(name: str, limit: int = 64) -> str:
        # Control characters (NUL above all) can't occur in stored text and PostgreSQL refuses
        # them in a query, so they are dropped like surrounding spaces.
        raw = query.get(name, "")
        return "".join(c for c in raw if c.isprintable() or c == " ").strip()[:limit]

    sort = value("sort")
    refused = sort not in ("", *SORTS)
    return DirectoryFilters(
        q=value("q", SEARCH_MAX_LENGTH),
        country=value("country").upper(),
        group=value("group"),
        pavilion=value("pavilion"),
        sector=value("sector"),
        hs=value("hs"),
        sort="" if refused else sort,
        errors=(sort_refusal(),) if refused else (),
    )
