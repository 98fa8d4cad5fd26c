"""What the organiser console reads: figures, chart data, and its lists.

Every figure is aggregated by the database (GROUP BY), so a page costs the same few queries
for three requests or 150,000. Lists are paginated and fetch their related rows in the same
query.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tradefair.expos.formatting import number
from tradefair.expos.models import Expo, Sector
from tradefair.expos.names import country_name, reference_name
from tradefair.expos.parsing import whole_number
from tradefair.expos.recent import Recent, recent
from tradefair.matchmaking.models import (
    Interpreter,
    Meeting,
    MeetingRequest,
    NegotiationSession,
    ScheduleRun,
    Slot,
)
from tradefair.organisations.models import Need, Offer, Participation

Dimension = Literal["country", "sector"]
Side = Literal["buyer", "exhibitor"]
RequestStatus = MeetingRequest.Status
MeetingStatus = Meeting.Status
TOP = 10
OTHERS = "__others__"


@dataclass(frozen=True)
class Overview:
    """Headline figures of matchmaking in one edition."""

    requests: dict[str, int]  # by status, every status present
    must_meet: int
    answered: int  # accepted or declined by the asked side (must-meet pairs left out)
    accepted_answered: int
    meetings: dict[str, int]  # by meeting status
    published: int
    latest_run: ScheduleRun | None

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    @property
    def total_meetings(self) -> int:
        return sum(self.meetings.values())

    @property
    def acceptance_rate(self) -> float | None:
        """Share of answered requests that were accepted; None before any answer."""
        return self.accepted_answered / self.answered if self.answered else None


def overview(expo: Expo) -> Overview:
    """Requests by status, acceptance, meetings by status and the latest run (three queries)."""
    requests = {status: 0 for status in RequestStatus.values}
    must_meet = answered = accepted_answered = 0
    for status, is_must_meet, n in (
        MeetingRequest.objects.filter(expo=expo)
        .order_by()
        .values_list("status", "must_meet")
        .annotate(n=Count("id"))
        .values_list("status", "must_meet", "n")
    ):
        requests[status] += n
        if is_must_meet:
            must_meet += n
        elif status in (RequestStatus.ACCEPTED, RequestStatus.DECLINED):
            answered += n
            accepted_answered += n if status == RequestStatus.ACCEPTED else 0
    meetings = {status: 0 for status in MeetingStatus.values}
    published = 0
    for status, is_published, n in (
        Meeting.objects.filter(expo=expo)
        .order_by()
        .values_list("status", "published")
        .annotate(n=Count("id"))
        .values_list("status", "published", "n")
    ):
        meetings[status] += n
        published += n if is_published else 0
    return Overview(
        requests=requests,
        must_meet=must_meet,
        answered=answered,
        accepted_answered=accepted_answered,
        meetings=meetings,
        published=published,
        latest_run=ScheduleRun.objects.filter(expo=expo).order_by("-created_at", "-pk").first(),
    )


@dataclass(frozen=True)
class BreakdownRow:
    """One bar group of a chart: a country or sector (or every other one summed)."""

    key: str
    label: str
    requests: int
    answered: int
    accepted: int
    meetings: int

    @property
    def acceptance_rate(self) -> float | None:
        return self.accepted / self.answered if self.answered else None


PartyCounts = dict[int, list[int]]  # participation id -> [requests, answered, accepted, meetings]
Totals = dict[str | None, list[int]]  # country or sector (None: not given) -> the same four


def recent_totals(expo: Expo, side: Side) -> Recent[dict[Dimension, Totals]]:
    """The charts' totals of one side, by country and by sector, counted at most once a
    minute (``expos.recent``): they read every request and meeting of the edition, 0.9 s at
    the reference size on SQLite where the overview's other figures take tens of
    milliseconds. Kept without names, which ``ranked`` gives in the reader's language."""

    def count() -> dict[Dimension, Totals]:
        counts = party_counts(expo, side)
        return {d: _totals(expo, d, side, counts) for d in ("country", "sector")}

    return recent(f"console-totals:{expo.pk}:{side}", count)


