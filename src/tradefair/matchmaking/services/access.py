"""Who may act for whom: small checks the services call with the acting user.

Kept local until ``accounts.services.roles`` offers the same answers; superusers pass every
check so that the admin can repair data.
"""

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.errors import NotAllowed
from tradefair.organisations.models import Participation


def is_staff_of(user: User, expo: Expo) -> bool:
    return user.is_superuser or ExpoStaff.objects.filter(user=user, expo=expo).exists()


def acts_for(user: User, participation: Participation) -> bool:
    """A member of the participating organisation, or the edition's organiser staff."""
    if is_staff_of(user, participation.expo):
        return True
    return Membership.objects.filter(
        user=user, organisation_id=participation.organisation_id
    ).exists()


def require_staff(user: User, expo: Expo) -> None:
    if not is_staff_of(user, expo):
        raise NotAllowed("Only the organisers of this expo may do this.")


def require_acts_for(user: User, participation: Participation) -> None:
    if not acts_for(user, participation):
        raise NotAllowed("You do not act for this organisation.")
