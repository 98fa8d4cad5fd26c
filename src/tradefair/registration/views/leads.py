"""An exhibitor's leads: scan a visitor's badge (scanner or camera), keep notes and a rating,
export them. Thin: the services decide who sees what."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tradefair.accounts.models import User
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.registration.forms import LeadForm, LeadScanForm
from tradefair.registration.models import Lead
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.leads import (
    exhibitor_of,
    export_leads,
    lead_rows,
    scan_lead,
    update_lead,
)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@require_http_methods(["GET", "POST"])
@login_required
def leads(request: HttpRequest, slug: str) -> HttpResponse:
    expo = public_expo(slug)
    exhibitor = exhibitor_of(_user(request), expo)
    form = LeadScanForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.cleaned_data["code"].strip():
        try:
            lead, created = scan_lead(
                expo=expo, code=form.cleaned_data["code"], by_user=_user(request)
            )
        except RegistrationError as refused:
            form.add_error("code", str(refused))
        else:
            name = lead.badge.name_latin
            messages.success(
                request,
                (
                    _("New lead: %(name)s.")
                    if created
                    else _("%(name)s is already one of your leads.")
                )
                % {"name": name},
            )
            return redirect(f"{request.path}#lead-{lead.pk}")
    rows = lead_rows(exhibitor, get_language() or "en")
    return render(
        request,
        "registration/leads.html",
        {
            "expo": expo,
            "exhibitor": exhibitor,
            "form": form,
            "rows": [(row, _lead_form(row.lead)) for row in rows],
            "language_links": language_links(request),
        },
    )


def _lead_form(lead: Lead) -> LeadForm:
    return LeadForm(initial={"notes": lead.notes, "rating": lead.rating}, prefix=f"lead-{lead.pk}")


@require_POST
@login_required
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo = public_expo(slug)
    exhibitor = exhibitor_of(_user(request), expo)
    lead = get_object_or_404(Lead, exhibitor=exhibitor, pk=pk)
    form = LeadForm(request.POST, prefix=f"lead-{pk}")
    if form.is_valid():
        try:
            update_lead(
                lead=lead,
                notes=form.cleaned_data["notes"],
                rating=form.cleaned_data["rating"],
                by_user=_user(request),
            )
        except RegistrationError as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Lead saved."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(reverse("leads:list", args=[expo.slug]) + f"#lead-{pk}")


@require_safe
@login_required
def export(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    expo = public_expo(slug)
    exhibitor = exhibitor_of(_user(request), expo)
    content = export_leads(exhibitor, get_language() or "en", kind)
    types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(content, content_type=types[kind])
    response["Content-Disposition"] = f'attachment; filename="leads-{expo.slug}.{kind}"'
    return response
