"""Partners' delegations and their invitation links: the organisers give a partner a
delegation with a quota and a link; they may change the quota or close the link.

The quota never drops below the applications already standing through the link (counted
under the link's lock, as ``applications.submit_application`` counts them), so nobody
admitted or waiting is pushed out by a change of number.
"""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, require_role
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.models import Delegation, Participation
from tradefair.registration.models import Application, DelegationLink
from tradefair.registration.services.errors import RegistrationError

MAX_QUOTA = 10_000


def _check_quota(quota: int) -> None:
    if not 1 <= quota <= MAX_QUOTA:
        raise RegistrationError(
            _("Give a quota between 1 and %(max)s.") % {"max": number(MAX_QUOTA)}, field="quota"
        )


def create_link(
    *,
    expo: Expo,
    partner: Participation,
    name: str,
    name_zh: str = "",
    quota: int,
    by_user: User,
) -> DelegationLink:
    """A new delegation of ``partner`` with its invitation link."""
    require_role(by_user, expo, ORGANISER)
    if partner.expo_id != expo.pk or partner.role != Participation.Role.PARTNER:
        raise RegistrationError(_("Choose a partner of this expo."), field="partner")
    if not name.strip():
        raise RegistrationError(_("Name the delegation."), field="name")
    _check_quota(quota)
    try:
        with transaction.atomic():
            delegation = Delegation.objects.create(
                expo=expo, partner=partner, name=name.strip(), name_zh=name_zh.strip()
            )
            return DelegationLink.objects.create(
                expo=expo, delegation=delegation, token=secrets.token_urlsafe(16), quota=quota
            )
    except IntegrityError as clash:
        raise RegistrationError(
            _("A delegation of this expo already has this name."), field="name"
        ) from clash


def change_link(
    *, link: DelegationLink, quota: int, is_open: bool, by_user: User
) -> DelegationLink:
    require_role(by_user, link.expo, ORGANISER)
    _check_quota(quota)
    with transaction.atomic():
        locked = DelegationLink.objects.select_for_update().get(pk=link.pk)
        standing = locked.applications.exclude(status=Application.Status.REJECTED).count()
        if quota < standing:
            raise RegistrationError(
                _(
                    "%(count)s applications through this link stand already: the quota cannot "
                    "be below %(count)s."
                )
                % {"count": number(standing)},
                field="quota",
            )
        locked.quota, locked.is_open = quota, is_open
        locked.save(update_fields=["quota", "is_open"])
    return locked
