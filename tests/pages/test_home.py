"""The list of editions and an edition's home page with its figures and pavilion chart."""

import datetime as dt

import pytest

from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation


def test_root_redirects_to_the_only_public_expo(client, expo):
    Expo.objects.create(
        slug="hidden",
        name="Hidden",
        city="Nanning",
        host_country_id="CN",
        start_date=dt.date(2026, 9, 1),
        end_date=dt.date(2026, 9, 2),
        is_public=False,
    )
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/test-expo/"
    assert client.get("/zh-hans/")["Location"] == "/zh-hans/test-expo/"


def test_root_lists_public_expos_newest_first(client, expo):
    Expo.objects.create(
        slug="caexpo-23",
        name="23rd China-ASEAN Expo",
        city="Nanning",
        host_country_id="CN",
        start_date=dt.date(2026, 9, 16),
        end_date=dt.date(2026, 9, 20),
    )
    html = client.get("/").content.decode()
    assert html.index("23rd China-ASEAN Expo") < html.index("Test Expo")
    assert "17\u2009–\u200921 Sept 2025" in html


def test_home_shows_dates_figures_and_chart(client, expo, add_exhibitor):
    add_exhibitor("Nanning AI Co", pavilion="ai")
    add_exhibitor("Shenzhen Vision Co", pavilion="ai")
    add_exhibitor("Saigon Robotics JSC", country="VN", pavilion="vn")
    add_exhibitor("Hanoi Buyer", country="VN", role=Participation.Role.BUYER)
    response = client.get("/test-expo/")
    html = response.content.decode()
    figures = response.context["figures"]
    assert (figures.exhibitors, figures.exhibitor_countries, figures.buyers) == (3, 2, 1)
    assert "17\u2009–\u200921 Sept 2025" in html and "Nanning" in html
    assert "<dd>33%</dd>" in html  # one of three exhibitors is foreign
    assert "<dd>32,000 m²</dd>" in html  # both halls
    chart = html.split('<figure class="chart"')[1].split("</figure>")[0]
    # Drawn on the server by vl-convert: the labels and values are text of the SVG itself,
    # the largest pavilion first, the country pavilion in the legend's accent colour.
    assert "<svg" in chart and "<script" not in chart
    assert chart.index("Artificial Intelligence Pavilion") < chart.index("Vietnam Pavilion")
    assert 'fill="#c2410c"' in chart and 'fill="#0a5c78"' in chart
    assert 'href="/test-expo/exhibitors/?pavilion=vietnam"' in html


@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count_does_not_grow_with_exhibitors(
    client, expo, add_exhibitor, django_assert_num_queries, count
):
    for i in range(count):
        add_exhibitor(
            f"Exporter {i} Ltd", country=["CN", "VN", "TH"][i], pavilion=["ai", "vn"][i % 2]
        )
    # expo, then the edition's figures: exhibitors per country (countries, total and foreign),
    # Belt and Road, area, pavilions, roles, delegations
    with django_assert_num_queries(7):
        response = client.get("/test-expo/")
    assert response.context["figures"].exhibitors == count


def test_home_in_chinese_formats_dates_with_cldr(client, expo, floor):
    html = client.get("/zh-hans/test-expo/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert "<h1>测试博览会</h1>" in html
    assert "2025年9月17日\u2009–\u200921日" in html
    assert "南宁" in html and "各展馆展商数" in html
    assert "<dt>展商</dt><dd>0</dd>" in html and "<dd>32,000 平方米</dd>" in html
    assert "人工智能专馆" in html


def test_unknown_and_hidden_expos_are_404(client, expo):
    assert client.get("/no-such-expo/").status_code == 404
    expo.is_public = False
    expo.save()
    assert client.get("/test-expo/").status_code == 404
    assert client.get("/").status_code == 200  # nothing public: an empty list, not an error
