"""Re-encoded pictures written to the media storage before any row points at them.

A picture is stored as soon as it is checked, so that a change waiting for review can show
the reviewer what it would publish; rows then take the stored names. Files that end up
unused (a rejected change, a removed picture) are deleted once the transaction commits.
"""

from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.pictures import (
    PictureRefused,
    logo_file,
    product_files,
    read_picture,
)

SIZES = ("large", "medium", "thumb")


def store_product_picture(upload: UploadedFile, *, field: str = "picture") -> dict[str, Any]:
    """Check, re-encode and store ``upload``; the names and the large size's dimensions."""
    try:
        files = product_files(read_picture(upload))
    except PictureRefused as exc:
        raise CatalogueError(str(exc), field=field) from exc
    stored: dict[str, Any] = {
        size: default_storage.save(f"products/{encoded.file.name}", encoded.file)
        for size, encoded in files.items()
    }
    stored["width"], stored["height"] = files["large"].width, files["large"].height
    return stored


def store_logo(upload: UploadedFile) -> str:
    try:
        encoded = logo_file(read_picture(upload))
    except PictureRefused as exc:
        raise CatalogueError(str(exc), field="logo") from exc
    return default_storage.save(f"logos/{encoded.file.name}", encoded.file)


def delete_after_commit(names: list[str]) -> None:
    """Files go once the rows are gone for good; a rolled-back change keeps its pictures."""

    def delete() -> None:
        for name in names:
            if name:
                default_storage.delete(name)

    transaction.on_commit(delete)


def delete_stored(stored: dict[str, Any]) -> None:
    """Remove a stored picture's files now: the change that stored them was refused."""
    for size in SIZES:
        if stored.get(size):
            default_storage.delete(stored[size])
