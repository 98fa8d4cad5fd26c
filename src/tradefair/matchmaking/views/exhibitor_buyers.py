"""Buyers recommended to an exhibitor, and the exhibitor's invitation to meet one of them."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tradefair.expos.formatting import percent
from tradefair.expos.names import country_name
from tradefair.matchmaking.forms.answers import InvitationForm
from tradefair.matchmaking.models import MeetingRequest
from tradefair.matchmaking.queries.exhibitor_requests import (
    buyer_card,
    buyer_of_expo,
    open_request_with,
)
from tradefair.matchmaking.queries.recommendations import Recommended, for_exhibitor, list_size
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.requests import request_meeting
from tradefair.matchmaking.views.exhibitor import (
    HtmxHttpRequest,
    Portal,
    exhibitor_view,
    render_portal,
)

PAGE_SIZE = 20


@dataclass(frozen=True)
class Suggestion:
    """One recommended buyer as the page shows it."""

    pk: int
    name: str
    country_code: str
    country: str
    score: str
    reasons: list[str]
    request: MeetingRequest | None

    @property
    def open_request(self) -> MeetingRequest | None:
        """The pending or accepted request of the pair: no second invitation while it lasts."""
        if self.request is not None and self.request.status in MeetingRequest.OPEN:
            return self.request
        return None


def _suggestion(found: Recommended, language: str) -> Suggestion:
    org = found.participation.organisation
    return Suggestion(
        pk=found.participation.pk,
        name=org.display_name,
        country_code=org.country_id,
        country=country_name(org.country_id, language, fallback=org.country_id),
        score=percent(found.score),
        reasons=found.reasons,
        request=found.request,
    )


@require_GET
@exhibitor_view
def buyers(request: HtmxHttpRequest, portal: Portal) -> HttpResponse:
    """The exhibitor's recommended buyers, best first, with why and what happened so far.

    Buyers the exhibitor already has a pending or accepted request with are left out unless
    ``?requested=show`` (as on the buyer's dashboard); any other value reads as the default.
    """
    show_requested = request.GET.get("requested") == "show"
    size = list_size(portal.exhibitor)
    shown = size.total if show_requested else size.unrequested
    page: Page = Paginator(range(shown), PAGE_SIZE).get_page(request.GET.get("page", 1))
    found = (
        for_exhibitor(
            portal.exhibitor,
            limit=PAGE_SIZE,
            offset=page.start_index() - 1,
            hide_requested=not show_requested,
        )
        if shown
        else []
    )
    language = get_language() or "en"
    context = {
        "suggestions": [_suggestion(item, language) for item in found],
        "page": page,
        "total": size.total,
        "list_size": size,
        "show_requested": show_requested,
    }
    return render_portal(request, portal, "exhibitor/buyers.html", context)


@require_http_methods(["GET", "POST"])
@exhibitor_view
def invite(request: HtmxHttpRequest, portal: Portal, buyer_pk: int) -> HttpResponse:
    """Ask a buyer of the same edition to meet; refusals come back on the form, values kept."""
    participation = buyer_of_expo(portal.exhibitor, buyer_pk)
    if participation is None:
        raise Http404("No such buyer at this expo.")
    buyer = buyer_card(participation)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            request_meeting(
                buyer=participation,
                exhibitor=portal.exhibitor,
                message=form.cleaned_data["message"],
                priority=form.cleaned_data["priority"],
                from_exhibitor=True,
                by_user=portal.user,
            )
        except MatchmakingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Your invitation was sent to %(buyer)s; you will hear when they answer.")
                % {"buyer": buyer.name},
            )
            return redirect("exhibitor:requests", slug=portal.expo.slug)
    context = {
        "buyer": buyer,
        "form": form,
        "open_request": open_request_with(portal.exhibitor, buyer.pk),
    }
    status = 400 if request.method == "POST" else 200
    return render_portal(request, portal, "exhibitor/invite.html", context, status=status)
