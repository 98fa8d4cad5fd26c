from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """An exhibitor or buyer file uploaded in the admin, imported by a worker.

    The file is kept under MEDIA_ROOT so the worker (maybe on another machine sharing the
    media storage) reads exactly what was uploaded. When done, either ``errors`` lists every
    bad row (nothing was imported) or the three counts say what the import did.
    """

    class Kind(models.TextChoices):
        EXHIBITORS = "exhibitors", _("exhibitors")
        BUYERS = "buyers", _("buyers")
        # uploaded on the deals console; ``deals.tasks`` runs it with the deals' importer
        DEALS = "deals", _("deals")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="import_jobs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to="imports/%Y/%m/", max_length=255)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_jobs",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=40, blank=True)
    progress = models.FloatField(default=0.0)
    created_count = models.PositiveIntegerField(null=True, blank=True)
    updated_count = models.PositiveIntegerField(null=True, blank=True)
    unchanged_count = models.PositiveIntegerField(null=True, blank=True)
    # Every bad row as "line N: column: reason", in the file's order.
    errors = models.JSONField(default=list, blank=True)
    # Why the job itself failed (its worker died, an unexpected exception): not a bad row.
    failure = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.kind}, {self.status})"

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def imported(self) -> bool:
        return self.status == self.Status.DONE and not self.errors
