"""The catalogue in the API: the same services, rules and words as the portal's forms."""

import pytest
from django.test import Client

from tests.api.test_schema_limits import api_input
from tradefair.accounts.tokens import issue_token
from tradefair.catalogue.api import MAX_CHOSEN
from tradefair.catalogue.forms import CODES_BOX, ItemForm, PictureForm, ProfileForm
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.items import (
    CAPTION_LENGTH,
    ItemInput,
    add_picture,
    item_values,
    save_item,
)
from tradefair.catalogue.services.rules import CERTIFICATION_LENGTH, MAX_CERTIFICATIONS, MAX_CODES
from tradefair.organisations.models import Need, Offer, Organisation

from .conftest import picture_bytes, upload

pytestmark = pytest.mark.django_db
BASE = "/api/v1/expos/test-expo"
ARM = {
    "title": "Packing arm",
    "title_zh": "包装机械臂",
    "hs_codes": ["8479.50", "8428"],
    "sectors": ["artificial-intelligence"],
    "markets": ["VN", "TH"],
    "minimum_order": "2 units",
    "certifications": ["CE"],
}


def api(user=None) -> Client:
    if user is None:
        return Client()
    return Client(headers={"Authorization": f"Bearer {issue_token(user)}"})


def test_anyone_reads_an_exhibitors_products_with_picture_addresses(fair):
    offer = save_item(
        participation=fair.me.participation,
        by_user=fair.me.user,
        values=ItemInput(title="Packing arm", hs_codes=["847950"], certifications=["CE"]),
    )
    picture = add_picture(
        participation=fair.me.participation,
        by_user=fair.me.user,
        offer=offer,
        upload=upload(),
        caption="Front",
    )
    answer = api().get(f"{BASE}/exhibitors/{fair.me.participation.pk}/products")
    assert answer.status_code == 200
    (product,) = answer.json()
    assert product["title"] == "Packing arm" and product["hs_codes"] == ["847950"]
    assert product["certifications"] == ["CE"]
    assert product["pictures"] == [
        {
            "id": picture.pk,
            "caption": "Front",
            "width": 1200,
            "height": 800,
            "large": f"http://testserver/media/{picture.large.name}",
            "medium": f"http://testserver/media/{picture.medium.name}",
            "thumb": f"http://testserver/media/{picture.thumb.name}",
        }
    ]
    buyer = api().get(f"{BASE}/exhibitors/{fair.buyer.participation.pk}/products")
    assert buyer.status_code == 404


