"""The exhibitor profile: names, contacts, stand and offers, in both languages."""

import pytest

from tradefair.expos.models import HSCode
from tradefair.organisations.models import Offer, OfferPicture, Participation


@pytest.fixture
def seafood(add_exhibitor) -> Participation:
    return add_exhibitor(
        "Guangxi Beibu Gulf Seafood Co., Ltd.",
        "广西北部湾海产有限公司",
        booth="A-101",
        title="Frozen shrimp",
        title_zh="冷冻虾",
        hs=("0306",),
        sectors=("blue-economy",),
        markets=("VN", "TH"),
        description="Shrimp and oysters farmed in the Beibu Gulf.",
        description_zh="北部湾养殖的虾和牡蛎。",
    )


def url(participation: Participation, prefix: str = "") -> str:
    return f"{prefix}/test-expo/exhibitors/{participation.pk}/"


def test_profile_shows_names_contacts_stand_and_offers(client, seafood):
    html = client.get(url(seafood)).content.decode()
    assert '<h1 lang="en">Guangxi Beibu Gulf Seafood Co., Ltd.</h1>' in html
    assert '<p class="names" lang="zh-Hans">广西北部湾海产有限公司</p>' in html
    assert '<abbr class="code" title="ISO 3166">CN</abbr> China' in html
    assert 'href="https://guangxi.example"' in html and "mailto:info@guangxi.example" in html
    assert "Shrimp and oysters farmed in the Beibu Gulf." in html
    assert "Artificial Intelligence Pavilion" in html and "A · Hall A" in html
    assert "<strong>A-101</strong> · 18 m²" in html
    assert "Frozen shrimp" in html and "Blue economy" in html
    assert "<code>0306</code> Crustaceans" in html
    assert "Thailand" in html and "Vietnam" in html


def test_profile_in_chinese(client, seafood):
    html = client.get(url(seafood, "/zh-hans")).content.decode()
    assert '<h1 lang="zh-Hans">广西北部湾海产有限公司</h1>' in html
    assert '<p class="names" lang="en">Guangxi Beibu Gulf Seafood Co., Ltd.</p>' in html
    assert "北部湾养殖的虾和牡蛎。" in html
    assert "冷冻虾" in html and "蓝色经济" in html
    assert "泰国" in html and "越南" in html and "中国" in html
    assert "人工智能专馆" in html and "展位" in html and "目标市场" in html


@pytest.mark.parametrize("offers", [1, 3])
def test_query_count_does_not_grow_with_offers(client, seafood, django_assert_num_queries, offers):
    for i in range(offers - 1):
        offer = Offer.objects.create(participation=seafood, title=f"Oysters {i}")
        offer.hs_codes.set(HSCode.objects.filter(code__in=["0307", "1605"]))
        offer.markets.set(["SG", "MY"])
        for n in range(offers):
            OfferPicture.objects.create(
                offer=offer, large=f"products/{i}{n}-large.webp", medium="m.webp", thumb="t.webp"
            )
    # expo, participation, booths, offers, their HS codes, sectors, markets and pictures, and
    # the products it launches at the programme's activities ({% launched_products %})
    with django_assert_num_queries(9):
        response = client.get(url(seafood))
    assert len(response.context["profile"].offers) == offers


def test_profile_shows_the_logo_contacts_pictures_and_trade_terms(client, seafood):
    org = seafood.organisation
    org.logo, org.phone, org.contact_person = "logos/abc-logo.webp", "+86 771 555 0100", "Li Wei"
    org.save()
    offer = seafood.offers.get()
    offer.minimum_order, offer.certifications = "1 container", ["HACCP", "BRC"]
    offer.save()
    OfferPicture.objects.create(
        offer=offer,
        large="products/s-large.webp",
        medium="products/s-medium.webp",
        thumb="products/s-thumb.webp",
        caption="Peeled & deveined",
    )
    html = client.get(url(seafood)).content.decode()
    assert 'src="/media/logos/abc-logo.webp"' in html
    assert '<a href="tel:+867715550100">+86 771 555 0100</a>' in html and "Li Wei" in html
    assert (
        '<a href="/media/products/s-large.webp"><img src="/media/products/s-thumb.webp"'
        ' alt="Peeled &amp; deveined"'
    ) in html
    assert "<dd>1 container</dd>" in html and "<dd>HACCP, BRC</dd>" in html


def test_a_product_without_a_title_is_named_after_its_hs_code(client, seafood):
    seafood.offers.update(title="", title_zh="")
    html = client.get(url(seafood)).content.decode()
    assert "Untitled offer" not in html
    assert "<h3>Crustaceans; in shell or not, live, fresh" in html


def test_buyers_other_expos_and_unknown_ids_are_404(client, seafood, add_exhibitor, expo):
    buyer = add_exhibitor("Hanoi Trading", role=Participation.Role.BUYER)
    assert client.get(url(buyer)).status_code == 404
    assert client.get("/test-expo/exhibitors/999999/").status_code == 404
    assert client.get(f"/other-expo/exhibitors/{seafood.pk}/").status_code == 404
    expo.is_public = False
    expo.save()
    assert client.get(url(seafood)).status_code == 404
