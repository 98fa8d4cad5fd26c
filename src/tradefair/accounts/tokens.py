"""API tokens: issuing one and reading it from ``Authorization: Bearer <token>``.

Only the token's SHA-256 is stored (``ApiToken``), so a leaked database does not leak working
tokens. Here in ``accounts`` (not in the API package) so an app's endpoint that is public but
shows organisers more can read the caller's token itself.
"""

import datetime as dt
import hashlib
import secrets

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from tradefair.accounts.models import ApiToken, User

# How stale ``last_used_at`` may get: writing it on every call made each read of the API a
# write too (a commit per call, and on PostgreSQL a row lock that a client's parallel calls
# queued on); to the minute is all an admin looking for unused tokens needs.
LAST_USED_STEP = dt.timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(user: User) -> str:
    """A new random token for ``user``; the caller sees it once, we keep only its hash."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, key_hash=hash_key(key))
    return key


class BearerAuth(HttpBearer):
    """``Authorization: Bearer <token>``; the user becomes ``request.auth`` and ``request.user``."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_key(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at >= LAST_USED_STEP:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


bearer = BearerAuth()