def test_an_admin_adds_changes_and_removes_a_product(fair):
    client = api(fair.me.user)
    added = client.post(f"{BASE}/exhibitor/products", ARM, content_type="application/json")
    assert added.status_code == 201, added.json()
    body = added.json()
    assert body["hs_codes"] == ["8428", "847950"] and body["markets"] == ["TH", "VN"]
    changed = client.put(
        f"{BASE}/exhibitor/products/{body['id']}",
        {**ARM, "minimum_order": "1 unit"},
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["minimum_order"] == "1 unit"
    assert client.get(f"{BASE}/exhibitor/products").json()[0]["id"] == body["id"]
    assert client.delete(f"{BASE}/exhibitor/products/{body['id']}").status_code == 204
    assert not Offer.objects.exists()
    assert list(ProfileChange.objects.values_list("action", flat=True)) == [
        "deleted",
        "changed",
        "created",
    ]


def test_a_picture_is_uploaded_and_a_bad_file_refused_with_the_forms_words(fair):
    offer = save_item(
        participation=fair.me.participation, by_user=fair.me.user, values=ItemInput(title="Arm")
    )
    client = api(fair.me.user)
    url = f"{BASE}/exhibitor/products/{offer.pk}/pictures"
    good = client.post(url, {"picture": upload(), "caption": "Side"})
    assert good.status_code == 201 and good.json()["caption"] == "Side"
    bad = client.post(url, {"picture": upload("x.png", picture_bytes((300, 300), "TIFF"))})
    assert (bad.status_code, bad.json()) == (
        400,
        {"detail": "picture: TIFF pictures are not accepted; send a JPEG, PNG, WebP, GIF file."},
    )
    gone = client.delete(f"{BASE}/exhibitor/pictures/{good.json()['id']}")
    assert gone.status_code == 204 and not offer.pictures.exists()


@pytest.mark.parametrize(
    ("caption", "stored"),
    [
        ("x" * CAPTION_LENGTH + "   ", "x" * CAPTION_LENGTH),  # trimmed, then measured
        ("  Side view  ", "Side view"),
        ("  " + "x" * (CAPTION_LENGTH + 1), None),
    ],
    ids=["padded-past-the-limit", "padded", "too-long"],
)
def test_a_caption_is_trimmed_before_it_is_measured_as_the_form_does(fair, caption, stored):
    offer = save_item(
        participation=fair.me.participation, by_user=fair.me.user, values=ItemInput(title="Arm")
    )
    answer = api(fair.me.user).post(
        f"{BASE}/exhibitor/products/{offer.pk}/pictures", {"picture": upload(), "caption": caption}
    )
    form = PictureForm(data={"caption": caption}, files={"picture": upload()})
    if stored is None:
        assert not form.is_valid() and str(CAPTION_LENGTH) in form.errors["caption"][0]
        assert (answer.status_code, answer.json()) == (
            422,
            {"detail": f"“caption” may be at most {CAPTION_LENGTH} characters long."},
        )
        assert not offer.pictures.exists()
    else:
        assert form.is_valid() and form.cleaned_data["caption"] == stored
        assert answer.status_code == 201 and answer.json()["caption"] == stored
        assert offer.pictures.get().caption == stored


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        (
            {**ARM, "hs_codes": ["857100"]},
            400,
            "Unknown HS codes: 857100. Give 2-, 4- or 6-digit codes of the Harmonized System.",
        ),
        ({**ARM, "markets": ["XX"]}, 400, "markets: Select a valid choice. XX is not one"),
        ({**ARM, "title": ""}, 422, "title"),
        ({**ARM, "colour": "red"}, 422, "colour"),
        ({**ARM, "hs_codes": ["85a7"]}, 400, "hs_codes: Unknown HS codes: 85a7."),
        ({**ARM, "certifications": ["x" * 61]}, 400, "certifications: “xxxxxxxxxxxxxxxxxxxx…”"),
        ({**ARM, "hs_codes": ["8479\x0050"]}, 422, "“hs_codes.0” may not contain the NUL"),
        ({**ARM, "markets": ["VN"] * (MAX_CHOSEN + 1)}, 422, "“markets” is not valid."),
    ],
)
def test_bad_products_are_refused_and_nothing_is_written(fair, body, status, detail):
    answer = api(fair.me.user).post(
        f"{BASE}/exhibitor/products", body, content_type="application/json"
    )
    assert answer.status_code == status
    assert detail in str(answer.json())
    assert not Offer.objects.exists()


def test_who_may_call_each_endpoint(fair):
    theirs = save_item(
        participation=fair.other.participation, by_user=fair.other.user, values=ItemInput("Saw")
    )
    post = {"path": f"{BASE}/exhibitor/products", "data": ARM, "content_type": "application/json"}
    assert api().post(**post).status_code == 401
    assert api(fair.buyer.user).post(**post).status_code == 403  # no exhibitor here
    refused = api(fair.colleague).post(**post)
    assert refused.status_code == 403
    assert "Only your organisation's admins" in refused.json()["detail"]
    assert api(fair.colleague).get(f"{BASE}/exhibitor/products").status_code == 200
    other = api(fair.me.user).put(
        f"{BASE}/exhibitor/products/{theirs.pk}", ARM, content_type="application/json"
    )
    assert other.status_code == 404
    assert api(fair.me.user).delete(f"{BASE}/exhibitor/products/{theirs.pk}").status_code == 404
    assert Offer.objects.get().title == "Saw"


