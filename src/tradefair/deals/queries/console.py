"""The organisers' list of deals: every deal of the edition, by review state, with its parties."""

from django.db.models import Count, QuerySet

from tradefair.deals.models import Deal, ExchangeRate
from tradefair.expos.models import Expo


def deals_for_review(expo: Expo, review: str = "") -> QuerySet[Deal]:
    """The edition's deals (one review state when given), newest reference last (two queries)."""
    deals = Deal.objects.filter(expo=expo)
    if review in Deal.Review.values:
        deals = deals.filter(review=review)
    return (
        deals.select_related("counterpart_country")
        .prefetch_related("parties__organisation")
        .order_by("reference")
    )


def review_counts(expo: Expo) -> dict[str, int]:
    """How many deals are in each review state, every state present (one query)."""
    counts = dict.fromkeys(Deal.Review.values, 0)
    rows = Deal.objects.filter(expo=expo).order_by().values_list("review").annotate(n=Count("pk"))
    counts.update(dict(rows))
    return counts


def rates(expo: Expo) -> QuerySet[ExchangeRate]:
    return ExchangeRate.objects.filter(expo=expo).order_by("currency")
