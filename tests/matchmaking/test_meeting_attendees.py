"""Who goes to an organisation's meetings: chosen in the meeting settings, used by the scheduler.

Named attendees replace "every member" for the programme's busy slots
(``adapters/busy.py``); the setting is the portal's, written by ``update_meeting_profile``.
"""

import pytest

from tradefair.accounts.models import Membership, User
from tradefair.matchmaking.models import MeetingProfile
from tradefair.matchmaking.queries.attendees import attendees_of, colleagues
from tradefair.matchmaking.services.errors import InvalidRequest
from tradefair.matchmaking.services.profiles import update_meeting_profile
from tradefair.organisations.models import Organisation

from .conftest import Party

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(buyer: Party) -> User:
    user = User.objects.create_user("colleague@example.com", first_name="Lan", last_name="Pham")
    Membership.objects.create(user=user, organisation=buyer.participation.organisation)
    return user


def save(party: Party, attendees: list[int] | None) -> MeetingProfile:
    return update_meeting_profile(
        participation=party.participation,
        languages=["en"],
        max_meetings=None,
        slot_ids=None,
        by_user=party.user,
        attendees=attendees,
    )


def test_named_attendees_replace_every_member(buyer: Party, colleague: User) -> None:
    pid = buyer.participation.pk
    assert attendees_of([pid]) == {pid: {buyer.user.pk, colleague.pk}}
    save(buyer, [colleague.pk])
    assert attendees_of([pid]) == {pid: {colleague.pk}}
    save(buyer, [])  # none ticked: every member again
    assert attendees_of([pid]) == {pid: {buyer.user.pk, colleague.pk}}


def test_leaving_attendees_out_keeps_them(buyer: Party, colleague: User) -> None:
    save(buyer, [colleague.pk])
    save(buyer, None)
    assert list(MeetingProfile.objects.get().attendees.all()) == [colleague]


def test_someone_outside_the_organisation_is_refused_and_nothing_changes(
    buyer: Party, colleague: User, make_party
) -> None:
    save(buyer, [colleague.pk])
    outsider = make_party("Other Buyer").user
    with pytest.raises(InvalidRequest, match="Only active members of your organisation"):
        update_meeting_profile(
            participation=buyer.participation,
            languages=["zh"],
            max_meetings=3,
            slot_ids=None,
            by_user=buyer.user,
            attendees=[outsider.pk],
        )
    profile = MeetingProfile.objects.get()
    assert (profile.languages, profile.max_meetings) == (["en"], None)
    assert list(profile.attendees.all()) == [colleague]


def test_colleagues_are_the_active_members_by_name(buyer: Party, colleague: User) -> None:
    gone = User.objects.create_user("gone@example.com", is_active=False)
    Membership.objects.create(user=gone, organisation=buyer.participation.organisation)
    Membership.objects.create(
        user=User.objects.create_user("elsewhere@example.com"),
        organisation=Organisation.objects.create(
            name="Elsewhere", country=buyer.participation.organisation.country
        ),
    )
    assert colleagues(buyer.participation) == [
        (buyer.user.pk, "buyer-one@example.com"),
        (colleague.pk, "Lan Pham"),
    ]


def test_the_settings_page_offers_and_saves_the_attendees(
    client, buyer: Party, colleague: User, expo
) -> None:
    client.force_login(buyer.user)
    url = f"/{expo.slug}/buyer/settings/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Who goes to the meetings" in page.content.decode()
    assert page.context["form"].fields["attendees"].choices == [
        (str(buyer.user.pk), "buyer-one@example.com"),
        (str(colleague.pk), "Lan Pham"),
    ]
    response = client.post(url, {"attendees": [str(colleague.pk)]})
    assert (response.status_code, response["Location"]) == (302, url)
    assert list(MeetingProfile.objects.get().attendees.all()) == [colleague]
    assert client.get(url).context["form"]["attendees"].value() == [str(colleague.pk)]


def test_a_one_person_organisation_is_not_asked(client, buyer: Party, expo) -> None:
    client.force_login(buyer.user)
    page = client.get(f"/{expo.slug}/buyer/settings/")
    assert page.status_code == 200
    assert page.context["several_members"] is False
    assert "Who goes to the meetings" not in page.content.decode()
