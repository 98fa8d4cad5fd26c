"""The organisers' booth pages: the floor with its figures and runs, one run's proposal on
the plan with its figures and who it left out, publishing it, and moving a booth by hand.
Thin: every decision is the services'."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.booths.forms import GridForm, MoveForm, PlanFileForm, RunForm
from tradefair.booths.models import AllocationRun
from tradefair.booths.queries import console
from tradefair.booths.queries.maps import hall_map, proposal_map
from tradefair.booths.services.errors import BoothError, MoveRefused
from tradefair.booths.services.geojson_export import plan_geojson
from tradefair.booths.services.moves import Target, move_booth, set_pinned
from tradefair.booths.services.publishing import queue_publication
from tradefair.booths.services.runs import give_up_on_dead_runs, start_run
from tradefair.engine.jsonformat import dumps
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.floorplan.models import Booth, Hall
from tradefair.floorplan.services.geojson import GeoJSONError, import_units
from tradefair.floorplan.services.grid import GridError, generate_grid

POLL_EVERY = "1s"


def _render(request: HttpRequest, expo: Expo, template: str, **context: object) -> HttpResponse:
    base = {"expo": expo, "language_links": language_links(request), "poll_every": POLL_EVERY}
    return render(request, f"booths/console/{template}", {**base, **context})


def _first_hall(expo: Expo, wanted: str) -> str | None:
    codes = list(Hall.objects.filter(expo=expo).order_by("code").values_list("code", flat=True))
    return wanted if wanted in codes else (codes[0] if codes else None)


@require_http_methods(["GET", "POST"])
@organiser_page
def home(request: HttpRequest, expo: Expo) -> HttpResponse:
    give_up_on_dead_runs(expo)
    form = RunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = start_run(
                expo=expo,
                by_user=acting_user(request),
                time_limit=float(form.cleaned_data["time_limit"]),
                keep_booths=form.cleaned_data["keep_booths"],
            )
        except BoothError as refused:
            messages.error(request, str(refused))
        else:
            return redirect("booths_console:run", expo.slug, run.pk)
    code = _first_hall(expo, request.GET.get("hall", ""))
    return _render(
        request,
        expo,
        "home.html",
        form=form,
        figures=console.floor_figures(expo),
        pinned=console.pinned(expo),
        runs=console.runs(expo),
        plan=hall_map(expo, code, booth=request.GET.get("booth", "")) if code else None,
        move_url=reverse("booths_console:move", args=[expo.slug]) + "?",
    )


@require_GET
@organiser_page
def run(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    found = get_object_or_404(AllocationRun, expo=expo, pk=pk)
    code = _first_hall(expo, request.GET.get("hall", ""))
    done = found.status in (AllocationRun.Status.DONE, AllocationRun.Status.PUBLISHED)
    return _render(
        request,
        expo,
        "run.html",
        run=found,
        progress=console.progress(found),
        left_out=console.left_out(found) if done else [],
        plan=proposal_map(found, code) if done and code else None,
    )


@require_GET
@organiser_page
def run_progress(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """The progress panel alone, for htmx to poll; a full reload when the work has ended."""
    found = get_object_or_404(AllocationRun.objects.defer(*console.PROPOSAL), expo=expo, pk=pk)
    give_up_on_dead_runs(expo)
    found.refresh_from_db()
    progress = console.progress(found)
    if progress is None:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return _render(request, expo, "_progress.html", run=found, progress=progress)


@require_POST
@organiser_page
def publish(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    found = get_object_or_404(AllocationRun, expo=expo, pk=pk)
    try:
        queue_publication(run=found, by_user=acting_user(request))
    except BoothError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Run %(run)s is being published.") % {"run": found.pk})
    return redirect("booths_console:run", expo.slug, found.pk)


@require_http_methods(["GET", "POST"])
@organiser_page
def move(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = MoveForm(request.POST or None, expo=expo, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            placed = move_booth(
                participation=data["participation"],
                target=Target(data["hall"], data["x"], data["y"], data["width"]),
                by_user=acting_user(request),
                pin=data["pin"],
            )
        except MoveRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        except BoothError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, _("Booth %(number)s is in its new place.") % {"number": placed.number}
            )
            return redirect(
                reverse("booths_console:home", args=[expo.slug])
                + f"?hall={data['hall'].code}&booth={placed.number}"
            )
    return _render(request, expo, "move.html", form=form)


def _laid_out(request: HttpRequest, expo: Expo, hall: Hall, modules: int) -> HttpResponse:
    """After a grid or a plan file: say so and show the hall on the console's plan."""
    messages.success(
        request,
        _("Hall %(hall)s has %(count)s modules now.")
        % {"hall": hall.code, "count": number(modules)},
    )
    return redirect(reverse("booths_console:home", args=[expo.slug]) + f"?hall={hall.code}")


@require_http_methods(["GET", "POST"])
@organiser_page
def grid(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = GridForm(request.POST or None, expo=expo, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        hall = form.cleaned_data["hall"]
        try:
            created = generate_grid(
                hall,
                form.spec(),
                pavilion=form.cleaned_data["pavilion"],
                replace=form.cleaned_data["replace"],
            )
        except GridError as refused:
            for field, message in refused.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            return _laid_out(request, expo, hall, created)
    return _render(
        request,
        expo,
        "grid.html",
        form=form,
        plan_form=PlanFileForm(expo=expo),
        halls=console.halls(expo),
    )


@require_POST
@organiser_page
def plan_import(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = PlanFileForm(request.POST, request.FILES, expo=expo)
    if form.is_valid():
        hall = form.cleaned_data["hall"]
        try:
            created = import_units(
                hall, form.cleaned_data["file"], replace=form.cleaned_data["replace"]
            )
        except GeoJSONError as refused:
            for error in refused.errors:
                form.add_error("file", error)
        else:
            return _laid_out(request, expo, hall, created)
    return _render(
        request,
        expo,
        "grid.html",
        form=GridForm(expo=expo),
        plan_form=form,
        halls=console.halls(expo),
    )


@require_GET
@organiser_page
def plan_export(request: HttpRequest, expo: Expo, hall: str) -> HttpResponse:
    found = get_object_or_404(Hall, expo=expo, code=hall)
    response = HttpResponse(
        dumps(plan_geojson(expo, found)), content_type="application/geo+json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{expo.slug}-{found.code}.geojson"'
    return response


@require_POST
@organiser_page
def pin(request: HttpRequest, expo: Expo) -> HttpResponse:
    """Pin or unpin a booth by its number (``pinned`` = "1" or "0")."""
    number = request.POST.get("booth", "").strip()
    booth = Booth.objects.filter(expo=expo, number=number).first()
    if booth is None:
        messages.error(request, _("No booth %(number)s in this edition.") % {"number": number})
    else:
        pinned = request.POST.get("pinned") == "1"
        set_pinned(booth=booth, pinned=pinned, by_user=acting_user(request))
        done = _("Booth %(number)s is pinned.") if pinned else _("Booth %(number)s is unpinned.")
        messages.success(request, done % {"number": number})
    return redirect("booths_console:home", expo.slug)
