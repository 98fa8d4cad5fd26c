"""What the exhibitor portal reads: the requests an exhibitor received and sent, with the
buyers' needs, and the counts its dashboard shows.

Rows are plain dataclasses with names already in the reader's language. A page of requests
costs a fixed number of queries however many rows it holds (the count, the rows, then the
buyers' needs with their HS codes and markets in three prefetch queries).
"""

from dataclasses import dataclass
from typing import cast

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from tradefair.expos.models import Country
from tradefair.expos.names import country_name
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Need, Participation

PAGE_SIZE = 20
Status = MeetingRequest.Status
STATUSES: tuple[str, ...] = tuple(Status.values)


def _country(code: str) -> str:
    return country_name(code, get_language() or "en", fallback=code)


@dataclass(frozen=True)
class HSLine:
    code: str
    description: str


@dataclass(frozen=True)
class NeedCard:
    title: str
    text: str
    hs_codes: list[HSLine]
    markets: list[str]


@dataclass(frozen=True)
class BuyerCard:
    pk: int
    name: str
    country_code: str
    country: str
    needs: list[NeedCard]


@dataclass(frozen=True)
class RequestRow:
    request: MeetingRequest
    buyer: BuyerCard

    @property
    def incoming(self) -> bool:
        return not self.request.from_exhibitor

    @property
    def can_answer(self) -> bool:
        return self.incoming and self.request.status == Status.PENDING

    @property
    def can_cancel(self) -> bool:
        """Outgoing while open; incoming once accepted (an accepted request is not declined)."""
        status = self.request.status
        if self.incoming:
            return status == Status.ACCEPTED
        return status in MeetingRequest.OPEN


@dataclass(frozen=True)
class RequestPage:
    rows: list[RequestRow]
    page: Page


@dataclass(frozen=True)
class RequestCounts:
    """Incoming and outgoing requests per status, and the meetings already published."""

    incoming: dict[str, int]
    outgoing: dict[str, int]
    meetings: int

    @property
    def accepted(self) -> int:
        return self.incoming[Status.ACCEPTED] + self.outgoing[Status.ACCEPTED]

    @property
    def outgoing_total(self) -> int:
        return sum(self.outgoing.values())


def request_counts(exhibitor: Participation) -> RequestCounts:
    """Every figure of the dashboard in one query."""
    aggregates = {
        f"{side}_{status}": Count(
            "pk", filter=Q(from_exhibitor=(side == "outgoing"), status=status)
        )
        for side in ("incoming", "outgoing")
        for status in STATUSES
    }
    aggregates["meetings"] = Count("meeting", filter=Q(meeting__published=True))
    found = MeetingRequest.objects.filter(exhibitor=exhibitor).aggregate(**aggregates)
    return RequestCounts(
        incoming={status: found[f"incoming_{status}"] for status in STATUSES},
        outgoing={status: found[f"outgoing_{status}"] for status in STATUSES},
        meetings=found["meetings"],
    )


def _needs() -> QuerySet[Need]:
    return Need.objects.prefetch_related(
        "hs_codes", Prefetch("markets", queryset=Country.objects.order_by("code"))
    ).order_by("id")


def _requests(exhibitor: Participation) -> QuerySet[MeetingRequest]:
    return (
        MeetingRequest.objects.filter(exhibitor=exhibitor)
        .select_related("buyer__organisation")
        .defer("buyer__search_text")
        .prefetch_related(Prefetch("buyer__needs", queryset=_needs()))
    )


def _need_card(need: Need) -> NeedCard:
    return NeedCard(
        title=need.display_title,
        text=need.display_text,
        hs_codes=[HSLine(code.code, code.description) for code in need.hs_codes.all()],
        markets=[_country(country.code) for country in need.markets.all()],
    )


def buyer_card(buyer: Participation) -> BuyerCard:
    """A buyer with its needs; the needs must be prefetched (see :func:`buyer_of_expo`)."""
    org = buyer.organisation
    return BuyerCard(
        pk=buyer.pk,
        name=org.display_name,
        country_code=org.country_id,
        country=_country(org.country_id),
        needs=[_need_card(need) for need in buyer.needs.all()],
    )


def _row(request: MeetingRequest) -> RequestRow:
    return RequestRow(request=request, buyer=buyer_card(request.buyer))


def _page(requests: QuerySet[MeetingRequest], page_number: str | int) -> RequestPage:
    page = Paginator(requests, PAGE_SIZE).get_page(page_number)
    return RequestPage(
        rows=[_row(r) for r in cast(list[MeetingRequest], page.object_list)], page=page
    )


def incoming_requests(
    exhibitor: Participation, status: str, page_number: str | int = 1
) -> RequestPage:
    """Requests buyers sent this exhibitor in ``status``: highest priority, then oldest first."""
    requests = _requests(exhibitor).filter(from_exhibitor=False, status=status)
    return _page(requests.order_by("-priority", "created_at", "id"), page_number)


def outgoing_requests(exhibitor: Participation, page_number: str | int = 1) -> RequestPage:
    """Requests this exhibitor sent buyers, newest first."""
    requests = _requests(exhibitor).filter(from_exhibitor=True)
    return _page(requests.order_by("-created_at", "-id"), page_number)


def request_row(exhibitor: Participation, pk: int) -> RequestRow | None:
    """One request of this exhibitor (either direction), or None if it is not theirs."""
    request = _requests(exhibitor).filter(pk=pk).first()
    return None if request is None else _row(request)


def buyer_of_expo(exhibitor: Participation, pk: int) -> Participation | None:
    """A buyer of the exhibitor's edition with its needs prefetched for :func:`buyer_card`."""
    return (
        Participation.objects.filter(
            pk=pk, expo_id=exhibitor.expo_id, role=Participation.Role.BUYER
        )
        .select_related("organisation")
        .defer("search_text")
        .prefetch_related(Prefetch("needs", queryset=_needs()))
        .first()
    )


def open_request_with(exhibitor: Participation, buyer_pk: int) -> MeetingRequest | None:
    """The pair's pending or accepted request, whichever side asked."""
    return MeetingRequest.objects.filter(
        exhibitor=exhibitor, buyer_id=buyer_pk, status__in=MeetingRequest.OPEN
    ).first()
