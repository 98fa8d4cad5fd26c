"""The programme's activities (summit events, forums, launches, …) and who speaks at them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tradefair.expos.names import in_reader_language


class Activity(models.Model):
    """One item of the programme, at a time and usually in a room."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("opening ceremony")
        MAIN_EVENT = "main_event", _("summit main event")
        FORUM = "forum", _("forum or supporting event")
        CONCURRENT = "concurrent", _("concurrent event")
        LAUNCH = "launch", _("product launch")
        SIGNING = "signing", _("signing ceremony")
        PROMOTION = "promotion", _("trade promotion")
        OTHER = "other", _("other activity")

    class Audience(models.TextChoices):
        OPEN = "open", _("open to all")
        REGISTRATION = "registration", _("registration required")
        INVITATION = "invitation", _("by invitation only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    title_zh = models.CharField(_("title (Chinese)"), max_length=250, blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    description_zh = models.TextField(_("description (Chinese)"), max_length=5000, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    room = models.ForeignKey(
        "programme.Room",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("room"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Places for registrants; leave empty to use the room's capacity."),
    )
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience.choices, default=Audience.REGISTRATION
    )
    hosts = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="hosted_activities",
        verbose_name=_("host organisations"),
    )
    sectors = models.ManyToManyField(
        "expos.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )
    invited_organisations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="activity_invitations",
        verbose_name=_("invited organisations"),
        help_text=_("By invitation only: every member of these organisations may register."),
    )
    invited_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="activity_invitations",
        verbose_name=_("invited people"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["expo", "start", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="activity_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="activity_capacity_positive_when_set",
            ),
        ]
        indexes = [models.Index(fields=["expo", "status", "start"])]

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return in_reader_language(self.title, self.title_zh)

    @property
    def kind_label(self) -> str:
        """``get_kind_display`` without rebuilding the choices on every call (0.1 ms a row)."""
        return str(self.Kind(self.kind).label)

    @property
    def display_description(self) -> str:
        return in_reader_language(self.description, self.description_zh)

    @property
    def seats(self) -> int | None:
        """Places registrants may take: its own capacity, else its room's, else no limit."""
        if self.capacity is not None:
            return self.capacity
        return self.room.capacity if self.room_id and self.room else None


class Speaker(models.Model):
    """A person on an activity's stage; ``user`` links them to their timeline when they log in."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        MODERATOR = "moderator", _("moderator")
        GUEST_OF_HONOUR = "guest_of_honour", _("guest of honour")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=150)
    name_zh = models.CharField(_("name (Chinese)"), max_length=150, blank=True)
    position = models.CharField(
        _("position"), max_length=200, blank=True, help_text=_("e.g. Minister of Trade")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    organisation_name = models.CharField(
        _("organisation (when not registered here)"), max_length=200, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaking",
        verbose_name=_("account"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["activity", "order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_reader_language(self.name, self.name_zh)
