"""Pictures an import names, read from a folder or a ZIP file and stored under their content.

A products file names pictures by file name; ``--pictures`` gives the folder or the ZIP file
that holds them. Nothing is extracted: a ZIP member is read straight from the archive, and
never more than ``pictures.MAX_BYTES`` of it (a member that says it is larger is refused
unread, so a zip bomb costs nothing). Names are relative to the folder or the archive; an
absolute name or one with ``..`` is refused, and a folder's symbolic link leading outside it
finds nothing.

A picture is known by the SHA-256 of the file it came from: its stored files are called
``products/<first 32 hex digits>-<size>.webp`` (the storage may add a suffix on a clash), so a
second import of the same file recognises the pictures it stored the first time and stores
nothing again.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Protocol

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tradefair.catalogue.services.pictures import (
    MAX_BYTES,
    Picture,
    PictureRefused,
    product_files,
    read_picture,
)
from tradefair.organisations.models import OfferPicture

KEY_LENGTH = 32  # hex digits of the SHA-256 in a stored picture's name


class PicturesUnreadable(Exception):
    """The folder or ZIP file given for the pictures cannot be used at all."""


class PictureProblem(Exception):
    """One named picture cannot be imported; the message says why (without the line)."""


class PictureSource(Protocol):
    label: str  # how messages name the folder or ZIP file: "photos.zip"

    def size(self, name: str) -> int | None:
        """The file's size in bytes, or None when the source has no such file."""

    def read(self, name: str, limit: int) -> bytes:
        """At most ``limit`` bytes of a file :meth:`size` found."""

    def close(self) -> None: ...


def relative_name(name: str) -> str | None:
    """``name`` as a path inside the source (``/`` between folders), or None when it is
    absolute or climbs out with ``..``."""
    if PureWindowsPath(name).anchor:  # /x, \\x, C:x, C:\x, //server/share
        return None
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return str(path)


class FolderSource:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.label = root.name or str(root)

    def _file(self, name: str) -> Path | None:
        relative = relative_name(name)
        if relative is None:
            return None
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path

    def size(self, name: str) -> int | None:
        path = self._file(name)
        return path.stat().st_size if path is not None else None

    def read(self, name: str, limit: int) -> bytes:
        path = self._file(name)
        if path is None:
            raise FileNotFoundError(name)
        with path.open("rb") as file:
            return file.read(limit)

    def close(self) -> None:
        pass


class ZipSource:
    def __init__(self, path: Path) -> None:
        self.label = path.name
        self.archive = zipfile.ZipFile(path)
        # Members under their normalised names; directories and unsafe names are unreachable.
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in self.archive.infolist():
            relative = relative_name(info.filename)
            if relative is not None and not info.is_dir():
                self.members[relative] = info

    def _member(self, name: str) -> zipfile.ZipInfo | None:
        relative = relative_name(name)
        return self.members.get(relative) if relative is not None else None

    def size(self, name: str) -> int | None:
        info = self._member(name)
        return info.file_size if info is not None else None

    def read(self, name: str, limit: int) -> bytes:
        info = self._member(name)
        if info is None:
            raise FileNotFoundError(name)
        # The limit also holds when the archive's stated size is a lie.
        with self.archive.open(info) as member:
            return member.read(limit)

    def close(self) -> None:
        self.archive.close()


class OpenSource:
    """``with open_pictures(path) as source:`` closes a ZIP file afterwards."""

    def __init__(self, source: PictureSource) -> None:
        self.source = source

    def __enter__(self) -> PictureSource:
        return self.source

    def __exit__(self, *exc: object) -> None:
        self.source.close()


def open_pictures(path: Path) -> OpenSource:
    """The folder or ZIP file at ``path``; PicturesUnreadable says why it cannot be used."""
    if path.is_dir():
        return OpenSource(FolderSource(path))
    if not path.is_file():
        raise PicturesUnreadable(_("no folder or file %(path)s") % {"path": path})
    try:
        return OpenSource(ZipSource(path))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PicturesUnreadable(
            _("%(path)s is neither a folder nor a readable ZIP file (%(why)s)")
            % {"path": path, "why": exc}
        ) from exc


def _bytes(source: PictureSource, name: str) -> bytes:
    """The file's bytes, refused unread when it says it is larger than a picture may be."""
    size = source.size(name)
    if size is None:
        raise PictureProblem(
            _("no file '%(name)s' in %(source)s") % {"name": name, "source": source.label}
        )
    if size > MAX_BYTES:
        raise PictureProblem(
            _("'%(name)s': %(reason)s")
            % {
                "name": name,
                "reason": _("The picture is %(size)s; send one of at most %(limit)s.")
                % {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
            }
        )
    try:
        return source.read(name, MAX_BYTES + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError) as exc:
        raise PictureProblem(
            _("cannot read '%(name)s' in %(source)s (%(why)s)")
            % {"name": name, "source": source.label, "why": exc}
        ) from exc
    except OSError as exc:
        raise PictureProblem(
            _("cannot read '%(name)s' in %(source)s (%(why)s)")
            % {"name": name, "source": source.label, "why": exc.strerror or exc}
        ) from exc


def key_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:KEY_LENGTH]


def _decoded(name: str, data: bytes) -> Picture:
    try:
        return read_picture(SimpleUploadedFile(PurePosixPath(name).name, data))
    except PictureRefused as exc:
        raise PictureProblem(_("'%(name)s': %(reason)s") % {"name": name, "reason": exc}) from exc


def check_picture(source: PictureSource, name: str) -> str:
    """Read and decode the named file as an upload would be; its key, or PictureProblem."""
    data = _bytes(source, name)
    _decoded(name, data)
    return key_of(data)


def store_picture(source: PictureSource, name: str, key: str) -> dict[str, Any]:
    """Re-encode and store the named file (as ``stored_files.store_product_picture`` does,
    under names that start with ``key``); PictureProblem when it is no longer the file that
    was checked."""
    data = _bytes(source, name)
    if key_of(data) != key:
        raise PictureProblem(
            _("'%(name)s' changed while the file was imported; import again") % {"name": name}
        )
    files = product_files(_decoded(name, data))
    del data
    stored: dict[str, Any] = {}
    try:
        for size, encoded in files.items():
            stored[size] = default_storage.save(f"products/{key}-{size}.webp", encoded.file)
    except Exception:
        for written in stored.values():
            default_storage.delete(written)
        raise
    stored["width"], stored["height"] = files["large"].width, files["large"].height
    return stored


def is_stored_as(picture: OfferPicture, key: str) -> bool:
    """Whether ``picture``'s files were stored from the file whose key is ``key``."""
    return (picture.large.name or "").startswith(f"products/{key}-")
