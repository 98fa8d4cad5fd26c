"""Uploaded pictures: what is accepted, what is refused (and how it is said), what is stored."""

import io

import pytest
from PIL import Image

from tradefair.catalogue.services.pictures import (
    MAX_BYTES,
    PRODUCT_SIZES,
    PictureRefused,
    logo_file,
    product_files,
    read_picture,
)

from .conftest import picture_bytes, upload


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
def test_each_accepted_kind_is_stored_as_webp_in_three_widths(kind):
    files = product_files(read_picture(upload("p.img", picture_bytes((2400, 1600), kind))))
    assert {size: (f.width, f.height) for size, f in files.items()} == {
        "large": (1600, 1067),
        "medium": (640, 427),
        "thumb": (200, 133),
    }
    for size, f in files.items():
        assert f.file.name.endswith(f"-{size}.webp")
        with Image.open(io.BytesIO(f.file.read())) as stored:
            assert stored.format == "WEBP"
            assert max(stored.size) == PRODUCT_SIZES[size]


def test_a_small_picture_is_never_enlarged():
    files = product_files(read_picture(upload(data=picture_bytes((300, 150)))))
    assert [(f.width, f.height) for f in files.values()] == [(300, 150), (300, 150), (200, 100)]


def test_a_logo_keeps_its_transparency_and_fits_400_pixels():
    logo = logo_file(read_picture(upload("l.png", picture_bytes((800, 800), "PNG", "RGBA"))))
    with Image.open(io.BytesIO(logo.file.read())) as stored:
        assert (stored.size, stored.mode) == ((400, 400), "RGBA")


def test_exif_orientation_is_applied_and_metadata_dropped():
    image = Image.new("RGB", (600, 300), "blue")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise when shown
    exif[0x010F] = "SecretCam"  # the camera's maker
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    stored = product_files(read_picture(upload(data=out.getvalue())))["large"]
    assert (stored.width, stored.height) == (300, 600)
    assert b"SecretCam" not in stored.file.read()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "setup.jpg",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 2000,
            "This file is not a picture we can read; send a JPEG, PNG, WebP, GIF file.",
        ),
        (
            "page.png",
            b"<html><script>alert(1)</script></html>",
            "This file is not a picture we can read; send a JPEG, PNG, WebP, GIF file.",
        ),
        (
            "scan.tiff",
            picture_bytes((400, 400), "TIFF"),
            "TIFF pictures are not accepted; send a JPEG, PNG, WebP, GIF file.",
        ),
        (
            "tiny.png",
            picture_bytes((60, 400), "PNG"),
            "The picture is 60 × 400 pixels; send one at least 100 pixels on each side.",
        ),
        (
            "cut.jpg",
            picture_bytes()[:600],
            "This file is not a picture we can read; send a JPEG, PNG, WebP, GIF file.",
        ),
    ],
)
def test_what_is_not_a_usable_picture_is_refused_by_name(name, data, message):
    with pytest.raises(PictureRefused) as refused:
        read_picture(upload(name, data))
    assert str(refused.value) == message


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded():
    big = upload(data=b"\xff\xd8" + b"\x00" * (MAX_BYTES + 1024 * 1024))
    with pytest.raises(PictureRefused) as refused:
        read_picture(big)
    assert str(refused.value) == "The picture is 9.0\xa0MB; send one of at most 8.0\xa0MB."


def test_a_decompression_bomb_is_refused():
    # 10,000 × 10,000 pixels of one colour compress to a few hundred kilobytes.
    bomb = picture_bytes((10_000, 10_000), "PNG")
    assert len(bomb) < MAX_BYTES
    with pytest.raises(PictureRefused) as refused:
        read_picture(upload("bomb.png", bomb))
    assert "megapixels" in str(refused.value)
