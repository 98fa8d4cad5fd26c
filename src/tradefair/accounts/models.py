"""People who log in. E-mail is the login name, so the user model is ours from the start."""

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager["User"]):
    def _create_user_object(
        self, username: str | None, email: str | None, password: str | None, **extra: Any
    ) -> "User":
        email = self.normalize_email(email or username or "")
        user = self.model(email=email, **extra)
        user.set_password(password)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        user = self._create_user_object(None, email, password, **extra)
        user.save(using=self._db)
        return user

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    # Mails are written in it: set at log-in and on accepting an invitation, changed on the
    # account page (services.preferences).
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = EmailUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.email


class Membership(models.Model):
    """A person acting for an organisation; its admins invite and remove colleagues."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("organisation admin")
        MEMBER = "member", _("member")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_user_and_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class ExpoStaff(models.Model):
    """Organiser staff of one edition: they run matchmaking and publish its schedule."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_of")
    expo = models.ForeignKey("expos.Expo", on_delete=models.CASCADE, related_name="staff")

    class Meta:
        verbose_name = _("organiser staff")
        verbose_name_plural = _("organiser staff")
        constraints = [
            models.UniqueConstraint(fields=["user", "expo"], name="one_staff_row_per_user_and_expo")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.expo.slug})"


class Invitation(models.Model):
    """An organisation admin's invitation of a colleague, accepted through a one-time token."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(
        max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "organisation",
                condition=models.Q(accepted_at__isnull=True),
                name="one_open_invitation_per_email_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class ApiToken(models.Model):
    """A bearer token for the REST API; only its SHA-256 is stored, never the token itself."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} ({self.key_hash[:8]}…)"
