"""The audit trail of what participants change about themselves in the portals, and the
changes waiting for the organisers' approval when the edition asks for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProfileChange(models.Model):
    """One saved edit: who, when, what (each field's value before and after).

    Values are stored as shown to people (names, codes, file names), not as ids, so the trail
    still reads correctly after the product or the sector it names is gone.
    """

    class Subject(models.TextChoices):
        PROFILE = "profile", _("profile")
        PRODUCT = "product", _("product")
        NEED = "need", _("sourcing need")
        PICTURE = "picture", _("picture")

    class Status(models.TextChoices):
        APPLIED = "applied", _("public")
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    class Action(models.TextChoices):
        CREATED = "created", _("added")
        CHANGED = "changed", _("changed")
        DELETED = "deleted", _("removed")

    participation = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="changes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=10, choices=Subject.choices)
    action = models.CharField(max_length=10, choices=Action.choices)
    label = models.CharField(
        max_length=200, blank=True, help_text=_("What was edited, e.g. the product's name.")
    )
    fields = models.JSONField(default=dict, help_text=_("Field name to [before, after]."))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPLIED)
    proposal = models.JSONField(
        default=dict, blank=True, help_text=_("What a pending change applies once approved.")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.get_subject_display()} {self.label}"