def party_counts(expo: Expo, side: Side) -> PartyCounts:
    """Requests, answered, accepted (must-meet pairs left out of both) and meetings of every
    buyer or exhibitor with any (two GROUP BY queries over the requests and meetings alone)."""
    counted = Q(must_meet=False)
    counts: PartyCounts = {}
    for party, requests, answered, accepted in (
        MeetingRequest.objects.filter(expo=expo)
        .order_by()
        .values(side)
        .annotate(
            requests=Count("id"),
            answered=Count(
                "id",
                filter=counted & Q(status__in=(RequestStatus.ACCEPTED, RequestStatus.DECLINED)),
            ),
            accepted=Count("id", filter=counted & Q(status=RequestStatus.ACCEPTED)),
        )
        .values_list(side, "requests", "answered", "accepted")
    ):
        counts[party] = [requests, answered, accepted, 0]
    for party, meetings in (
        Meeting.objects.filter(expo=expo)
        .order_by()
        .values(side)
        .annotate(n=Count("id"))
        .values_list(side, "n")
    ):
        counts.setdefault(party, [0, 0, 0, 0])[3] = meetings
    return counts


def _groups(expo: Expo, dimension: Dimension, side: Side) -> dict[int, list[str]]:
    """The country, or the distinct sectors, of every participation of one side (one query)."""
    if dimension == "country":
        return {
            pk: [country]
            for pk, country in Participation.objects.filter(expo=expo, role=side)
            .order_by()
            .values_list("pk", "organisation__country_id")
        }
    lines = Offer if side == "exhibitor" else Need
    groups: dict[int, list[str]] = {}
    for pk, slug in (
        lines.sectors.through.objects.filter(
            **{f"{lines.__name__.lower()}__participation__expo": expo}
        )
        .order_by()
        .values_list(f"{lines.__name__.lower()}__participation_id", "sector__slug")
        .distinct()
    ):
        groups.setdefault(pk, []).append(slug)
    return groups


def breakdown(
    expo: Expo, *, dimension: Dimension, side: Side, top: int = TOP
) -> list[BreakdownRow]:
    """Requests, answers and meetings per country or sector of one side, top ``top`` + others.

    Countries are the organisation's; sectors are those of the exhibitor's offers (or the
    buyer's needs), so a request whose side trades in two sectors counts in both. The database
    groups by participation (``party_counts``); summing those few thousand rows per group here
    avoids joining 150,000 requests to organisations and sectors. The console's page takes
    both dimensions from ``recent_totals`` instead.
    """
    return ranked(dimension, _totals(expo, dimension, side, party_counts(expo, side)), top)


def _totals(expo: Expo, dimension: Dimension, side: Side, counts: PartyCounts) -> Totals:
    groups = _groups(expo, dimension, side)
    rows: Totals = {}
    none: list[str | None] = [None]
    for party, figures in counts.items():
        keys: list[str | None] = list(groups.get(party, [])) or none
        for key in keys:
            total = rows.setdefault(key, [0, 0, 0, 0])
            for i, value in enumerate(figures):
                total[i] += value
    return rows


def ranked(dimension: Dimension, rows: Totals, top: int = TOP) -> list[BreakdownRow]:
    """Totals named in the reader's language, ranked by requests, then meetings; the rest
    past ``top`` are summed into one ``OTHERS`` row."""
    labels = _labels(dimension, [k for k in rows if k is not None])
    order = sorted(rows.items(), key=lambda kv: (-kv[1][0], -kv[1][3], labels.get(kv[0] or "", "")))
    out = [
        BreakdownRow(key or "", labels.get(key or "", "") if key else _none_label(dimension), *v)
        for key, v in order[:top]
    ]
    rest = [v for _, v in order[top:]]
    if rest:
        sums = [sum(col) for col in zip(*rest, strict=True)]
        out.append(BreakdownRow(OTHERS, _others_label(dimension, len(rest)), *sums))
    return out


