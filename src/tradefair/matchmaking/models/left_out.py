"""The requests a scheduling run left out, one row each, with the reason's code and data."""

from django.db import models

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
