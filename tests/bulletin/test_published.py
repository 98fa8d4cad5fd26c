"""Publishing the bulletin: a frozen, numbered copy the public page, its PDF and the API show;
the console shows the live figures and publishes; figures-only deals never show a name."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.deals.conftest import Parties
from tradefair.accounts.models import ExpoStaff, User
from tradefair.bulletin.models import BulletinDocument, PublishedBulletin
from tradefair.bulletin.printing import bulletin_html
from tradefair.bulletin.services import NotAllowed, publish_bulletin
from tradefair.deals.models import Deal
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal
from tradefair.expos import recent

pytestmark = pytest.mark.django_db
SECRET = "Confidential harbour expansion"


def _deal(expo, parties: Parties, reference: str, title: str, public: bool = True) -> None:
    values = {
        "kind": Deal.Kind.INVESTMENT,
        "title": title,
        "counterpart_country_id": "MY",
        "value": Decimal("700000000"),
        "currency": "CNY",
        "stage": Deal.Stage.SIGNED,
        "signed_on": dt.date(2025, 9, 17),
        "public": public,
    }
    line = (PartyLine(parties.fund.pk, "investor"), PartyLine(parties.port.pk, "project_owner"))
    write_deal(expo, DealValues(reference, values, line), None)


@pytest.fixture
def organiser(expo) -> User:
    user = User.objects.create_user(email="organiser@example.org", password="a long password 1")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


def test_a_published_bulletin_does_not_change_with_later_deals(expo, parties):
    _deal(expo, parties, "A-1", "Cold-chain park")
    first = publish_bulletin(expo=expo, by_user=None)
    _deal(expo, parties, "A-2", "Port logistics")
    second = publish_bulletin(expo=expo, by_user=None)
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.data["deals"]["count"] == 1 and second.data["deals"]["count"] == 2
    page = Client().get(reverse("bulletin:number", args=[expo.slug, 1]))
    assert page.status_code == 200
    assert "Bulletin no. 1, published" in page.content.decode()
    latest = Client().get(f"/api/v1/expos/{expo.slug}/bulletin").json()
    assert latest["number"] == 2 and latest["figures"]["deals"]["count"] == 2


def test_the_public_page_before_any_bulletin_and_an_unknown_number(expo):
    page = Client().get(reverse("bulletin:index", args=[expo.slug]))
    assert "The organisers have not published a bulletin yet." in page.content.decode()
    assert Client().get(reverse("bulletin:number", args=[expo.slug, 7])).status_code == 404
    api = Client().get(f"/api/v1/expos/{expo.slug}/bulletin")
    assert api.status_code == 404
    assert api.json() == {"detail": "The organisers have not published a bulletin yet."}


@pytest.mark.parametrize(
    ("prefix", "heading", "value"),
    [("", "Deals by kind", "CN¥700m"), ("/zh-hans", "按类型分类的签约项目", "¥7亿")],
)
def test_the_page_shows_charts_and_tables_in_each_language(expo, parties, prefix, heading, value):
    _deal(expo, parties, "A-1", "Cold-chain park")
    publish_bulletin(expo=expo, by_user=None)
    html = Client().get(f"{prefix}/{expo.slug}/bulletin/").content.decode()
    assert heading in html
    assert html.count("<svg") == 6  # kinds, sizes, sectors, countries, funnel, pavilions
    assert value in html  # the table's CNY value, written the reader's way


def test_the_pdf_is_drawn_per_language_after_publishing(
    expo, parties, django_capture_on_commit_callbacks
):
    _deal(expo, parties, "A-1", "Cold-chain park")
    with django_capture_on_commit_callbacks(execute=True):
        bulletin = publish_bulletin(expo=expo, by_user=None)
    assert sorted(BulletinDocument.objects.values_list("language", flat=True)) == [
        "en",
        "id",
        "ms",
        "th",
        "vi",
        "zh-hans",
    ]
    for prefix in ("", "/zh-hans"):
        response = Client().get(f"{prefix}/{expo.slug}/bulletin/{bulletin.number}/bulletin.pdf")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert bytes(response.content).startswith(b"%PDF")
    # The print stylesheet reaches WeasyPrint as written: an escaped quote would drop the
    # font that has the Chinese glyphs.
    html = bulletin_html(expo, bulletin.data, bulletin, "zh-hans")
    assert 'font-family: "Noto Sans CJK SC"' in html and "&quot;" not in html.split("</style>")[0]
    page = Client().get(f"/{expo.slug}/bulletin/").content.decode()
    assert "Download the PDF" in page


def test_figures_only_deals_never_show_their_names(
    expo, parties, django_capture_on_commit_callbacks
):
    _deal(expo, parties, "S-1", SECRET, public=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish_bulletin(expo=expo, by_user=None)
    for url in (
        f"/{expo.slug}/bulletin/",
        f"/zh-hans/{expo.slug}/bulletin/",
        f"/api/v1/expos/{expo.slug}/bulletin",
    ):
        text = Client().get(url).content.decode()
        assert SECRET not in text and "S-1" not in text
    for document in BulletinDocument.objects.all():
        assert SECRET.encode() not in bytes(document.pdf)
    assert PublishedBulletin.objects.get().data["deals"]["count"] == 1


def test_the_console_shows_live_figures_and_publishes(expo, parties, organiser, monkeypatch):
    client = Client()
    url = reverse("bulletin_console:index", args=[expo.slug])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(organiser)
    clock = [dt.datetime(2025, 9, 17, 2, 30, tzinfo=dt.UTC)]
    monkeypatch.setattr(recent.timezone, "now", lambda: clock[0])
    _deal(expo, parties, "A-1", "Cold-chain park")
    page = client.get(url).content.decode()
    assert "Publish these figures" in page and "No bulletin has been published yet." in page
    assert "Counted at 10:30; the figures are counted again at most once a minute" in page
    assert "<dt>Deals signed</dt><dd>1</dd>" in page
    # Within the minute the page keeps its count; publishing counts afresh and shows it.
    _deal(expo, parties, "A-2", "Deep-water berth")
    clock[0] += dt.timedelta(seconds=recent.SECONDS - 1)
    assert "<dt>Deals signed</dt><dd>1</dd>" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    page = response.content.decode()
    assert "Bulletin no. 1 is published" in page
    assert "<dt>Deals signed</dt><dd>2</dd>" in page and "Counted at 10:30" in page
    published = PublishedBulletin.objects.get()
    assert published.published_by == organiser and published.data["deals"]["count"] == 2


def test_only_organisers_publish(expo, parties):
    stranger = User.objects.create_user(email="someone@example.org", password="a long password 1")
    with pytest.raises(NotAllowed):
        publish_bulletin(expo=expo, by_user=stranger)
    client = Client()
    client.force_login(stranger)
    url = reverse("bulletin_console:index", args=[expo.slug])
    assert client.post(url).status_code == 403
    assert not PublishedBulletin.objects.exists()
