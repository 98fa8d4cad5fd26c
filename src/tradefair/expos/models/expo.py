from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tradefair.expos.models.reference import Country
from tradefair.expos.names import in_reader_language


class Expo(models.Model):
    """One edition of a fair; everything else is scoped by it."""

    slug = models.SlugField(unique=True, help_text=_("e.g. caexpo-22"))
    name = models.CharField(max_length=200)
    name_zh = models.CharField(max_length=200, blank=True)
    theme = models.TextField(blank=True)
    theme_zh = models.TextField(blank=True)
    city = models.CharField(max_length=100)
    city_zh = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    venue_zh = models.CharField(max_length=200, blank=True)
    host_country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField()
    end_date = models.DateField()
    time_zone = models.CharField(max_length=64, default="Asia/Shanghai")
    is_public = models.BooleanField(
        default=True, help_text=_("Shown on the public pages and in the directory.")
    )
    listing_changes_need_approval = models.BooleanField(
        _("listing changes need approval"),
        default=False,
        help_text=_(
            "Profiles, products and pictures that exhibitors and buyers change go public only "
            "once an organiser approves them."
        ),
    )
    takes_applications = models.BooleanField(
        _("takes applications"),
        default=True,
        help_text=_("Buyers and summit delegates may apply through the public form."),
    )

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("expo")
        verbose_name_plural = _("expos")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="expo_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_reader_language(self.name, self.name_zh)

    @property
    def display_theme(self) -> str:
        return in_reader_language(self.theme, self.theme_zh)

    @property
    def display_city(self) -> str:
        return in_reader_language(self.city, self.city_zh)

    @property
    def display_venue(self) -> str:
        return in_reader_language(self.venue, self.venue_zh)
