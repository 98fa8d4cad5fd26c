"""Forms of the organiser's import and export pages in the admin."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tradefair.expos.formatting import fixed, number
from tradefair.expos.models import Expo
from tradefair.organisations.services.import_files import FILE_TYPES
from tradefair.organisations.services.imports_parse import COLUMNS, OPTIONAL_COLUMNS, Kind

KIND_CHOICES = [(Kind.EXHIBITORS.value, _("exhibitors")), (Kind.BUYERS.value, _("buyers"))]
# A CSV of 10,000 buyers is about 3 MB; anything far larger is a mistake, not an expo.
MAX_IMPORT_BYTES = 20 * 2**20
FORMAT_CHOICES = [(suffix, suffix.lstrip(".").upper()) for suffix in FILE_TYPES]


class ImportForm(forms.Form):
    expo = forms.ModelChoiceField(
        label=_("Expo"), queryset=Expo.objects.all(), to_field_name="slug"
    )
    kind = forms.ChoiceField(label=_("Who the file lists"), choices=KIND_CHOICES)
    file = forms.FileField(
        label=_("File"),
        # format_lazy keeps the help text lazy, so it is translated per request.
        help_text=format_lazy(
            _(
                "CSV (UTF-8) or XLSX. Exhibitors: {exhibitors}. Buyers: {buyers}. Either may "
                "add {optional}."
            ),
            exhibitors=",".join(COLUMNS[Kind.EXHIBITORS]),
            buyers=",".join(COLUMNS[Kind.BUYERS]),
            optional=",".join(OPTIONAL_COLUMNS),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FILE_TYPES)}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; imports are limited to %(limit)s MB."),
                params={
                    "size": fixed(upload.size / 2**20, 1),
                    "limit": number(MAX_IMPORT_BYTES // 2**20),
                },
            )
        return upload


class ExportForm(forms.Form):
    expo = forms.ModelChoiceField(
        label=_("Expo"), queryset=Expo.objects.all(), to_field_name="slug"
    )
    kind = forms.ChoiceField(label=_("Who the file lists"), choices=KIND_CHOICES)
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial=".csv")
