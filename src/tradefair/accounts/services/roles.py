"""Who may do what in an edition: the one place the other apps ask.

A user's roles in an expo are ``"organiser"`` (a superuser, or an ``ExpoStaff`` row for that
edition) plus the ``Participation`` roles (``"exhibitor"``, ``"buyer"``, ``"investor"``,
``"delegate"``, ``"partner"``) of the organisations they are a member of in that expo. Services,
views and the API call :func:`require_role` (or :func:`organisation_of` when they also need the
organisation the user acts for) instead of querying memberships themselves, so the rule lives
here only.

Refusals are ``PermissionDenied`` subclasses: Django answers them with 403, and the API can tell
:class:`NotLoggedIn` (401) from :class:`RoleRequired` (403) by class.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from tradefair.accounts.models import ExpoStaff, Membership
from tradefair.expos.models import Expo
from tradefair.organisations.models import Organisation, Participation

ORGANISER = "organiser"
ROLES = frozenset({ORGANISER, *Participation.Role.values})

AnyUser = AbstractBaseUser | AnonymousUser


class RoleRequired(PermissionDenied):
    """The user is logged in but lacks the role the action needs."""


class NotLoggedIn(RoleRequired):
    """Nobody is logged in: pages send the visitor to the login page, the API answers 401."""


def roles_in_expo(user: AnyUser, expo: Expo) -> frozenset[str]:
    """Every role ``user`` holds in ``expo``; empty for anonymous and inactive users."""
    return _roles(user, Q(expo=expo))


def roles_by_slug(user: AnyUser, slug: str) -> frozenset[str]:
    """Like :func:`roles_in_expo` for the edition with ``slug``, without loading the expo."""
    return _roles(user, Q(expo__slug=slug))


def _roles(user: AnyUser, in_expo: Q) -> frozenset[str]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    roles: set[str] = set(
        Participation.objects.filter(
            in_expo, organisation__memberships__user_id=user.pk
        ).values_list("role", flat=True)
    )
    if _is_superuser(user) or ExpoStaff.objects.filter(in_expo, user_id=user.pk).exists():
        roles.add(ORGANISER)
    return frozenset(roles)


def has_role(user: AnyUser, expo: Expo, *roles: str) -> bool:
    """Whether ``user`` holds any of ``roles`` in ``expo``."""
    return not roles_in_expo(user, expo).isdisjoint(_known(roles))


def require_role(user: AnyUser, expo: Expo, *roles: str) -> frozenset[str]:
    """Refuse unless ``user`` holds one of ``roles`` in ``expo``; returns all the user's roles."""
    if not user.is_authenticated:
        raise NotLoggedIn(_("Please log in first."))
    held = roles_in_expo(user, expo)
    if held.isdisjoint(_known(roles)):
        raise RoleRequired(_("Your account may not do this in this edition."))
    return held


def organisation_of(user: AnyUser, expo: Expo, role: str) -> Participation | None:
    """The participation ``user`` acts for as ``role`` in ``expo``, or None.

    A person who belongs to several organisations with that role acts for the one they joined
    first (then the lowest id), so the answer is stable from one request to the next.
    """
    return organisations_of(user, expo, role).get(role)


def organisations_of(user: AnyUser, expo: Expo, *roles: str) -> dict[str, Participation]:
    """The participation ``user`` acts for in each of ``roles`` they hold in ``expo``, chosen
    as :func:`organisation_of` chooses, in one query (a page asking for both sides). None in a
    draft, whose portals are closed (:func:`organisations_by_slug`): its organisers may read it
    through the API, but not act in it as a participant of theirs."""
    if not expo.is_public:
        return {}
    return _acting(user, Q(expo=expo), roles)


def organisations_by_slug(user: AnyUser, slug: str, *roles: str) -> dict[str, Participation]:
    """Like :func:`organisations_of` for the public edition with ``slug``, each participation
    with its expo loaded: an API call scoped to an edition reads both in one query. Empty when
    the user holds none of ``roles`` there, or no public edition has that slug (the caller
    tells which); a draft's portals are closed, on the site and in the API."""
    return _acting(user, Q(expo__slug=slug, expo__is_public=True), roles, "expo")


def _acting(
    user: AnyUser, in_expo: Q, roles: tuple[str, ...], *related: str
) -> dict[str, Participation]:
    if not user.is_authenticated or not user.is_active:
        return {}
    rows = (
        Participation.objects.filter(
            in_expo, role__in=_known(roles), organisation__memberships__user_id=user.pk
        )
        .select_related("organisation", *related)
        .defer("search_text")  # the directory's, some kilobytes a row: no caller reads it
        .order_by("organisation__memberships__created_at", "pk")
    )
    found: dict[str, Participation] = {}
    for participation in rows:
        found.setdefault(participation.role, participation)
    return found


def require_organisation_of(user: AnyUser, expo: Expo, role: str) -> Participation:
    """Like :func:`organisation_of`, refusing with the same errors as :func:`require_role`."""
    if not user.is_authenticated:
        raise NotLoggedIn(_("Please log in first."))
    participation = organisation_of(user, expo, role)
    if participation is None:
        raise RoleRequired(_("Your account may not do this in this edition."))
    return participation


def is_organisation_admin(user: AnyUser, organisation: Organisation | int) -> bool:
    """Whether ``user`` administers ``organisation`` (invites and removes its colleagues)."""
    if not user.is_authenticated or not user.is_active:
        return False
    org_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    return Membership.objects.filter(
        user_id=user.pk, organisation_id=org_id, role=Membership.Role.ADMIN
    ).exists()


def _is_superuser(user: AbstractBaseUser) -> bool:
    return bool(getattr(user, "is_superuser", False))


def _known(roles: tuple[str, ...]) -> tuple[str, ...]:
    """Catch a misspelt role at the call site instead of silently refusing everyone."""
    unknown = set(roles) - ROLES
    if unknown or not roles:
        raise ValueError(f"unknown roles {sorted(unknown)}; use {sorted(ROLES)}")
    return roles
