"""Registrations per activity as CSV and XLSX: the same rows as the page, named by activity."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.programme.conftest import at
from tradefair.accounts.models import User
from tradefair.programme.models import Registration
from tradefair.programme.services.registration import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_forum(make_activity, make_party):
    forum = make_activity(capacity=1)
    first, second = make_party("Guest 1").user, make_party("Guest 2").user
    User.objects.filter(pk=first.pk).update(first_name="Lan", last_name="Nguyen")
    register(activity=forum, user=first)
    register(activity=forum, user=second)
    Registration.objects.filter(user=first).update(arrived_at=at(8, 5, day=17))
    Registration.objects.filter(user=second).update(arrived_at=at(9, 30, day=17))
    return forum


ROWS = [
    [
        "Lan Nguyen",
        "guest-1@example.com",
        "Guest 1",
        "buyer",
        "registered",
        "1",
        "",
        "17 Sept 2025, 08:05",
        "no",
    ],
    [
        "",
        "guest-2@example.com",
        "Guest 2",
        "buyer",
        "on the waiting list",
        "",
        "1",
        "17 Sept 2025, 09:30",
        "no",
    ],
]
HEADERS = [
    "Name",
    "E-mail address",
    "Organisation",
    "Role",
    "Status",
    "Seat",
    "Waiting position",
    "Arrived at",
    "Clash confirmed",
]


def test_csv(client, expo, organiser, full_forum):
    client.force_login(organiser)
    response = client.get(
        reverse(
            "programme_organiser:registrations_csv", kwargs={"slug": expo.slug, "pk": full_forum.pk}
        )
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="activity-{full_forum.pk}-registrations.csv"'
    )
    text = response.content.decode("utf-8-sig")
    import csv

    assert list(csv.reader(io.StringIO(text))) == [HEADERS, *ROWS]


def test_xlsx(client, expo, organiser, full_forum):
    client.force_login(organiser)
    response = client.get(
        reverse(
            "programme_organiser:registrations_xlsx",
            kwargs={"slug": expo.slug, "pk": full_forum.pk},
        )
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="activity-{full_forum.pk}-registrations.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    expected = [
        [
            None if value == "" else int(value) if index in (5, 6) else value
            for index, value in enumerate(row)
        ]
        for row in ROWS
    ]
    assert sheet.title == "Registrations"
    assert rows == [HEADERS, *expected]