def _labels(dimension: Dimension, keys: list[str]) -> dict[str, str]:
    if dimension == "country":
        language = get_language() or "en"
        return {code: country_name(code, language) for code in keys}
    return {
        slug: reference_name(name, name_zh)
        for slug, name, name_zh in Sector.objects.filter(slug__in=keys).values_list(
            "slug", "name", "name_zh"
        )
    }


def _none_label(dimension: Dimension) -> str:
    return _("No country given") if dimension == "country" else _("No sector given")


def _others_label(dimension: Dimension, n: int) -> str:
    if dimension == "country":
        return ngettext("%(n)d other country", "%(n)d other countries", n) % {"n": n}
    return ngettext("%(n)d other sector", "%(n)d other sectors", n) % {"n": n}


# Lists --------------------------------------------------------------------------------------


def sessions(expo: Expo) -> QuerySet[NegotiationSession]:
    """Sessions with their hall, slot count and meeting count (one query).

    The counts are correlated subqueries: joining every slot's meetings to count them made the
    database group the edition's 83,000 meetings (175-290 ms at the demo's size)."""
    return (
        NegotiationSession.objects.filter(expo=expo)
        .select_related("hall")
        .annotate(
            slot_count=_counted(Slot.objects.filter(session=OuterRef("pk")), "session"),
            meeting_count=_counted(
                Meeting.objects.filter(slot__session=OuterRef("pk")), "slot__session"
            ),
        )
        .order_by("date", "start_time", "pk")
    )


def sessions_to_choose(expo: Expo) -> QuerySet[NegotiationSession]:
    """The sessions a filter offers, without their counts."""
    return NegotiationSession.objects.filter(expo=expo).order_by("date", "start_time", "pk")


def _counted(rows: QuerySet[Any], by: str) -> Coalesce:
    """How many of ``rows`` (filtered on the outer query's row) there are, as a subquery."""
    counted = rows.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def slot_capacity(expo: Expo) -> tuple[int, int]:
    """(slots, table-slots) of the edition: how many meetings could take place at most."""
    totals = Slot.objects.filter(expo=expo).aggregate(n=Count("id"), tables=Sum("tables"))
    return totals["n"] or 0, totals["tables"] or 0


def interpreters(expo: Expo) -> QuerySet[Interpreter]:
    """The pool with how many meetings each interprets (published ones apart) and in how many
    slots they are free (0: every slot), in one query."""
    return (
        Interpreter.objects.filter(expo=expo)
        .annotate(
            meeting_count=Count("meetings", distinct=True),
            published_count=Count("meetings", filter=Q(meetings__published=True), distinct=True),
            slot_count=Count("available_slots", distinct=True),
        )
        .order_by("name", "pk")
    )


def must_meet_pairs(expo: Expo) -> QuerySet[MeetingRequest]:
    """Open must-meet requests with both organisations and the meeting, if placed."""
    return (
        MeetingRequest.objects.filter(expo=expo, must_meet=True, status__in=MeetingRequest.OPEN)
        .select_related("buyer__organisation", "exhibitor__organisation", "meeting__slot")
        .order_by("-created_at", "-pk")
    )


def candidates(expo: Expo, *, role: str, text: str, limit: int = 20) -> list[Participation]:
    """Buyers or exhibitors of ``expo`` whose name contains ``text`` (or whose id it is)."""
    text = text.strip()
    if not text:
        return []
    match = Q(organisation__name__icontains=text) | Q(organisation__name_zh__icontains=text)
    if (pk := whole_number(text)) is not None:
        match |= Q(pk=pk)
    return list(
        Participation.objects.filter(match, expo=expo, role=role)
        .select_related("organisation")
        .order_by("organisation__name", "pk")[:limit]
    )


