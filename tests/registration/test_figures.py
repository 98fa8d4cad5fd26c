"""Attendance figures in the console and the bulletin: people in by day and country (each
person once a day), meetings held and no-shows among the published, leads per exhibitor."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.bulletin.figures import bulletin_data
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge
from tradefair.registration.queries.figures import attendance
from tradefair.registration.services.badges import token
from tradefair.registration.services.checkins import check_in, parse_place
from tradefair.registration.services.leads import scan_lead

pytestmark = pytest.mark.django_db
NANNING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def first_day(expo, organiser, admitted):
    entrance = parse_place(expo, "entrance")
    codes = [token(b) for b in Badge.objects.order_by("email")]
    day1 = dt.datetime(2025, 9, 17, 9, tzinfo=NANNING)
    for code in codes:
        check_in(expo=expo, code=code, place=entrance, by_user=organiser, at=day1)
        check_in(
            expo=expo, code=code, place=entrance, by_user=organiser, at=day1 + dt.timedelta(hours=4)
        )
    check_in(
        expo=expo, code=codes[0], place=entrance, by_user=organiser, at=day1 + dt.timedelta(days=1)
    )
    exhibitor = make_party_in(expo, "Guangxi Fruit Co", Participation.Role.EXHIBITOR)
    for code in codes:
        scan_lead(expo=expo, code=code, by_user=exhibitor.user)
    return exhibitor


def test_the_figures_count_each_person_once_a_day(expo, first_day):
    found = attendance(expo)
    assert (found.people_in, found.badges) == (2, 2)  # scanning a lead badges nobody
    assert found.by_day == [(dt.date(2025, 9, 17), 2), (dt.date(2025, 9, 18), 1)]
    assert found.by_country == [("VN", 2)]
    assert (found.leads, found.exhibitors_with_leads, found.leads_per_exhibitor) == (2, 1, 2.0)
    assert found.top_exhibitors == [("Guangxi Fruit Co", 2)]


def test_the_bulletin_carries_them(expo, first_day):
    block = bulletin_data(expo)["attendance"]
    assert block["people_in"] == 2 and block["by_day"][0] == {"day": "2025-09-17", "people": 2}
    assert block["by_country"] == {"VN": 2} and block["leads"] == 2


def test_the_attendance_page(client, expo, organiser, first_day):
    client.force_login(organiser)
    html = client.get(reverse("registration_console:figures", args=[expo.slug])).content.decode()
    assert "People who came in, by day" in html and "<svg" in html and "Vietnam" in html
    zh = client.get("/zh-hans" + reverse("registration_console:figures", args=[expo.slug]))
    assert "越南" in zh.content.decode()
    client.force_login(first_day.user)
    assert client.get(reverse("registration_console:figures", args=[expo.slug])).status_code == 403
