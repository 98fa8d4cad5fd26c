"""The admin keeps the edition's clock: a slot at 09:00 in Nanning is shown at 09:00 and a
time typed there means Nanning time, as on every other page (it showed 01:00, UTC)."""

import datetime as dt

import pytest
from django.urls import reverse

from tradefair.accounts.admin_clock import admin_edition
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.models import Slot
from tradefair.matchmaking.services.sessions import create_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(expo: Expo) -> User:
    user = User.objects.create_user("admin@expo.example", "pw", is_staff=True)
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


def _slot(expo: Expo, staff: User) -> Slot:
    session = create_session(
        expo=expo, name="Fruit", date=dt.date(2025, 9, 17), start_time=dt.time(9),
        end_time=dt.time(10), slot_minutes=30, tables=4, by_user=staff,
    )  # fmt: skip
    return session.slots.order_by("start").first()


def test_the_admin_shows_and_reads_times_on_the_editions_clock(client, expo, staff):
    slot = _slot(expo, staff)
    assert slot.start == dt.datetime(2025, 9, 17, 1, tzinfo=dt.UTC)
    staff.is_superuser = True  # the admin's model pages need its permissions
    staff.save()
    client.force_login(staff)
    page = client.get(reverse("admin:matchmaking_slot_change", args=[slot.pk])).content.decode()
    assert 'value="09:00:00"' in page
    assert "All times are Nanning time (UTC+8)." in page
    # the slot's name (its page's title, and each meeting's slot in the lists) too, not 01:00
    assert "<h2>2025-09-17 09:00</h2>" in page and "2025-09-17 01:00" not in page
    form = {
        "start_0": "2025-09-17", "start_1": "10:00:00", "end_0": "2025-09-17",
        "end_1": "10:30:00", "tables": "4", "session": slot.session_id, "expo": expo.pk,
    }  # fmt: skip
    client.post(reverse("admin:matchmaking_slot_change", args=[slot.pk]), form)
    slot.refresh_from_db()
    assert slot.start == dt.datetime(2025, 9, 17, 2, tzinfo=dt.UTC)  # 10:00 in Nanning


def test_someone_who_runs_editions_in_two_zones_keeps_utc_and_is_told(client, expo, staff):
    assert admin_edition(staff) == expo
    other = Expo.objects.create(
        slug="jakarta", name="Jakarta Fair", city="Jakarta", time_zone="Asia/Jakarta",
        host_country=Country.objects.get(code="ID"), start_date=dt.date(2025, 10, 1),
        end_date=dt.date(2025, 10, 3),
    )  # fmt: skip
    ExpoStaff.objects.create(user=staff, expo=other)
    assert admin_edition(staff) is None
    client.force_login(staff)
    assert "All times are UTC." in client.get(reverse("admin:index")).content.decode()


def test_people_without_the_admin_are_on_no_editions_clock(expo):
    assert admin_edition(User.objects.create_user("buyer@example.com", "pw")) is None
