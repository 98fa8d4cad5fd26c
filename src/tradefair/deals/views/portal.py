"""The deals page of buyers and exhibitors: report a deal from a held meeting, confirm one the
other side reported, and follow each deal to the organisers' approval."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tradefair.accounts.gates import acting_user
from tradefair.accounts.services.roles import RoleRequired
from tradefair.deals.forms.portal import ReportForm
from tradefair.deals.forms.reading import show_refusal
from tradefair.deals.models import ExchangeRate
from tradefair.deals.queries.portal import (
    confirmable,
    deals_of,
    held_meetings,
    my_organisations,
)
from tradefair.deals.services import recording
from tradefair.deals.services.errors import DealError
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.matchmaking.models import Meeting


def _mine(request: HttpRequest, slug: str) -> tuple[Expo, list[int]]:
    expo = public_expo(slug)
    organisations = my_organisations(acting_user(request), expo)
    if not organisations:
        raise RoleRequired(_("Only buyers and exhibitors of this edition have a deals page."))
    return expo, organisations


@require_GET
@login_required
def mine(request: HttpRequest, slug: str) -> HttpResponse:
    expo, organisations = _mine(request, slug)
    deals = list(deals_of(expo, organisations))
    context = {
        "expo": expo,
        "meetings": held_meetings(expo, organisations),
        "deals": deals,
        "to_confirm": confirmable(deals, organisations),
        "language_links": language_links(request),
    }
    return render(request, "deals/portal/mine.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def report(request: HttpRequest, slug: str, meeting_id: int) -> HttpResponse:
    expo, organisations = _mine(request, slug)
    meeting = get_object_or_404(
        held_meetings(expo, organisations).select_related("expo"), pk=meeting_id
    )
    currencies = list(
        ExchangeRate.objects.filter(expo=expo)
        .order_by("currency")
        .values_list("currency", flat=True)
    )
    form = ReportForm(request.POST if request.method == "POST" else None, currencies=currencies)
    if request.method == "POST" and form.is_valid():
        try:
            deal = recording.report_deal(
                meeting=meeting, data=form.deal_input(), by_user=acting_user(request)
            )
        except DealError as refused:
            show_refusal(form, refused)
        else:
            messages.success(
                request,
                _("%(reference)s is reported; %(other)s confirms it next, then the organisers.")
                % {"reference": deal.reference, "other": _other_side(meeting, organisations)},
            )
            return redirect("deals_portal:mine", expo.slug)
    context = {
        "expo": expo,
        "meeting": meeting,
        "form": form,
        "language_links": language_links(request),
    }
    return render(request, "deals/portal/report.html", context)


def _other_side(meeting: Meeting, organisations: list[int]) -> str:
    buyer, exhibitor = meeting.buyer.organisation, meeting.exhibitor.organisation
    return str(exhibitor.display_name if buyer.pk in organisations else buyer.display_name)


@require_POST
@login_required
def confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo, organisations = _mine(request, slug)
    deal = get_object_or_404(deals_of(expo, organisations), pk=pk)
    try:
        recording.confirm_deal(deal=deal, by_user=acting_user(request))
    except DealError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("%(reference)s is confirmed; it counts once the organisers approve it.")
            % {"reference": deal.reference},
        )
    return redirect("deals_portal:mine", expo.slug)
