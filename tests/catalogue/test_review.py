"""Listing changes waiting for the organisers: nothing goes public until approved."""

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from tests.matchmaking.conftest import Party
from tradefair.accounts.models import ExpoStaff, User
from tradefair.accounts.services.roles import RoleRequired
from tradefair.accounts.tokens import issue_token
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.items import (
    ItemInput,
    add_picture,
    delete_item,
    remove_picture,
    save_item,
)
from tradefair.catalogue.services.profile import ProfileInput, update_profile
from tradefair.catalogue.services.review import approve_change, reject_change
from tradefair.organisations.models import Offer, OfferPicture, Organisation, Participation

from .conftest import picture_bytes, upload

pytestmark = pytest.mark.django_db
Status = ProfileChange.Status


@pytest.fixture
def organiser(fair) -> User:
    user = User.objects.create_user("staff@example.com")
    ExpoStaff.objects.create(user=user, expo=fair.expo)
    return user


@pytest.fixture
def reviewed(fair):
    fair.expo.listing_changes_need_approval = True
    fair.expo.save()
    fair.me.participation.expo = fair.expo
    return fair


def search_text(party: Party) -> str:
    return Participation.objects.get(pk=party.participation.pk).search_text


def test_a_new_product_waits_then_goes_public_when_approved(reviewed, organiser):
    me = reviewed.me
    result = save_item(
        participation=me.participation,
        by_user=me.user,
        values=ItemInput(title="Mango sorter", hs_codes=["843360"]),
        picture=upload(),
        caption="At work",
    )
    assert result is None and not Offer.objects.exists()
    assert "mango sorter" not in search_text(me)
    change = ProfileChange.objects.get()
    assert (change.status, change.action, change.fields["title"]) == (
        "pending",
        "created",
        [None, "Mango sorter"],
    )
    stored = change.proposal["picture"]
    assert default_storage.exists(stored["thumb"])  # stored now, for the reviewer to see
    approve_change(expo=reviewed.expo, change_id=change.pk, by_user=organiser)
    offer = Offer.objects.get()
    assert offer.title == "Mango sorter" and offer.pictures.get().thumb.name == stored["thumb"]
    assert "mango sorter" in search_text(me)
    change.refresh_from_db()
    assert (change.status, change.reviewed_by) == ("approved", organiser)


def test_a_rejected_profile_change_keeps_the_profile_and_deletes_its_logo(
    reviewed, organiser, django_capture_on_commit_callbacks
):
    me = reviewed.me
    change = update_profile(
        participation=me.participation,
        by_user=me.user,
        values=ProfileInput(name="Guangxi Robotics", name_zh="广西机器人"),
        logo=upload("l.png", picture_bytes((400, 400), "PNG")),
    )
    assert change is not None and change.status == Status.PENDING
    org = Organisation.objects.get(pk=me.participation.organisation_id)
    assert (org.name_zh, org.logo.name) == ("", "")
    logo = change.proposal["logo"]
    with django_capture_on_commit_callbacks(execute=True):
        reject_change(
            expo=reviewed.expo, change_id=change.pk, by_user=organiser, note="Logo is blurry."
        )
    assert not default_storage.exists(logo)
    change.refresh_from_db()
    assert (change.status, change.review_note) == ("rejected", "Logo is blurry.")
    assert Organisation.objects.get(pk=org.pk).name_zh == ""