def test_a_buyer_keeps_its_needs_without_product_fields(fair):
    client = api(fair.buyer.user)
    need = {"title": "Dried longan", "hs_codes": ["0813"], "markets": ["VN"]}
    added = client.post(f"{BASE}/buyer/needs", need, content_type="application/json")
    assert added.status_code == 201 and "pictures" not in added.json()
    with_terms = client.post(
        f"{BASE}/buyer/needs", {**need, "minimum_order": "1 t"}, content_type="application/json"
    )
    assert with_terms.status_code == 422  # refused, not silently dropped
    assert Need.objects.count() == 1


def test_the_profile_is_read_and_replaced(fair):
    client = api(fair.me.user)
    url = f"{BASE}/exhibitor/profile"
    assert client.get(url).json()["name"] == "Guangxi Robotics"
    body = {"name": "Guangxi Robotics", "name_zh": "广西机器人", "website": "https://gxr.example"}
    answer = client.put(url, body, content_type="application/json")
    assert answer.status_code == 200
    assert answer.json()["name_zh"] == "广西机器人" and answer.json()["logo"] is None
    taken = client.put(url, {"name": "Nanning Motors"}, content_type="application/json")
    assert taken.status_code == 400
    logo = client.post(f"{url}/logo", {"logo": upload("l.png", picture_bytes((500, 500), "PNG"))})
    assert logo.status_code == 200 and logo.json()["logo"].endswith("-logo.webp")


@pytest.mark.parametrize(
    ("form", "field", "method", "path", "name"),
    [
        (ItemForm, "title", "post", "/exhibitor/products", "title"),
        (ItemForm, "title_zh", "post", "/exhibitor/products", "title_zh"),
        (ItemForm, "text", "post", "/exhibitor/products", "text"),
        (ItemForm, "minimum_order", "post", "/exhibitor/products", "minimum_order"),
        (ItemForm, "title", "post", "/buyer/needs", "title"),
        (ProfileForm, "name", "put", "/{role}/profile", "name"),
        (ProfileForm, "description_zh", "put", "/{role}/profile", "description_zh"),
        (ProfileForm, "phone", "put", "/{role}/profile", "phone"),
        (ProfileForm, "contact_person", "put", "/{role}/profile", "contact_person"),
        (PictureForm, "caption", "post", "/exhibitor/products/{id}/pictures", "caption"),
    ],
)
def test_the_schema_states_each_forms_max_length(form, field, method, path, name):
    assert (
        form.base_fields[field].max_length
        == api_input(method, f"/api/v1/expos/{{slug}}{path}", name)["maxLength"]
    )


