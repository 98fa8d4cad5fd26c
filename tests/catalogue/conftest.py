"""A fair with one exhibitor (an admin and a plain member), another exhibitor and a buyer;
uploads go to a temporary media folder."""

import io
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.matchmaking.conftest import Party, make_party_in
from tradefair.accounts.models import Membership, User
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation

Role = Participation.Role


@dataclass
class Fair:
    expo: Expo
    me: Party  # an admin of "Guangxi Robotics"
    colleague: User  # a plain member of the same organisation
    other: Party  # another exhibitor
    buyer: Party  # a buyer's admin


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings.MEDIA_ROOT


def admin_of(party: Party) -> Party:
    Membership.objects.filter(user=party.user).update(role=Membership.Role.ADMIN)
    return party


@pytest.fixture
def fair(expo: Expo) -> Fair:
    me = admin_of(make_party_in(expo, "Guangxi Robotics", Role.EXHIBITOR))
    colleague = User.objects.create_user("colleague@example.com")
    Membership.objects.create(user=colleague, organisation=me.participation.organisation)
    return Fair(
        expo=expo,
        me=me,
        colleague=colleague,
        other=admin_of(make_party_in(expo, "Nanning Motors", Role.EXHIBITOR)),
        buyer=admin_of(make_party_in(expo, "Saigon Fresh Foods", Role.BUYER)),
    )


def picture_bytes(
    size: tuple[int, int] = (1200, 800), kind: str = "JPEG", mode: str = "RGB"
) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 40, 40) if mode == "RGB" else None).save(out, kind)
    return out.getvalue()


def upload(
    name: str = "arm.jpg", data: bytes | None = None, content_type: str = "image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, picture_bytes() if data is None else data, content_type)
