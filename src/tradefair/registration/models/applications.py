"""Applications to attend an edition, as buyers or summit delegates, directly or through a
partner's invitation link; what the organisers admit becomes participations and accounts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class DelegationLink(models.Model):
    """A partner's invitation link for one delegation: applications through it are credited to
    the delegation, reviewed by the partner first, and at most ``quota`` of them stand."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    delegation = models.OneToOneField(
        "organisations.Delegation", on_delete=models.CASCADE, related_name="link"
    )
    token = models.CharField(max_length=43, unique=True, editable=False)
    quota = models.PositiveIntegerField(
        _("quota"), help_text=_("How many applications through this link may stand at once.")
    )
    is_open = models.BooleanField(_("open for applications"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delegation link")
        verbose_name_plural = _("delegation links")
        constraints = [models.CheckConstraint(condition=Q(quota__gt=0), name="link_quota_positive")]

    def __str__(self) -> str:
        return f"{self.delegation} ({self.quota})"


class Application(models.Model):
    """One organisation's application; its people are ``ApplicationPerson`` rows."""

    class Kind(models.TextChoices):
        BUYER = "buyer", _("buyer")
        DELEGATE = "delegate", _("summit delegate")

    class Status(models.TextChoices):
        WITH_PARTNER = "with_partner", _("waiting for the partner")
        SUBMITTED = "submitted", _("waiting for the organisers")
        MORE_INFO = "more_info", _("more information asked")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="applications")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices)
    link = models.ForeignKey(
        DelegationLink,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("through the partner link"),
    )
    # The organisation as the applicant describes it.
    name = models.CharField(_("organisation name (English)"), max_length=200)
    name_zh = models.CharField(_("organisation name (Chinese)"), max_length=200, blank=True)
    country = models.ForeignKey("expos.Country", on_delete=models.PROTECT, related_name="+")
    organisation_kind = models.CharField(_("kind of organisation"), max_length=12)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    description = models.TextField(_("about the organisation"), blank=True)
    # What a buyer buys (a sourcing need on approval); a delegate's interests use sectors only.
    buys = models.CharField(_("what you buy"), max_length=200, blank=True)
    buys_detail = models.TextField(_("details"), blank=True)
    hs_codes = models.ManyToManyField("expos.HSCode", blank=True, related_name="+")
    sectors = models.ManyToManyField("expos.Sector", blank=True, related_name="+")
    markets = models.ManyToManyField("expos.Country", blank=True, related_name="+")
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    days = models.JSONField(_("days attending"), default=list)  # ISO dates
    language = models.CharField(
        _("language of e-mails"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    # Review.
    message = models.TextField(
        _("message to the applicant"),
        blank=True,
        help_text=_("The reason of a rejection, or the question asked."),
    )
    asked_by_partner = models.BooleanField(default=False, editable=False)
    partner_approved_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set on approval: the organisation created or the existing one attached."),
    )
    participation = models.ForeignKey(
        "organisations.Participation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["expo", "-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [models.Index(fields=["expo", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(participation__isnull=False),
                name="approved_application_has_participation",
            ),
            models.CheckConstraint(
                condition=Q(link__isnull=False) | ~Q(status="with_partner"),
                name="only_partner_applications_wait_for_a_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()}, {self.expo.slug})"


class ApplicationPerson(models.Model):
    """Someone who comes: invited to an account on approval, and badged."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(
        _("name"), max_length=150, help_text=_("As the person writes it, in their own script.")
    )
    name_latin = models.CharField(
        _("name in Latin letters"), max_length=150, help_text=_("As on the passport.")
    )
    email = models.EmailField(_("e-mail"))
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    share_contact = models.BooleanField(
        _("share contact details with exhibitors who scan the badge"), default=False
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["application", "position"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "application", name="one_person_per_email_per_application"
            )
        ]
        verbose_name = _("person of an application")
        verbose_name_plural = _("people of applications")

    def __str__(self) -> str:
        return self.name
