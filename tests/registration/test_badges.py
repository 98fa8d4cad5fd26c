"""Badges: one per admitted person, a QR code with a signed reference and nothing personal,
refused when forged, replaced or of another edition; the portal's page and the A6 PDF."""

import contextlib
import datetime as dt
import re
import zlib

import pytest
from django.urls import reverse
from django.utils import translation

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import User
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge
from tradefair.registration.presentation import badge_view
from tradefair.registration.printing import badges_pdf
from tradefair.registration.services.badges import (
    BadgeRefused,
    badge_of,
    issue_to_members,
    revoke,
    token,
    verify,
)
from tradefair.registration.services.errors import RegistrationError

pytestmark = pytest.mark.django_db


def test_approval_badges_every_person_and_the_code_carries_nothing_personal(expo, admitted):
    badges = list(Badge.objects.order_by("email"))
    assert [(b.name, b.name_latin, b.share_contact) for b in badges] == [
        ("Nguyễn Văn An", "Nguyen Van An", True),
        ("Trần Thị Bình", "Tran Thi Binh", False),
    ]
    code = token(badges[0])
    assert code.startswith(f"TF.{expo.pk}.{badges[0].pk}.1:")
    assert "an@" not in code and "Nguyen" not in code
    assert verify(expo, code) == badges[0]


def test_forged_replaced_and_foreign_codes_are_refused(expo, organiser, admitted):
    badge = Badge.objects.order_by("pk").first()
    code = token(badge)
    with pytest.raises(BadgeRefused, match="may be forged"):
        verify(expo, code[:-3] + "abc")
    with pytest.raises(BadgeRefused, match="may be forged"):
        verify(expo, f"TF.{expo.pk}.{badge.pk}.2")  # no signature at all
    other = Expo.objects.create(
        slug="other", name="Other", city="Kunming", host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2026, 6, 1), end_date=dt.date(2026, 6, 3),
    )  # fmt: skip
    with pytest.raises(BadgeRefused, match="another edition"):
        verify(other, code)
    replaced = revoke(badge=badge, by_user=organiser)
    assert replaced.version == 2 and replaced.revoked_at is not None
    with pytest.raises(BadgeRefused, match="reported lost and replaced"):
        verify(expo, code)
    assert verify(expo, token(replaced)) == badge


def test_only_the_holder_or_the_organisers_replace_a_badge(expo, admitted):
    badge = Badge.objects.order_by("pk").first()
    stranger = User.objects.create_user("stranger@example.com")
    with pytest.raises(RegistrationError, match="Only the badge's holder"):
        revoke(badge=badge, by_user=stranger)
    assert Badge.objects.get(pk=badge.pk).version == 1


def test_members_get_their_badge_on_asking_and_in_bulk(expo):
    buyer = make_party_in(expo, "Chao Phraya Foods", Participation.Role.BUYER)
    colleague = User.objects.create_user("colleague@example.com", first_name="สมชาย")
    buyer.participation.organisation.memberships.create(user=colleague)
    mine = badge_of(buyer.user, expo)
    assert mine is not None and mine.user == buyer.user and badge_of(buyer.user, expo) == mine
    assert issue_to_members(expo) == 1  # the colleague; the first member has one
    theirs = Badge.objects.get(email="colleague@example.com")
    assert (theirs.name, theirs.name_latin) == ("สมชาย", "Colleague")  # Latin from the address
    assert issue_to_members(expo) == 0
    assert badge_of(User.objects.create_user("nobody@example.com"), expo) is None


def test_the_badge_page_and_its_pdf(client, expo, admitted):
    person = User.objects.create_user("an@mekongfresh.vn", "pw-for-tests-1")
    client.force_login(person)
    page = client.get(reverse("badge:mine", args=[expo.slug])).content.decode()
    assert "Nguyễn Văn An" in page and "Nguyen Van An" in page and "<svg" in page
    assert "Mekong Fresh Trading Co., Ltd." in page and "Vietnam" in page
    pdf = client.get(reverse("badge:pdf", args=[expo.slug]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    replaced = client.post(reverse("badge:replace", args=[expo.slug]))
    assert replaced.status_code == 302
    assert Badge.objects.get(email="an@mekongfresh.vn").version == 2


def test_the_badge_pages_need_a_role_in_the_edition(client, expo, admitted):
    url = reverse("badge:mine", args=[expo.slug])
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(User.objects.create_user("nobody@example.com"))
    assert client.get(url).status_code == 404
    assert client.post(reverse("badge:replace", args=[expo.slug])).status_code == 404


def _fonts(pdf: bytes) -> set[str]:
    """The fonts a PDF embeds (WeasyPrint puts their descriptors in compressed streams).

    pydyf writes each stream as ``stream\\n`` + data + ``\\nendstream``; an optional ``\\r`` in
    the pattern took the last byte of a stream that ended in one (1 in 256, with the badge's
    random code in it), and that stream no longer decompressed.
    """
    parts = [pdf]
    for stream in re.finditer(rb"stream\n(.*?)\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(stream.group(1)))
    names = re.findall(rb"/FontName\s*/[A-Z]{6}\+([^\s/>]+)", b"".join(parts))
    return {name.decode() for name in names}


def test_a_thai_companys_badge_prints_its_thai_name_in_a_thai_font(expo):
    buyer = make_party_in(expo, "Chao Phraya Foods", Participation.Role.BUYER)
    organisation = buyer.participation.organisation
    organisation.name_local, organisation.name_local_language = "บริษัท เจ้าพระยาฟู้ดส์ จำกัด", "th"
    organisation.save()
    badge = badge_of(buyer.user, expo)
    assert badge is not None
    with translation.override("en"):
        english = badge_view(badge)
    assert (english.organisation, english.organisation_local) == (
        "Chao Phraya Foods",
        "บริษัท เจ้าพระยาฟู้ดส์ จำกัด",
    )
    with translation.override("th"):  # the Thai name is already the one printed large
        assert badge_view(badge).organisation == "บริษัท เจ้าพระยาฟู้ดส์ จำกัด"
        assert badge_view(badge).organisation_local == ""
    fonts = _fonts(badges_pdf(expo, [badge], "en"))
    thai = ("Loma", "Garuda", "NotoSansThai", "Noto-Sans-Thai", "Norasi", "Kinnari", "Waree")
    assert any(font.startswith(thai) for font in fonts), fonts
