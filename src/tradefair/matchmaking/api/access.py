"""What every matchmaking endpoint shares: the acting user and the shape of a refusal."""

from typing import Any

from django.http import HttpRequest

from tradefair.accounts.models import User
from tradefair.expos.api_outputs import Out


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
