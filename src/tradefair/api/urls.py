"""Mount the apps' routers under ``/api/v1/`` with bearer-token authentication.

Every call is answered in the caller's language (cookie, else ``Accept-Language``): the site's
LocaleMiddleware only reads it for ``i18n_patterns`` paths and answers ``/api/v1/`` in the
default language, so each view is wrapped here to activate it.
"""

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from tradefair.accounts.api import router as accounts_router
from tradefair.accounts.services.roles import NotLoggedIn, RoleRequired
from tradefair.api.auth import bearer
from tradefair.api.auth import router as auth_router
from tradefair.api.validation import ObjectBodyParser, not_allowed_in_words
from tradefair.api.validation import install as explain_validation_errors
from tradefair.bulletin.api import router as bulletin_router
from tradefair.catalogue.api import router as catalogue_router
from tradefair.catalogue.services import errors as catalogue
from tradefair.deals.api import router as deals_router
from tradefair.deals.services import errors as deals
from tradefair.matchmaking.api import router as matchmaking_router
from tradefair.matchmaking.services.errors import (
    DuplicateRequest,
    InvalidRequest,
    InvalidTransition,
    MatchmakingError,
    NotAllowed,
)
from tradefair.organisations.api import router as organisations_router
from tradefair.programme.api import router as programme_router
from tradefair.programme.services import errors as programme
from tradefair.registration.api import router as registration_router
from tradefair.registration.services.errors import RegistrationError

api = NinjaAPI(
    title="tradefair",
    version="1",
    urls_namespace="api-v1",
    auth=bearer,
    parser=ObjectBodyParser(),
)
api.add_router("/auth", auth_router)
api.add_router("", accounts_router)
api.add_router("", organisations_router)
api.add_router("", matchmaking_router)
api.add_router("", programme_router)
api.add_router("", catalogue_router)
api.add_router("", deals_router)
api.add_router("", registration_router)
api.add_router("", bulletin_router)
explain_validation_errors(api)

# The services' refusals are written for people; the API passes them on as they are.
STATUS_OF_ERROR: list[tuple[type[Exception], int]] = [
    (NotLoggedIn, 401),
    (RoleRequired, 403),
    (NotAllowed, 403),
    (InvalidRequest, 400),
    (DuplicateRequest, 409),
    (InvalidTransition, 409),
    (MatchmakingError, 409),
    (programme.NotAllowed, 403),  # invitation only, or not of a participating organisation
    (programme.NotRegistered, 404),
    (programme.Clash, 409),  # the message names what it overlaps
    (programme.AlreadyRegistered, 409),
    (programme.Closed, 409),
    (programme.SeatTaken, 409),
    (programme.ProgrammeError, 409),
    (deals.NotAllowed, 403),
    (deals.InvalidDeal, 400),
    (deals.DealError, 409),
    (catalogue.NotAllowed, 403),
    (catalogue.CatalogueError, 400),
    (RegistrationError, 400),  # a refused badge (forged, replaced, another edition's) or place
]


def _refused(request: HttpRequest, exc: Any) -> HttpResponse:
    """The service's message; led by the field it names, as a form shows it beside the field
    and the API has no field to show it beside (the deals' messages name theirs already)."""
    status = next(code for kind, code in STATUS_OF_ERROR if isinstance(exc, kind))
    detail, field = str(exc), getattr(exc, "field", None)
    if field and not detail.startswith(f"{field}:"):
        detail = f"{field}: {detail}"
    return api.create_response(request, {"detail": detail}, status=status)


api.add_exception_handler(RoleRequired, _refused)
api.add_exception_handler(MatchmakingError, _refused)
api.add_exception_handler(programme.ProgrammeError, _refused)
api.add_exception_handler(deals.DealError, _refused)
api.add_exception_handler(catalogue.CatalogueError, _refused)
api.add_exception_handler(RegistrationError, _refused)


@api.exception_handler(AuthenticationError)
def not_logged_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": _("Please log in first: send the header “Authorization: Bearer <token>”.")},
        status=401,
    )


def in_callers_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run ``view`` in the language the request asks for, and say so in ``Content-Language``."""

    @functools.wraps(view)  # keeps csrf_exempt and the like that ninja set on its views
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            response = not_allowed_in_words(view(request, *args, **kwargs))
        response["Content-Language"] = language
        return response

    return wrapped


def _in_callers_language(pattern: Any) -> URLPattern:
    assert isinstance(pattern, URLPattern)  # ninja gives one flat pattern per path
    pattern.callback = in_callers_language(pattern.callback)
    return pattern


# include("tradefair.api.urls") takes the namespace from app_name; ninja reverses "api-v1:…".
urlpatterns = [_in_callers_language(pattern) for pattern in api.urls[0]]
app_name = "api-v1"
