"""Who may act for whom: the checks the services make on the acting user.

Organiser status comes from ``accounts.services.roles`` (staff of the edition, or a
superuser); acting for a participation means being an active member of its organisation.
"""

from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.errors import NotAllowed
from tradefair.organisations.models import Participation


def is_staff_of(user: User, expo: Expo) -> bool:
    return has_role(user, expo, ORGANISER)


def is_member_of(user: User, participation: Participation) -> bool:
    """An active member of the participating organisation."""
    return (
        user.is_active
        and Membership.objects.filter(
            user=user, organisation_id=participation.organisation_id
        ).exists()
    )


def acts_for(user: User, participation: Participation) -> bool:
    """A member of the participating organisation, or the edition's organiser staff."""
    if not user.is_active:
        return False
    return is_staff_of(user, participation.expo) or is_member_of(user, participation)


def require_member_of(user: User, participation: Participation) -> None:
    """Only the organisation's own members: an answer to a meeting request is theirs to give,
    and no organiser page gives it for them (the API refuses it as the pages do)."""
    if not is_member_of(user, participation):
        raise NotAllowed(_("You do not act for this organisation."))


def require_staff(user: User, expo: Expo) -> None:
    if not is_staff_of(user, expo):
        raise NotAllowed(_("Only the organisers of this expo may do this."))


def require_acts_for(user: User, participation: Participation) -> None:
    if not acts_for(user, participation):
        raise NotAllowed(_("You do not act for this organisation."))
