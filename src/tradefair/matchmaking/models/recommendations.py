"""Stored recommendations: each side's top k of the other, refreshed by
``services.recommendations`` and read by ``queries.recommendations``.

A row is one buyer-exhibitor pair that is in the buyer's top k, the exhibitor's top k or both;
the ranks say where (1 = best, null = not in that side's list). The reasons are not stored: they
are worked out for the few pairs a page shows, in the reader's language.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

MAX_LIST_LENGTH = 500  # longer than anyone reads; ranks fit a small integer


class Recommendation(models.Model):
    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    # The composite indexes below start with these columns: no separate index on each.
    buyer = models.ForeignKey(
        "organisations.Participation",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    exhibitor = models.ForeignKey(
        "organisations.Participation",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    score = models.FloatField(help_text=_("Reciprocal score in [0, 1]: high when both sides fit."))
    buyer_rank = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Position in the buyer's list (1 = best), if there.")
    )
    exhibitor_rank = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Position in the exhibitor's list (1 = best), if there."),
    )
    heading = models.CharField(
        max_length=4,
        blank=True,
        help_text=_(
            "The HS heading (or chapter) the first reason names, for buyers' lists: pages "
            "hold at most three of one heading while others fit."
        ),
    )

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["buyer", "exhibitor"], name="one_recommendation_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(buyer_rank__isnull=False) | Q(exhibitor_rank__isnull=False),
                name="recommendation_in_some_list",
            ),
            models.CheckConstraint(
                condition=~Q(buyer=F("exhibitor")), name="recommendation_between_two_parties"
            ),
        ]
        indexes = [
            models.Index(fields=["buyer", "buyer_rank"], name="recommendation_buyer_list"),
            models.Index(
                fields=["exhibitor", "exhibitor_rank"], name="recommendation_exhibitor_list"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.buyer_id} ↔ {self.exhibitor_id} ({self.score:.3f})"
