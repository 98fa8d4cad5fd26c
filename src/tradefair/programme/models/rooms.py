"""Where activities take place."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language


class Room(models.Model):
    """A meeting room, auditorium or stage of the venue; its hall counts for the walk."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=150)
    name_zh = models.CharField(_("name (Chinese)"), max_length=150, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("Seats in the room."))
    hall = models.ForeignKey(
        "floorplan.Hall",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rooms",
        verbose_name=_("hall"),
    )

    class Meta:
        ordering = ["expo", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["expo", "name"], name="room_name_unique_per_expo"),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="room_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_reader_language(self.name, self.name_zh)
