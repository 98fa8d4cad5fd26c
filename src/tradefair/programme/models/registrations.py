"""Who takes a place at an activity: seats are scarce, the waiting list keeps arrival order."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SEATED = ("registered", "attended")
LIVE = ("registered", "waitlisted", "attended")
# Whom a cancellation concerns: those still holding or waiting for a place.
TOLD_OF_CANCELLATION = ("registered", "waitlisted")


class Registration(models.Model):
    """A person registered for an activity, acting for one of their organisation's roles.

    A registered or attended person holds a numbered seat; the unique (activity, seat)
    constraint is the last guard behind the activity lock (docs/adr/0004-activity-seats.md).
    """

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        ATTENDED = "attended", _("attended")

    activity = models.ForeignKey(
        "programme.Activity", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    participation = models.ForeignKey(
        "organisations.Participation",
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text=_("The organisation's role the person comes for."),
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    seat = models.PositiveIntegerField(null=True, blank=True)
    arrived_at = models.DateTimeField(
        auto_now_add=True, help_text=_("When the person asked: the waiting list's order.")
    )
    clash_confirmed = models.BooleanField(
        default=False,
        help_text=_("The person registered although it overlaps a meeting or activity of theirs."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["activity", "arrived_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "user"],
                condition=Q(status__in=LIVE),
                name="one_live_registration_per_person",
            ),
            models.UniqueConstraint(
                fields=["activity", "seat"],
                condition=Q(seat__isnull=False),
                name="one_person_per_seat",
            ),
            models.CheckConstraint(
                condition=(Q(status__in=SEATED) & Q(seat__gte=1))
                | (~Q(status__in=SEATED) & Q(seat__isnull=True)),
                name="seated_registrations_hold_a_seat",
            ),
        ]
        indexes = [
            models.Index(fields=["activity", "status", "arrived_at"]),
            models.Index(fields=["user", "status"]),
            # Every agenda looks for seats confirmed despite a clash: rare rows, a tiny index.
            models.Index(
                fields=["activity"],
                condition=Q(clash_confirmed=True),
                name="registration_clash_confirmed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.activity} ({self.status})"
