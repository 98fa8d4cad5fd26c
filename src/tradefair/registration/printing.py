"""Badges as A6 PDF pages, one per person, laid out by WeasyPrint from the same view as the
portal's page. System fonts (Noto CJK, a Thai font) cover every script of the fair."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from tradefair.expos.models import Expo
from tradefair.registration.models import Badge
from tradefair.registration.presentation import badge_view


def _stylesheet() -> str:
    found = finders.find("css/badge-print.css")
    assert isinstance(found, str), "css/badge-print.css is missing from the static files"
    with open(found, encoding="utf-8") as css:
        return css.read()


def badges_pdf(expo: Expo, badges: Iterable[Badge], language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "registration/badge/print.html",
            {
                "expo": expo,
                "views": [badge_view(b) for b in badges],
                "stylesheet": _stylesheet(),
            },
        )
        document = HTML(string=html).write_pdf()
    assert document is not None
    return bytes(document)
