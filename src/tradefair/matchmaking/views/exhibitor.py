"""The exhibitor portal: the dashboard and the requests page.

Every view runs behind :func:`exhibitor_view`, which finds the edition and the exhibitor the
user acts for (``portal_access.acting_for``). Answers live in ``exhibitor_answers``,
recommended buyers and invitations in ``exhibitor_buyers``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_htmx.middleware import HtmxDetails

from tradefair.accounts.models import User
from tradefair.booths.services import bookings
from tradefair.expos.charts import BAR_COLOUR, Bar, Group, grouped_bar_chart_svg
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.floorplan.models import BoothAssignment
from tradefair.matchmaking.models import MeetingRequest
from tradefair.matchmaking.queries.exhibitor_requests import (
    STATUSES,
    RequestCounts,
    incoming_requests,
    outgoing_requests,
    request_counts,
)
from tradefair.matchmaking.views.portal_access import acting_for, portal_page
from tradefair.organisations.models import Participation

P = ParamSpec("P")
Status = MeetingRequest.Status


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@dataclass(frozen=True)
class Portal:
    """Who is looking: the edition, the exhibitor they act for and the user."""

    expo: Expo
    exhibitor: Participation
    user: User


PortalView = Callable[Concatenate[HtmxHttpRequest, Portal, P], HttpResponse]


def exhibitor_view(view: PortalView[P]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the log-in page; users who are no exhibitor here get 403."""

    @login_required
    @wraps(view)
    def wrapped(
        request: HtmxHttpRequest, slug: str, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        expo, exhibitor, user = acting_for(request, slug, Participation.Role.EXHIBITOR)
        return view(request, Portal(expo, exhibitor, user), *args, **kwargs)

    return wrapped


def render_portal(
    request: HttpRequest,
    portal: Portal,
    template: str,
    context: dict[str, object],
    *,
    status: int = 200,
) -> HttpResponse:
    """Render a portal page with what its header, tabs and messages need."""
    slug = portal.expo.slug
    full = {
        "expo": portal.expo,
        "exhibitor": portal.exhibitor,
        "agenda_url": reverse("agenda:index", kwargs={"slug": slug}),
        "settings_url": reverse("exhibitor:settings", kwargs={"slug": slug}),
        **context,
    }
    return portal_page(request, template, full, status=status)


@dataclass(frozen=True)
class StatusBar:
    label: str
    incoming: int
    outgoing: int


ACCENT = "#c2410c"  # --accent, the legend's "sent by you" swatch

STATUS_LABELS: dict[str, Promise] = {
    Status.PENDING: gettext_lazy("Waiting for an answer"),
    Status.ACCEPTED: gettext_lazy("Accepted"),
    Status.DECLINED: gettext_lazy("Declined"),
    Status.CANCELLED: gettext_lazy("Cancelled"),
}


def status_bars(counts: RequestCounts) -> list[StatusBar]:
    """Received and sent requests per status."""
    return [
        StatusBar(str(STATUS_LABELS[status]), counts.incoming[status], counts.outgoing[status])
        for status in STATUSES
    ]


def status_chart(bars: list[StatusBar]) -> SafeString:
    """Paired bars per status: received (the brand's colour), then sent (the accent)."""
    received, sent = _("received from buyers"), _("sent by you")
    return grouped_bar_chart_svg(
        [
            Group(
                b.label,
                (
                    Bar(received, b.incoming, number(b.incoming), BAR_COLOUR),
                    Bar(sent, b.outgoing, number(b.outgoing), ACCENT),
                ),
            )
            for b in bars
        ],
        description=_("Paired bars per status: requests you received, then requests you sent."),
        width=300,
    )


def figures(portal: Portal, counts: RequestCounts) -> list[tuple[str, int, str]]:
    """The dashboard's headline figures: label, value and the page that lists them."""
    requests_url = reverse("exhibitor:requests", kwargs={"slug": portal.expo.slug})
    agenda_url = reverse("agenda:index", kwargs={"slug": portal.expo.slug})
    return [
        (_("Waiting for your answer"), counts.incoming[Status.PENDING], requests_url),
        (_("Accepted"), counts.accepted, f"{requests_url}?status=accepted"),
        (_("Declined by you"), counts.incoming[Status.DECLINED], f"{requests_url}?status=declined"),
        (_("Sent by you"), counts.outgoing_total, f"{requests_url}#sent"),
        (_("Meetings scheduled"), counts.meetings, agenda_url),
    ]


def status_tabs(counts: RequestCounts) -> list[tuple[str, str, int]]:
    """The received-requests tabs: status, label and how many."""
    return [(value, str(STATUS_LABELS[value]), counts.incoming[value]) for value in STATUSES]


@require_GET
@exhibitor_view
def home(request: HtmxHttpRequest, portal: Portal) -> HttpResponse:
    """The figures, then the requests waiting for an answer, most important first."""
    counts = request_counts(portal.exhibitor)
    bars = status_bars(counts)
    context = {
        "counts": counts,
        "figures": figures(portal, counts),
        "bars": bars,
        "chart": status_chart(bars),
        "pending": incoming_requests(portal.exhibitor, Status.PENDING),
        "booths": [
            a.booth
            for a in BoothAssignment.objects.filter(participation=portal.exhibitor)
            .select_related("booth__pavilion__hall")
            .order_by("booth__number")
        ],
        "competitors": bookings.competitors(portal.exhibitor),
        "candidates": bookings.candidates(portal.exhibitor),
    }
    return render_portal(request, portal, "exhibitor/home.html", context)


@require_GET
@exhibitor_view
def requests(request: HtmxHttpRequest, portal: Portal) -> HttpResponse:
    """Received requests in one status tab, and every request the exhibitor sent."""
    status = request.GET.get("status", Status.PENDING)
    if status not in STATUSES:
        status = Status.PENDING
    counts = request_counts(portal.exhibitor)
    context = {
        "counts": counts,
        "tabs": status_tabs(counts),
        "status": status,
        "incoming": incoming_requests(portal.exhibitor, status, request.GET.get("page", 1)),
        "outgoing": outgoing_requests(portal.exhibitor, request.GET.get("sent", 1)),
    }
    return render_portal(request, portal, "exhibitor/requests.html", context)
