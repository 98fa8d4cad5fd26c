"""Form widgets for selects with hundreds of options, rendered on every page view."""

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class QuickSelect(forms.Select):
    """A ``<select>`` written in one pass, with the markup Django's ``Select`` writes.

    Django renders every option through its own template: the directory's filters hold about
    400 options (countries, sectors, HS chapters, pavilions), which cost some 15 ms a page
    that way and well under one here. Flat choices only; none of our selects has groups.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = set(self.format_value(value))
        if not self.allow_multiple_selected:  # Django marks only the first value given
            chosen = set(self.format_value(value)[:1])
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        final = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final["multiple"] = True
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)


class QuickSelectMultiple(QuickSelect, forms.SelectMultiple):
    """The same for a multiple choice: a product's ~250 markets (8-15 ms a page in Django's)."""