def test_deletions_and_pictures_wait_too(reviewed, organiser, django_capture_on_commit_callbacks):
    me = reviewed.me
    reviewed.expo.listing_changes_need_approval = False
    offer = save_item(
        participation=me.participation, by_user=me.user, values=ItemInput(title="Arm")
    )
    assert isinstance(offer, Offer)
    picture = add_picture(
        participation=me.participation, by_user=me.user, offer=offer, upload=upload()
    )
    assert picture is not None
    reviewed.expo.listing_changes_need_approval = True
    assert (
        add_picture(participation=me.participation, by_user=me.user, offer=offer, upload=upload())
        is None
    )
    remove_picture(participation=me.participation, by_user=me.user, picture=picture)
    delete_item(participation=me.participation, by_user=me.user, item=offer)
    assert OfferPicture.objects.count() == 1 and Offer.objects.count() == 1
    pending = list(ProfileChange.objects.filter(status="pending").order_by("id"))
    assert [(c.subject, c.action) for c in pending] == [
        ("picture", "created"),
        ("picture", "deleted"),
        ("product", "deleted"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for change in pending[:2]:
            approve_change(expo=reviewed.expo, change_id=change.pk, by_user=organiser)
    assert list(OfferPicture.objects.values_list("large", flat=True)) == [
        pending[0].proposal["picture"]["large"]
    ]
    assert not default_storage.exists(picture.large.name)
    with django_capture_on_commit_callbacks(execute=True):
        approve_change(expo=reviewed.expo, change_id=pending[2].pk, by_user=organiser)
    assert not Offer.objects.exists()


def test_an_organisers_own_edit_goes_public_at_once(reviewed, organiser):
    from tradefair.accounts.models import Membership

    Membership.objects.create(
        user=organiser, organisation=reviewed.me.participation.organisation, role="admin"
    )
    saved = save_item(
        participation=reviewed.me.participation, by_user=organiser, values=ItemInput(title="Arm")
    )
    assert saved is not None and ProfileChange.objects.get().status == "applied"


def test_approval_checks_again_and_refuses_what_no_longer_applies(reviewed, organiser):
    me = reviewed.me
    update_profile(
        participation=me.participation, by_user=me.user, values=ProfileInput(name="Beibu Tech")
    )
    change = ProfileChange.objects.get()
    # Meanwhile another organisation of the same country took the name.
    Organisation.objects.filter(pk=reviewed.other.participation.organisation_id).update(
        name="Beibu Tech"
    )
    with pytest.raises(CatalogueError) as refused:
        approve_change(expo=reviewed.expo, change_id=change.pk, by_user=organiser)
    assert "already called “Beibu Tech”" in str(refused.value)
    change.refresh_from_db()
    assert change.status == "pending"
    reject_change(expo=reviewed.expo, change_id=change.pk, by_user=organiser, note="Name taken.")
    with pytest.raises(CatalogueError) as twice:
        approve_change(expo=reviewed.expo, change_id=change.pk, by_user=organiser)
    assert str(twice.value) == "This change was already rejected."


def test_only_organisers_review_and_a_reason_is_required(reviewed, organiser):
    me = reviewed.me
    save_item(participation=me.participation, by_user=me.user, values=ItemInput(title="Arm"))
    change = ProfileChange.objects.get()
    with pytest.raises(RoleRequired):
        approve_change(expo=reviewed.expo, change_id=change.pk, by_user=me.user)
    with pytest.raises(CatalogueError) as no_reason:
        reject_change(expo=reviewed.expo, change_id=change.pk, by_user=organiser, note="  ")
    assert no_reason.value.field == "note"
    assert ProfileChange.objects.get().status == "pending"


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("exhibitor", 403), ("organiser", 200)]
)
def test_who_may_open_the_review_console(reviewed, organiser, who, status):
    client = Client()
    if who != "anonymous":
        client.force_login(organiser if who == "organiser" else reviewed.me.user)
    url = reverse("catalogue_console:queue", kwargs={"slug": reviewed.expo.slug})
    assert client.get(url).status_code == status
    switched = client.post(
        reverse("catalogue_console:switch", kwargs={"slug": reviewed.expo.slug}), {}
    )
    assert switched.status_code == (302 if who != "exhibitor" else 403)
    reviewed.expo.refresh_from_db()
    assert reviewed.expo.listing_changes_need_approval is (who != "organiser")


def test_the_console_shows_the_queue_and_publishes_on_approval(reviewed, organiser):
    me = reviewed.me
    save_item(
        participation=me.participation,
        by_user=me.user,
        values=ItemInput(title="Mango sorter"),
        picture=upload(),
    )
    change = ProfileChange.objects.get()
    client = Client()
    client.force_login(organiser)
    page = client.get(reverse("catalogue_console:queue", kwargs={"slug": reviewed.expo.slug}))
    text = page.content.decode()
    assert "1 change waits for review" in text and "Mango sorter" in text
    assert change.proposal["picture"]["thumb"] in text
    done = client.post(
        reverse(
            "catalogue_console:decide",
            kwargs={"slug": reviewed.expo.slug, "pk": change.pk, "action": "approve"},
        )
    )
    assert done.status_code == 302 and Offer.objects.get().title == "Mango sorter"


def test_the_portal_and_the_api_say_that_a_change_waits(reviewed):
    me = reviewed.me
    client = Client()
    client.force_login(me.user)
    answer = client.post(
        reverse("exhibitor_catalogue:item_new", kwargs={"slug": reviewed.expo.slug}),
        {"title": "Mango sorter", "hs_codes": "8433"},
        follow=True,
    )
    text = answer.content.decode()
    assert "Your change waits for the organisers&#x27; approval" in text
    assert "1 change waits for the organisers" in text
    api = Client(headers={"Authorization": f"Bearer {issue_token(me.user)}"})
    posted = api.post(
        "/api/v1/expos/test-expo/exhibitor/products",
        {"title": "Durian peeler"},
        content_type="application/json",
    )
    assert posted.status_code == 202 and "waits for the organisers" in posted.json()["detail"]
    assert not Offer.objects.exists()
