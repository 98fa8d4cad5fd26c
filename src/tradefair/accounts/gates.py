"""The gate of every organiser console page (any app's): the edition by slug, then the role.

Anonymous visitors go to the login page and come back; a logged-in user without the role in
this edition (a participant, or staff of another edition) gets 403. Drafts are included: the
organisers prepare an edition before it is public.
"""

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, require_role
from tradefair.expos.models import Expo

P = ParamSpec("P")
ConsoleView = Callable[Concatenate[HttpRequest, Expo, P], HttpResponse]


def organiser_page(view: ConsoleView[P]) -> Callable[..., HttpResponse]:
    """Resolve ``slug`` to the edition and refuse anyone who is not its organiser."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        expo = get_object_or_404(Expo.objects.select_related("host_country"), slug=slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require_role(request.user, expo, ORGANISER)
        return view(request, expo, *args, **kwargs)

    return wrapper


def acting_user(request: HttpRequest) -> User:
    """The logged-in user, typed for the services (the gate above has checked the login)."""
    assert isinstance(request.user, User)
    return request.user
