"""Registering for an activity from its page, and giving the place up.

POST only (CSRF-protected). An anonymous visitor goes to the login page and comes back to the
activity. The service decides everything: a refusal is shown as a message, except a clash,
which re-renders the activity page with the clash named and a "Register anyway" button that
posts again with ``confirm``. Nothing here writes a registration itself.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradefair.accounts.gates import acting_user
from tradefair.expos.formatting import number
from tradefair.expos.queries import public_expo
from tradefair.programme.services.errors import Clash, ProgrammeError
from tradefair.programme.services.registration import cancel, register
from tradefair.programme.views.public import public_activity, render_activity


def _activity_url(slug: str, pk: int) -> str:
    return reverse("programme:activity", kwargs={"slug": slug, "pk": pk})


@require_POST
def register_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo = public_expo(slug)
    page = public_activity(expo, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(_activity_url(slug, pk))
    user = acting_user(request)
    try:
        place = register(
            activity=page.activity, user=user, confirm_clash=request.POST.get("confirm") == "1"
        )
    except Clash as clash:
        return render_activity(request, expo, page, clash=str(clash), status=409)
    except ProgrammeError as refusal:
        messages.error(request, str(refusal))
    else:
        title = page.activity.display_title
        if place.position is None:
            messages.success(request, _("You are registered for %(title)s.") % {"title": title})
        else:
            messages.success(
                request,
                _(
                    "%(title)s is full: you are on the waiting list, number %(position)s. "
                    "You will get an e-mail if a seat becomes yours."
                )
                % {"title": title, "position": number(place.position)},
            )
    return redirect(_activity_url(slug, pk))


@require_POST
def cancel_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo = public_expo(slug)
    page = public_activity(expo, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(_activity_url(slug, pk))
    try:
        cancel(activity=page.activity, user=acting_user(request))
    except ProgrammeError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Your registration for %(title)s is cancelled.")
            % {"title": page.activity.display_title},
        )
    return redirect(_activity_url(slug, pk))
