"""Badges: issued to every admitted person, shown in their portal, printed on A6, revoked when
lost. The QR code carries only ``expo.badge.version`` signed with the secret key: no name, no
e-mail; a forged code, another edition's, or a replaced one is refused by :func:`verify`.

Invariants: one badge per person (e-mail) and edition (a database constraint; issuing again
returns the one there); revoking raises the version under the badge's row lock, so the old
code stops working at once and the new one differs.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.expos.models import Expo
from tradefair.expos.parsing import whole_number
from tradefair.organisations.models import Participation
from tradefair.registration.models import Application, Badge
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.rules import is_latin

SALT = "tradefair.registration.badge"
PREFIX = "TF"


class BadgeRefused(RegistrationError):
    """The scanned code is not a valid badge of this edition; the message says why."""


def token(badge: Badge) -> str:
    """What the QR code carries, e.g. ``TF.3.1207.1:…`` (edition, badge, version, signature)."""
    return signing.Signer(salt=SALT).sign(f"{PREFIX}.{badge.expo_id}.{badge.pk}.{badge.version}")


def verify(expo: Expo, code: str) -> Badge:
    """The badge behind ``code`` as a scanner typed it, or :class:`BadgeRefused`."""
    try:
        value = signing.Signer(salt=SALT).unsign(code.strip())
    except signing.BadSignature as forged:
        raise BadgeRefused(
            _("This code is not a badge of this platform: it may be forged.")
        ) from forged
    prefix, expo_id, pk, version = [*value.split("."), "", "", "", ""][:4]
    expo_pk, badge_pk, number = (whole_number(part) for part in (expo_id, pk, version))
    if prefix != PREFIX or expo_pk is None or badge_pk is None or number is None:
        raise BadgeRefused(_("This code is not a badge of this platform: it may be forged."))
    if expo_pk != expo.pk:
        raise BadgeRefused(_("This badge is for another edition."))
    badge = (
        Badge.objects.filter(expo=expo, pk=badge_pk)
        .select_related("participation__organisation")
        .first()
    )
    if badge is None:
        raise BadgeRefused(_("This badge no longer exists."))
    if badge.version != number:
        raise BadgeRefused(
            _("This badge was reported lost and replaced: it no longer admits anyone.")
        )
    return badge


def _latin(name: str, email: str) -> str:
    return name if name and is_latin(name) else email.split("@")[0].replace(".", " ").title()


def issue_for_application(application: Application) -> list[Badge]:
    """A badge for each person of an approved application (inside the approval)."""
    assert application.participation is not None
    users = {
        u.email.lower(): u
        for u in User.objects.filter(
            email__in=[p.email for p in application.people.all()], is_active=True
        )
    }
    return [
        _issue(
            application.participation,
            email=p.email,
            name=p.name,
            name_latin=p.name_latin,
            job_title=p.job_title,
            share_contact=p.share_contact,
            user=users.get(p.email.lower()),
        )
        for p in application.people.all()
    ]


def _issue(
    participation: Participation, *, email: str, user: User | None, **values: object
) -> Badge:
    badge = Badge.objects.filter(expo_id=participation.expo_id, email__iexact=email).first()
    if badge is not None:
        return badge
    try:
        with transaction.atomic():
            return Badge.objects.create(
                expo_id=participation.expo_id,
                participation=participation,
                email=email.lower(),
                user=user,
                **values,  # type: ignore[arg-type]
            )
    except IntegrityError:  # issued by a concurrent request a moment ago
        return Badge.objects.get(expo_id=participation.expo_id, email__iexact=email)


def badge_of(user: User, expo: Expo) -> Badge | None:
    """The person's badge: the one issued to their address, linked to their account now, or a
    new one when they act for an organisation in the edition and have none yet."""
    if not user.is_authenticated or not user.is_active:
        return None
    badge = (
        Badge.objects.filter(expo=expo, email__iexact=user.email)
        .select_related("participation__organisation")
        .first()
    )
    if badge is not None:
        if badge.user_id != user.pk:
            Badge.objects.filter(pk=badge.pk).update(user=user)
            badge.user = user
        return badge
    participation = (
        Participation.objects.filter(expo=expo, organisation__memberships__user=user)
        .select_related("organisation")
        .order_by("organisation__memberships__created_at", "pk")
        .first()
    )
    if participation is None:
        return None
    name = user.get_full_name().strip() or user.email.split("@")[0]
    return _issue(
        participation,
        email=user.email,
        user=user,
        name=name,
        name_latin=_latin(name, user.email),
    )


def issue_to_members(expo: Expo, participations: Iterable[Participation] | None = None) -> int:
    """Badges for every active member of the edition's organisations who has none; returns
    how many were issued (the demo, and the console before printing)."""
    wanted = Participation.objects.filter(expo=expo)
    if participations is not None:
        wanted = wanted.filter(pk__in=[p.pk for p in participations])
    have = {e.lower() for e in Badge.objects.filter(expo=expo).values_list("email", flat=True)}
    members = (
        Membership.objects.filter(user__is_active=True)
        .filter(organisation__participations__in=wanted)
        .values_list(
            "user_id", "user__email", "user__first_name", "user__last_name",
            "organisation__participations",
        )
        .order_by("created_at", "pk")
    )  # fmt: skip
    chosen = set(wanted.values_list("pk", flat=True))
    issued = []
    for user_id, email, first, last, participation in members:
        if participation not in chosen or email.lower() in have:
            continue  # the organisation's role in another edition, or badged already
        name = f"{first} {last}".strip() or email.split("@")[0]
        issued.append(
            Badge(
                expo=expo,
                participation_id=participation,
                user_id=user_id,
                email=email.lower(),
                name=name,
                name_latin=_latin(name, email),
            )
        )
        have.add(email.lower())
    Badge.objects.bulk_create(issued)
    return len(issued)


def revoke(*, badge: Badge, by_user: User) -> Badge:
    """Replace a lost badge: the old code is refused from now on. The person or an organiser."""
    if badge.user_id != by_user.pk and not has_role(by_user, badge.expo, ORGANISER):
        raise RegistrationError(_("Only the badge's holder or the organisers may replace it."))
    with transaction.atomic():
        locked = Badge.objects.select_for_update().get(pk=badge.pk)
        locked.version += 1
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["version", "revoked_at"])
    return locked
