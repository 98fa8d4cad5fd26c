"""What the self-service pages read: a participation's items with their pictures, the trail."""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.items import Item, item_model
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Offer, OfferPicture, Participation

HISTORY_PAGE = 50


def items_of(participation: Participation) -> QuerySet[Offer] | QuerySet[Item]:
    """Products or needs with codes, sectors, markets (and pictures) in four or five queries."""
    model = item_model(participation)
    rows = model.objects.filter(participation=participation).prefetch_related(
        "hs_codes", "sectors", Prefetch("markets", queryset=Country.objects.order_by("code"))
    )
    if model is Offer:
        rows = rows.prefetch_related(Prefetch("pictures", queryset=OfferPicture.objects.all()))  # type: ignore[misc]
    return rows.order_by("id")


def item_of(participation: Participation, pk: int) -> Item | None:
    """One of the participation's own items; another organisation's is None (a 404)."""
    return items_of(participation).filter(pk=pk).first()


def picture_of(participation: Participation, pk: int) -> OfferPicture | None:
    return (
        OfferPicture.objects.select_related("offer")
        .filter(pk=pk, offer__participation=participation)
        .first()
    )


def history(participation: Participation, page: str | int) -> Page[ProfileChange]:
    changes = ProfileChange.objects.filter(participation=participation).select_related("user")
    return Paginator(changes, HISTORY_PAGE).get_page(page)


def pending_changes(participation: Participation) -> list[ProfileChange]:
    """The participant's changes waiting for the organisers, oldest first."""
    return list(
        ProfileChange.objects.filter(
            participation=participation, status=ProfileChange.Status.PENDING
        ).order_by("created_at", "id")
    )


def changes_for_review(expo: Expo, page: str | int) -> Page[ProfileChange]:
    """The edition's pending changes, oldest first, with who asked and for whom."""
    pending = (
        ProfileChange.objects.filter(participation__expo=expo, status=ProfileChange.Status.PENDING)
        .select_related("participation__organisation", "user")
        .order_by("created_at", "id")
    )
    return Paginator(pending, HISTORY_PAGE).get_page(page)
