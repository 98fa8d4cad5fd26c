"""Merchandise-trade statistics, as UN Comtrade publishes them, for the bulletin's context.

One row is one reporter's imports or exports with one partner (``W00`` is the world) in one
month (``month`` 0: the whole year), for all goods (``TOTAL``) or one HS chapter. Countries are
ISO 3166 alpha-3 codes, as Comtrade writes them. Values are in US dollars.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TradeFlow(models.Model):
    class Flow(models.TextChoices):
        # A context of their own: "imports" also names the file imports of the admin.
        IMPORT = "M", pgettext_lazy("trade flow", "imports")
        EXPORT = "X", pgettext_lazy("trade flow", "exports")

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(help_text=_("1 to 12; 0 for the whole year"))
    reporter = models.CharField(max_length=3)
    partner = models.CharField(max_length=3)
    flow = models.CharField(max_length=1, choices=Flow.choices)
    commodity = models.CharField(max_length=6, help_text=_("TOTAL or an HS chapter (2 digits)"))
    value_usd = models.DecimalField(max_digits=20, decimal_places=2)
    # The demo's breakdown is made up around the seed's totals; pages say so.
    illustrative = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("trade flow")
        verbose_name_plural = _("trade flows")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month", "reporter", "partner", "flow", "commodity"],
                name="one_trade_flow_per_period_pair_and_goods",
            ),
            models.CheckConstraint(condition=Q(month__lte=12), name="trade_month_0_to_12"),
            models.CheckConstraint(condition=Q(value_usd__gte=0), name="trade_value_not_negative"),
        ]
        indexes = [models.Index(fields=["reporter", "year", "commodity"])]

    def __str__(self) -> str:
        period = f"{self.year}-{self.month:02d}"
        return f"{self.reporter}→{self.partner} {self.flow} {period} {self.commodity}"
