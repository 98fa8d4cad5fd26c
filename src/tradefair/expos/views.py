"""Public pages about editions, and the presentation helpers every public page shares."""

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_interval
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import translate_url
from django.utils.translation import get_language, to_locale

from tradefair.expos.models import Expo


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """The current page in each language; the query string survives the switch."""
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    names = {"en": "English", "zh-hans": "简体中文"}
    return [
        LanguageLink(code, names.get(code, str(name)), translate_url(path, code), code == current)
        for code, name in settings.LANGUAGES
    ]


def reader_locale() -> str:
    """The Babel locale of the active language, e.g. ``zh_Hans``."""
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def date_range(start: dt.date, end: dt.date) -> str:
    """A date interval as CLDR writes it in the reader's language, e.g. "Sep 17-21, 2025"."""
    return format_interval(start, end, "yMMMd", locale=reader_locale())


def public_expo(slug: str) -> Expo:
    return get_object_or_404(Expo.objects.select_related("host_country"), slug=slug, is_public=True)


def expo_list(request: HttpRequest) -> HttpResponse:
    """All public editions, newest first; with only one there is nothing to choose."""
    expos = list(Expo.objects.filter(is_public=True).order_by("-start_date"))
    if len(expos) == 1:
        return redirect("organisations:expo_home", slug=expos[0].slug)
    rows = [(expo, date_range(expo.start_date, expo.end_date)) for expo in expos]
    return render(
        request,
        "expos/expo_list.html",
        {"rows": rows, "language_links": language_links(request)},
    )
