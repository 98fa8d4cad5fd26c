"""What the booth allocation reads beyond the floor, and its runs."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SpaceBooking(models.Model):
    """What the allocation needs to know of an exhibitor beyond its pavilion and booked area:
    its priority points, its sector and the competitors whose booths may not touch its own."""

    participation = models.OneToOneField(
        "organisations.Participation", on_delete=models.CASCADE, related_name="space_booking"
    )
    points = models.PositiveIntegerField(
        _("priority points"),
        default=0,
        help_text=_("Years exhibited, size, sponsorship: more points, better places."),
    )
    sector = models.ForeignKey(
        "expos.Sector",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("What it shows, to be placed beside its own sector (else its pavilion's)."),
    )
    competitors = models.ManyToManyField(
        "organisations.Participation",
        blank=True,
        related_name="+",
        help_text=_("Exhibitors whose booths may not touch this one's (either side may say)."),
    )

    class Meta:
        verbose_name = _("space booking")
        verbose_name_plural = _("space bookings")

    def __str__(self) -> str:
        return str(self.participation)


class AllocationRun(models.Model):
    """One run of the booth allocation for an edition: progress while it runs, the proposed
    plan after, for the organiser to review and publish (``services/allocation.py``)."""

    DEFAULT_TIME_LIMIT = 60.0

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        PUBLISHING = "publishing", _("publishing")
        PUBLISHED = "published", _("published")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="booth_runs")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=40, blank=True)
    progress = models.FloatField(default=0.0)
    time_limit = models.FloatField(default=DEFAULT_TIME_LIMIT)
    keep_booths = models.BooleanField(
        default=True, help_text=_("Booths already on the plan stay where they are while valid.")
    )
    stats = models.JSONField(default=dict, blank=True)
    # {"exhibitor": participation id, "modules": [module ids]}: the proposal, applied on publish
    allocations = models.JSONField(default=list, blank=True)
    unallocated = models.JSONField(
        default=list, blank=True, help_text=_("Each exhibitor left without a booth, and why.")
    )
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("booth allocation run")
        verbose_name_plural = _("booth allocation runs")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=1),
                name="allocation_progress_is_a_fraction",
            ),
            models.CheckConstraint(condition=Q(time_limit__gt=0), name="allocation_time_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.expo.slug} booth run {self.pk} ({self.status})"
