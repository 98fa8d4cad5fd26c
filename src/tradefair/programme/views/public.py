"""The public programme: the listing by day, an activity's page and the product launches.

Thin like the exhibitor directory: the listing view returns the page, or only its results when
htmx asks (not when it restores history). Names come in the reader's language and times on
the edition's clock from ``queries.pages``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from django_htmx.middleware import HtmxDetails

from tradefair.accounts.models import User
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.programme.forms.public import ProgrammeFilterForm, parse_filters
from tradefair.programme.models import Activity, Registration
from tradefair.programme.queries.listing import days
from tradefair.programme.queries.pages import (
    ActivityPage,
    activity_page,
    filter_choices,
    launch_events,
    live_registration,
    programme_page,
)
from tradefair.programme.services.registration import waiting_position


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_safe
def programme(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The full page, or only the results when htmx asks."""
    expo = public_expo(slug)
    edition_days = days(expo)
    parsed = parse_filters(request.GET, edition_days)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    context: dict[str, Any] = {
        "expo": expo,
        "result": programme_page(expo, parsed.filters),
        "filter_errors": parsed.errors,
        "partial": partial,
        "language_links": language_links(request),
    }
    if not partial:
        choices = filter_choices(expo, edition_days)
        context["form"] = ProgrammeFilterForm(request.GET, choices=choices)
    template = (
        "programme/public/_programme_results.html" if partial else "programme/public/programme.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def render_activity(
    request: HttpRequest,
    expo: Expo,
    page: ActivityPage,
    *,
    clash: str = "",
    status: int = 200,
) -> HttpResponse:
    """The activity page; the registration views re-render it to ask to confirm a clash."""
    registration: Registration | None = None
    position: int | None = None
    if request.user.is_authenticated:
        assert isinstance(request.user, User)
        registration = live_registration(page.activity, request.user)
        if registration is not None:
            position = waiting_position(registration)
    activity = page.activity
    context = {
        "expo": expo,
        "page": page,
        "activity": activity,
        "registration": registration,
        "position": position,
        "registration_open": activity.status == Activity.Status.PUBLISHED,
        "invitation_only": activity.audience == Activity.Audience.INVITATION,
        "clash": clash,
        "language_links": language_links(request),
    }
    return render(request, "programme/public/activity.html", context, status=status)


def public_activity(expo: Expo, pk: int) -> ActivityPage:
    page = activity_page(expo, pk)
    if page is None:
        raise Http404("No such activity in this expo's programme.")
    return page


@require_safe
def activity(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo = public_expo(slug)
    return render_activity(request, expo, public_activity(expo, pk))


@require_safe
def launches(request: HttpRequest, slug: str) -> HttpResponse:
    expo = public_expo(slug)
    events = launch_events(expo)
    context = {
        "expo": expo,
        "events": events,
        "product_count": sum(len(e.launched_products.all()) for e in events),
        "language_links": language_links(request),
    }
    return render(request, "programme/public/launches.html", context)
