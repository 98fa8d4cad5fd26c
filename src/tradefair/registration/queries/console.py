"""The organisers' list of applications: filters, counts per status, one page at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from tradefair.expos import formatting
from tradefair.expos.languages import language_name
from tradefair.expos.models import Expo
from tradefair.expos.names import country_name
from tradefair.organisations.models import Delegation
from tradefair.registration.models import Application
from tradefair.registration.queries.duplicates import Candidate, duplicates

PER_PAGE = 50


@dataclass(frozen=True)
class Filters:
    status: str = ""
    kind: str = ""
    delegation: int | None = None
    query: str = ""


def applications(expo: Expo, filters: Filters) -> QuerySet[Application]:
    found = Application.objects.filter(expo=expo)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.delegation:
        found = found.filter(link__delegation_id=filters.delegation)
    if text := filters.query.strip():
        found = found.filter(
            Q(name__icontains=text)
            | Q(name_zh__icontains=text)
            | Q(email__icontains=text)
            | Q(people__name__icontains=text)
            | Q(people__name_latin__icontains=text)
        ).distinct()
    return (
        found.select_related("link__delegation")
        .prefetch_related("people")
        .order_by("-created_at", "-pk")
    )


@dataclass
class Listing:
    page: Page
    page_range: list[int | str]
    rows: list[tuple[Application, list[Candidate]]]
    counts: list[tuple[str, str, int]]  # status, its name, how many


def listing(expo: Expo, filters: Filters, page: int | str | None) -> Listing:
    paginator = Paginator(applications(expo, filters), PER_PAGE)
    shown = paginator.get_page(page)
    counted = dict(
        Application.objects.filter(expo=expo)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    candidates = duplicates(shown.object_list)
    return Listing(
        shown,
        list(paginator.get_elided_page_range(shown.number)),
        [(a, candidates.get(a.pk, [])) for a in shown.object_list],
        [(value, str(label), counted.get(value, 0)) for value, label in Application.Status.choices],
    )


@dataclass(frozen=True)
class Summary:
    """An application's codes in the reader's words."""

    country: str
    days: list[str]
    languages: list[str]


def summary(application: Application) -> Summary:
    return Summary(
        country_name(application.country_id, get_language() or "en", application.country_id),
        [formatting.day(dt.date.fromisoformat(d)) for d in application.days],
        [language_name(code) for code in application.languages],
    )


def delegations(expo: Expo) -> list[Delegation]:
    return list(
        Delegation.objects.filter(expo=expo, link__isnull=False)
        .select_related("partner__organisation")
        .order_by("name")
    )
