"""An exhibitor answers a buyer's request (accept, decline with a reason) or cancels one.

Requests of other exhibitors are 404, as if absent. The services decide what is allowed and
are idempotent, so a double click changes nothing; their refusals (e.g. accepting a declined
request) are shown as they are. With htmx each action returns the request's card (with the
page's figures and tabs swapped out of band), otherwise it redirects back to the page it came
from.
"""

from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tradefair.matchmaking.forms.answers import DeclineForm
from tradefair.matchmaking.models import MeetingRequest
from tradefair.matchmaking.queries.exhibitor_requests import (
    RequestRow,
    request_counts,
    request_row,
)
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.requests import (
    accept_request,
    cancel_request,
    decline_request,
)
from tradefair.matchmaking.views.exhibitor import (
    HtmxHttpRequest,
    Portal,
    exhibitor_view,
    figures,
    render_portal,
    status_tabs,
)

Status = MeetingRequest.Status


def _row(portal: Portal, pk: int, *, incoming: bool = False) -> RequestRow:
    row = request_row(portal.exhibitor, pk)
    if row is None or (incoming and not row.incoming):
        raise Http404("No such request for this exhibitor.")
    return row


def _next(request: HtmxHttpRequest) -> str:
    """The page the form was on, if it is on this site (it is rendered into links)."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _back(request: HtmxHttpRequest, portal: Portal) -> HttpResponseRedirect:
    """Back to the page the form was on; else the dashboard."""
    target = _next(request) or reverse("exhibitor:home", kwargs={"slug": portal.expo.slug})
    return HttpResponseRedirect(target)


def _card(
    request: HtmxHttpRequest,
    portal: Portal,
    row: RequestRow,
    *,
    notice: str = "",
    error: str = "",
    decline_form: DeclineForm | None = None,
    with_counts: bool = False,
) -> HttpResponse:
    """The request's card; after an answer also the page's figures and tabs, out of band."""
    back = _next(request)
    context: dict[str, object] = {
        "expo": portal.expo,
        "row": row,
        "notice": notice,
        "error": error,
        "decline_form": decline_form,
        "next": back,
    }
    if with_counts:
        counts = request_counts(portal.exhibitor)
        shown = parse_qs(urlsplit(back).query).get("status", [Status.PENDING])[0]
        context.update(
            oob=True, figures=figures(portal, counts), tabs=status_tabs(counts), status=shown
        )
    return render(request, "exhibitor/_request.html", context)


def _done(
    request: HtmxHttpRequest, portal: Portal, row: RequestRow, notice: str, error: str
) -> HttpResponse:
    if request.htmx:
        return _card(request, portal, row, notice=notice, error=error, with_counts=True)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, notice)
    return _back(request, portal)


@require_POST
@exhibitor_view
def accept(request: HtmxHttpRequest, portal: Portal, pk: int) -> HttpResponse:
    row = _row(portal, pk, incoming=True)
    before = row.request.status
    notice = error = ""
    try:
        accept_request(request=row.request, by_user=portal.user)
    except MatchmakingError as exc:
        error = str(exc)
    else:
        if before == Status.ACCEPTED:
            notice = _("You had already accepted this request.")
        else:
            notice = _("You accepted the request of %(buyer)s; they have been told by e-mail.") % {
                "buyer": row.buyer.name
            }
    return _done(request, portal, row, notice, error)


@require_http_methods(["GET", "POST"])
@exhibitor_view
def decline(request: HtmxHttpRequest, portal: Portal, pk: int) -> HttpResponse:
    """GET shows the reason form (inline with htmx); POST declines with the reason."""
    row = _row(portal, pk, incoming=True)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        before = row.request.status
        notice = error = ""
        try:
            decline_request(
                request=row.request, reason=form.cleaned_data["reason"], by_user=portal.user
            )
        except MatchmakingError as exc:
            error = str(exc)
        else:
            if before == Status.DECLINED:
                notice = _("You had already declined this request.")
            else:
                notice = _("You declined the request of %(buyer)s; they have been told why.") % {
                    "buyer": row.buyer.name
                }
        return _done(request, portal, row, notice, error)
    if request.htmx:
        # htmx swaps only 2xx answers: the refused form comes back as 200 with its errors.
        return _card(request, portal, row, decline_form=form)
    context = {
        "row": row,
        "form": form,
        "next": _next(request),
    }
    status = 400 if request.method == "POST" else 200
    return render_portal(request, portal, "exhibitor/decline.html", context, status=status)


@require_POST
@exhibitor_view
def cancel(request: HtmxHttpRequest, portal: Portal, pk: int) -> HttpResponse:
    row = _row(portal, pk)
    before = row.request.status
    notice = error = ""
    try:
        cancel_request(request=row.request, by_user=portal.user)
    except MatchmakingError as exc:
        error = str(exc)
    else:
        if before == Status.CANCELLED:
            notice = _("This request was already cancelled.")
        else:
            notice = _("The request with %(buyer)s is cancelled.") % {"buyer": row.buyer.name}
    return _done(request, portal, row, notice, error)
