"""Published bulletins of an edition, newest first, and their PDFs."""

from django.db.models import QuerySet

from tradefair.bulletin.models import BulletinDocument, PublishedBulletin
from tradefair.expos.models import Expo


def published(expo: Expo) -> QuerySet[PublishedBulletin]:
    return PublishedBulletin.objects.filter(expo=expo).order_by("-number")


def has_document(bulletin: PublishedBulletin, language: str) -> bool:
    return BulletinDocument.objects.filter(bulletin=bulletin, language=language).exists()


def document(bulletin: PublishedBulletin, language: str) -> bytes | None:
    pdf = (
        BulletinDocument.objects.filter(bulletin=bulletin, language=language)
        .values_list("pdf", flat=True)
        .first()
    )
    return bytes(pdf) if pdf is not None else None
