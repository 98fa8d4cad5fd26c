"""What a partner sees of its delegations: each link with its places, the applications waiting
for the partner, and the admitted members with their meetings and deals."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from tradefair.deals.models import Deal
from tradefair.matchmaking.models import Meeting
from tradefair.organisations.models import Participation
from tradefair.registration.models import Application, DelegationLink


@dataclass(frozen=True)
class LinkFigures:
    link: DelegationLink
    standing: int
    admitted: int


@dataclass(frozen=True)
class Member:
    participation: Participation
    meetings: int
    held: int


@dataclass
class Delegations:
    links: list[LinkFigures]
    waiting: list[Application]
    others: list[Application]  # through its links, past the partner's review
    members: list[Member]
    deals: list[Deal]


def delegations_of(partner: Participation) -> Delegations:
    links = list(
        DelegationLink.objects.filter(delegation__partner=partner)
        .select_related("delegation")
        .annotate(
            standing=Count("applications", filter=~Q(applications__status="rejected")),
            admitted=Count("applications", filter=Q(applications__status="approved")),
        )
        .order_by("delegation__name")
    )
    applications = list(
        Application.objects.filter(link__delegation__partner=partner)
        .select_related("link__delegation")
        .order_by("-created_at", "-pk")
    )
    members = list(
        Participation.objects.filter(delegation__partner=partner)
        .select_related("organisation", "delegation")
        .order_by("organisation__name")
    )
    counts: dict[int, tuple[int, int]] = {
        buyer: (n, held)
        for buyer, n, held in Meeting.objects.filter(buyer__in=members, published=True)
        .values("buyer")
        .annotate(n=Count("pk"), held=Count("pk", filter=Q(status=Meeting.Status.HELD)))
        .values_list("buyer", "n", "held")
    }
    return Delegations(
        [LinkFigures(link, link.standing, link.admitted) for link in links],  # type: ignore[attr-defined]
        [a for a in applications if a.status == Application.Status.WITH_PARTNER],
        [a for a in applications if a.status != Application.Status.WITH_PARTNER],
        [Member(p, *counts.get(p.pk, (0, 0))) for p in members],
        list(
            Deal.objects.filter(delegation__partner=partner)
            .select_related("delegation")
            .order_by("reference")
        ),
    )
