"""A request for a B2B meeting between a buyer and an exhibitor.

Either side may ask (``from_exhibitor`` tells which); the other side answers. Organisers add
must-meet pairs, accepted on both sides' behalf.
"""

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from tradefair.organisations.models import Participation

# 1 is "nice to have", 5 "must meet"; the forms, the API and the check constraint share these.
LOWEST_PRIORITY, HIGHEST_PRIORITY = 1, 5


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    OPEN = (Status.PENDING, Status.ACCEPTED)

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    buyer = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="requests_made"
    )
    exhibitor = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="requests_received"
    )
    message = models.TextField(blank=True, max_length=2000)
    priority = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decline_reason = models.TextField(blank=True, max_length=1000)
    from_exhibitor = models.BooleanField(
        default=False, help_text=_("Asked by the exhibitor; the buyer answers.")
    )
    must_meet = models.BooleanField(
        default=False, help_text=_("Added by the organisers; accepted on both sides' behalf.")
    )
    requested_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.UniqueConstraint(
                fields=["buyer", "exhibitor"],
                condition=Q(status__in=["pending", "accepted"]),
                name="one_open_request_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(priority__gte=LOWEST_PRIORITY) & Q(priority__lte=HIGHEST_PRIORITY),
                name="priority_1_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(buyer=F("exhibitor")), name="request_between_two_parties"
            ),
        ]
        indexes = [
            # must_meet too: the console's overview counts by both from the index alone
            # (79 ms became 15 ms over the demo's 150,000 requests)
            models.Index(fields=["expo", "status", "must_meet"], name="request_by_status"),
            # the order of the API's pages, which without it sorted every request of the edition
            models.Index(fields=["expo", "created_at", "id"], name="request_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.buyer_id} → {self.exhibitor_id} ({self.status})"

    @property
    def requester_id(self) -> int:
        return self.exhibitor_id if self.from_exhibitor else self.buyer_id

    @property
    def receiver_id(self) -> int:
        return self.buyer_id if self.from_exhibitor else self.exhibitor_id

    @property
    def requester(self) -> "Participation":
        return self.exhibitor if self.from_exhibitor else self.buyer

    @property
    def receiver(self) -> "Participation":
        """The side that accepts or declines."""
        return self.buyer if self.from_exhibitor else self.exhibitor
