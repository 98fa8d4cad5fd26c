"""What every matchmaking endpoint shares: the acting user and the shape of a refusal."""

from typing import Any

from django.http import HttpRequest

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import organisations_by_slug
from tradefair.expos.api_outputs import Out
from tradefair.organisations.api import expo_or_404
from tradefair.organisations.models import Participation


class Message(Out):
    detail: str


# 422: the request breaks a limit the schema states (tradefair.api.validation words it).
ERRORS = {400: Message, 401: Message, 403: Message, 404: Message, 409: Message, 422: Message}


def refusals_documented(*codes: int) -> dict[str, Any]:
    """``openapi_extra`` naming refusals for an endpoint that declares only its success status
    (ninja then answers with it without a status object, which older ninja 1.x lacks)."""
    message = {"schema": {"$ref": "#/components/schemas/Message"}}
    refusal = {"content": {"application/json": message}}
    return {"responses": {code: {"description": "Refused", **refusal} for code in codes}}


def user_of(request: HttpRequest) -> User:
    """The bearer token's user (the router's auth guarantees one)."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def sides_in(request: HttpRequest, slug: str, *roles: str) -> dict[str, Participation]:
    """The caller's participations of ``roles`` in the edition ``slug``, by role, each with its
    expo loaded: one query when the caller has some, a second to answer 404 for an unknown
    edition when it has none (the caller then refuses in its own words)."""
    sides = organisations_by_slug(user_of(request), slug, *roles)
    if not sides:
        expo_or_404(slug, request)
    return sides
