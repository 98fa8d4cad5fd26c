"""Bearer tokens: ``POST /api/v1/auth/token`` swaps e-mail and password for a token.

Only the token's SHA-256 is stored (``accounts.ApiToken``), so a leaked database does not leak
working tokens. Wrong password and unknown e-mail get the same answer, so the endpoint does not
tell which addresses have accounts. Guessing is slowed down as on the log-in form: the fifth wrong
password for one address from one IP locks that pair out for 15 minutes, answered with 429
(``accounts.services.lockout``).
"""

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from tradefair.accounts.models import User
from tradefair.accounts.services.lockout import is_locked_out, lockout_message
from tradefair.accounts.services.login import stored_address
from tradefair.accounts.tokens import bearer, issue_token
from tradefair.expos.api_inputs import NO_NUL, max_length
from tradefair.expos.api_outputs import Out

router = Router(tags=["auth"])
__all__ = ["bearer", "issue_token", "router"]


class Credentials(Schema):
    """What the log-in form takes: the address within the user model's limit, no NUL."""

    email: str = Field(max_length=max_length(User, "email"), pattern=NO_NUL)
    password: str = Field(pattern=NO_NUL)


class TokenOut(Out):
    token: str


class Message(Out):
    detail: str


@router.post(
    "/token",
    response={200: TokenOut, 400: Message, 401: Message, 422: Message, 429: Message},
    auth=None,
)
def obtain_token(request: HttpRequest, credentials: Credentials) -> TokenOut:
    """Exchange an e-mail address and password for a bearer token."""
    email = stored_address(credentials.email)  # as the log-in form: any case, spaces around
    user = authenticate(request, username=email, password=credentials.password)
    if is_locked_out(request):
        raise HttpError(429, lockout_message())
    if not isinstance(user, User) or not user.is_active:
        raise HttpError(401, _("The e-mail address or password is not correct."))
    return TokenOut(token=issue_token(user))
