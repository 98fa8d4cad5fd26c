from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Participation(models.Model):
    """An organisation's role in one expo: exhibitor, buyer, investor, delegate or partner."""

    class Role(models.TextChoices):
        EXHIBITOR = "exhibitor", _("exhibitor")
        BUYER = "buyer", _("buyer")
        INVESTOR = "investor", _("investor")
        DELEGATE = "delegate", _("delegate")
        PARTNER = "partner", _("partner")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    pavilion = models.ForeignKey(
        "floorplan.Pavilion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exhibitors",
        help_text=_("Exhibitors only: the pavilion the exhibitor is placed in."),
    )
    booth_area_m2 = models.DecimalField(
        _("contracted booth area (m²)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    delegation = models.ForeignKey(
        "organisations.Delegation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    search_text = models.TextField(
        editable=False,
        blank=True,
        help_text=_("Lower-cased names, descriptions, offers and HS codes, for full-text search."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["expo", "role", "organisation__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["expo", "organisation", "role"], name="one_role_per_organisation_per_expo"
            ),
            models.CheckConstraint(
                condition=Q(role="exhibitor")
                | (Q(pavilion__isnull=True) & Q(booth_area_m2__isnull=True)),
                name="only_exhibitors_have_pavilion_and_booth_area",
            ),
            models.CheckConstraint(
                condition=Q(booth_area_m2__isnull=True) | Q(booth_area_m2__gt=0),
                name="booth_area_positive_when_set",
            ),
        ]
        indexes = [models.Index(fields=["expo", "role"])]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()}, {self.expo.slug})"


class Delegation(models.Model):
    """A group of buyers or delegates brought to the expo by a partner organisation."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="delegations")
    partner = models.ForeignKey(
        Participation,
        on_delete=models.CASCADE,
        related_name="delegations_led",
        limit_choices_to={"role": Participation.Role.PARTNER},
    )
    name = models.CharField(max_length=200)
    name_zh = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["expo", "name"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.UniqueConstraint(fields=["expo", "name"], name="delegation_name_unique_per_expo")
        ]

    def __str__(self) -> str:
        return self.name
