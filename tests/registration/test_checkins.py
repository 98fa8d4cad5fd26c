"""Check-in: the entrance once a day, an activity once (its seat becomes attended), a
negotiation table once per meeting (the meeting is held); a repeat changes nothing; forged or
replaced badges are refused; staff only; the scan page says who, where, when and by whom."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge, CheckIn
from tradefair.registration.services.badges import BadgeRefused, revoke, token
from tradefair.registration.services.checkins import check_in, parse_place
from tradefair.registration.services.errors import RegistrationError

pytestmark = pytest.mark.django_db
NANNING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def code(admitted) -> str:
    return token(Badge.objects.get(email="an@mekongfresh.vn"))


def test_the_entrance_counts_once_a_day(expo, organiser, code):
    morning = dt.datetime(2025, 9, 17, 9, 5, tzinfo=NANNING)
    first = check_in(
        expo=expo, code=code, place=parse_place(expo, "entrance"), by_user=organiser, at=morning
    )
    again = check_in(
        expo=expo, code=code, place=parse_place(expo, "entrance"), by_user=organiser,
        at=morning + dt.timedelta(hours=3),
    )  # fmt: skip
    assert first.created and not again.created and again.checkin == first.checkin
    assert again.checkin.at == morning and again.checkin.scanned_by == organiser
    next_day = check_in(
        expo=expo, code=code, place=parse_place(expo, "entrance"), by_user=organiser,
        at=morning + dt.timedelta(days=1),
    )  # fmt: skip
    assert next_day.created and CheckIn.objects.count() == 2
    assert sorted(CheckIn.objects.values_list("day", flat=True)) == [
        dt.date(2025, 9, 17), dt.date(2025, 9, 18)
    ]  # fmt: skip


def test_a_late_evening_scan_counts_on_the_editions_day(expo, organiser, code):
    late = dt.datetime(2025, 9, 17, 23, 30, tzinfo=NANNING)  # 15:30 UTC
    scan = check_in(
        expo=expo, code=code, place=parse_place(expo, "entrance"), by_user=organiser, at=late
    )
    assert scan.checkin.day == dt.date(2025, 9, 17)


def test_refused_codes_and_places_change_nothing(expo, organiser, admitted, code):
    entrance = parse_place(expo, "entrance")
    with pytest.raises(BadgeRefused, match="forged"):
        check_in(expo=expo, code="TF.1.1.1:nope", place=entrance, by_user=organiser)
    revoke(badge=Badge.objects.get(email="an@mekongfresh.vn"), by_user=organiser)
    with pytest.raises(BadgeRefused, match="replaced"):
        check_in(expo=expo, code=code, place=entrance, by_user=organiser)
    for text, message in [
        ("hall", "Name the place"),
        ("activity:999", "no such activity"),
        ("table:999:1", "no such negotiation session"),
        ("activity:\u00b2", "Name the place"),  # a superscript 2: int() refuses it
        ("table:\u0663:1", "Name the place"),  # an Arabic-Indic 3: int() takes it, we do not
    ]:
        with pytest.raises(RegistrationError, match=message):
            parse_place(expo, text)
    buyer = make_party_in(expo, "A Buyer", Participation.Role.BUYER).user
    with pytest.raises(Exception, match="may not do this"):
        check_in(expo=expo, code=code, place=entrance, by_user=buyer)
    assert not CheckIn.objects.exists()


def test_a_table_scan_marks_the_meeting_held(expo, organiser, admitted):
    from tradefair.matchmaking.models import Meeting
    from tradefair.matchmaking.services.booking import book_meeting
    from tradefair.matchmaking.services.requests import accept_request, request_meeting
    from tradefair.matchmaking.services.sessions import create_session

    session = create_session(
        expo=expo, name="Fruit", date=dt.date(2025, 9, 17), start_time=dt.time(10),
        end_time=dt.time(11), slot_minutes=30, tables=4, by_user=organiser,
    )  # fmt: skip
    exhibitor = make_party_in(expo, "Guangxi Fruit Co", Participation.Role.EXHIBITOR)
    request = accept_request(
        request=request_meeting(
            buyer=admitted.participation, exhibitor=exhibitor.participation, by_user=organiser
        ),
        by_user=exhibitor.user,
    )
    slot = session.slots.order_by("start").first()
    meeting = book_meeting(request=request, slot=slot, by_user=organiser)
    Meeting.objects.filter(pk=meeting.pk).update(published=True)
    meeting.refresh_from_db()
    code = token(Badge.objects.get(email="an@mekongfresh.vn"))
    place = parse_place(expo, f"table:{session.pk}:{meeting.table_number}")
    with pytest.raises(RegistrationError, match="no meeting at this table now"):
        check_in(
            expo=expo,
            code=code,
            place=place,
            by_user=organiser,
            at=slot.start - dt.timedelta(hours=2),
        )
    scan = check_in(expo=expo, code=code, place=place, by_user=organiser, at=slot.start)
    assert scan.created and scan.checkin.meeting == meeting
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert not check_in(expo=expo, code=code, place=place, by_user=organiser, at=slot.start).created


def test_the_scan_page_says_who_where_and_when(client, expo, organiser, code):
    client.force_login(organiser)
    url = reverse("registration_console:scan", args=[expo.slug])
    assert "data-scan-code" in client.get(url).content.decode()
    first = client.post(url, {"kind": "entrance", "code": code}).content.decode()
    assert "Checked in: entrance" in first and "Nguyễn Văn An" in first and "Mekong Fresh" in first
    again = client.post(url, {"kind": "entrance", "code": code}).content.decode()
    assert "Already checked in here" in again and "organiser@example.com" in again
    forged = client.post(url, {"kind": "entrance", "code": "TF.9.9.9:forged"}).content.decode()
    assert "Refused" in forged and "may be forged" in forged
    assert CheckIn.objects.count() == 1


def test_the_scan_page_is_for_the_editions_staff(client, expo, code):
    url = reverse("registration_console:scan", args=[expo.slug])
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(make_party_in(expo, "Exhibitor Co", Participation.Role.EXHIBITOR).user)
    assert client.post(url, {"kind": "entrance", "code": code}).status_code == 403
    assert not CheckIn.objects.exists()
