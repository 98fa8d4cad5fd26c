"""Who is looking at a portal page: the edition and the participation the user acts for.

Views wrap themselves in ``login_required`` (anonymous visitors go to the login page with
``?next=``); :func:`acting_for` then refuses with 403 a user without the portal's role in
this edition (``accounts.services.roles``).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import require_organisation_of
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.organisations.models import Participation


def acting_for(request: HttpRequest, slug: str, role: str) -> tuple[Expo, Participation, User]:
    """The edition, the participation with ``role`` the user acts for, and the user."""
    expo = public_expo(slug)
    participation = require_organisation_of(request.user, expo, role)
    participation.expo = expo
    assert isinstance(request.user, User)
    return expo, participation, request.user


def portal_page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render with the language switch pointing at this page."""
    context = {**context, "language_links": language_links(request)}
    return render(request, template, context, status=status)
