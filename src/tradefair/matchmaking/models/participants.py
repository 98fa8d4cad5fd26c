"""What a buyer or exhibitor tells the scheduler about themselves."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MeetingProfile(models.Model):
    """Languages spoken and the most meetings wanted; absent means no cap, no interpreter."""

    participation = models.OneToOneField(
        "organisations.Participation", on_delete=models.CASCADE, related_name="meeting_profile"
    )
    languages = models.JSONField(default=list, blank=True, help_text=_('e.g. ["zh", "en"]'))
    max_meetings = models.PositiveSmallIntegerField(null=True, blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("meeting attendees"),
        help_text=_(
            "The people who go to this organisation's meetings; empty means all its members. "
            "The organisation is unavailable for meetings while all of them are at activities."
        ),
    )

    class Meta:
        verbose_name = _("meeting profile")
        verbose_name_plural = _("meeting profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_meetings__isnull=True) | Q(max_meetings__gt=0),
                name="max_meetings_positive_when_set",
            )
        ]

    def __str__(self) -> str:
        return str(self.participation)


class Availability(models.Model):
    """A slot a participant can attend. No rows at all means every slot."""

    participation = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="availability"
    )
    slot = models.ForeignKey("matchmaking.Slot", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        constraints = [
            models.UniqueConstraint(fields=["participation", "slot"], name="availability_unique")
        ]

    def __str__(self) -> str:
        return f"{self.participation} @ {self.slot}"
