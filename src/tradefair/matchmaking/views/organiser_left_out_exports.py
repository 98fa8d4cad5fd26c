"""The file of a run's requests left out: asked for on the schedule page, written by the
worker, followed on its own page (which reloads itself until the file is there), downloaded."""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_POST, require_safe

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.formatting import number, percent
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.services.background import NO_WORKER_AFTER
from tradefair.matchmaking.models import LeftOutExport
from tradefair.matchmaking.queries import left_out
from tradefair.matchmaking.services.left_out_exports import (
    ACTIVE,
    CONTENT_TYPES,
    give_up_on_dead_exports,
    queue_left_out_export,
)
from tradefair.matchmaking.views.organiser_unscheduled import finished_run

RELOAD_EVERY = 2  # seconds, while the file is being written


@require_POST
@organiser_page
def export(request: HttpRequest, expo: Expo, pk: int, kind: str) -> HttpResponse:
    """Queue the file (of the form's ``reason`` only, if any) and show its page."""
    queued = queue_left_out_export(
        run=finished_run(expo, pk),
        by_user=acting_user(request),
        kind=kind,
        reason=request.POST.get("reason", ""),
        language=get_language() or "en",
    )
    return redirect("organiser:left_out_export", expo.slug, queued.pk)


@dataclass(frozen=True)
class ExportPage:
    job: LeftOutExport
    pending: bool
    no_worker: bool  # queued for a while: probably no worker is running
    share_text: str  # the job's progress in the reader's notation
    rows_text: str
    reason_label: str


@require_safe
@organiser_page
def export_page(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    job = get_object_or_404(
        LeftOutExport.objects.defer("content").select_related("run"), pk=pk, run__expo=expo
    )
    if job.status in ACTIVE and give_up_on_dead_exports(job.run):
        job.refresh_from_db()
    pending = job.status in ACTIVE
    page = ExportPage(
        job=job,
        pending=pending,
        no_worker=job.status == LeftOutExport.Status.QUEUED
        and timezone.now() - job.created_at > NO_WORKER_AFTER,
        share_text=percent(job.progress),
        rows_text=ngettext("%(count)s row", "%(count)s rows", job.rows)
        % {"count": number(job.rows)},
        reason_label=str(left_out.LABELS[job.reason]) if job.reason else "",
    )
    context = {
        "expo": expo,
        "run": job.run,
        "export": page,
        "reload_every": RELOAD_EVERY if pending else None,
        "language_links": language_links(request),
    }
    return render(request, "organiser/left_out_export.html", context)


@require_safe
@organiser_page
def export_file(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    job = get_object_or_404(LeftOutExport, pk=pk, run__expo=expo, status=LeftOutExport.Status.DONE)
    response = HttpResponse(bytes(job.content or b""), content_type=CONTENT_TYPES[job.kind])
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response
