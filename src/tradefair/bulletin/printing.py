"""The bulletin as a PDF: the page's own template laid out for A4 by WeasyPrint.

Fonts come from the system (Noto Sans CJK for Chinese, a Thai font for Thai) and WeasyPrint
embeds the glyphs it uses, so the file reads the same everywhere. Drawing takes about a second,
so it runs in the worker when a bulletin is published (``services.render_bulletin_documents``).
"""

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from tradefair.bulletin.models import PublishedBulletin
from tradefair.bulletin.presentation import bulletin_view
from tradefair.expos.models import Expo


def _stylesheet() -> str:
    found = finders.find("css/bulletin-print.css")
    assert isinstance(found, str), "css/bulletin-print.css is missing from the static files"
    with open(found, encoding="utf-8") as css:
        return css.read()


def bulletin_html(
    expo: Expo, data: dict[str, Any], bulletin: PublishedBulletin | None, language: str
) -> str:
    """The page WeasyPrint lays out: the bulletin's body with the print stylesheet inline."""
    with translation.override(language):
        return render_to_string(
            "bulletin/print.html",
            {
                "expo": expo,
                "bulletin": bulletin,
                "view": bulletin_view(data),
                "stylesheet": _stylesheet(),
            },
        )


def bulletin_pdf(
    expo: Expo, data: dict[str, Any], bulletin: PublishedBulletin | None, language: str
) -> bytes:
    """The bulletin in ``language`` as PDF bytes."""
    from weasyprint import HTML

    with translation.override(language):
        document = HTML(string=bulletin_html(expo, data, bulletin, language)).write_pdf()
    assert document is not None
    return bytes(document)
