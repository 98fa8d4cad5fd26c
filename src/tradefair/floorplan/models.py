"""Halls, the pavilions inside them, their grids of booth modules, booths and who holds each."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language


class Hall(models.Model):
    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="halls")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=100)
    name_zh = models.CharField(max_length=100, blank=True)
    area_m2 = models.PositiveIntegerField(_("area (m²)"))

    class Meta:
        ordering = ["expo", "code"]
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        constraints = [
            models.UniqueConstraint(fields=["expo", "code"], name="hall_code_unique_per_expo"),
            models.CheckConstraint(condition=Q(area_m2__gt=0), name="hall_area_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        return in_reader_language(self.name, self.name_zh)


class Pavilion(models.Model):
    """A themed area (AI, blue economy, …) or a pavilion contracted by a country."""

    class Kind(models.TextChoices):
        THEMED = "themed", _("themed pavilion")
        COUNTRY = "country", _("country pavilion")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="pavilions")
    hall = models.ForeignKey(Hall, on_delete=models.PROTECT, related_name="pavilions")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=150)
    name_zh = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sector = models.ForeignKey(
        "expos.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    country = models.ForeignKey(
        "expos.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The country that contracted a country pavilion."),
    )
    area_m2 = models.PositiveIntegerField(_("area (m²)"))
    # Its outline on the hall's plan, in metres from the hall's origin, when drawn: the map
    # draws it and the bulletin reports its area from it (``area_on_plan_m2``).
    x_m = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    y_m = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    width_m = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    depth_m = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["expo", "hall__code", "code"]
        verbose_name = _("pavilion")
        verbose_name_plural = _("pavilions")
        constraints = [
            models.UniqueConstraint(fields=["expo", "code"], name="pavilion_code_unique_per_expo"),
            models.UniqueConstraint(fields=["expo", "name"], name="pavilion_name_unique_per_expo"),
            models.CheckConstraint(condition=Q(area_m2__gt=0), name="pavilion_area_positive"),
            models.CheckConstraint(
                condition=Q(kind="themed") | Q(country__isnull=False),
                name="country_pavilion_has_country",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        x_m__isnull=True,
                        y_m__isnull=True,
                        width_m__isnull=True,
                        depth_m__isnull=True,
                    )
                    | Q(
                        x_m__isnull=False,
                        y_m__isnull=False,
                        width_m__isnull=False,
                        depth_m__isnull=False,
                        x_m__gte=0,
                        y_m__gte=0,
                        width_m__gt=0,
                        depth_m__gt=0,
                    )
                ),
                name="pavilion_outline_whole_or_none",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_reader_language(self.name, self.name_zh)

    @property
    def area_on_plan_m2(self) -> int:
        """The outline's area when the plan has one, else the area entered."""
        if self.width_m is None or self.depth_m is None:
            return self.area_m2
        return int((self.width_m * self.depth_m).to_integral_value())


class Module(models.Model):
    """One shell-scheme unit of a hall's floor at integer grid coordinates (the booth
    allocation's unit, ``docs/formats/booths.md``). Aisles are gaps in the coordinates, so
    modules either side of one never count as adjacent. Its zone is its pavilion; modules of
    no pavilion are the hall's raw space."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="modules")
    x = models.IntegerField()
    y = models.IntegerField()
    x_m = models.DecimalField(max_digits=8, decimal_places=2)  # corner nearest the origin
    y_m = models.DecimalField(max_digits=8, decimal_places=2)
    size_m = models.DecimalField(max_digits=5, decimal_places=2, default=3)
    pavilion = models.ForeignKey(
        Pavilion, null=True, blank=True, on_delete=models.RESTRICT, related_name="modules"
    )
    premium = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Worth more to loyal exhibitors: a block's corner, the main aisle's front."),
    )
    # The booth this module is part of. One value per module: two booths can never share a
    # module, whatever writes them (the allocation's last guard, like a table's slot).
    booth = models.ForeignKey(
        "Booth", null=True, blank=True, on_delete=models.SET_NULL, related_name="modules"
    )

    class Meta:
        ordering = ["hall", "y", "x"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        constraints = [
            models.UniqueConstraint(fields=["hall", "x", "y"], name="one_module_per_position"),
            models.CheckConstraint(condition=Q(size_m__gt=0), name="module_size_positive"),
            models.CheckConstraint(condition=Q(premium__gte=0), name="module_premium_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.hall.code} ({self.x}, {self.y})"


class Booth(models.Model):
    """A stand on the floor; geometry in metres from the hall's origin."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="booths")
    pavilion = models.ForeignKey(Pavilion, on_delete=models.CASCADE, related_name="booths")
    number = models.CharField(max_length=20)
    area_m2 = models.DecimalField(_("area (m²)"), max_digits=8, decimal_places=2)
    x_m = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    y_m = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    width_m = models.DecimalField(max_digits=6, decimal_places=2, default=3)
    depth_m = models.DecimalField(max_digits=6, decimal_places=2, default=3)
    pinned = models.BooleanField(
        default=False, help_text=_("Stays where it is when the allocation runs again.")
    )

    class Meta:
        ordering = ["expo", "number"]
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        constraints = [
            models.UniqueConstraint(fields=["expo", "number"], name="booth_number_unique_per_expo"),
            models.CheckConstraint(condition=Q(area_m2__gt=0), name="booth_area_positive"),
        ]

    def __str__(self) -> str:
        return self.number


class BoothAssignment(models.Model):
    """Who holds a booth. One holder per booth, enforced by the database."""

    booth = models.OneToOneField(Booth, on_delete=models.CASCADE, related_name="assignment")
    participation = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="booth_assignments"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("booth assignment")
        verbose_name_plural = _("booth assignments")

    def __str__(self) -> str:
        return f"{self.booth} → {self.participation}"
