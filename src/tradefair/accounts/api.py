"""``GET /api/v1/me``: who the bearer token belongs to (mounted by ``tradefair.api``)."""

from django.http import HttpRequest
from ninja import Router, Schema

from tradefair.accounts.models import ExpoStaff, User
from tradefair.accounts.services.roles import roles_in_expo
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation

router = Router(tags=["accounts"])


class ExpoRoles(Schema):
    expo: str
    roles: list[str]


class Message(Schema):
    detail: str


class MeOut(Schema):
    email: str
    organisations: list[int]
    expos: list[ExpoRoles]


def _expos_of(user: User) -> list[Expo]:
    """Every edition the user holds a role in: as a member of a participant, staff, or admin."""
    if user.is_superuser:
        return list(Expo.objects.order_by("start_date", "slug"))
    ids = set(
        Participation.objects.filter(organisation__memberships__user=user).values_list(
            "expo_id", flat=True
        )
    ) | set(ExpoStaff.objects.filter(user=user).values_list("expo_id", flat=True))
    return list(Expo.objects.filter(id__in=ids).order_by("start_date", "slug"))


@router.get("/me", response={200: MeOut, 401: Message})
def me(request: HttpRequest) -> MeOut:
    """The logged-in user's e-mail, their organisations' ids and their roles in each edition."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    organisations = sorted(user.memberships.values_list("organisation_id", flat=True))
    expos = [
        ExpoRoles(expo=expo.slug, roles=sorted(roles_in_expo(user, expo)))
        for expo in _expos_of(user)
    ]
    return MeOut(email=user.email, organisations=organisations, expos=expos)
