"""The self-service pages: who may open and post each one, and what a post does."""

import pytest
from django.test import Client
from django.urls import reverse

from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.items import ItemInput, add_picture, save_item
from tradefair.organisations.models import Need, Offer, Organisation

from .conftest import picture_bytes, upload

pytestmark = pytest.mark.django_db


def client_for(fair, who: str) -> Client:
    client = Client()
    user = {
        "member": fair.colleague,
        "admin": fair.me.user,
        "other": fair.other.user,
        "buyer": fair.buyer.user,
    }.get(who)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def product(fair) -> Offer:
    offer = save_item(
        participation=fair.me.participation,
        by_user=fair.me.user,
        values=ItemInput(title="Packing arm", hs_codes=["847950"]),
    )
    add_picture(
        participation=fair.me.participation, by_user=fair.me.user, offer=offer, upload=upload()
    )
    return offer


def exhibitor_pages(fair, product) -> dict[str, tuple[str, str]]:
    """Name → (method, url) of every exhibitor self-service page."""
    slug, pk = fair.expo.slug, product.pk
    picture = product.pictures.get().pk

    def url(name: str, **kw: int) -> str:
        return reverse(f"exhibitor_catalogue:{name}", kwargs={"slug": slug, **kw})

    return {
        "profile": ("get", url("profile")),
        "history": ("get", url("history")),
        "items": ("get", url("items")),
        "item_new": ("get", url("item_new")),
        "item": ("get", url("item", pk=pk)),
        "save profile": ("post", url("profile")),
        "add product": ("post", url("item_new")),
        "delete product": ("post", url("item_delete", pk=pk)),
        "add picture": ("post", url("picture_add", pk=pk)),
        "delete picture": ("post", url("picture_delete", pk=picture)),
    }


@pytest.mark.parametrize(
    ("who", "get_status", "post_status"),
    [
        ("anonymous", 302, 302),  # to the log-in page
        ("buyer", 403, 403),  # not an exhibitor here
        ("other", None, None),  # another exhibitor: its own pages, never my product (404)
        ("member", 200, 403),  # reads, may not change
    ],
)
def test_who_may_open_and_post_each_exhibitor_page(fair, product, who, get_status, post_status):
    client = client_for(fair, who)
    before = (Offer.objects.count(), product.pictures.count(), ProfileChange.objects.count())
    for name, (method, url) in exhibitor_pages(fair, product).items():
        answer = getattr(client, method)(url)
        if who == "other":
            mine = name in {"item", "delete product", "add picture", "delete picture"}
            expected = 404 if mine else (200 if method == "get" else 400)
        else:
            expected = get_status if method == "get" else post_status
        assert answer.status_code == expected, (name, answer.status_code)
        if expected == 302:
            assert answer["Location"].startswith("/accounts/login/?next=")
    assert (
        Offer.objects.count(),
        product.pictures.count(),
        ProfileChange.objects.count(),
    ) == before


def test_the_admin_opens_every_page(fair, product):
    client = client_for(fair, "admin")
    for name, (method, url) in exhibitor_pages(fair, product).items():
        if method == "get":
            answer = client.get(url)
            assert answer.status_code == 200, name
            assert b'type="submit"' in answer.content, name


def test_a_member_reads_the_forms_disabled_with_a_note(fair, product):
    page = client_for(fair, "member").get(
        reverse("exhibitor_catalogue:item", kwargs={"slug": fair.expo.slug, "pk": product.pk})
    )
    text = page.content.decode()
    assert "Only your organisation's admins can change these" in text
    assert '<fieldset class="panel" disabled>' in text
    assert "Add the picture" not in text


def test_buyer_pages_follow_the_same_rules(fair):
    need = save_item(
        participation=fair.buyer.participation,
        by_user=fair.buyer.user,
        values=ItemInput(title="Dried longan", hs_codes=["0813"]),
    )
    slug = fair.expo.slug
    urls = [
        reverse(f"buyer_catalogue:{name}", kwargs={"slug": slug, **kw})
        for name, kw in [
            ("profile", {}),
            ("history", {}),
            ("items", {}),
            ("item_new", {}),
            ("item", {"pk": need.pk}),
        ]
    ]
    for url in urls:
        assert client_for(fair, "anonymous").get(url).status_code == 302
        assert client_for(fair, "admin").get(url).status_code == 403  # an exhibitor, no buyer
        assert client_for(fair, "buyer").get(url).status_code == 200
    deleted = client_for(fair, "buyer").post(
        reverse("buyer_catalogue:item_delete", kwargs={"slug": slug, "pk": need.pk})
    )
    assert deleted.status_code == 302 and not Need.objects.exists()


