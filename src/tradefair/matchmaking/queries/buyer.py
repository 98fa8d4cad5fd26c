"""What the buyer portal reads: request counts, request lists and exhibitor cards.

Each function costs a fixed number of queries whatever the number of rows, so the portal's
pages keep pinned query counts (tests/pages/test_buyer_portal.py).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils.translation import get_language

from tradefair.expos.models import Expo
from tradefair.expos.names import country_name, organisation_names
from tradefair.floorplan.models import BoothAssignment
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.organisations.models import Participation
from tradefair.organisations.queries.directory import ExhibitorCard

Status = MeetingRequest.Status
TABS: tuple[str, ...] = tuple(Status.values)


@dataclass(frozen=True)
class RequestCounts:
    """A buyer's requests by status, the exhibitors' requests awaiting the buyer's answer
    (not counted under ``pending``) and the buyer's scheduled meetings."""

    pending: int
    accepted: int
    declined: int
    cancelled: int
    awaiting_answer: int
    meetings: int

    def by_status(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in TABS}

    @property
    def total(self) -> int:
        return sum(self.by_status().values()) + self.awaiting_answer


def _awaiting_answer() -> Q:
    return Q(from_exhibitor=True, status=Status.PENDING)


def request_counts(buyer: Participation) -> RequestCounts:
    """Two queries: one aggregate over the buyer's requests, one count of published meetings.

    Unpublished meetings are the organisers' draft: like the agenda, the figures ignore them.
    """
    asked = ~_awaiting_answer()
    counts = MeetingRequest.objects.filter(buyer=buyer).aggregate(
        **{status: Count("id", filter=Q(status=status) & asked) for status in TABS},
        awaiting_answer=Count("id", filter=_awaiting_answer()),
    )
    meetings = Meeting.objects.filter(buyer=buyer, published=True).count()
    return RequestCounts(**counts, meetings=meetings)


def requests_in_tab(buyer: Participation, status: str) -> list[MeetingRequest]:
    """The buyer's requests with ``status`` (both directions; the exhibitors' pending ones
    are listed apart by :func:`awaiting_answer`), highest priority first, with the meeting."""
    rows = (
        MeetingRequest.objects.filter(buyer=buyer, status=status)
        .exclude(_awaiting_answer())
        .select_related("exhibitor__organisation", "meeting__slot")
        .order_by("-priority", "created_at", "id")
    )
    return list(rows)


def awaiting_answer(buyer: Participation) -> list[MeetingRequest]:
    """Requests exhibitors sent the buyer that the buyer has not answered yet."""
    rows = (
        MeetingRequest.objects.filter(buyer=buyer)
        .filter(_awaiting_answer())
        .select_related("exhibitor__organisation")
        .order_by("created_at", "id")
    )
    return list(rows)


def requests_by_exhibitor(
    buyer: Participation, exhibitor_ids: Iterable[int]
) -> dict[int, MeetingRequest]:
    """For each exhibitor, the pair's open request, else its latest one (one query)."""
    found: dict[int, MeetingRequest] = {}
    rows = MeetingRequest.objects.filter(buyer=buyer, exhibitor_id__in=list(exhibitor_ids))
    for request in rows.order_by("created_at", "id"):
        current = found.get(request.exhibitor_id)
        if current is None or current.status not in MeetingRequest.OPEN:
            found[request.exhibitor_id] = request
    return found


def exhibitor_cards(expo: Expo, ids: Iterable[int]) -> dict[int, ExhibitorCard]:
    """Directory cards of these exhibitors of ``expo`` (two queries), keyed by id."""
    booths = Prefetch(
        "booth_assignments",
        queryset=BoothAssignment.objects.select_related("booth").order_by("booth__number"),
    )
    rows = (
        Participation.objects.filter(expo=expo, role=Participation.Role.EXHIBITOR, pk__in=list(ids))
        .select_related("organisation", "pavilion__hall")
        .defer("search_text")
        .prefetch_related(booths)
    )
    language = get_language() or "en"
    cards = {}
    for p in rows:
        org = p.organisation
        shown, other = organisation_names(
            org.name, org.name_zh, org.name_local, org.name_local_language
        )
        cards[p.pk] = ExhibitorCard(
            pk=p.pk,
            name=shown.text,
            other_name=other.text if other else "",
            name_lang=shown.lang,
            other_lang=other.lang if other else "",
            country_code=org.country_id,
            country=country_name(org.country_id, language, fallback=org.country_id),
            pavilion=p.pavilion.display_name if p.pavilion else "",
            hall=p.pavilion.hall.display_name if p.pavilion else "",
            booths=[a.booth.number for a in p.booth_assignments.all()],
            sectors=[],
        )
    return cards
