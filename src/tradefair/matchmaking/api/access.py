"""What every matchmaking endpoint shares: the acting user and the shape of a refusal."""

from django.http import HttpRequest
from ninja import Schema

from tradefair.accounts.models import User


class Message(Schema):
    detail: str


ERRORS = {400: Message, 401: Message, 403: Message, 404: Message, 409: Message}


def user_of(request: HttpRequest) -> User:
    """The bearer token's user (the router's auth guarantees one)."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user
