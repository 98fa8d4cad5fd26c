"""Roles in an edition come from organiser staff rows and one's organisations' participations."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.accounts.services.roles import (
    NotLoggedIn,
    RoleRequired,
    has_role,
    is_organisation_admin,
    organisation_of,
    require_organisation_of,
    require_role,
    roles_in_expo,
)
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation

from .conftest import member, organisation

pytestmark = pytest.mark.django_db


def test_roles_of_each_kind_of_user(people, expo):
    assert roles_in_expo(AnonymousUser(), expo) == frozenset()
    assert roles_in_expo(people.outsider, expo) == frozenset()
    assert roles_in_expo(people.buyer_member, expo) == {"buyer"}
    assert roles_in_expo(people.exhibitor_admin, expo) == {"exhibitor"}
    assert roles_in_expo(people.organiser, expo) == {"organiser"}
    root = User.objects.create_superuser("root@example.org", "pw")
    assert roles_in_expo(root, expo) == {"organiser"}


def test_roles_are_per_edition(people, expo):
    other = Expo.objects.create(
        slug="other",
        name="Other",
        host_country_id="CN",
        start_date=dt.date(2026, 9, 1),
        end_date=dt.date(2026, 9, 5),
    )
    ExpoStaff.objects.create(user=people.buyer_admin, expo=other)
    assert roles_in_expo(people.buyer_admin, other) == {"organiser"}
    assert roles_in_expo(people.buyer_admin, expo) == {"buyer"}
    assert roles_in_expo(people.organiser, other) == frozenset()


def test_an_organisation_with_two_roles_gives_both(people, expo):
    Participation.objects.create(expo=expo, organisation=people.buyer_org, role="investor")
    assert roles_in_expo(people.buyer_member, expo) == {"buyer", "investor"}


def test_inactive_users_hold_no_role(people, expo):
    people.organiser.is_active = False
    people.buyer_admin.is_active = False
    assert roles_in_expo(people.organiser, expo) == frozenset()
    assert organisation_of(people.buyer_admin, expo, "buyer") is None


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("anonymous", NotLoggedIn),
        ("outsider", RoleRequired),
        ("exhibitor_admin", RoleRequired),  # wrong role
        ("buyer_member", None),  # right role
        ("organiser", RoleRequired),  # organisers do not act as a buyer
    ],
)
def test_require_role(people, expo, who, error):
    user = AnonymousUser() if who == "anonymous" else getattr(people, who)
    if error is None:
        assert require_role(user, expo, "buyer") == {"buyer"}
        assert has_role(user, expo, "buyer", "exhibitor")
    else:
        with pytest.raises(error):
            require_role(user, expo, "buyer")
        assert not has_role(user, expo, "buyer")


def test_not_logged_in_is_a_role_refusal_too(expo):
    """Callers that do not care about the difference catch one class."""
    with pytest.raises(RoleRequired, match="log in"):
        require_role(AnonymousUser(), expo, "organiser")


def test_organisation_of_returns_the_participation_acted_for(people, expo):
    buyer = organisation_of(people.buyer_member, expo, "buyer")
    assert buyer is not None and buyer.organisation == people.buyer_org
    assert organisation_of(people.buyer_member, expo, "exhibitor") is None
    assert organisation_of(people.outsider, expo, "buyer") is None
    assert organisation_of(AnonymousUser(), expo, "buyer") is None
    assert require_organisation_of(people.exhibitor_admin, expo, "exhibitor").organisation == (
        people.exhibitor_org
    )
    with pytest.raises(RoleRequired):
        require_organisation_of(people.exhibitor_admin, expo, "buyer")
    with pytest.raises(NotLoggedIn):
        require_organisation_of(AnonymousUser(), expo, "buyer")


def test_someone_in_two_buyer_organisations_acts_for_the_first_joined(people, expo):
    later = organisation(expo, "Aardvark Imports", "TH", "buyer")  # first by name, joined later
    twice = member(later, "twice@example.org")
    Membership.objects.create(user=twice, organisation=people.buyer_org)
    Membership.objects.filter(user=twice, organisation=later).update(
        created_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    )
    acting = organisation_of(twice, expo, "buyer")
    assert acting is not None and acting.organisation == people.buyer_org


def test_misspelt_roles_fail_loudly(people, expo):
    with pytest.raises(ValueError, match="byuer"):
        require_role(people.buyer_member, expo, "byuer")
    with pytest.raises(ValueError):
        organisation_of(people.buyer_member, expo, "admin")


def test_organisation_admins(people):
    assert is_organisation_admin(people.buyer_admin, people.buyer_org)
    assert is_organisation_admin(people.buyer_admin, people.buyer_org.pk)
    assert not is_organisation_admin(people.buyer_member, people.buyer_org)
    assert not is_organisation_admin(people.exhibitor_admin, people.buyer_org)
    assert not is_organisation_admin(AnonymousUser(), people.buyer_org)
