"""Published bulletins: dated, frozen copies of the figures the press quotes.

The live figures change with every deal recorded; what a journalist quoted must not. A
published bulletin keeps the data as it was (``figures.bulletin_data``) and its PDFs, one per
language, drawn by the worker after publishing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedBulletin(models.Model):
    expo = models.ForeignKey(
        "expos.Expo", on_delete=models.CASCADE, related_name="published_bulletins"
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(_("figures"))

    class Meta:
        ordering = ["expo", "-number"]
        verbose_name = _("published bulletin")
        verbose_name_plural = _("published bulletins")
        constraints = [
            models.UniqueConstraint(fields=["expo", "number"], name="one_bulletin_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.expo.slug} bulletin {self.number}"


class BulletinDocument(models.Model):
    """A published bulletin's PDF in one language."""

    bulletin = models.ForeignKey(
        PublishedBulletin, on_delete=models.CASCADE, related_name="documents"
    )
    language = models.CharField(max_length=10)
    pdf = models.BinaryField()
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bulletin", "language"], name="one_document_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bulletin} ({self.language})"
