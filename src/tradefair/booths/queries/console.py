"""What the organiser's booth pages show: the floor's figures, the runs with their progress
and figures, and the exhibitors a run left without a booth with the reason in words."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradefair.booths.models import AllocationRun
from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.expos.services.background import NO_WORKER_AFTER, duration
from tradefair.floorplan.models import Booth, Hall, Module

PHASES = {
    "reading": gettext_lazy("Reading the floor and the exhibitors' bookings"),
    "solving": gettext_lazy("Placing the exhibitors (pavilions, sectors, priority points)"),
    "done": gettext_lazy("Finished"),
}

REASONS = {
    "no_pavilion": gettext_lazy("no pavilion yet"),
    "no_area": gettext_lazy("no contracted booth area yet"),
    "no_modules": gettext_lazy("its pavilion has no modules on the plan"),
    "shape": gettext_lazy("no rectangle of %(modules)s modules exists in its pavilion"),
    "competitors": gettext_lazy(
        "no free rectangle of %(modules)s modules left away from its competitors"
    ),
    "full": gettext_lazy("no free rectangle of %(modules)s modules left in its pavilion"),
}


@dataclass(frozen=True)
class FloorFigures:
    modules: int
    modules_taken: int
    booths: int
    exhibitors: int
    without_booth: int
    pinned: int


def floor_figures(expo: Expo) -> FloorFigures:
    modules = Module.objects.filter(hall__expo=expo).aggregate(n=Count("pk"), taken=Count("booth"))
    exhibitors = expo.participations.filter(role="exhibitor")
    booths = Booth.objects.filter(expo=expo)
    return FloorFigures(
        modules=modules["n"],
        modules_taken=modules["taken"],
        booths=booths.count(),
        exhibitors=exhibitors.count(),
        without_booth=exhibitors.filter(booth_assignments__isnull=True).count(),
        pinned=booths.filter(pinned=True).count(),
    )


@dataclass(frozen=True)
class Progress:
    queued: bool
    phase: str
    share: float
    elapsed: str
    no_worker: bool


def progress(run: AllocationRun) -> Progress | None:
    """The run's work going on now (solving or publishing), or None when nothing is."""
    now = timezone.now()
    if run.status == AllocationRun.Status.QUEUED:
        since, queued, phase = run.created_at, True, ""
    elif run.status == AllocationRun.Status.RUNNING:
        since, queued = run.started_at or run.created_at, False
        phase = str(PHASES.get(run.phase, run.phase))
    elif run.status == AllocationRun.Status.PUBLISHING:
        since, queued, phase = run.heartbeat_at or now, False, _("Publishing the booths")
    else:
        return None
    return Progress(
        queued=queued,
        phase=phase,
        share=0.0 if queued else run.progress,
        elapsed=duration(now - since),
        no_worker=queued and now - since > NO_WORKER_AFTER,
    )


@dataclass(frozen=True)
class LeftOut:
    participation: int
    name: str
    reason: str


def left_out(run: AllocationRun) -> list[LeftOut]:
    ids = [u["participation"] for u in run.unallocated]
    names = {
        pk: in_reader_language(en, zh)
        for pk, en, zh in run.expo.participations.filter(pk__in=ids).values_list(
            "pk", "organisation__name", "organisation__name_zh"
        )
    }
    return [
        LeftOut(
            u["participation"],
            names.get(u["participation"], "?"),
            str(REASONS.get(u["code"], u["code"])) % {"modules": u.get("modules", 0)},
        )
        for u in run.unallocated
    ]


def pinned(expo: Expo, limit: int = 100) -> list[tuple[str, str]]:
    """Pinned booths with their holders' names, by number."""
    rows = (
        Booth.objects.filter(expo=expo, pinned=True)
        .order_by("number")
        .values_list(
            "number",
            "assignment__participation__organisation__name",
            "assignment__participation__organisation__name_zh",
        )[:limit]
    )
    return [(number, in_reader_language(en or "", zh or "")) for number, en, zh in rows]


def runs(expo: Expo, limit: int = 10) -> list[AllocationRun]:
    """The latest runs for the list, without their proposals: each holds every booth it placed
    and left out (146 kB of JSON at the fair's size), and the list shows neither."""
    latest = AllocationRun.objects.filter(expo=expo).defer(*PROPOSAL)
    return list(latest.order_by("-created_at")[:limit])


PROPOSAL = ("allocations", "unallocated")  # a run's fields that grow with the fair


@dataclass(frozen=True)
class HallGrid:
    code: str
    name: str
    area_m2: int
    modules: int
    booths: int
    pavilions: str


def halls(expo: Expo) -> list[HallGrid]:
    """Each hall with how many modules and booths its plan has."""
    found = []
    for hall in (
        Hall.objects.filter(expo=expo)
        .annotate(n_modules=Count("modules", distinct=True))
        .prefetch_related("pavilions")
        .order_by("code")
    ):
        found.append(
            HallGrid(
                hall.code,
                hall.display_name,
                hall.area_m2,
                hall.n_modules,
                Booth.objects.filter(expo=expo, pavilion__hall=hall).count(),
                " · ".join(p.display_name for p in hall.pavilions.all()),
            )
        )
    return found
