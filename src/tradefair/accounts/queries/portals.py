"""Where a person works: the portals their roles open, and the page they land on after log-in.

The table :data:`PORTALS` pairs each role that has a portal with the portal's URL name and
label; the header's links (``matchmaking.context_processors``) and the landing read it, so a new
portal is added in one place. Roles follow ``services.roles``: organiser staff of an edition (a
superuser in every edition) and the participation roles of the organisations one is a member of.
"""

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tradefair.accounts.models import ExpoStaff
from tradefair.accounts.services.roles import ORGANISER
from tradefair.expos.models import Expo
from tradefair.organisations.models import Organisation, Participation

Role = Participation.Role

# (role that opens the portal, its URL name, label), in the header's order
PORTALS: tuple[tuple[str, str, Promise], ...] = (
    (ORGANISER, "organiser:home", _("Organiser console")),
    (Role.EXHIBITOR, "exhibitor:home", _("Exhibitor portal")),
    (Role.BUYER, "buyer:home", _("Buyer portal")),
    (Role.PARTNER, "partner:home", _("Partner portal")),
)
_ORDER = {role: position for position, (role, _name, _label) in enumerate(PORTALS)}


@dataclass(frozen=True)
class Portal:
    role: str
    expo: Expo
    organisation: Organisation | None  # the one the person acts for; None for the console
    label: str | Promise
    url: str


def portals_of(user: AbstractBaseUser | AnonymousUser) -> list[Portal]:
    """Every portal ``user`` may open, newest edition first, in the header's order within one.

    In a portal a person acts for one organisation per role (``roles.organisation_of``: the one
    joined first), so each edition and role appears once. Two queries whatever the count.
    """
    if not user.is_authenticated or not user.is_active:
        return []
    found: dict[tuple[int, str], tuple[Expo, Organisation | None]] = {}
    if getattr(user, "is_superuser", False):
        consoles = list(Expo.objects.all())
    else:
        staff_rows = ExpoStaff.objects.filter(user_id=user.pk).select_related("expo")
        consoles = [row.expo for row in staff_rows]
    for expo in consoles:
        found[(expo.pk, ORGANISER)] = (expo, None)
    participations = (
        Participation.objects.filter(
            role__in=[role for role, _name, _label in PORTALS if role != ORGANISER],
            organisation__memberships__user_id=user.pk,
        )
        .select_related("expo", "organisation")
        .order_by("organisation__memberships__created_at", "pk")
    )
    for participation in participations:
        found.setdefault(
            (participation.expo_id, participation.role),
            (participation.expo, participation.organisation),
        )
    portals = [
        _portal(role, expo, organisation) for (_id, role), (expo, organisation) in found.items()
    ]
    return sorted(
        portals, key=lambda p: (-p.expo.start_date.toordinal(), p.expo.slug, _ORDER[p.role])
    )


def landing_url(user: AbstractBaseUser | AnonymousUser) -> str:
    """Where ``user`` starts after logging in.

    Organiser staff of one edition go to its console (they work there even if their company
    also buys); anyone else with a single portal goes to it; several portals, or several
    editions, lead to the chooser; no portal at all to the account page.
    """
    portals = portals_of(user)
    consoles = [portal for portal in portals if portal.role == ORGANISER]
    if len(consoles) == 1:
        return consoles[0].url
    if len(portals) == 1:
        return portals[0].url
    return reverse("accounts:portals" if portals else "accounts:home")


def _portal(role: str, expo: Expo, organisation: Organisation | None) -> Portal:
    name, label = next((name, label) for held, name, label in PORTALS if held == role)
    return Portal(role, expo, organisation, label, reverse(name, kwargs={"slug": expo.slug}))
