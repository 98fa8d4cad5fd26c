"""The organisers' review of applications: the filtered list with bulk decisions and possible
duplicates flagged, and one application with its decision form. Thin: the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.parsing import whole_number
from tradefair.expos.presentation import language_links
from tradefair.organisations.models import Organisation
from tradefair.registration.forms import BulkForm, DecisionForm
from tradefair.registration.models import Application
from tradefair.registration.queries import console
from tradefair.registration.queries.duplicates import duplicates
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.review import BulkRefused, decide, decide_many


def _render(request: HttpRequest, expo: Expo, template: str, **context: object) -> HttpResponse:
    base = {"expo": expo, "language_links": language_links(request)}
    return render(request, f"registration/console/{template}", {**base, **context})


def _filters(request: HttpRequest) -> console.Filters:
    delegation = request.GET.get("delegation", "")
    return console.Filters(
        status=request.GET.get("status", "") if request.GET.get("status") in
        Application.Status.values else "",
        kind=request.GET.get("kind", "") if request.GET.get("kind") in
        Application.Kind.values else "",
        delegation=whole_number(delegation),
        query=request.GET.get("q", "")[:100],
    )  # fmt: skip


@require_http_methods(["GET", "POST"])
@organiser_page
def applications(request: HttpRequest, expo: Expo) -> HttpResponse:
    bulk = None
    if request.method == "POST":
        ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
        bulk = BulkForm(request.POST, ids=ids)
        if bulk.is_valid():
            try:
                done = decide_many(
                    expo=expo,
                    ids=bulk.cleaned_data["ids"],
                    decision=bulk.cleaned_data["decision"],
                    message=bulk.cleaned_data["message"],
                    by_user=acting_user(request),
                )
            except BulkRefused as refused:
                bulk.add_error(None, _("Nothing was decided:"))
                for name, reason in refused.refusals:
                    bulk.add_error(None, f"{name}: {reason}")
            except RegistrationError as refused:
                bulk.add_error(
                    refused.field if refused.field in bulk.fields else None, str(refused)
                )
            else:
                count = len(done)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s application decided.", "%(count)s applications decided.", count
                    )
                    % {"count": count},
                )
                return redirect(request.get_full_path())
    filters = _filters(request)
    return _render(
        request,
        expo,
        "list.html",
        listing=console.listing(expo, filters, request.GET.get("page")),
        filters=filters,
        statuses=Application.Status.choices,
        kinds=Application.Kind.choices,
        delegations=console.delegations(expo),
        bulk=bulk or BulkForm(ids=[]),
    )


@require_http_methods(["GET", "POST"])
@organiser_page
def application(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Application.objects.select_related("country", "link__delegation__partner__organisation"),
        expo=expo,
        pk=pk,
    )
    candidates = duplicates([found]).get(found.pk, [])
    attachable = [(c.organisation, c.name) for c in candidates if c.organisation is not None]
    form = DecisionForm(request.POST or None, candidates=attachable)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["organisation"]
        try:
            decide(
                application=found,
                decision=form.cleaned_data["decision"],
                message=form.cleaned_data["message"],
                organisation=Organisation.objects.get(pk=chosen) if chosen else None,
                by_user=acting_user(request),
            )
        except RegistrationError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(request, _("Decision recorded; the applicant has been told."))
            return redirect("registration_console:application", expo.slug, found.pk)
    return _render(
        request,
        expo,
        "application.html",
        application=found,
        people=found.people.all(),
        summary=console.summary(found),
        candidates=candidates,
        form=form,
    )
