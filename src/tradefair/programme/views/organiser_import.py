"""The console's programme import: upload a file, see every bad cell or what was imported.

The import runs in the request: a programme is hundreds of rows, and the service refuses files
over its row and size limits, so the page never waits long (the exhibitor import, with tens of
thousands of rows, goes to the worker instead).
"""

from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from tradefair.accounts.gates import organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.organisations.services.import_files import FILE_TYPES, too_large
from tradefair.programme.services.imports import LIMITS, MAX_BYTES, MAX_ROWS, import_programme
from tradefair.programme.services.imports_parse import COLUMNS, REQUIRED
from tradefair.programme.services.imports_sample import sample_file

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ProgrammeFileForm(forms.Form):
    file = forms.FileField(
        label=_("Programme file"),
        help_text=_("CSV (UTF-8) or XLSX, one activity per row."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FILE_TYPES)}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        # Refused before it is read: the limit is what keeps this import in the request.
        if upload.size is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(too_large(upload.size, LIMITS))
        return upload


def _context(request: HttpRequest, expo: Expo, **extra: object) -> dict[str, object]:
    return {
        "expo": expo,
        "columns": COLUMNS,
        "required": REQUIRED,
        "max_rows": MAX_ROWS,
        "max_megabytes": MAX_BYTES // 2**20,
        "language_links": language_links(request),
        **extra,
    }


@require_http_methods(["GET", "POST"])
@organiser_page
def upload(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = ProgrammeFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file: UploadedFile = form.cleaned_data["file"]
        result = import_programme(
            expo=expo, filename=PurePath(file.name or "upload").name, content=file.read()
        )
        context = _context(request, expo, form=ProgrammeFileForm(), result=result, file=file.name)
        return render(request, "programme/organiser/import_result.html", context)
    return render(request, "programme/organiser/import.html", _context(request, expo, form=form))


@require_GET
@organiser_page
def sample(request: HttpRequest, expo: Expo, suffix: str) -> HttpResponse:
    """A sample file with this edition's dates: a start that imports once the hosts exist."""
    if suffix not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(sample_file(expo, suffix), content_type=CONTENT_TYPES[suffix])
    name = f"{expo.slug}-programme-sample{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
