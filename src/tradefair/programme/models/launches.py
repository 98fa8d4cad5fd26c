"""New products presented at product-launch events."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language


class LaunchedProduct(models.Model):
    """A product an exhibitor presents for the first time at a launch activity."""

    class Scope(models.TextChoices):
        WORLD = "world", _("world first")
        CHINA = "china", _("first in China")
        ASEAN = "asean", _("first in ASEAN")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    exhibitor = models.ForeignKey(
        "organisations.Participation",
        on_delete=models.CASCADE,
        related_name="launched_products",
        limit_choices_to={"role": "exhibitor"},
        verbose_name=_("exhibitor"),
    )
    activity = models.ForeignKey(
        "programme.Activity",
        on_delete=models.CASCADE,
        related_name="launched_products",
        limit_choices_to={"kind": "launch"},
        verbose_name=_("launch event"),
    )
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    hs_code = models.ForeignKey(
        "expos.HSCode",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("HS code"),
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    description_zh = models.TextField(_("description (Chinese)"), max_length=5000, blank=True)
    first_launch = models.CharField(
        _("first launch"), max_length=5, choices=Scope.choices, default=Scope.WORLD
    )

    class Meta:
        ordering = ["activity", "name"]
        verbose_name = _("launched product")
        verbose_name_plural = _("launched products")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor", "name"], name="launched_product_name_unique_per_exhibitor"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_reader_language(self.name, self.name_zh)

    @property
    def scope_label(self) -> str:
        """``get_first_launch_display`` without rebuilding the choices (lists show dozens)."""
        return str(self.Scope(self.first_launch).label)

    @property
    def display_description(self) -> str:
        return in_reader_language(self.description, self.description_zh)