def test_the_admin_adds_a_product_with_a_picture(fair):
    client = client_for(fair, "admin")
    answer = client.post(
        reverse("exhibitor_catalogue:item_new", kwargs={"slug": fair.expo.slug}),
        {
            "title": "Mango sorter",
            "title_zh": "芒果分选机",
            "hs_codes": "8433，843360",
            "markets": ["VN", "TH"],
            "minimum_order": "1 unit",
            "certifications": "CE；ISO 9001",
            "picture": upload(),
            "caption": "At work",
        },
    )
    offer = Offer.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse(
        "exhibitor_catalogue:item", kwargs={"slug": fair.expo.slug, "pk": offer.pk}
    )
    assert sorted(offer.hs_codes.values_list("code", flat=True)) == ["8433", "843360"]
    assert offer.certifications == ["CE", "ISO 9001"]
    assert offer.pictures.get().caption == "At work"
    profile = Client().get(
        reverse(
            "organisations:exhibitor",
            kwargs={"slug": fair.expo.slug, "pk": fair.me.participation.pk},
        )
    )
    assert "Mango sorter" in profile.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("virus.jpg", b"MZ\x90\x00" + b"\x00" * 900, "This file is not a picture we can read"),
        ("scan.tiff", picture_bytes((300, 300), "TIFF"), "TIFF pictures are not accepted"),
    ],
)
def test_a_bad_picture_is_refused_on_its_field_and_the_form_kept(fair, name, data, message):
    answer = client_for(fair, "admin").post(
        reverse("exhibitor_catalogue:item_new", kwargs={"slug": fair.expo.slug}),
        {"title": "Mango sorter", "hs_codes": "8433", "picture": upload(name, data)},
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert message in text and 'value="Mango sorter"' in text
    assert not Offer.objects.exists()


def test_an_unknown_hs_code_is_named_on_its_field(fair):
    answer = client_for(fair, "admin").post(
        reverse("exhibitor_catalogue:item_new", kwargs={"slug": fair.expo.slug}),
        {"title": "Mango sorter", "hs_codes": "8433 857100"},
    )
    assert answer.status_code == 400
    assert "Unknown HS codes: 857100." in answer.content.decode()


def test_the_profile_form_saves_and_the_history_shows_it(fair):
    client = client_for(fair, "admin")
    url = reverse("exhibitor_catalogue:profile", kwargs={"slug": fair.expo.slug})
    answer = client.post(
        url,
        {
            "name": "Guangxi Robotics",
            "name_zh": "广西机器人",
            "website": "gxr.example",
            "logo": upload("l.png", picture_bytes((500, 500), "PNG")),
        },
    )
    assert answer.status_code == 302
    org = Organisation.objects.get(pk=fair.me.participation.organisation_id)
    assert (org.name_zh, org.website) == ("广西机器人", "https://gxr.example")
    history = client.get(reverse("exhibitor_catalogue:history", kwargs={"slug": fair.expo.slug}))
    text = history.content.decode()
    assert "guangxi-robotics@example.com" in text
    assert "<dt>Name in Chinese</dt><dd><ins>广西机器人</ins></dd>" in text


def test_an_uploaded_picture_is_served(fair, product):
    picture = product.pictures.get()
    served = Client().get(picture.thumb.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/webp"
    assert b"".join(served.streaming_content)[:4] == b"RIFF"


@pytest.mark.parametrize("products", [1, 3])
def test_the_product_list_costs_the_same_queries_for_one_or_three(
    fair, products, django_assert_num_queries
):
    for i in range(products):
        offer = save_item(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ItemInput(
                title=f"Arm {i}", hs_codes=["847950"], sectors=["artificial-intelligence"]
            ),
        )
        add_picture(
            participation=fair.me.participation, by_user=fair.me.user, offer=offer, upload=upload()
        )
    client = client_for(fair, "admin")
    url = reverse("exhibitor_catalogue:items", kwargs={"slug": fair.expo.slug})
    client.get(url)  # the session and the user are cached from here on
    # session, user, expo, participation, offers, their HS codes, sectors, markets and
    # pictures, the admin check, pending changes, and the header's roles (two)
    with django_assert_num_queries(13):
        answer = client.get(url)
    assert answer.content.decode().count('class="panel item-row"') == products


def test_the_profile_form_takes_a_local_name_with_its_language(fair):
    client = client_for(fair, "admin")
    url = reverse("exhibitor_catalogue:profile", kwargs={"slug": fair.expo.slug})
    local = {"name": "Guangxi Robotics", "name_local": "บริษัท กวางสี โรโบติกส์ จำกัด"}
    refused = client.post(url, local)
    assert refused.status_code == 400
    assert "Say which language the local name is in." in refused.content.decode()
    unknown = client.post(url, {**local, "name_local_language": "xx"})
    assert unknown.status_code == 400  # not one of the choices
    assert client.post(url, {**local, "name_local_language": "th"}).status_code == 302
    org = Organisation.objects.get(pk=fair.me.participation.organisation_id)
    assert (org.name_local, org.name_local_language) == (local["name_local"], "th")
    # The choices name each language in the reader's language, the fair's first.
    form = client.get(f"/th{url}").content.decode()
    assert '<optgroup label="ภาษาของงาน">' in form
    assert '<option value="vi">เวียดนาม</option>' in form
