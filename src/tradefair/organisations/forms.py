"""Forms of the organiser's import and export pages in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.expos.models import Expo
from tradefair.organisations.services.imports_parse import COLUMNS, FILE_TYPES, Kind

KIND_CHOICES = [(Kind.EXHIBITORS.value, _("exhibitors")), (Kind.BUYERS.value, _("buyers"))]
FORMAT_CHOICES = [(suffix, suffix.lstrip(".").upper()) for suffix in FILE_TYPES]


class ImportForm(forms.Form):
    expo = forms.ModelChoiceField(queryset=Expo.objects.all(), to_field_name="slug")
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    file = forms.FileField(
        help_text=_("CSV (UTF-8) or XLSX. Exhibitors: %(exhibitors)s. Buyers: %(buyers)s.")
        % {
            "exhibitors": ",".join(COLUMNS[Kind.EXHIBITORS]),
            "buyers": ",".join(COLUMNS[Kind.BUYERS]),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FILE_TYPES)}),
    )


class ExportForm(forms.Form):
    expo = forms.ModelChoiceField(queryset=Expo.objects.all(), to_field_name="slug")
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial=".csv")
