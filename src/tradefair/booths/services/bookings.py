"""What an exhibitor tells the allocation about itself: the competitors its booth must not
touch. The exhibitor's own people (or the edition's organisers) say so; either side naming
the other is enough, and the next run keeps them apart."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role, organisation_of
from tradefair.booths.models import SpaceBooking
from tradefair.booths.services.errors import BoothError, NotAllowed
from tradefair.organisations.models import Participation


def set_competitor(
    *, participation: Participation, other: Participation, keep_apart: bool, by_user: User
) -> None:
    """Name ``other`` as a competitor of ``participation`` (or, ``keep_apart=False``, stop)."""
    expo = participation.expo
    acting = organisation_of(by_user, expo, Participation.Role.EXHIBITOR)
    if (acting is None or acting.pk != participation.pk) and not has_role(by_user, expo, ORGANISER):
        raise NotAllowed(_("You do not act for this exhibitor."))
    if other.pk == participation.pk:
        raise BoothError(_("An exhibitor cannot be its own competitor."))
    if other.expo_id != expo.pk or other.role != Participation.Role.EXHIBITOR:
        raise BoothError(_("Only exhibitors of this edition can be named as competitors."))
    booking, _created = SpaceBooking.objects.get_or_create(participation=participation)
    if keep_apart:
        booking.competitors.add(other)
    else:
        booking.competitors.remove(other)


def competitors(participation: Participation) -> list[Participation]:
    """Who this exhibitor named, by name."""
    booking = SpaceBooking.objects.filter(participation=participation).first()
    if booking is None:
        return []
    return list(booking.competitors.select_related("organisation").order_by("organisation__name"))


def candidates(participation: Participation) -> list[Participation]:
    """The exhibitors whose booths could touch this one's: the others of its pavilion."""
    if participation.pavilion_id is None:
        return []
    return list(
        Participation.objects.filter(
            expo_id=participation.expo_id,
            role=Participation.Role.EXHIBITOR,
            pavilion_id=participation.pavilion_id,
        )
        .exclude(pk=participation.pk)
        .select_related("organisation")
        .order_by("organisation__name")
    )
