"""Running the scheduler from the console: start, watch, read the result, publish.

With a Celery broker the run happens in a worker and the progress panel polls every second;
without one (``CELERY_TASK_ALWAYS_EAGER``) it runs inside the POST that starts it, and the
page that follows already shows the result. Both paths end on the same page.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.forms.organiser import ScheduleRunForm
from tradefair.matchmaking.models import ScheduleRun
from tradefair.matchmaking.queries import console
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.scheduling import (
    ACTIVE,
    publish_schedule,
    start_schedule_run,
)
from tradefair.matchmaking.views.organiser_access import acting_user, organiser_page
from tradefair.matchmaking.views.organiser_charts import number, percent

PROGRESS_EVERY = "1s"


def _shown_run(expo: Expo, runs: list[ScheduleRun], wanted: str | None) -> ScheduleRun | None:
    """The run asked for by ``?run=``, else the newest; another edition's run is a 404."""
    if wanted and wanted.isdigit():
        found = next((r for r in runs if r.pk == int(wanted)), None)
        return found or get_object_or_404(ScheduleRun, pk=int(wanted), expo=expo)
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
        "figures": _figures(run) if run else [],
        "unscheduled": console.paginate(run.unscheduled, request.GET.get("page"))
        if run and run.unscheduled
        else None,
        "poll_every": PROGRESS_EVERY,
        "language_links": language_links(request),
    }
    return render(request, "organiser/schedule.html", context)


@require_GET
@organiser_page
def schedule_progress(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """The progress panel while the run is active; once it is over, htmx reloads the page."""
    run = get_object_or_404(ScheduleRun, pk=pk, expo=expo)
    response = render(
        request,
        "organiser/_run_progress.html",
        {"expo": expo, "run": run, "poll_every": PROGRESS_EVERY},
    )
    if run.status not in ACTIVE:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@organiser_page
def schedule_publish(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    run = get_object_or_404(ScheduleRun.objects.select_related("expo"), pk=pk, expo=expo)
    try:
        published = publish_schedule(run=run, by_user=acting_user(request))
    except MatchmakingError as error:
        messages.error(request, str(error))
    else:
        if published:
            messages.success(
                request,
                ngettext(
                    "%(count)d meeting published; its participants are told by e-mail.",
                    "%(count)d meetings published; their participants are told by e-mail.",
                    published,
                )
                % {"count": published},
            )
        else:
            messages.info(request, _("Every meeting was already published; nobody was e-mailed."))
    url = reverse("organiser:schedule", kwargs={"slug": expo.slug})
    return redirect(f"{url}?run={run.pk}")
