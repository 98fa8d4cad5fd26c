"""The organisers' review of listing changes: the switch that turns it on, and the queue.

Thin: approving, rejecting and the switch are ``services.review``'s.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.catalogue.presentation import change_rows
from tradefair.catalogue.queries import changes_for_review
from tradefair.catalogue.services import review as services
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links


@require_GET
@organiser_page
def queue(request: HttpRequest, expo: Expo) -> HttpResponse:
    page = changes_for_review(expo, request.GET.get("page", 1))
    context = {
        "expo": expo,
        "page": page,
        "rows": change_rows(page),
        "language_links": language_links(request),
        "note_length": services.NOTE_LENGTH,
    }
    return render(request, "catalogue/console/review.html", context)


@require_POST
@organiser_page
def switch(request: HttpRequest, expo: Expo) -> HttpResponse:
    required = request.POST.get("required") == "on"
    services.set_approval(expo=expo, required=required, by_user=acting_user(request))
    if required:
        messages.success(request, _("Listing changes now wait for your approval."))
    else:
        messages.success(request, _("Listing changes now go public at once."))
    return redirect("catalogue_console:queue", slug=expo.slug)


@require_POST
@organiser_page
def decide(request: HttpRequest, expo: Expo, pk: int, action: str) -> HttpResponse:
    user = acting_user(request)
    try:
        if action == "approve":
            change = services.approve_change(expo=expo, change_id=pk, by_user=user)
            messages.success(request, _("Published: %(what)s.") % {"what": change.label})
        else:
            note = request.POST.get("note", "")
            change = services.reject_change(expo=expo, change_id=pk, by_user=user, note=note)
            messages.success(request, _("Rejected: %(what)s.") % {"what": change.label})
    except CatalogueError as exc:
        messages.error(request, str(exc))
    return redirect("catalogue_console:queue", slug=expo.slug)
