"""Meetings of the buyers each partner organisation brought, for the bulletin's partner credit."""

from django.db.models import Count, Q

from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting


def meetings_by_partner(expo: Expo) -> dict[int, tuple[int, int]]:
    """Partner participation id → (meetings of its delegations' buyers, of them held); one query."""
    rows = (
        Meeting.objects.filter(expo=expo, buyer__delegation__isnull=False)
        .order_by()
        .values_list("buyer__delegation__partner_id")
        .annotate(n=Count("pk"), held=Count("pk", filter=Q(status=Meeting.Status.HELD)))
        .values_list("buyer__delegation__partner_id", "n", "held")
    )
    return {partner: (n, held) for partner, n, held in rows}
