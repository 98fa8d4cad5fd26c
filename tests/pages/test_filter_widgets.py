"""The quick selects write what Django's own Select and SelectMultiple write."""

import pytest
from django import forms
from django.test.html import parse_html

from tradefair.organisations.widgets import QuickSelect, QuickSelectMultiple

CHOICES = [("", "Any"), ("VN", "Vietnam"), ("CI", "Côte d’Ivoire"), ("X&Y", "<b>bold</b> & co")]


@pytest.mark.parametrize("value", [None, "", "VN", "X&Y", ["CI"], "nothing like it"])
@pytest.mark.parametrize("attrs", [None, {"id": "id_country", "aria-invalid": "true"}])
def test_the_markup_is_djangos(value: object, attrs: dict[str, str] | None) -> None:
    quick = QuickSelect(choices=CHOICES).render("country", value, attrs)
    plain = forms.Select(choices=CHOICES).render("country", value, attrs)
    assert parse_html(quick) == parse_html(plain)
    assert "<b>" not in quick  # labels are escaped


def test_the_bound_field_renders_it_with_its_id_and_the_choice_made() -> None:
    class Form(forms.Form):
        country = forms.ChoiceField(widget=QuickSelect, choices=CHOICES, required=False)

    html = str(Form({"country": "CI"})["country"])
    assert html.startswith('<select name="country" id="id_country">')
    assert '<option value="CI" selected>Côte d’Ivoire</option>' in html


@pytest.mark.parametrize("value", [None, [], ["VN"], ["VN", "X&Y"], ["nothing like it"]])
def test_the_multiple_markup_is_djangos(value: object) -> None:
    attrs = {"id": "id_markets", "size": 8}
    quick = QuickSelectMultiple(choices=CHOICES[1:]).render("markets", value, attrs)
    plain = forms.SelectMultiple(choices=CHOICES[1:]).render("markets", value, attrs)
    assert parse_html(quick) == parse_html(plain)
    assert " multiple" in quick
