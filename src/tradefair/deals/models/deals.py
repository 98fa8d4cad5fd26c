"""Deals signed at or after the fair: investment projects, trade orders, outward investment
and cooperation agreements, each traced to the meetings and the signing ceremony behind it.

A deal counts in the bulletin once the organiser has approved it. Figures-only deals (not
``public``) are counted in every total and never listed by name anywhere.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language


class Deal(models.Model):
    class Kind(models.TextChoices):
        INVESTMENT = "investment", _("investment project")
        TRADE = "trade", _("trade order")
        OUTWARD = "outward_investment", _("outward investment")
        COOPERATION = "cooperation", _("cooperation agreement")

    class Stage(models.TextChoices):
        """In the order a deal moves through; it never moves back."""

        INTENTION = "intention", _("intention")
        SIGNED = "signed", _("signed agreement")
        CONTRACT = "contract", _("contract")
        IMPLEMENTED = "implemented", _("implemented")

    class Review(models.TextChoices):
        """A deal a party reports waits for the other party, then for the organiser."""

        REPORTED = "reported", _("reported, awaiting the other party")
        CONFIRMED = "confirmed", _("confirmed by both parties, awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="deals")
    reference = models.CharField(_("reference"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    title_zh = models.CharField(_("title (Chinese)"), max_length=250, blank=True)
    counterpart_country = models.ForeignKey(
        "expos.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counterpart country"),
    )
    sector = models.ForeignKey(
        "expos.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    hs_codes = models.ManyToManyField(
        "expos.HSCode", blank=True, related_name="+", verbose_name=_("HS codes")
    )
    value = models.DecimalField(
        _("value"), max_digits=20, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    # A signed deal has its signing date; the later stages' dates are kept when the console
    # moves a deal on, and may be unknown for deals imported at those stages.
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    contracted_on = models.DateField(_("contract on"), null=True, blank=True)
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    activity = models.ForeignKey(
        "programme.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("signed at"),
    )
    online = models.BooleanField(_("signed online"), default=False)
    province = models.CharField(
        _("Chinese province or region"),
        max_length=6,
        blank=True,
        help_text=_("ISO 3166-2 code such as CN-GX, when a party is Chinese"),
    )
    delegation = models.ForeignKey(
        "organisations.Delegation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("delegation credited"),
    )
    partner = models.ForeignKey(
        "organisations.Participation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credited_deals",
        verbose_name=_("partner organisation credited"),
    )
    meetings = models.ManyToManyField(
        "matchmaking.Meeting", blank=True, related_name="deals", verbose_name=_("meetings")
    )
    public = models.BooleanField(
        _("listed by name"),
        default=True,
        help_text=_("A figures-only deal counts in every total but is never listed by name."),
    )
    review = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.APPROVED
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["expo", "reference"]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        constraints = [
            models.UniqueConstraint(fields=["expo", "reference"], name="deal_reference_unique"),
            models.CheckConstraint(condition=Q(value__gte=0), name="deal_value_not_negative"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="deal_currency_is_iso_4217"
            ),
            models.CheckConstraint(
                condition=Q(stage="intention") | Q(signed_on__isnull=False),
                name="deal_signed_has_a_date",
            ),
        ]
        indexes = [models.Index(fields=["expo", "review", "kind"])]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def display_title(self) -> str:
        return in_reader_language(self.title, self.title_zh)


class DealParty(models.Model):
    """An organisation of the edition that is party to a deal, and as what."""

    class Role(models.TextChoices):
        INVESTOR = "investor", _("investor")
        PROJECT_OWNER = "project_owner", _("project owner")
        BUYER = "buyer", _("buyer")
        SELLER = "seller", _("seller")
        PARTNER = "partner", _("partner")

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="deal_parties"
    )
    role = models.CharField(_("role"), max_length=14, choices=Role.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["deal", "position"]
        verbose_name = _("party to a deal")
        verbose_name_plural = _("parties to deals")
        constraints = [
            models.UniqueConstraint(
                fields=["deal", "organisation"], name="one_party_row_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.role})"