def test_the_schema_states_the_forms_list_rules_and_no_count_it_does_not_enforce():
    """Repeats count once, so no list claims a maxItems for its different values: the
    descriptions state the form's rules; a list of choices states the bound the API enforces."""
    products = "/api/v1/expos/{slug}/exhibitor/products"
    hs_codes = api_input("post", products, "hs_codes")
    certifications = api_input("post", products, "certifications")
    assert "maxItems" not in hs_codes and "maxItems" not in certifications
    assert f"at most {CODES_BOX} characters" in hs_codes["description"]
    assert f"at most {MAX_CODES} different codes" in hs_codes["description"]
    assert f"each at most {CERTIFICATION_LENGTH} characters" in certifications["description"]
    assert f"at most {MAX_CERTIFICATIONS} different names" in certifications["description"]
    for path in (products, "/api/v1/expos/{slug}/buyer/needs"):
        for name in ("sectors", "markets"):
            assert api_input("post", path, name)["maxItems"] == MAX_CHOSEN
    assert "in capitals" in api_input("post", products, "markets")["description"]
    caption = api_input("post", f"{products}/{{id}}/pictures", "caption")
    assert "without surrounding spaces" in caption["description"]


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("website", "https://gxr.example", "https://gxr.example"),
        ("website", "gxr.example/en", "https://gxr.example/en"),  # the form assumes https
        ("website", "  http://gxr.example  ", "http://gxr.example"),
        ("website", "http://foo", None),
        ("website", "http://a..b", None),
        ("website", "ftp://gxr.example", None),
        ("website", "https://" + "a" * 190 + ".example", None),  # over the model's 200
        ("email", "info@gxr.example", "info@gxr.example"),
        ("email", "a@b.c", None),
        ("email", 'a"b@gxr.example', None),
        ("phone", "     +86 771 000 0000", "+86 771 000 0000"),  # trimmed before measured
        ("contact_person", "Li Wei" + " " * 200, "Li Wei"),
    ],
)
def test_the_profile_api_and_form_take_and_refuse_the_same(fair, field, value, stored):
    """The API's answer and the portal's, for the same value: saved alike or refused alike."""
    from tradefair.catalogue.services.errors import CatalogueError
    from tradefair.catalogue.services.profile import update_profile

    body = {"name": "Guangxi Robotics", field: value}
    answer = api(fair.me.user).put(
        f"{BASE}/exhibitor/profile", body, content_type="application/json"
    )
    form = ProfileForm(data=body)
    try:
        by_form = form.is_valid() and update_profile(
            participation=fair.me.participation, by_user=fair.me.user, values=form.values()
        )
    except CatalogueError:
        by_form = False
    if stored is None:
        assert answer.status_code in (400, 422) and field in answer.json()["detail"]
        assert by_form is False
    else:
        assert answer.status_code == 200, answer.content
        assert answer.json()[field] == stored
        organisation = Organisation.objects.get(pk=fair.me.participation.organisation_id)
        assert by_form is not False and getattr(organisation, field) == stored


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("website", "gxr.example:8080", None),  # "gxr.example" is its scheme, to Django
        ("website", "mailto:info@gxr.example", None),
        ("website", "//gxr.example", "https://gxr.example"),
        ("website", "gxr .example", None),
        ("email", '"a@b"@gxr.example', '"a@b"@gxr.example'),
        ("email", '"a\\ b"@gxr.example', '"a\\ b"@gxr.example'),
        ("email", '"a b"@gxr.example', None),
        ("email", "info@gxr", None),
    ],
)
def test_the_profile_api_reads_the_addresses_with_the_forms_own_fields(fair, field, value, stored):
    """Word for word the form's answer: taken and normalised alike, or refused with the form
    field's message led by the field's name, and nothing written."""
    body = {"name": "Guangxi Robotics", field: value}
    answer = api(fair.me.user).put(
        f"{BASE}/exhibitor/profile", body, content_type="application/json"
    )
    form = ProfileForm(data=body)
    organisation = Organisation.objects.get(pk=fair.me.participation.organisation_id)
    if stored is None:
        assert not form.is_valid()
        assert (answer.status_code, answer.json()) == (
            400,
            {"detail": f"{field}: {form.errors[field][0]}"},
        )
        assert getattr(organisation, field) == "" and not ProfileChange.objects.exists()
    else:
        assert form.is_valid() and form.cleaned_data[field] == stored
        assert answer.status_code == 200 and answer.json()[field] == stored
        assert getattr(organisation, field) == stored


def test_the_profile_takes_a_local_name_and_refuses_what_the_form_refuses(fair):
    client = api(fair.me.user)
    url = f"{BASE}/exhibitor/profile"
    body = {"name": "Guangxi Robotics", "name_local": "Công ty Robot Quảng Tây"}
    no_language = client.put(url, body, content_type="application/json")
    assert no_language.status_code == 400
    assert "Say which language the local name is in." in no_language.content.decode()
    unknown = client.put(
        url, {**body, "name_local_language": "xx"}, content_type="application/json"
    )
    assert unknown.status_code == 400
    saved = client.put(url, {**body, "name_local_language": "vi"}, content_type="application/json")
    assert saved.status_code == 200
    assert (saved.json()["name_local"], saved.json()["name_local_language"]) == (
        "Công ty Robot Quảng Tây",
        "vi",
    )
    # The schema lists the codes the form's choice offers, and the form refuses the rest.
    schema = api_input("put", "/api/v1/expos/{slug}/{role}/profile", "name_local_language")
    choices = {code for code, _ in ProfileForm().fields["name_local_language"].choices}
    form_codes = {
        code
        for group in ProfileForm().fields["name_local_language"].choices
        if isinstance(group[1], list)
        for code, _ in group[1]
    }
    assert set(schema["enum"]) == form_codes | {""} and "" in choices


