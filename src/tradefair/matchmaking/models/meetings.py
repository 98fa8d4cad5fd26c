"""Scheduled meetings and the scheduler runs that place them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Meeting(models.Model):
    """An accepted request placed at a slot and table; the database forbids double-booking.

    Buyer and exhibitor are copied from the request so that the unique constraints below can
    guard "nobody in two meetings at once" as the last line of defence behind the locks.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        HELD = "held", _("held")
        NO_SHOW = "no_show", _("no-show")

    request = models.OneToOneField(
        "matchmaking.MeetingRequest", on_delete=models.CASCADE, related_name="meeting"
    )
    # indexed as the first column of meeting_by_status
    expo = models.ForeignKey(
        "expos.Expo", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    slot = models.ForeignKey("matchmaking.Slot", on_delete=models.PROTECT, related_name="meetings")
    table_number = models.PositiveIntegerField()
    buyer = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="+"
    )
    exhibitor = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="+"
    )
    interpreter = models.ForeignKey(
        "matchmaking.Interpreter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    published = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slot__start", "table_number"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["slot", "table_number"], name="one_meeting_per_table"),
            models.UniqueConstraint(fields=["slot", "buyer"], name="buyer_once_per_slot"),
            models.UniqueConstraint(fields=["slot", "exhibitor"], name="exhibitor_once_per_slot"),
            models.UniqueConstraint(
                fields=["slot", "interpreter"],
                condition=Q(interpreter__isnull=False),
                name="interpreter_once_per_slot",
            ),
            models.CheckConstraint(condition=Q(table_number__gte=1), name="table_from_1"),
        ]
        indexes = [
            # the console's overview and the bulletin count an edition's meetings by status and
            # publication from the index alone (46 ms became 23 ms over 83,000 meetings)
            models.Index(fields=["expo", "status", "published"], name="meeting_by_status"),
        ]

    def __str__(self) -> str:
        return f"{self.request} @ {self.slot} table {self.table_number}"


class ScheduleRun(models.Model):
    """One run of the scheduler for an edition: progress while it runs, figures after.

    Publishing a finished run is background work too: ``publish_status`` follows it, and
    ``phase``/``progress``/``heartbeat_at`` serve whichever of the two is going on.
    """

    # Seconds a run may take unless the organiser says otherwise (the console's form, the
    # service, ``tradefair schedule --expo``): a fair of the demo's size needs them for the
    # gap and day passes.
    DEFAULT_TIME_LIMIT = 60.0

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class PublishStatus(models.TextChoices):
        NONE = "", _("not published")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("publishing")
        DONE = "done", _("published")
        FAILED = "failed", _("failed")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="schedule_runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=40, blank=True)
    progress = models.FloatField(default=0.0)
    keep_published = models.BooleanField(default=True)
    stats = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When a worker took it, and its last sign of life: a run or a publication whose worker
    # died stops beating and is given up on (services/run_health.py).
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    publish_status = models.CharField(
        max_length=10, choices=PublishStatus.choices, default=PublishStatus.NONE, blank=True
    )
    published_count = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=1), name="progress_is_a_fraction"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expo.slug} run {self.pk} ({self.status})"


class StagedMeeting(models.Model):
    """A run's meetings on their way in: written in short transactions while others work,
    then moved into ``Meeting`` by one brief swap, so the live schedule is never half-written.
    Rows of a run that died before its swap are deleted with the next run of its edition."""

    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="+")
    request_id = models.BigIntegerField()
    slot_id = models.BigIntegerField()
    table_number = models.PositiveIntegerField()
    buyer_id = models.BigIntegerField()
    exhibitor_id = models.BigIntegerField()
    interpreter_id = models.BigIntegerField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "request_id"], name="staged_once_per_run")
        ]

    def __str__(self) -> str:
        return f"run {self.run_id}: request {self.request_id} @ slot {self.slot_id}"
