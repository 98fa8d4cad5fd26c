"""The demo's log-ins: an organiser, five buyers, five exhibitors and a partner, all with
password ``demo``.

Created only by ``tradefair demo`` (never by migrations or imports), so a production database
never holds a known password. Idempotent: users, memberships and the staff row are looked up
before they are made, so loading twice changes nothing. Each buyer comes from another ASEAN
country (the first buyer by name of each, largest trading partners first) and the exhibitors are
the first five Chinese exhibitors by name: the China-ASEAN story the demo tells, with the same
organisations on every load of the same data. ``demo/showcase.py`` applies the same rule to the
generated data to plant requests between these organisations.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.demo.showcase import BUYER_COUNTRIES, PER_ROLE
from tradefair.expos.models import CountryGroup, Expo
from tradefair.organisations.models import Participation
from tradefair.registration.models import DelegationLink
from tradefair.registration.services.badges import issue_to_members

PASSWORD = "demo"
DOMAIN = "caexpo.demo"
ORGANISER_GROUP = "Organiser staff"
# What the organiser manages in the admin; user accounts stay with superusers.
ORGANISER_APPS = ("expos", "floorplan", "organisations", "programme", "matchmaking", "accounts")
ORGANISER_EXCLUDED_MODELS = ("user",)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str  # "organiser" or a participation's role
    organisation: str

    def role_label(self) -> str:
        """The role in the operator's words, as the portals name it."""
        if self.role == "organiser":
            return _("organiser")
        return str(Participation.Role(self.role).label)


def ensure_demo_accounts(slug: str) -> list[DemoAccount]:
    """Create (or find) the demo log-ins of edition ``slug``; returns them in print order."""
    with transaction.atomic():
        expo = Expo.objects.get(slug=slug)
        password = make_password(PASSWORD)  # hashed once: the hasher is slow on purpose
        organiser = _user(f"organiser@{DOMAIN}", password, "Demo organiser", is_staff=True)
        organiser.groups.add(_organiser_group())
        ExpoStaff.objects.get_or_create(user=organiser, expo=expo)
        accounts = [DemoAccount(organiser.email, "organiser", expo.name)]
        for role, participations in (
            (Participation.Role.BUYER, _buyers(expo)),
            (Participation.Role.EXHIBITOR, _first(expo, "exhibitor", expo.host_country_id)),
        ):
            for number, participation in enumerate(participations, start=1):
                org = participation.organisation
                user = _user(f"{role}{number}@{DOMAIN}", password, f"Demo {role} {number}")
                Membership.objects.get_or_create(
                    user=user, organisation=org, defaults={"role": Membership.Role.ADMIN}
                )
                accounts.append(DemoAccount(user.email, str(role), org.name))
        partner = _partner(expo)
        if partner is not None:
            user = _user(f"partner1@{DOMAIN}", password, "Demo partner 1")
            Membership.objects.get_or_create(
                user=user,
                organisation=partner.organisation,
                defaults={"role": Membership.Role.ADMIN},
            )
            accounts.append(DemoAccount(user.email, "partner", partner.organisation.name))
        issue_to_members(expo)  # every demo log-in's badge, for the portals' Badge page
    return accounts


def _partner(expo: Expo) -> Participation | None:
    """The partner whose delegation has the first invitation link: it has applications to
    review."""
    link = (
        DelegationLink.objects.filter(expo=expo)
        .select_related("delegation__partner__organisation")
        .order_by("delegation__name")
        .first()
    )
    return link.delegation.partner if link else None


def _user(email: str, password: str, name: str, *, is_staff: bool = False) -> User:
    user, _created = User.objects.get_or_create(
        email=email, defaults={"password": password, "first_name": name, "is_staff": is_staff}
    )
    return user


def _first(expo: Expo, role: str, country: str, limit: int = PER_ROLE) -> list[Participation]:
    return list(
        Participation.objects.filter(expo=expo, role=role, organisation__country=country)
        .select_related("organisation")
        .order_by("organisation__name", "pk")[:limit]
    )


def _buyers(expo: Expo) -> list[Participation]:
    asean = CountryGroup.objects.get(slug="asean").countries.values_list("code", flat=True)
    countries = [*BUYER_COUNTRIES, *sorted(set(asean) - set(BUYER_COUNTRIES))]
    chosen: list[Participation] = []
    for country in countries:
        chosen += _first(expo, "buyer", country, limit=1)
        if len(chosen) == PER_ROLE:
            break
    return chosen


def _organiser_group() -> Group:
    """Re-granted on every load, so models added since the last load are included."""
    group, _created = Group.objects.get_or_create(name=ORGANISER_GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=ORGANISER_APPS).exclude(
            content_type__app_label="accounts", content_type__model__in=ORGANISER_EXCLUDED_MODELS
        )
    )
    return group
