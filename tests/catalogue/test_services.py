"""Editing a profile and a catalogue: audited, fed to search and matching, refused clearly."""

import pytest
from django.core.files.storage import default_storage

from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.errors import CatalogueError, NotAllowed
from tradefair.catalogue.services.items import (
    ItemInput,
    add_picture,
    delete_item,
    remove_picture,
    save_item,
)
from tradefair.catalogue.services.profile import ProfileInput, update_profile
from tradefair.matchmaking.models import Recommendation
from tradefair.organisations.models import Need, Offer, OfferPicture, Organisation, Participation

from .conftest import picture_bytes, upload

pytestmark = pytest.mark.django_db

ARM = ItemInput(
    title="Six-axis packing arm",
    title_zh="六轴包装机械臂",
    text="Picks 60 fruit a minute.",
    hs_codes=["847950", "8428"],
    sectors=["artificial-intelligence"],
    markets=["vn", "TH"],
    minimum_order="2 units",
    certifications=["CE", "ISO 9001", "CE"],
)


def test_a_profile_edit_is_saved_audited_and_searchable(fair):
    change = update_profile(
        participation=fair.me.participation,
        by_user=fair.me.user,
        values=ProfileInput(
            name="Guangxi Robotics",
            name_zh="广西机器人",
            description="Packing robots for fruit.",
            website="https://gxrobotics.example",
            phone="+86 771 555 0100",
        ),
    )
    org = Organisation.objects.get(pk=fair.me.participation.organisation_id)
    assert (org.name_zh, org.website, org.phone) == (
        "广西机器人",
        "https://gxrobotics.example",
        "+86 771 555 0100",
    )
    assert change is not None
    assert (change.user, change.subject, change.action, change.label) == (
        fair.me.user,
        "profile",
        "changed",
        "Guangxi Robotics",
    )
    assert change.fields == {
        "name_zh": ["", "广西机器人"],
        "description": ["", "Packing robots for fruit."],
        "website": ["", "https://gxrobotics.example"],
        "phone": ["", "+86 771 555 0100"],
    }
    search_text = Participation.objects.get(pk=fair.me.participation.pk).search_text
    assert "广西机器人" in search_text and "packing robots for fruit." in search_text


def test_saving_an_unchanged_profile_records_nothing(fair):
    values = ProfileInput(name="Guangxi Robotics")
    assert (
        update_profile(participation=fair.me.participation, by_user=fair.me.user, values=values)
        is None
    )
    assert ProfileChange.objects.count() == 0


def test_a_plain_member_may_not_edit_and_nothing_changes(fair):
    with pytest.raises(NotAllowed) as refused:
        update_profile(
            participation=fair.me.participation,
            by_user=fair.colleague,
            values=ProfileInput(name="Hijacked Ltd"),
        )
    assert "Only your organisation's admins" in str(refused.value)
    assert (
        Organisation.objects.get(pk=fair.me.participation.organisation_id).name
        == "Guangxi Robotics"
    )
    assert ProfileChange.objects.count() == 0


def test_taking_another_organisations_name_in_the_same_country_is_refused(fair):
    with pytest.raises(CatalogueError) as refused:
        update_profile(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ProfileInput(name="nanning motors"),
        )
    assert (refused.value.field, str(refused.value)) == (
        "name",
        "Another organisation of your country is already called “nanning motors”.",
    )


