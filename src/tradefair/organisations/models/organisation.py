from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language, organisation_name
from tradefair.organisations.local_names import local_name_error


class Organisation(models.Model):
    """An enterprise, government body, association or research institute.

    It outlives any one edition: its roles in an expo are ``Participation`` rows. An organisation
    is identified by its English name (case-insensitive) and its country.
    """

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("enterprise")
        GOVERNMENT = "government", _("government body")
        ASSOCIATION = "association", _("association")
        RESEARCH = "research", _("research institute")

    name = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    name_local = models.CharField(
        _("local name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The name in the organisation's own language and script, e.g. a Thai company's "
            "name in Thai."
        ),
    )
    name_local_language = models.CharField(
        _("language of the local name"),
        max_length=2,
        blank=True,
        help_text=_("Its ISO 639-1 code, e.g. th, vi, id, ms, km, lo or my."),
    )
    other_names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('Language code to name, e.g. {"vi": "Công ty …", "th": "บริษัท …"}.'),
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ENTERPRISE)
    country = models.ForeignKey("expos.Country", on_delete=models.PROTECT, related_name="+")
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        help_text=_("Stored re-encoded as WebP, at most 400 pixels on its longer side."),
    )
    description = models.TextField(blank=True)
    description_zh = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "country", name="organisation_name_unique_per_country"
            ),
            # A local name is read in its language: neither without the other.
            models.CheckConstraint(
                condition=Q(name_local="", name_local_language="")
                | (~Q(name_local="") & ~Q(name_local_language="")),
                name="organisation_local_name_has_language",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        refused = local_name_error(self.name_local, self.name_local_language)
        if refused:
            raise ValidationError({refused[0]: refused[1]})

    @property
    def display_name(self) -> str:
        return organisation_name(self.name, self.name_zh, self.name_local, self.name_local_language)

    @property
    def display_description(self) -> str:
        return in_reader_language(self.description, self.description_zh)
