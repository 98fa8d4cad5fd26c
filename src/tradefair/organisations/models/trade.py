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
    """Products or services an exhibitor sells; ``markets`` are the countries it targets."""

    markets = models.ManyToManyField(
        "expos.Country", blank=True, related_name="+", verbose_name=_("target markets")
    )

    class Meta(TradeLine.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")


class Need(TradeLine):
    """Products a buyer wants to source; ``markets`` are the countries it would buy from."""

    markets = models.ManyToManyField(
        "expos.Country", blank=True, related_name="+", verbose_name=_("source markets")
    )

    class Meta(TradeLine.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
