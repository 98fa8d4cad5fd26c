"""What the self-service pages cost in queries, pinned with one and three rows (products,
pictures, needs, changes waiting for review), and the product form's one-pass markets select."""

import pytest
from django import forms
from django.test import Client
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from tradefair.accounts.models import ExpoStaff, User
from tradefair.catalogue.forms import ItemForm
from tradefair.catalogue.services.items import ItemInput, add_picture, save_item
from tradefair.catalogue.services.profile import ProfileInput, update_profile
from tradefair.organisations.models import Offer
from tradefair.organisations.widgets import QuickSelectMultiple

from .conftest import upload

pytestmark = pytest.mark.django_db

# session, user, expo, participation, the admin check, pending changes, the header's two roles
PORTAL = 8
# the portal's, the product with its HS codes, sectors, markets and pictures, the form's
# sectors and countries
PRODUCT_FORM = PORTAL + 7
# the portal's, the needs with their HS codes, sectors and markets
SOURCING = PORTAL + 4
# expo, session, user, the organiser's role and staff checks, the changes (a count and the
# page), the header's two role queries
REVIEW = 9


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, fair, **kwargs: int) -> str:
    return reverse(name, kwargs={"slug": fair.expo.slug, **kwargs})


def add_product(fair, i: int, pictures: int = 1) -> Offer:
    offer = save_item(
        participation=fair.me.participation,
        by_user=fair.me.user,
        values=ItemInput(
            title=f"Arm {i}",
            hs_codes=["847950", "8428"],
            sectors=["artificial-intelligence"],
            markets=["VN", "TH"],
        ),
    )
    for _ in range(pictures):
        add_picture(
            participation=fair.me.participation, by_user=fair.me.user, offer=offer, upload=upload()
        )
    return offer


def measured(client: Client, address: str, expected: int, django_assert_num_queries):
    client.get(address)  # the session and the user are cached from here on
    with django_assert_num_queries(expected):
        response = client.get(address)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("pictures", [1, 3])
def test_the_product_form_costs_the_same_queries_for_one_or_three_pictures(
    fair, pictures, django_assert_num_queries
):
    offer = add_product(fair, 0, pictures)
    address = url("exhibitor_catalogue:item", fair, pk=offer.pk)
    response = measured(logged_in(fair.me.user), address, PRODUCT_FORM, django_assert_num_queries)
    html = response.content.decode()
    assert html.split('class="picture-grid"')[1].split("</ul>")[0].count("<img ") == pictures
    assert '<option value="VN" selected>' in html and '<option value="TH" selected>' in html


@pytest.mark.parametrize("page", ["profile", "items"])
def test_the_exhibitor_pages_cost_the_same_queries_for_one_or_three_products(
    fair, page, django_assert_num_queries
):
    for count in (1, 3):
        while Offer.objects.filter(participation=fair.me.participation).count() < count:
            add_product(fair, Offer.objects.count())
        expected = {"profile": PORTAL, "items": PORTAL + 5}[page]
        address = url(f"exhibitor_catalogue:{page}", fair)
        measured(logged_in(fair.me.user), address, expected, django_assert_num_queries)


@pytest.mark.parametrize("needs", [1, 3])
def test_the_buyer_pages_cost_the_same_queries_for_one_or_three_needs(
    fair, needs, django_assert_num_queries
):
    for i in range(needs):
        save_item(
            participation=fair.buyer.participation,
            by_user=fair.buyer.user,
            values=ItemInput(title=f"Dried longan {i}", hs_codes=["0813"], markets=["VN"]),
        )
    client = logged_in(fair.buyer.user)
    response = measured(
        client, url("buyer_catalogue:items", fair), SOURCING, django_assert_num_queries
    )
    assert response.content.decode().count("Dried longan") >= needs
    measured(client, url("buyer_catalogue:profile", fair), PORTAL, django_assert_num_queries)


@pytest.mark.parametrize("changes", [1, 3])
def test_the_review_queue_costs_the_same_queries_for_one_or_three_changes(
    fair, changes, django_assert_num_queries
):
    fair.expo.listing_changes_need_approval = True
    fair.expo.save()
    fair.me.participation.expo = fair.expo
    for i in range(changes):
        update_profile(
            participation=fair.me.participation,
            by_user=fair.me.user,
            values=ProfileInput(name=f"Guangxi Robotics {i}"),
        )
    organiser = User.objects.create_user("staff@example.com")
    ExpoStaff.objects.create(user=organiser, expo=fair.expo)
    response = measured(
        logged_in(organiser),
        url("catalogue_console:queue", fair),
        REVIEW,
        django_assert_num_queries,
    )
    assert len(response.context["rows"]) == changes


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(
    "state",
    [
        {"initial": {"markets": ["VN", "TH"]}},
        {"data": {"markets": ["VN", "XX"], "title": ""}},
        {},
    ],
    ids=["chosen", "refused", "empty"],
)
def test_the_markets_select_writes_what_django_writes(language, state):
    with translation.override(language):
        items = [ItemForm(product=True, new=False, **state) for _ in range(2)]
        plain = forms.SelectMultiple(attrs={"size": 8})
        plain.choices = items[1].fields["markets"].choices
        items[1].fields["markets"].widget = plain
        for form in items:
            form.is_valid()
        quick, django = (str(form["markets"]) for form in items)
    assert isinstance(items[0].fields["markets"].widget, QuickSelectMultiple)
    assert parse_html(quick) == parse_html(django)
    assert django.count("<option ") > 200
