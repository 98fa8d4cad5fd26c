"""The requests a run left out, on the console's schedule page: why, how many, which, exported.

The schedule page includes ``organiser/_unscheduled.html`` with ``left_out_context``; each reason
is a link to the same page filtered by ``?reason=`` (plain GET, so it works without JavaScript and
can be bookmarked), and htmx swaps in just the partial from ``unscheduled``. The exports of the
same (filtered) rows are written by the worker (``organiser_left_out_exports``), with the
headers and reasons in the asker's language.
"""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tradefair.accounts.gates import organiser_page
from tradefair.expos.charts import Bar, bar_chart_svg
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.paging import Listing, paginate
from tradefair.expos.parsing import whole_number
from tradefair.matchmaking.models import ScheduleRun
from tradefair.matchmaking.queries import left_out

EXPORTS = ("csv", "xlsx")


@dataclass(frozen=True)
class ReasonLink:
    """A reason in the summary: its count, its bar, and the links that filter by it."""

    code: str
    label: str
    count: str
    page_url: str
    partial_url: str
    current: bool


@dataclass(frozen=True)
class LeftOutPage:
    run: ScheduleRun
    reason: str  # the code filtered by, or ""
    reason_label: str
    total: int
    total_text: str
    reasons: list[ReasonLink]
    chart: SafeString  # each bar links to the reason's list
    listing: Listing  # a page of stored entries
    shown_text: str  # how many the filter keeps
    rows: list[left_out.LeftOut]  # that page, phrased
    all_url: str
    all_partial_url: str
    csv_url: str
    xlsx_url: str


def _reason(request: HttpRequest) -> str:
    wanted = request.GET.get("reason", "")
    return wanted if left_out.is_reason(wanted) else ""


def left_out_context(request: HttpRequest, expo: Expo, run: ScheduleRun) -> LeftOutPage:
    """What the partial shows for ``run``, filtered and paged by the request's query."""
    reason = _reason(request)
    counts = left_out.reason_counts(run)
    page = reverse("organiser:schedule", kwargs={"slug": expo.slug})
    partial = reverse("organiser:schedule_unscheduled", kwargs={"slug": expo.slug})

    def query(code: str = "") -> str:
        wanted = {"run": str(run.pk)} | ({"reason": code} if code else {})
        return "?" + urlencode(wanted)

    links = [
        ReasonLink(
            code=c.code,
            label=c.label,
            count=number(c.count),
            page_url=f"{page}{query(c.code)}#left-out",
            partial_url=f"{partial}{query(c.code)}",
            current=c.code == reason,
        )
        for c in counts
    ]
    listing = paginate(left_out.entries(run, reason), request.GET.get("page"))
    total = sum(c.count for c in counts)
    exports = {
        kind: reverse(f"organiser:left_out_export_{kind}", kwargs={"slug": expo.slug, "pk": run.pk})
        for kind in EXPORTS
    }
    return LeftOutPage(
        run=run,
        reason=reason,
        reason_label=str(left_out.LABELS[reason]) if reason else "",
        total=total,
        total_text=number(total),
        reasons=links,
        chart=bar_chart_svg(
            [
                Bar(link.label, c.count, link.count, href=link.page_url)
                for link, c in zip(links, counts, strict=True)
            ],
            description=_("Requests left out, by reason; each bar lists its requests."),
        )
        if links
        else mark_safe(""),
        listing=listing,
        shown_text=number(listing.page.paginator.count),
        rows=left_out.phrased(expo, listing.page.object_list),
        all_url=f"{page}{query()}#left-out",
        all_partial_url=f"{partial}{query()}",
        csv_url=exports["csv"],
        xlsx_url=exports["xlsx"],
    )


def finished_run(expo: Expo, pk: int | str | None) -> ScheduleRun:
    """The edition's finished run ``pk``; another edition's run, or none, is a 404, and so
    is a run still going on or failed: its list is not whole."""
    found = whole_number(str(pk)) if pk is not None else None
    if found is None:
        raise Http404("no run given")
    return get_object_or_404(ScheduleRun, pk=found, expo=expo, status=ScheduleRun.Status.DONE)


@require_GET
@organiser_page
def unscheduled(request: HttpRequest, expo: Expo) -> HttpResponse:
    """The partial alone, for htmx: ``?run=`` (required), ``reason`` and ``page`` as the page."""
    run = finished_run(expo, request.GET.get("run"))
    context = {"expo": expo, "run": run, "left_out": left_out_context(request, expo, run)}
    return render(request, "organiser/_unscheduled.html", context)