def test_a_logo_is_stored_resized_and_the_old_one_deleted(fair, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        update_profile(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ProfileInput(name="Guangxi Robotics"),
            logo=upload("logo.png", picture_bytes((900, 300), "PNG")),
        )
    first = Organisation.objects.get(pk=fair.me.participation.organisation_id).logo.name
    assert first.startswith("logos/") and first.endswith("-logo.webp")
    with django_capture_on_commit_callbacks(execute=True):
        update_profile(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ProfileInput(name="Guangxi Robotics"),
            remove_logo=True,
        )
    assert Organisation.objects.get(pk=fair.me.participation.organisation_id).logo.name == ""
    assert not default_storage.exists(first)
    assert [c.fields["logo"] for c in ProfileChange.objects.order_by("id")] == [
        ["", first],
        [first, ""],
    ]


def test_a_product_is_created_with_a_picture_and_audited(fair):
    offer = save_item(
        participation=fair.me.participation,
        by_user=fair.me.user,
        values=ARM,
        picture=upload(),
        caption="On a mango line",
    )
    assert isinstance(offer, Offer)
    assert (offer.minimum_order, offer.certifications) == ("2 units", ["CE", "ISO 9001"])
    assert sorted(offer.hs_codes.values_list("code", flat=True)) == ["8428", "847950"]
    assert sorted(offer.markets.values_list("code", flat=True)) == ["TH", "VN"]
    assert list(offer.sectors.values_list("slug", flat=True)) == ["artificial-intelligence"]
    picture = offer.pictures.get()
    assert (picture.caption, picture.width, picture.height) == ("On a mango line", 1200, 800)
    assert all(
        default_storage.exists(getattr(picture, s).name) for s in ("large", "medium", "thumb")
    )
    change = ProfileChange.objects.get()
    assert (change.subject, change.action, change.label) == ("product", "created", ARM.title)
    assert change.fields["hs_codes"] == [None, ["8428", "847950"]]
    assert change.fields["pictures"] == [None, 1]
    assert "六轴包装机械臂" in Participation.objects.get(pk=fair.me.participation.pk).search_text


def test_unknown_codes_are_refused_by_name_and_nothing_is_written(fair):
    bad = ItemInput(title="Arm", hs_codes=["8479", "857100", "12ab"], markets=["VN"])
    with pytest.raises(CatalogueError) as refused:
        save_item(participation=fair.me.participation, by_user=fair.me.user, values=bad)
    assert (refused.value.field, str(refused.value)) == (
        "hs_codes",
        "Unknown HS codes: 12ab, 857100. Give 2-, 4- or 6-digit codes of the Harmonized System.",
    )
    bad = ItemInput(title="Arm", sectors=["space-tourism"])
    with pytest.raises(CatalogueError) as refused:
        save_item(participation=fair.me.participation, by_user=fair.me.user, values=bad)
    assert str(refused.value) == "Unknown sectors: space-tourism. Pick sectors from the list."
    bad = ItemInput(title="Arm", markets=["VN", "XX"])
    with pytest.raises(CatalogueError) as refused:
        save_item(participation=fair.me.participation, by_user=fair.me.user, values=bad)
    assert (
        str(refused.value) == "Unknown countries: XX. Use two-letter ISO 3166 codes, e.g. VN, TH."
    )
    assert Offer.objects.count() == 0 and ProfileChange.objects.count() == 0


def test_a_refused_picture_keeps_the_product_from_being_created(fair):
    with pytest.raises(CatalogueError) as refused:
        save_item(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ARM,
            picture=upload("arm.jpg", b"MZ" + b"\x00" * 500),
        )
    assert refused.value.field == "picture"
    assert Offer.objects.count() == 0 and OfferPicture.objects.count() == 0


def test_editing_records_only_what_changed(fair):
    offer = save_item(participation=fair.me.participation, by_user=fair.me.user, values=ARM)
    changed = ItemInput(**{**ARM.__dict__, "minimum_order": "1 unit", "markets": ["VN"]})
    save_item(participation=fair.me.participation, by_user=fair.me.user, values=changed, item=offer)
    last = ProfileChange.objects.first()
    assert last is not None and last.fields == {
        "markets": [["TH", "VN"], ["VN"]],
        "minimum_order": ["2 units", "1 unit"],
    }


def test_another_organisations_product_cannot_be_edited_or_deleted(fair):
    theirs = save_item(participation=fair.other.participation, by_user=fair.other.user, values=ARM)
    with pytest.raises(CatalogueError):
        save_item(
            participation=fair.me.participation, by_user=fair.me.user, values=ARM, item=theirs
        )
    with pytest.raises(CatalogueError):
        delete_item(participation=fair.me.participation, by_user=fair.me.user, item=theirs)
    assert Offer.objects.get(pk=theirs.pk).title == ARM.title


def test_deleting_a_product_removes_its_pictures_after_commit(
    fair, django_capture_on_commit_callbacks
):
    offer = save_item(participation=fair.me.participation, by_user=fair.me.user, values=ARM)
    picture = add_picture(
        participation=fair.me.participation, by_user=fair.me.user, offer=offer, upload=upload()
    )
    names = [getattr(picture, s).name for s in ("large", "medium", "thumb")]
    with django_capture_on_commit_callbacks(execute=True):
        delete_item(participation=fair.me.participation, by_user=fair.me.user, item=offer)
    assert not Offer.objects.exists()
    assert not any(default_storage.exists(name) for name in names)
    assert list(ProfileChange.objects.values_list("subject", "action")) == [
        ("product", "deleted"),
        ("picture", "created"),
        ("product", "created"),
    ]


def test_removing_one_picture_keeps_the_others(fair, django_capture_on_commit_callbacks):
    offer = save_item(participation=fair.me.participation, by_user=fair.me.user, values=ARM)
    kept, gone = (
        add_picture(
            participation=fair.me.participation,
            by_user=fair.me.user,
            offer=offer,
            upload=upload(),
            caption=c,
        )
        for c in ("front", "side")
    )
    with django_capture_on_commit_callbacks(execute=True):
        remove_picture(participation=fair.me.participation, by_user=fair.me.user, picture=gone)
    assert list(offer.pictures.values_list("caption", flat=True)) == ["front"]
    assert default_storage.exists(kept.large.name) and not default_storage.exists(gone.large.name)


def test_a_buyer_edits_what_it_sources(fair):
    need = save_item(
        participation=fair.buyer.participation,
        by_user=fair.buyer.user,
        values=ItemInput(title="Dried longan", hs_codes=["0813"], markets=["VN"]),
    )
    assert isinstance(need, Need)
    assert ProfileChange.objects.get().subject == "need"


def test_a_new_product_reaches_the_buyers_recommendations(fair, django_capture_on_commit_callbacks):
    save_item(
        participation=fair.buyer.participation,
        by_user=fair.buyer.user,
        values=ItemInput(title="Packing robots", hs_codes=["847950"], markets=["CN"]),
    )
    assert not Recommendation.objects.filter(exhibitor=fair.me.participation).exists()
    from django.core.cache import cache

    cache.clear()  # the buyer's edit queued a refresh; a new edit must be free to queue one
    with django_capture_on_commit_callbacks(execute=True):
        save_item(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ItemInput(title="Packing arm", hs_codes=["847950"], markets=["VN"]),
        )
    ranked = Recommendation.objects.get(
        buyer=fair.buyer.participation, exhibitor=fair.me.participation
    )
    assert ranked.buyer_rank == 1
