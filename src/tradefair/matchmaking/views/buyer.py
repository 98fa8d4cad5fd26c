"""The buyer portal: dashboard with recommendations, exhibitor search, requesting a meeting.

Thin views: :func:`acting_for` authorises, named queries read, ``services.requests`` writes.
The requests list and its actions are in ``buyer_requests``.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.middleware import HtmxDetails

from tradefair.expos.charts import Bar, bar_chart_svg
from tradefair.expos.formatting import number
from tradefair.expos.names import country_name, one_full_stop
from tradefair.matchmaking.forms.requests import MeetingRequestForm
from tradefair.matchmaking.queries.buyer import (
    RequestCounts,
    exhibitor_cards,
    request_counts,
    requests_by_exhibitor,
)
from tradefair.matchmaking.queries.recommendations import for_buyer, list_size
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.requests import request_meeting
from tradefair.matchmaking.views.portal_access import acting_for, portal_page
from tradefair.organisations.filters import DirectoryFilterForm, parse_filters
from tradefair.organisations.models import Participation
from tradefair.organisations.queries.directory import (
    directory_page,
    exhibitor_profile,
    filter_choices,
)

BUYER = Participation.Role.BUYER
RECOMMENDATIONS_PER_PAGE = 10
# The status colours of the portals' lists, so the chart reads like them.
STATUS_COLOURS = {
    "awaiting": "#d97706",
    "pending": "#d97706",
    "accepted": "#16a34a",
    "declined": "#dc2626",
    "cancelled": "#94a3b8",
}


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@dataclass(frozen=True)
class StatusBar:
    status: str
    label: str
    value: int


def status_bars(counts: RequestCounts) -> list[StatusBar]:
    """The buyer's requests per status, in the dashboard's order."""
    return [
        StatusBar("awaiting", _("awaiting your answer"), counts.awaiting_answer),
        StatusBar("pending", _("pending"), counts.pending),
        StatusBar("accepted", _("accepted"), counts.accepted),
        StatusBar("declined", _("declined"), counts.declined),
        StatusBar("cancelled", _("cancelled"), counts.cancelled),
    ]


def status_chart(bars: list[StatusBar]) -> SafeString:
    return bar_chart_svg(
        [Bar(b.label, b.value, number(b.value), STATUS_COLOURS[b.status]) for b in bars],
        description=_("Your meeting requests by status"),
        width=320,
    )


@login_required
def home(request: HttpRequest, slug: str) -> HttpResponse:
    """My organisation, my requests and meetings in figures, and the exhibitors recommended.

    Exhibitors I already have a pending or accepted request with are left out unless
    ``?requested=show``; any other value reads as the default.
    """
    expo, buyer, _user = acting_for(request, slug, BUYER)
    counts = request_counts(buyer)
    bars = status_bars(counts)
    show_requested = request.GET.get("requested") == "show"
    size = list_size(buyer)
    paginator = Paginator(
        range(size.total if show_requested else size.unrequested), RECOMMENDATIONS_PER_PAGE
    )
    page = paginator.get_page(request.GET.get("page"))
    recommended = (
        for_buyer(
            buyer,
            limit=RECOMMENDATIONS_PER_PAGE,
            offset=page.start_index() - 1,
            hide_requested=not show_requested,
        )
        if paginator.count
        else []
    )
    cards = exhibitor_cards(expo, [r.participation.pk for r in recommended])
    context = {
        "expo": expo,
        "buyer": buyer,
        "counts": counts,
        "bars": bars,
        "chart": status_chart(bars),
        "recommendations": [
            (r, cards[r.participation.pk]) for r in recommended if r.participation.pk in cards
        ],
        "page": page,
        "list_size": size,
        "show_requested": show_requested,
        "country": country_name(buyer.organisation.country_id, get_language() or "en"),
        "search_url": reverse("buyer:search", kwargs={"slug": expo.slug}),
    }
    return portal_page(request, "buyer/home.html", context)


@login_required
def search(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The directory's search and filters, each card with my request to that exhibitor.

    The full page, or only the results when htmx asks (not when it restores history).
    """
    expo, buyer, _user = acting_for(request, slug, BUYER)
    result = directory_page(expo, parse_filters(request.GET), request.GET.get("page", 1))
    requests = requests_by_exhibitor(buyer, [card.pk for card in result.cards])
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    context: dict[str, Any] = {
        "expo": expo,
        "buyer": buyer,
        "result": result,
        "rows": [(card, requests.get(card.pk)) for card in result.cards],
        "partial": partial,
    }
    if not partial:
        context["form"] = DirectoryFilterForm(request.GET, choices=filter_choices(expo))
    template = "buyer/_search_results.html" if partial else "buyer/search.html"
    response = portal_page(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
@require_http_methods(["GET", "POST"])
def request_exhibitor(request: HttpRequest, slug: str, exhibitor_pk: int) -> HttpResponse:
    """Ask an exhibitor for a meeting; a refusal is shown on the form with the text kept."""
    expo, buyer, user = acting_for(request, slug, BUYER)
    profile = exhibitor_profile(expo, exhibitor_pk)
    if profile is None:
        raise Http404("No such exhibitor at this expo.")
    form = MeetingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_meeting(
                buyer=buyer,
                exhibitor=profile.participation,
                message=form.cleaned_data["message"],
                priority=form.cleaned_data["priority"],
                by_user=user,
            )
        except MatchmakingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                one_full_stop(
                    _("Your request was sent to %(exhibitor)s.")
                    % {"exhibitor": profile.organisation.display_name}
                ),
            )
            return redirect("buyer:requests", slug=expo.slug)
    current = requests_by_exhibitor(buyer, [exhibitor_pk]).get(exhibitor_pk)
    context = {
        "expo": expo,
        "buyer": buyer,
        "profile": profile,
        "form": form,
        "current": current,
    }
    status = 400 if request.method == "POST" else 200
    return portal_page(request, "buyer/request.html", context, status=status)
