"""Badges and the scans of them: who came in, to which activity, to which negotiation table."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Badge(models.Model):
    """A person's badge for one edition. Its QR code carries only a signed reference to this
    row and its ``version``; revoking a lost badge raises the version, so the old code is
    refused while the person prints the new one."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="badges")
    participation = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="badges"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="badges",
        help_text=_("Linked when the person has an account."),
    )
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("name"), max_length=150)
    name_latin = models.CharField(_("name in Latin letters"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    share_contact = models.BooleanField(
        _("shares contact details with exhibitors who scan the badge"), default=False
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the last lost badge was replaced.")
    )
    printed_version = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text=_("The version the print shop printed.")
    )

    class Meta:
        ordering = ["expo", "name_latin"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [
            models.UniqueConstraint(Lower("email"), "expo", name="one_badge_per_person_per_expo")
        ]

    def __str__(self) -> str:
        return f"{self.name_latin} ({self.expo_id})"


class CheckIn(models.Model):
    """A badge scanned at a place: the entrance (once a day), an activity or a negotiation
    table (once each). Scanning again finds the first scan and changes nothing."""

    class Place(models.TextChoices):
        ENTRANCE = "entrance", _("entrance")
        ACTIVITY = "activity", _("activity")
        TABLE = "table", _("negotiation table")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="checkins")
    place = models.CharField(max_length=10, choices=Place.choices)
    day = models.DateField(help_text=_("The day in the edition's time zone."))
    activity = models.ForeignKey(
        "programme.Activity", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(
        "matchmaking.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    at = models.DateTimeField()
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["expo", "at"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        indexes = [models.Index(fields=["expo", "place", "day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["badge", "day"],
                condition=Q(place="entrance"),
                name="one_entrance_checkin_per_badge_and_day",
            ),
            models.UniqueConstraint(
                fields=["badge", "activity"],
                condition=Q(place="activity"),
                name="one_checkin_per_badge_and_activity",
            ),
            models.UniqueConstraint(
                fields=["badge", "meeting"],
                condition=Q(place="table"),
                name="one_checkin_per_badge_and_meeting",
            ),
            models.CheckConstraint(
                condition=(Q(place="entrance") & Q(activity__isnull=True) & Q(meeting__isnull=True))
                | (Q(place="activity") & Q(activity__isnull=False) & Q(meeting__isnull=True))
                | (Q(place="table") & Q(meeting__isnull=False) & Q(activity__isnull=True)),
                name="checkin_names_its_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.badge} @ {self.place} {self.at:%Y-%m-%d %H:%M}"


class Lead(models.Model):
    """A visitor an exhibitor's staff scanned: notes and a rating; the contact details show
    only when the visitor agreed to share them when applying."""

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    exhibitor = models.ForeignKey(
        "organisations.Participation", on_delete=models.CASCADE, related_name="leads"
    )
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="leads")
    notes = models.TextField(_("notes"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, help_text=_("1 (cold) to 5 (hot).")
    )
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["exhibitor", "-created_at"]
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor", "badge"], name="one_lead_per_exhibitor_and_badge"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="lead_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.badge} → {self.exhibitor_id}"


class BadgeBatch(models.Model):
    """A batch of badges for the print shop: one PDF of A6 pages, drawn in the worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("drawing")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=10, blank=True)
    delegation = models.ForeignKey(
        "organisations.Delegation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    only_new = models.BooleanField(_("only badges not printed before"), default=True)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=40, blank=True)
    progress = models.FloatField(default=0.0)
    badges = models.PositiveIntegerField(default=0)
    pdf = models.BinaryField(null=True, editable=False)  # names: never a public media file
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["expo", "-created_at"]
        verbose_name = _("badge batch")
        verbose_name_plural = _("badge batches")

    def __str__(self) -> str:
        return f"{self.expo_id} batch {self.pk} ({self.status})"
