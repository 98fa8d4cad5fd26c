"""Form widgets the directory's filter form renders on every page view."""

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class QuickSelect(forms.Select):
    """A ``<select>`` written in one pass, with the markup Django's ``Select`` writes.

    Django renders every option through its own template: the directory's filters hold about
    400 options (countries, sectors, HS chapters, pavilions), which cost some 15 ms a page
    that way and well under one here. Flat choices only; the filter form has no groups.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = str(value[0] if isinstance(value, list | tuple) and value else value or "")
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) == chosen else "", label)
                for key, label in self.choices
            ),
        )
        final = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)
