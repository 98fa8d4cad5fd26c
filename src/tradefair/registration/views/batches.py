"""The organisers' badge printing: queue a batch for the print shop (a role, a delegation, only
new or replaced badges), watch it being drawn in the worker, download its PDF."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.organisations.models import Delegation
from tradefair.registration.forms import BatchForm
from tradefair.registration.models import BadgeBatch
from tradefair.registration.services.batches import queue_batch
from tradefair.registration.services.errors import RegistrationError


@require_http_methods(["GET", "POST"])
@organiser_page
def batches(request: HttpRequest, expo: Expo) -> HttpResponse:
    delegations = list(Delegation.objects.filter(expo=expo).order_by("name"))
    form = BatchForm(request.POST or None, delegations=[(d.pk, d.name) for d in delegations])
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["delegation"]
        try:
            queue_batch(
                expo=expo,
                by_user=acting_user(request),
                role=form.cleaned_data["role"],
                delegation=next((d for d in delegations if d.pk == chosen), None),
                only_new=form.cleaned_data["only_new"],
                language=get_language() or "en",
            )
        except RegistrationError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(request, _("The batch is being drawn; its PDF appears below."))
            return redirect("registration_console:batches", expo.slug)
    found = list(
        BadgeBatch.objects.filter(expo=expo).defer("pdf").select_related("delegation")[:20]
    )
    return render(
        request,
        "registration/console/batches.html",
        {
            "expo": expo,
            "language_links": language_links(request),
            "form": form,
            "batches": found,
            "pending": any(
                b.status in (BadgeBatch.Status.QUEUED, BadgeBatch.Status.RUNNING) for b in found
            ),
        },
    )


@require_safe
@organiser_page
def batch_pdf(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    batch = get_object_or_404(BadgeBatch, expo=expo, pk=pk, status=BadgeBatch.Status.DONE)
    response = HttpResponse(bytes(batch.pdf or b""), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="badges-{expo.slug}-{batch.pk}.pdf"'
    return response
