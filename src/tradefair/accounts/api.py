"""``GET /api/v1/me``: who the bearer token belongs to (mounted by ``tradefair.api``)."""

from collections.abc import Iterable

from django.http import HttpRequest
from ninja import Field, Router

from tradefair.accounts.models import ExpoStaff, User
from tradefair.accounts.services.roles import roles_in_expo
from tradefair.expos.api_outputs import Out
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation

router = Router(tags=["accounts"])


class ActingFor(Out):
    """A participation the user may act for: its id is what ``buyer``/``exhibitor`` take."""

    expo: str = Field(description="The edition's slug.")
    role: str = Field(description="exhibitor, buyer, delegate, …")
    participation: int = Field(description="Send it as buyer or exhibitor in this edition.")
    organisation: int
    name: str = Field(description="The organisation's name in the caller's language.")


class ExpoRoles(Out):
    expo: str
    roles: list[str]
    participations: list[ActingFor]


class Message(Out):
    detail: str


class MeOut(Out):
    email: str
    organisations: list[int]
    expos: list[ExpoRoles]


def _expos_of(user: User, participating: Iterable[int]) -> list[Expo]:
    """Every edition the user holds a role in: the editions their organisations take part in
    (``participating``, already read), those they are staff of, or all for an admin."""
    if user.is_superuser:
        return list(Expo.objects.order_by("start_date", "slug"))
    ids = set(participating) | set(
        ExpoStaff.objects.filter(user=user).values_list("expo_id", flat=True)
    )
    return list(Expo.objects.filter(id__in=ids).order_by("start_date", "slug"))


def _acting_for(user: User) -> dict[int, list[ActingFor]]:
    """The participations of the user's organisations, per edition, in one query."""
    rows = (
        Participation.objects.filter(organisation__memberships__user=user)
        .select_related("expo", "organisation")
        .order_by("role", "organisation__name", "pk")
    )
    found: dict[int, list[ActingFor]] = {}
    for row in rows:
        found.setdefault(row.expo_id, []).append(
            ActingFor(
                expo=row.expo.slug,
                role=row.role,
                participation=row.pk,
                organisation=row.organisation_id,
                name=row.organisation.display_name,
            )
        )
    return found


@router.get("/me", response={200: MeOut, 401: Message})
def me(request: HttpRequest) -> MeOut:
    """The logged-in user's e-mail, their organisations' ids, their roles in each edition and
    the participations they act for there (the ids a meeting request names as buyer or
    exhibitor)."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    organisations = sorted(user.memberships.values_list("organisation_id", flat=True))
    acting = _acting_for(user)
    expos = [
        ExpoRoles(
            expo=expo.slug,
            roles=sorted(roles_in_expo(user, expo)),
            participations=acting.get(expo.pk, []),
        )
        for expo in _expos_of(user, acting)
    ]
    return MeOut(email=user.email, organisations=organisations, expos=expos)
