"""What an organisation sells (offers) and buys (needs) at an expo: the input to matchmaking."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language


class TradeLine(models.Model):
    participation = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="%(class)ss"
    )
    title = models.CharField(max_length=200, blank=True)
    title_zh = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    text_zh = models.TextField(blank=True)
    hs_codes = models.ManyToManyField("expos.HSCode", blank=True, related_name="+")
    sectors = models.ManyToManyField("expos.Sector", blank=True, related_name="+")

    class Meta:
        abstract = True
        ordering = ["participation", "id"]

    def __str__(self) -> str:
        return self.title or f"{self._meta.verbose_name} #{self.pk}"

    @property
    def display_title(self) -> str:
        return in_reader_language(self.title, self.title_zh)

    @property
    def display_text(self) -> str:
        return in_reader_language(self.text, self.text_zh)


class Offer(TradeLine):
    """A product (or service) an exhibitor sells; ``markets`` are the countries it targets."""

    markets = models.ManyToManyField(
        "expos.Country", blank=True, related_name="+", verbose_name=_("target markets")
    )
    minimum_order = models.CharField(
        _("minimum order"), max_length=120, blank=True, help_text=_("e.g. 500 units, 1 container")
    )
    certifications = models.JSONField(
        _("certifications"), default=list, blank=True, help_text=_('e.g. ["CE", "ISO 9001"]')
    )

    class Meta(TradeLine.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")


class OfferPicture(models.Model):
    """A product picture, re-encoded by the catalogue's upload service into three widths so
    each page loads the size it shows (a list's thumbnail, a profile's card, the full view)."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="pictures")
    large = models.ImageField(upload_to="products/")
    medium = models.ImageField(upload_to="products/")
    thumb = models.ImageField(upload_to="products/")
    width = models.PositiveIntegerField(default=0, editable=False)  # of ``large``
    height = models.PositiveIntegerField(default=0, editable=False)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["offer", "position", "id"]
        verbose_name = _("product picture")
        verbose_name_plural = _("product pictures")

    def __str__(self) -> str:
        return self.caption or f"{self.offer} #{self.position + 1}"


class Need(TradeLine):
    """Products a buyer wants to source; ``markets`` are the countries it would buy from."""

    markets = models.ManyToManyField(
        "expos.Country", blank=True, related_name="+", verbose_name=_("source markets")
    )

    class Meta(TradeLine.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
