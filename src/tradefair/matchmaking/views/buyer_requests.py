"""The buyer's requests: tabs by status, the exhibitors' requests to answer, and the actions.

Actions are POST-only (CSRF-protected) and redirect back to the tab they came from. Another
organisation's request is a 404; a refusal of the service is shown as a message. A decline
whose reason does not validate re-renders the page with the typed reason kept.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradefair.expos.models import Expo
from tradefair.expos.names import one_full_stop
from tradefair.matchmaking.forms.requests import DeclineForm
from tradefair.matchmaking.models import MeetingRequest
from tradefair.matchmaking.queries.buyer import (
    TABS,
    awaiting_answer,
    request_counts,
    requests_in_tab,
)
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.requests import (
    accept_request,
    cancel_request,
    decline_request,
)
from tradefair.matchmaking.views.portal_access import acting_for, portal_page
from tradefair.organisations.models import Participation

BUYER = Participation.Role.BUYER


def _tab(raw: str | None) -> str:
    return raw if raw in TABS else MeetingRequest.Status.PENDING


def _requests_page(
    request: HttpRequest,
    expo: Expo,
    buyer: Participation,
    *,
    tab: str,
    decline_forms: dict[int, DeclineForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    counts = request_counts(buyer)
    decline_forms = decline_forms or {}
    incoming = [(r, decline_forms.get(r.pk) or DeclineForm()) for r in awaiting_answer(buyer)]
    context: dict[str, Any] = {
        "expo": expo,
        "buyer": buyer,
        "counts": counts,
        "tabs": [
            (name, MeetingRequest.Status(name).label, n) for name, n in counts.by_status().items()
        ],
        "tab": tab,
        "rows": requests_in_tab(buyer, tab),
        "incoming": incoming,
    }
    return portal_page(request, "buyer/requests.html", context, status=status)


@login_required
def requests(request: HttpRequest, slug: str) -> HttpResponse:
    expo, buyer, _user = acting_for(request, slug, BUYER)
    return _requests_page(request, expo, buyer, tab=_tab(request.GET.get("tab")))


def _back(expo: Expo, tab: str) -> HttpResponse:
    url = redirect("buyer:requests", slug=expo.slug).url
    return redirect(f"{url}?{urlencode({'tab': tab})}")


def _mine(buyer: Participation, pk: int) -> MeetingRequest:
    return get_object_or_404(
        MeetingRequest.objects.select_related("exhibitor__organisation"), pk=pk, buyer=buyer
    )


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo, buyer, user = acting_for(request, slug, BUYER)
    meeting_request = _mine(buyer, pk)
    tab = meeting_request.status
    try:
        cancel_request(request=meeting_request, by_user=user)
    except MatchmakingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Your request to %(exhibitor)s is cancelled.")
            % {"exhibitor": meeting_request.exhibitor.organisation.display_name},
        )
    return _back(expo, _tab(tab))


@login_required
@require_POST
def accept(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo, buyer, user = acting_for(request, slug, BUYER)
    meeting_request = _mine(buyer, pk)
    try:
        accept_request(request=meeting_request, by_user=user)
    except MatchmakingError as exc:
        messages.error(request, str(exc))
        return _back(expo, MeetingRequest.Status.PENDING)
    messages.success(
        request,
        one_full_stop(
            _("You accepted to meet %(exhibitor)s.")
            % {"exhibitor": meeting_request.exhibitor.organisation.display_name}
        ),
    )
    return _back(expo, MeetingRequest.Status.ACCEPTED)


@login_required
@require_POST
def decline(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo, buyer, user = acting_for(request, slug, BUYER)
    meeting_request = _mine(buyer, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _requests_page(
            request,
            expo,
            buyer,
            tab=MeetingRequest.Status.PENDING,
            decline_forms={pk: form},
            status=400,
        )
    try:
        decline_request(request=meeting_request, reason=form.cleaned_data["reason"], by_user=user)
    except MatchmakingError as exc:
        messages.error(request, str(exc))
        return _back(expo, MeetingRequest.Status.PENDING)
    messages.success(
        request,
        one_full_stop(
            _("You declined to meet %(exhibitor)s.")
            % {"exhibitor": meeting_request.exhibitor.organisation.display_name}
        ),
    )
    return _back(expo, MeetingRequest.Status.DECLINED)
