"""The partner's portal: its delegations' links and places, the applications it reviews first,
and its admitted members with their meetings and deals. Thin: the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tradefair.accounts.services.roles import require_organisation_of
from tradefair.expos.queries import public_expo
from tradefair.matchmaking.views.portal_access import portal_page
from tradefair.organisations.models import Participation
from tradefair.registration.forms import DecisionForm
from tradefair.registration.models import Application
from tradefair.registration.queries import console
from tradefair.registration.queries.partner import delegations_of
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.review import decide


@require_safe
@login_required
def home(request: HttpRequest, slug: str) -> HttpResponse:
    expo = public_expo(slug)
    partner = require_organisation_of(request.user, expo, Participation.Role.PARTNER)
    apply_url = request.build_absolute_uri(reverse("apply:start", args=[expo.slug]))
    return portal_page(
        request,
        "registration/partner/home.html",
        {
            "expo": expo,
            "partner": partner,
            "delegations": delegations_of(partner, request.GET.get("page")),
            "apply_url": apply_url,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def application(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    expo = public_expo(slug)
    partner = require_organisation_of(request.user, expo, Participation.Role.PARTNER)
    found = (
        Application.objects.filter(expo=expo, pk=pk, link__delegation__partner=partner)
        .select_related("country", "link__delegation__partner__organisation")
        .first()
    )
    if found is None:
        raise Http404("not an application of this partner's delegations")
    form = DecisionForm(request.POST or None, candidates=[])
    if request.method == "POST" and form.is_valid():
        try:
            decide(
                application=found,
                decision=form.cleaned_data["decision"],
                message=form.cleaned_data["message"],
                by_user=request.user,  # type: ignore[arg-type]
            )
        except RegistrationError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(request, _("Decision recorded; the applicant has been told."))
            return redirect("partner:home", expo.slug)
    form.fields["decision"].choices = [  # type: ignore[attr-defined]
        ("approve", _("Forward to the organisers")),
        *form.fields["decision"].choices[1:],  # type: ignore[attr-defined]
    ]
    return portal_page(
        request,
        "registration/partner/application.html",
        {
            "expo": expo,
            "application": found,
            "people": found.people.all(),
            "summary": console.summary(found),
            "form": form,
            "may_decide": found.status == Application.Status.WITH_PARTNER,
        },
    )
