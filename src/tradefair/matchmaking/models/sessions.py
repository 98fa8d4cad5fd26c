"""When and where B2B meetings happen: negotiation sessions, their slots, and interpreters."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NegotiationSession(models.Model):
    """A block of procurement negotiations on one day in one hall, cut into equal slots."""

    expo = models.ForeignKey(
        "expos.Expo", on_delete=models.CASCADE, related_name="negotiation_sessions"
    )
    name = models.CharField(max_length=150)
    name_zh = models.CharField(max_length=150, blank=True)
    hall = models.ForeignKey(
        "floorplan.Hall", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    slot_minutes = models.PositiveSmallIntegerField(default=20)
    tables = models.PositiveIntegerField(help_text=_("Tables available in every slot."))

    class Meta:
        ordering = ["expo", "date", "start_time"]
        verbose_name = _("negotiation session")
        verbose_name_plural = _("negotiation sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="session_ends_after_it_starts"
            ),
            models.CheckConstraint(condition=Q(slot_minutes__gt=0), name="slot_minutes_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.date})"


class Slot(models.Model):
    """One time window of a session; at most ``tables`` meetings take place in it."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="slots")
    session = models.ForeignKey(NegotiationSession, on_delete=models.CASCADE, related_name="slots")
    start = models.DateTimeField()
    end = models.DateTimeField()
    tables = models.PositiveIntegerField()

    class Meta:
        ordering = ["start"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "start"], name="slot_start_unique_in_session"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="slot_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        # on the active clock (the admin's is the edition's), as every other time it shows
        return f"{timezone.localtime(self.start):%Y-%m-%d %H:%M}"


class Interpreter(models.Model):
    """An interpreter of the pool; ``languages`` are ISO 639-1 codes."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(max_length=150)
    email = models.EmailField(blank=True)
    languages = models.JSONField(default=list, help_text=_('e.g. ["zh", "vi"]'))
    available_slots = models.ManyToManyField(
        Slot,
        blank=True,
        related_name="interpreters_available",
        help_text=_("Leave empty when the interpreter is available in every slot."),
    )

    class Meta:
        ordering = ["expo", "name"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")

    def __str__(self) -> str:
        return f"{self.name} ({'/'.join(self.languages)})"