def runs(expo: Expo, limit: int = 20) -> list[ScheduleRun]:
    """The latest runs, newest first, with who started them."""
    return list(
        ScheduleRun.objects.filter(expo=expo)
        .select_related("started_by")
        .order_by("-created_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class MeetingFilters:
    day: dt.date | None = None
    session: int | None = None
    status: str = ""
    published: bool | None = None
    text: str = ""


def meetings(expo: Expo, filters: MeetingFilters) -> QuerySet[Meeting]:
    """The meetings the filters keep, in time order: page them with ``paginate_ids`` and
    ``meeting_rows``, as sorting the edition's 83,000 meetings joined to everything a row
    shows took 0.7 s for the first page and 5 s for the last."""
    rows = Meeting.objects.filter(expo=expo)
    if filters.day:
        rows = rows.filter(slot__session__date=filters.day)
    if filters.session:
        rows = rows.filter(slot__session_id=filters.session)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.published is not None:
        rows = rows.filter(published=filters.published)
    if filters.text:
        named = Participation.objects.filter(
            Q(organisation__name__icontains=filters.text)
            | Q(organisation__name_zh__icontains=filters.text),
            expo=expo,
        ).values("pk")
        rows = rows.filter(Q(buyer_id__in=named) | Q(exhibitor_id__in=named))
    return rows.order_by("slot__start", "table_number", "pk")


def meeting_rows(ids: list[int]) -> list[Meeting]:
    """The meetings ``ids`` with everything a row of the list shows, in one query."""
    return list(
        Meeting.objects.filter(pk__in=ids).select_related(
            "slot__session", "buyer__organisation", "exhibitor__organisation", "interpreter"
        )
    )


def meeting_days(expo: Expo) -> list[dt.date]:
    return list(
        NegotiationSession.objects.filter(expo=expo)
        .order_by("date")
        .values_list("date", flat=True)
        .distinct()
    )


def slots_to_move_to(expo: Expo) -> QuerySet[Slot]:
    return Slot.objects.filter(expo=expo).select_related("session").order_by("start", "pk")


@dataclass(frozen=True)
class RunFigure:
    """A figure of a finished run against its bound, e.g. 4 meetings of at most 4 (100%)."""

    label: str
    value: int | float
    bound: int | None
    help: str

    @property
    def share(self) -> float | None:
        if self.bound is None:
            return None
        return self.value / self.bound if self.bound else 1.0


def run_figures(run: ScheduleRun) -> list[RunFigure]:
    """What ``execute_schedule_run`` stored, against the proven bounds where there is one."""
    stats = run.stats
    if "count" not in stats:
        return []
    figures = [
        RunFigure(
            _("Meetings placed"),
            int(stats["count"]),
            int(stats["upper_bound"]),
            _("of at most this many (a proven upper bound)"),
        ),
    ]
    if stats.get("priority_upper_bound") is not None:
        figures.append(
            RunFigure(
                _("Total priority"),
                int(stats["priority"]),
                int(stats["priority_upper_bound"]),
                _("of at most this much (a proven upper bound)"),
            )
        )
    figures.append(
        RunFigure(
            _("Buyers without a meeting"),
            int(stats["buyers_without_meeting"]),
            None,
            _("at least %(n)s cannot get one in any schedule")
            % {"n": number(int(stats.get("min_buyers_without_meeting", 0)))},
        )
    )
    return figures + _day_figures(stats)


def _day_figures(stats: dict[str, Any]) -> list[RunFigure]:
    """Objectives (c) and (d): how the placed meetings sit in people's days. Runs stored
    before these figures were kept have none, and show none."""
    figures = []
    if stats.get("idle_gaps") is not None and stats["count"]:
        figures.append(
            RunFigure(
                _("Idle gaps per meeting"),
                round(stats["idle_gaps"] / stats["count"], 2),
                None,
                _("waits between two meetings of someone's day; fewer is better"),
            )
        )
    if stats.get("days_per_participant") is not None:
        figures.append(
            RunFigure(
                _("Days at the fair per participant"),
                round(stats["days_per_participant"], 2),
                None,
                _("days with a meeting, on average over everyone who has one; fewer is better"),
            )
        )
    return figures
