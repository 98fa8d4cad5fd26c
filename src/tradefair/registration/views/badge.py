"""A person's own badge: the card with its QR code, the A6 PDF, and replacing a lost one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tradefair.accounts.models import User
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.registration.models import Badge
from tradefair.registration.presentation import badge_view
from tradefair.registration.printing import badges_pdf
from tradefair.registration.services.badges import badge_of, revoke


def _mine(request: HttpRequest, slug: str) -> tuple[Expo, Badge]:
    expo = public_expo(slug)
    assert isinstance(request.user, User)
    badge = badge_of(request.user, expo)
    if badge is None:
        raise Http404("no badge: the account acts for no organisation of this edition")
    return expo, badge


@require_safe
@login_required
def mine(request: HttpRequest, slug: str) -> HttpResponse:
    expo, badge = _mine(request, slug)
    return render(
        request,
        "registration/badge/mine.html",
        {"expo": expo, "view": badge_view(badge), "language_links": language_links(request)},
    )


@require_safe
@login_required
def pdf(request: HttpRequest, slug: str) -> HttpResponse:
    expo, badge = _mine(request, slug)
    response = HttpResponse(
        badges_pdf(expo, [badge], get_language() or "en"), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="badge-{expo.slug}.pdf"'
    return response


@require_POST
@login_required
def replace(request: HttpRequest, slug: str) -> HttpResponse:
    expo, badge = _mine(request, slug)
    assert isinstance(request.user, User)
    revoke(badge=badge, by_user=request.user)
    messages.success(
        request,
        _("Your badge has been replaced: the old one no longer admits anyone. Print this one."),
    )
    return redirect("badge:mine", expo.slug)
