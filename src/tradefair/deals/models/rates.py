"""The edition's exchange-rate table: what one unit of a currency is worth in USD and CNY.

Fairs quote totals in both (CIIE in USD, the China-ASEAN Expo in yuan), and a deal keeps the
currency it was signed in, so totals are converted with the rates the organiser sets, dated.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ExchangeRate(models.Model):
    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="rates")
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3)
    usd = models.DecimalField(
        _("value of one unit in USD"),
        max_digits=20,
        decimal_places=10,
        validators=[MinValueValidator(0)],
    )
    cny = models.DecimalField(
        _("value of one unit in CNY"),
        max_digits=20,
        decimal_places=10,
        validators=[MinValueValidator(0)],
    )
    as_of = models.DateField(_("rate date"))

    class Meta:
        ordering = ["expo", "currency"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["expo", "currency"], name="one_rate_per_currency"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="rate_currency_is_iso_4217"
            ),
            models.CheckConstraint(condition=Q(usd__gt=0) & Q(cny__gt=0), name="rate_is_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency}: {self.usd} USD, {self.cny} CNY ({self.as_of})"
