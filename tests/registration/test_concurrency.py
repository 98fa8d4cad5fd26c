"""Two staff scanning the same badge at the same moment, on PostgreSQL: one check-in is
recorded and both scanners are answered without an error. Without the badge's lock, the unique
constraint is the last guard; with it, the second scan simply finds the first's check-in."""

import datetime as dt

import pytest
from django.conf import settings

from tests.threads import in_threads
from tradefair.accounts.models import ExpoStaff, User
from tradefair.registration.models import Badge, CheckIn
from tradefair.registration.services import checkins
from tradefair.registration.services.badges import token
from tradefair.registration.services.checkins import check_in, parse_place

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="row locks need PostgreSQL: SQLite serialises every writer, so there is no race "
        "to show (set DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
AT = dt.datetime(2025, 9, 17, 9, 0, tzinfo=dt.UTC)


def scan_twice(expo, admitted):
    code = token(Badge.objects.get(email="an@mekongfresh.vn"))
    staff = []
    for n in range(2):
        user = User.objects.create_user(f"door{n}@example.com")
        ExpoStaff.objects.create(user=user, expo=expo)
        staff.append(user)
    place = parse_place(expo, "entrance")
    return in_threads(
        2, lambda i: check_in(expo=expo, code=code, place=place, by_user=staff[i], at=AT)
    )


def test_without_the_lock_the_constraint_still_records_one(expo, admitted, monkeypatch):
    monkeypatch.setattr(checkins, "_lock", lambda badge: None)
    results = scan_twice(expo, admitted)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.created for r in results) == [False, True]
    assert CheckIn.objects.count() == 1


def test_with_the_lock_one_check_in_and_two_calm_answers(expo, admitted):
    results = scan_twice(expo, admitted)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.created for r in results) == [False, True]
    assert len({r.checkin.pk for r in results}) == 1
    assert CheckIn.objects.count() == 1
