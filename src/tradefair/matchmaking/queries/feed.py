"""The calendar subscription link: a signed token standing in for a log-in.

Calendar applications fetch the feed without a session, so the URL carries a token signed
with the project's secret (``django.core.signing``, a salt of its own so no other signed value
can be replayed here). The token only names the user and the participation; every fetch checks
again that the user is active and still acts for the participation, so leaving the
organisation (or being deactivated) ends the subscription without a revocation list.
"""

from django.core import signing

from tradefair.accounts.models import User
from tradefair.matchmaking.services.access import acts_for
from tradefair.organisations.models import Participation

SALT = "tradefair.matchmaking.agenda-feed"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def feed_token(*, user: User, participation: Participation) -> str:
    """The same token every time (no timestamp): the address a calendar keeps never changes."""
    return _signer().sign_object([user.pk, participation.pk])


def feed_participation(*, token: str, slug: str) -> Participation | None:
    """The participation whose agenda ``token`` may read in edition ``slug``, or None."""
    try:
        user_id, participation_id = _signer().unsign_object(token)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    participation = (
        Participation.objects.filter(
            pk=participation_id,
            expo__slug=slug,
            role__in=[Participation.Role.BUYER, Participation.Role.EXHIBITOR],
        )
        .select_related("expo", "organisation")
        .first()
    )
    if user is None or participation is None or not acts_for(user, participation):
        return None
    return participation