@pytest.mark.parametrize(
    ("codes", "certifications", "taken"),
    [
        (MAX_CODES, MAX_CERTIFICATIONS, True),
        (MAX_CODES + 1, 1, False),
        (1, MAX_CERTIFICATIONS + 1, False),
    ],
)
def test_long_lists_are_taken_and_refused_alike_by_the_form_and_the_api(
    fair, codes, certifications, taken
):
    """The form's boxes hold as many codes and certifications as the rules allow, each written
    at its longest ('8479.50', 60 characters); one more is refused by both."""
    from tradefair.catalogue.services.errors import CatalogueError
    from tradefair.expos.models import HSCode

    six = HSCode.objects.filter(code__regex=r"^[0-9]{6}$").order_by("code")
    dotted = [f"{c[:4]}.{c[4:]}" for c in six.values_list("code", flat=True)[:codes]]
    names = [
        f"Certificate {i:02d} ".ljust(CERTIFICATION_LENGTH, "x") for i in range(certifications)
    ]
    body = {"title": "Packing arm", "hs_codes": dotted, "certifications": names}
    answer = api(fair.me.user).post(
        f"{BASE}/exhibitor/products", body, content_type="application/json"
    )
    assert (answer.status_code == 201) is taken, answer.content
    typed = {
        "title": "Packing arm",
        "hs_codes": ", ".join(dotted),
        "certifications": ", ".join(names),
    }
    form = ItemForm(data=typed, product=True, new=True)
    try:
        by_form = form.is_valid() and save_item(
            participation=fair.me.participation, by_user=fair.me.user, values=form.values()
        )
    except CatalogueError:
        by_form = None
    assert bool(by_form) is taken, form.errors


def _six_digit_codes(count: int) -> list[str]:
    from tradefair.expos.models import HSCode

    six = HSCode.objects.filter(code__regex=r"^[0-9]{6}$").order_by("code")
    return list(six.values_list("code", flat=True)[:count])


def _by_the_form(fair, typed: dict, *, product: bool) -> tuple:
    """What the portal's edit page does with ``typed``: the form, then the service."""
    from tradefair.catalogue.services.errors import CatalogueError

    form = ItemForm(data={"title": "Packing arm", **typed}, product=product, new=product)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        return ("refused", f"{field}: {errors[0]}")
    try:
        saved = save_item(
            participation=fair.me.participation if product else fair.buyer.participation,
            by_user=fair.me.user if product else fair.buyer.user,
            values=form.values(),
        )
    except CatalogueError as refused:
        return ("refused", f"{refused.field}: {refused}")
    assert saved is not None
    shown = item_values(saved)
    saved.delete()
    ProfileChange.objects.all().delete()
    return ("saved", {name: shown[name] for name in typed})


def _by_the_api(fair, listed: dict, *, product: bool) -> tuple:
    path, user = (
        ("exhibitor/products", fair.me.user) if product else ("buyer/needs", fair.buyer.user)
    )
    answer = api(user).post(
        f"{BASE}/{path}", {"title": "Packing arm", **listed}, content_type="application/json"
    )
    if answer.status_code != 201:
        assert not Offer.objects.exists() and not Need.objects.exists()
        assert not ProfileChange.objects.exists()
        return ("refused", answer.json()["detail"])
    (Offer if product else Need).objects.filter(pk=answer.json()["id"]).delete()
    ProfileChange.objects.all().delete()
    return ("saved", {name: answer.json()[name] for name in listed})


