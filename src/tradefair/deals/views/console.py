"""The organisers' deals: the register with its review queue, recording one deal, the file
import and export, and the exchange rates. Thin: every decision is the services'."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.deals.forms.console import DealForm, DealsFileForm, RateForm, choices_for
from tradefair.deals.forms.reading import show_refusal
from tradefair.deals.models import Deal
from tradefair.deals.queries.console import deals_for_review, rates, review_counts
from tradefair.deals.services import recording
from tradefair.deals.services.errors import DealError
from tradefair.deals.services.exports import export_deals
from tradefair.deals.services.imports import MAX_ROWS, ImportResult
from tradefair.deals.services.imports_parse import COLUMNS, REQUIRED
from tradefair.deals.services.rates import set_rate
from tradefair.deals.tasks import run_deals_import
from tradefair.expos.models import Expo
from tradefair.expos.paging import paginate
from tradefair.expos.parsing import whole_number
from tradefair.expos.presentation import language_links
from tradefair.organisations.models import ImportJob
from tradefair.organisations.queries import import_progress
from tradefair.organisations.services.import_jobs import give_up_on_dead_imports, queue_import

RELOAD_EVERY = 2  # seconds between reloads of an import's page while the worker has it
# Deals a page of the register shows: the import takes 5,000 at a time, each with its parties.
REGISTER_PAGE = 100


def _render(request: HttpRequest, expo: Expo, template: str, **context: object) -> HttpResponse:
    base = {"expo": expo, "language_links": language_links(request)}
    return render(request, f"deals/console/{template}", {**base, **context})


@require_GET
@organiser_page
def register(request: HttpRequest, expo: Expo) -> HttpResponse:
    review = request.GET.get("review", "")
    counts = review_counts(expo)
    return _render(
        request,
        expo,
        "register.html",
        listing=paginate(deals_for_review(expo, review), request.GET.get("page"), REGISTER_PAGE),
        tabs=[(value, label, counts[value]) for value, label in Deal.Review.choices],
        review=review if review in Deal.Review.values else "",
    )


@require_POST
@organiser_page
def review(request: HttpRequest, expo: Expo, pk: int, action: str) -> HttpResponse:
    services = {"approve": recording.approve_deal, "reject": recording.reject_deal}
    if action not in services:
        raise Http404
    deal = get_object_or_404(Deal, expo=expo, pk=pk)
    try:
        services[action](deal=deal, by_user=acting_user(request))
    except DealError as refused:
        messages.error(request, str(refused))
    else:
        done = _("%(reference)s approved.") if action == "approve" else _("%(reference)s rejected.")
        messages.success(request, done % {"reference": deal.reference})
    return redirect("deals_console:register", expo.slug)


@require_http_methods(["GET", "POST"])
@organiser_page
def record(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = DealForm(request.POST if request.method == "POST" else None, choices=choices_for(expo))
    if request.method == "POST" and form.is_valid():
        try:
            deal = recording.record_deal(
                expo=expo, data=form.deal_input(), by_user=acting_user(request)
            )
        except DealError as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("%(reference)s recorded.") % {"reference": deal.reference})
            return redirect("deals_console:register", expo.slug)
    return _render(request, expo, "record.html", form=form)


@require_http_methods(["GET", "POST"])
@organiser_page
def upload(request: HttpRequest, expo: Expo) -> HttpResponse:
    """The upload form; a file goes to the worker, and ``?job=`` shows that import: its
    progress (the page reloads itself), then what it did or every cell to fix."""
    form = DealsFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        queued = queue_import(
            expo=expo,
            kind=ImportJob.Kind.DEALS,
            upload=form.cleaned_data["file"],
            by_user=acting_user(request),
            task=run_deals_import,
        )
        return redirect(f"{reverse('deals_console:import', args=[expo.slug])}?job={queued.pk}")
    job = _job(expo, request.GET.get("job"))
    return _render(
        request,
        expo,
        "import.html",
        form=form,
        job=job,
        activity=import_progress.activity(job) if job else None,
        summary=_summary(expo, job) if job and job.imported else "",
        reload_every=RELOAD_EVERY if job and job.active else None,
        columns=COLUMNS,
        required=REQUIRED,
        max_rows=MAX_ROWS,
    )


def _job(expo: Expo, pk: str | None) -> ImportJob | None:
    """The edition's deals import ``pk``; one whose worker died is given up on first."""
    found = whole_number(pk) if pk else None
    if found is None:
        return None
    job = get_object_or_404(ImportJob, pk=found, expo=expo, kind=ImportJob.Kind.DEALS)
    if job.active and give_up_on_dead_imports():
        job.refresh_from_db()
    return job


def _summary(expo: Expo, job: ImportJob) -> str:
    """What the import did, in the reader's words (the job keeps the counts)."""
    return ImportResult(
        expo=expo.slug,
        created=job.created_count or 0,
        updated=job.updated_count or 0,
        unchanged=job.unchanged_count or 0,
    ).summary()


@require_GET
@organiser_page
def download(request: HttpRequest, expo: Expo, suffix: str) -> HttpResponse:
    if suffix not in ("csv", "xlsx"):
        raise Http404
    exported = export_deals(expo=expo, filename=f"{expo.slug}-deals.{suffix}")
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@require_http_methods(["GET", "POST"])
@organiser_page
def exchange_rates(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = RateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            set_rate(
                expo=expo,
                currency=data["currency"],
                usd=data["usd"],
                cny=data["cny"],
                as_of=data["as_of"],
                by_user=acting_user(request),
            )
        except DealError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(request, _("Rate of %(code)s saved.") % {"code": data["currency"]})
            return redirect("deals_console:rates", expo.slug)
    return _render(request, expo, "rates.html", form=form, rates=rates(expo))
