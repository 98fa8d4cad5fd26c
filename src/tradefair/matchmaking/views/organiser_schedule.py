"""Running the scheduler from the console: start, watch, read the result, publish.

Starting a run and publishing one only queue work for the worker and return at once; the
progress panel then polls every second, says what is happening in words and how long it has
taken, and reloads the page when the work ends. (In the test suite tasks run inline, so the
page that follows a POST already shows the result; both paths end on the same page.)
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.parsing import whole_number
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.forms.organiser import ScheduleRunForm
from tradefair.matchmaking.models import ScheduleRun
from tradefair.matchmaking.queries import console, run_progress
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.publishing import queue_publish
from tradefair.matchmaking.services.run_health import give_up_on_dead_work
from tradefair.matchmaking.services.scheduling import ACTIVE, start_schedule_run
from tradefair.matchmaking.views.organiser_charts import number, percent
from tradefair.matchmaking.views.organiser_unscheduled import left_out_context

PROGRESS_EVERY = "1s"


def _shown_run(expo: Expo, runs: list[ScheduleRun], wanted: str | None) -> ScheduleRun | None:
    """The run asked for by ``?run=``, else the newest; another edition's run is a 404."""
    pk = whole_number(wanted or "")
    if pk is not None:
        found = next((r for r in runs if r.pk == pk), None)
        return found or get_object_or_404(ScheduleRun, pk=pk, expo=expo)
    return runs[0] if runs else None


def _figures(run: ScheduleRun) -> list[dict[str, str | None]]:
    return [
        {
            "label": f.label,
            "value": number(f.value),
            "bound": number(f.bound) if f.bound is not None else None,
            "share": percent(f.share) if f.share is not None else None,
            "help": f.help,
        }
        for f in console.run_figures(run)
    ]


@require_http_methods(["GET", "POST"])
@organiser_page
def schedule(request: HttpRequest, expo: Expo) -> HttpResponse:
    """The page; a POST starts a run (a run already going on is shown instead of a second)."""
    form = ScheduleRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        busy = ScheduleRun.objects.filter(expo=expo, status__in=ACTIVE).exists()
        try:
            started = start_schedule_run(
                expo=expo, by_user=acting_user(request), time_limit=form.cleaned_data["time_limit"]
            )
        except MatchmakingError as error:
            messages.error(request, str(error))
        else:
            if busy:
                messages.info(request, _("A run is already in progress; here it is."))
            url = reverse("organiser:schedule", kwargs={"slug": expo.slug})
            return redirect(f"{url}?run={started.pk}")
    give_up_on_dead_work(expo)
    runs = console.runs(expo)
    run = _shown_run(expo, runs, request.GET.get("run"))
    # As publish_schedule decides: failed runs do not count as newer.
    newest = next((r for r in runs if r.status != ScheduleRun.Status.FAILED), None)
    context = {
        "expo": expo,
        "form": form,
        "run": run,
        "runs": runs,
        "is_newest": run is not None and run == newest,
        "activity": run_progress.activity(run) if run else None,
        "wall_time": run_progress.wall_time(run) if run else None,
        "figures": _figures(run) if run else [],
        "left_out": (
            left_out_context(request, expo, run)
            if run and run.status == ScheduleRun.Status.DONE
            else None
        ),
        "poll_every": PROGRESS_EVERY,
        "language_links": language_links(request),
    }
    return render(request, "organiser/schedule.html", context)


@require_GET
@organiser_page
def schedule_progress(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """The progress panel while work is going on; once it is over, htmx reloads the page."""
    give_up_on_dead_work(expo)
    run = get_object_or_404(ScheduleRun, pk=pk, expo=expo)
    activity = run_progress.activity(run)
    response = render(
        request,
        "organiser/_run_progress.html",
        {"expo": expo, "run": run, "activity": activity, "poll_every": PROGRESS_EVERY},
    )
    if activity is None:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@organiser_page
def schedule_publish(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """Queue the publication and return at once; the page shows its progress, then the count."""
    run = get_object_or_404(ScheduleRun.objects.select_related("expo"), pk=pk, expo=expo)
    try:
        queue_publish(run=run, by_user=acting_user(request))
    except MatchmakingError as error:
        messages.error(request, str(error))
    url = reverse("organiser:schedule", kwargs={"slug": expo.slug})
    return redirect(f"{url}?run={run.pk}")
