"""Uploaded pictures: checked, re-encoded and cut to the sizes the pages show.

Nothing a visitor uploads is served as it came: Pillow must decode it as a JPEG, PNG, WebP or
GIF, and what is stored is a fresh WebP encoding of the pixels (EXIF orientation applied, the
metadata — camera, GPS — dropped). A renamed executable or an HTML page therefore never reaches
the media storage, and a page loads a 200 px thumbnail instead of a 6 MB photograph.
"""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from tradefair.expos.formatting import number

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel photograph; more is a decompression bomb
MIN_SIDE = 100
ACCEPTED = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
# Longer side in pixels of each stored size: the full view, a profile's card, a list's thumb.
PRODUCT_SIZES = {"large": 1600, "medium": 640, "thumb": 200}
LOGO_SIZE = 400
QUALITY = 82


class PictureRefused(ValueError):
    """The upload is not a picture we store; the message says why and what to send instead."""


@dataclass(frozen=True)
class Picture:
    """A decoded upload, upright, in RGB(A)."""

    image: Image.Image


def read_picture(upload: UploadedFile) -> Picture:
    """Decode ``upload`` or refuse it with a message that names the fix."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise PictureRefused(
            _("The picture is %(size)s; send one of at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
        )
    accepted = ", ".join(ACCEPTED.values())
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PictureRefused(
            _("The picture is larger than %(limit)s; send a smaller one.")
            % {"limit": filesizeformat(MAX_BYTES)}
        )
    try:
        with warnings.catch_warnings():  # the pixel count is checked below, with a message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
        with probe:
            kind = probe.format or ""
            width, height = probe.size
            probe.verify()  # checks the file's structure without decoding every pixel
        if kind not in ACCEPTED:
            raise PictureRefused(
                _("%(kind)s pictures are not accepted; send a %(accepted)s file.")
                % {"kind": kind, "accepted": accepted}
            )
        if width * height > MAX_PIXELS:
            raise PictureRefused(
                _("The picture has %(mp)s megapixels; send one of at most %(limit)s.")
                % {"mp": round(width * height / 1e6), "limit": MAX_PIXELS // 1_000_000}
            )
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        if isinstance(exc, Image.DecompressionBombError):
            raise PictureRefused(
                _("The picture has too many pixels; send one of at most %(limit)s megapixels.")
                % {"limit": MAX_PIXELS // 1_000_000}
            ) from exc
        raise PictureRefused(
            _("This file is not a picture we can read; send a %(accepted)s file.")
            % {"accepted": accepted}
        ) from exc
    if min(width, height) < MIN_SIDE:
        raise PictureRefused(
            _("The picture is %(w)s × %(h)s pixels; send one at least %(min)s pixels on each side.")
            % {"w": number(width), "h": number(height), "min": number(MIN_SIDE)}
        )
    upright: Image.Image = ImageOps.exif_transpose(image)
    alpha = upright.mode in {"RGBA", "LA"} or "transparency" in upright.info
    return Picture(upright.convert("RGBA" if alpha else "RGB"))


@dataclass(frozen=True)
class Encoded:
    file: ContentFile[bytes]
    width: int
    height: int


def encoded(picture: Picture, longest: int, name: str) -> Encoded:
    """``picture`` scaled down (never up) to ``longest`` pixels on its longer side, as WebP."""
    copy = picture.image.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "WEBP", quality=QUALITY, method=4)
    return Encoded(ContentFile(out.getvalue(), name=name), *copy.size)


def product_files(picture: Picture) -> dict[str, Encoded]:
    """One file per stored size, sharing a random stem so the set is easy to find."""
    stem = uuid.uuid4().hex
    return {
        size: encoded(picture, longest, f"{stem}-{size}.webp")
        for size, longest in PRODUCT_SIZES.items()
    }


def logo_file(picture: Picture) -> Encoded:
    return encoded(picture, LOGO_SIZE, f"{uuid.uuid4().hex}-logo.webp")
