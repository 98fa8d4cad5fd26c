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


def acts_for(user: User, participation: Participation) -> bool:
    """A member of the participating organisation, or the edition's organiser staff."""
    if not user.is_active:
        return False
    if is_staff_of(user, participation.expo):
        return True
    return Membership.objects.filter(
        user=user, organisation_id=participation.organisation_id
    ).exists()


def require_staff(user: User, expo: Expo) -> None:
    if not is_staff_of(user, expo):
        raise NotAllowed(_("Only the organisers of this expo may do this."))


def require_acts_for(user: User, participation: Participation) -> None:
    if not acts_for(user, participation):
        raise NotAllowed(_("You do not act for this organisation."))