def _list_cases(codes: list[str]) -> dict[str, tuple[dict, dict, str]]:
    """Each case: what the API is sent, the same typed into the form, and what both do."""
    fifty_one = [*codes[:MAX_CODES], codes[0]]  # 51 entries, 50 codes
    twenty_one = [f"Cert {i}" for i in range(MAX_CERTIFICATIONS + 1)]
    ai = "artificial-intelligence"
    return {
        "hs-repeat-counts-once": (
            {"hs_codes": fifty_one},
            {"hs_codes": " ".join(fifty_one)},
            "saved",
        ),
        "hs-split": (
            {"hs_codes": ["8479.50 8428, 0813"]},
            {"hs_codes": "8479.50 8428, 0813"},
            "saved",
        ),
        "hs-box-overflows": (  # repeats count once, but fill the form's box all the same
            {"hs_codes": ["8479.50"] * 70},
            {"hs_codes": " ".join(["8479.50"] * 70)},
            "refused",
        ),
        "hs-unknown": ({"hs_codes": ["85a7"]}, {"hs_codes": "85a7"}, "refused"),
        "hs-too-many": (
            {"hs_codes": codes[: MAX_CODES + 1]},
            {"hs_codes": " ".join(codes[: MAX_CODES + 1])},
            "refused",
        ),
        "markets-repeat-counts-once": (
            {"markets": ["VN"] * 301},
            {"markets": ["VN"] * 301},
            "saved",
        ),
        "markets-lowercase": ({"markets": ["vn"]}, {"markets": ["vn"]}, "refused"),
        "markets-unknown": ({"markets": ["XX"]}, {"markets": ["XX"]}, "refused"),
        "sectors-repeat-counts-once": ({"sectors": [ai] * 51}, {"sectors": [ai] * 51}, "saved"),
        "sectors-unknown": (
            {"sectors": ["no-such-sector"]},
            {"sectors": ["no-such-sector"]},
            "refused",
        ),
        "certifications-repeat-counts-once": (
            {"certifications": ["CE"] * 21},
            {"certifications": ", ".join(["CE"] * 21)},
            "saved",
        ),
        "certifications-split": (
            {"certifications": ["ISO 9001, CE", "Halal；CE"]},
            {"certifications": "ISO 9001, CE, Halal；CE"},
            "saved",
        ),
        "certifications-too-many": (
            {"certifications": twenty_one},
            {"certifications": ", ".join(twenty_one)},
            "refused",
        ),
        "certifications-too-long": (
            {"certifications": ["x" * 61]},
            {"certifications": "x" * 61},
            "refused",
        ),
    }


ITEM_CASES = [
    "hs-repeat-counts-once",
    "hs-split",
    "hs-box-overflows",
    "hs-unknown",
    "hs-too-many",
    "markets-repeat-counts-once",
    "markets-lowercase",
    "markets-unknown",
    "sectors-repeat-counts-once",
    "sectors-unknown",
]
PRODUCT_CASES = [
    "certifications-repeat-counts-once",
    "certifications-split",
    "certifications-too-many",
    "certifications-too-long",
]


@pytest.mark.parametrize(
    ("case", "product"),
    [
        *[(case, True) for case in ITEM_CASES + PRODUCT_CASES],
        *[(case, False) for case in ITEM_CASES],
    ],
)
def test_the_api_reads_lists_as_the_form_reads_them(fair, case, product):
    """Split, repeats dropped before counting, choices as offered: the API's answer is the
    form's (the lists saved, or the refusal word for word, led by the field), and a refused
    list writes nothing."""
    listed, typed, outcome = _list_cases(_six_digit_codes(MAX_CODES + 1))[case]
    by_form = _by_the_form(fair, typed, product=product)
    by_api = _by_the_api(fair, listed, product=product)
    assert by_form[0] == outcome
    assert by_api == by_form


def test_a_sector_named_with_an_underscore_is_taken(fair):
    """The admin may give a sector any slug Django allows; the forms offer it, so the API
    takes it."""
    from tradefair.expos.models import Sector

    Sector.objects.create(slug="Food_drink", name="Food and drink")
    body = {"title": "Dried longan", "sectors": ["Food_drink"]}
    answer = api(fair.me.user).post(
        f"{BASE}/exhibitor/products", body, content_type="application/json"
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["sectors"] == ["Food_drink"]
