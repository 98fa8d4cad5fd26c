"""The requests a scheduling run left out, one row each, with the reason's code and data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tradefair.matchmaking.models.meetings import ScheduleRun


class LeftOutRequest(models.Model):
    """One request a run could not place, and why.

    A row each rather than one list on the run: at the reference size a run leaves out about
    95,000 requests, and the console counts them by reason, filters and pages them in the
    database instead of reading 34 MB of JSON for every view. The sides are copied (pk and
    name) as they were when the run ended, so the row still reads after an organisation leaves
    the edition; ``reason`` keeps the English words that rows without a code show.
    """

    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="left_out")
    position = models.PositiveIntegerField()  # its place in the solver's list
    request_id = models.BigIntegerField()
    buyer_id = models.BigIntegerField(null=True, blank=True)
    buyer_name = models.TextField(blank=True)
    exhibitor_id = models.BigIntegerField(null=True, blank=True)
    exhibitor_name = models.TextField(blank=True)
    code = models.CharField(max_length=40, blank=True)
    params = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="left_out_once_per_place")
        ]
        indexes = [models.Index(fields=["run", "code", "position"], name="left_out_by_reason")]

    def __str__(self) -> str:
        return f"run {self.run_id}: request {self.request_id} ({self.code or 'other'})"


class LeftOutExport(models.Model):
    """A run's requests left out (all, or those of one reason) as a CSV or XLSX file, written
    by the worker: at the reference size the XLSX of 95,000 rows takes seconds to phrase and
    write, which a request must not. The file is kept in the row (it holds organisations'
    names, so never as a public media file) and is written in ``language``, the asker's."""

    class Kind(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=40, blank=True)  # a code of queries.left_out, or all
    kind = models.CharField(max_length=4, choices=Kind.choices)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=40, blank=True)
    progress = models.FloatField(default=0.0)
    rows = models.PositiveIntegerField(default=0)
    content = models.BinaryField(null=True, editable=False)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__gte=0) & models.Q(progress__lte=1),
                name="left_out_export_progress_is_a_fraction",
            )
        ]

    def __str__(self) -> str:
        return f"run {self.run_id} left out as {self.kind} ({self.status})"

    @property
    def filename(self) -> str:
        named = f"left-out-run-{self.run_id}" + (f"-{self.reason}" if self.reason else "")
        return f"{named}.{self.kind}"
