"""What a buyer's or an exhibitor's people see of deals: their organisations' held meetings,
which can lead to a reported deal, and the deals their organisations are party to."""

from django.db.models import Count, Q, QuerySet

from tradefair.accounts.models import Membership, User
from tradefair.deals.models import Deal
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting
from tradefair.organisations.models import Participation

TRADING_ROLES = (Participation.Role.BUYER, Participation.Role.EXHIBITOR)


def my_organisations(user: User, expo: Expo) -> list[int]:
    """The organisations the user acts for as a buyer or an exhibitor in the edition."""
    return list(
        Participation.objects.filter(
            expo=expo, role__in=TRADING_ROLES, organisation__memberships__user=user
        )
        .values_list("organisation_id", flat=True)
        .distinct()
    )


def held_meetings(expo: Expo, organisations: list[int]) -> QuerySet[Meeting]:
    """Their held meetings, with both sides and how many deals each already led to."""
    return (
        Meeting.objects.filter(expo=expo, status=Meeting.Status.HELD)
        .filter(
            Q(buyer__organisation_id__in=organisations)
            | Q(exhibitor__organisation_id__in=organisations)
        )
        .select_related("slot", "buyer__organisation", "exhibitor__organisation")
        .annotate(deal_count=Count("deals"))
        .order_by("slot__start", "table_number")
    )


def deals_of(expo: Expo, organisations: list[int]) -> QuerySet[Deal]:
    """Every deal their organisations are party to, whatever its review state."""
    return (
        Deal.objects.filter(expo=expo, parties__organisation_id__in=organisations)
        .distinct()
        .prefetch_related("parties__organisation")
        .order_by("reference")
    )


def confirmable(deals: list[Deal], organisations: list[int]) -> set[int]:
    """Deals reported by the other party that these organisations may confirm (one query)."""
    waiting = [d for d in deals if d.review == Deal.Review.REPORTED and d.reported_by_id]
    reporters: dict[int, set[int]] = {}
    for user_id, organisation_id in Membership.objects.filter(
        user_id__in={d.reported_by_id for d in waiting}
    ).values_list("user_id", "organisation_id"):
        reporters.setdefault(user_id, set()).add(organisation_id)
    mine = set(organisations)
    found = set()
    for deal in waiting:
        reporting = reporters.get(deal.reported_by_id or 0, set())
        others = {p.organisation_id for p in deal.parties.all()} - reporting
        if mine & others:
            found.add(deal.pk)
    return found
