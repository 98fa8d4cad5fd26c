"""The organisers' partners page: each partner's delegations with their invitation links,
places taken and quotas; a new delegation for a partner; a quota changed or a link closed."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.organisations.models import Participation
from tradefair.registration.forms import ChangeLinkForm, LinkForm
from tradefair.registration.models import DelegationLink
from tradefair.registration.queries.partner import links_by_partner
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.links import change_link, create_link


@require_http_methods(["GET", "POST"])
@organiser_page
def partners(request: HttpRequest, expo: Expo) -> HttpResponse:
    found = list(
        Participation.objects.filter(expo=expo, role=Participation.Role.PARTNER)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    choices = [(p.pk, p.organisation.display_name) for p in found]
    posted = request.POST if request.method == "POST" else None
    create = LinkForm(posted if posted and "name" in posted else None, partners=choices)
    change = ChangeLinkForm(posted if posted and "link" in posted else None)
    try:
        if create.is_bound and create.is_valid():
            data = create.cleaned_data
            create_link(
                expo=expo,
                partner=next(p for p in found if p.pk == data["partner"]),
                name=data["name"],
                name_zh=data["name_zh"],
                quota=data["quota"],
                by_user=acting_user(request),
            )
            messages.success(request, _("Delegation created: share its link with the partner."))
            return redirect("registration_console:partners", expo.slug)
        if change.is_bound and change.is_valid():
            link = get_object_or_404(DelegationLink, expo=expo, pk=change.cleaned_data["link"])
            change_link(
                link=link,
                quota=change.cleaned_data["quota"],
                is_open=change.cleaned_data["is_open"],
                by_user=acting_user(request),
            )
            messages.success(request, _("Link changed."))
            return redirect("registration_console:partners", expo.slug)
    except RegistrationError as refused:
        form = create if create.is_bound else change
        form.add_error(refused.field if refused.field in form.fields else None, str(refused))
    apply_url = request.build_absolute_uri(reverse("apply:start", args=[expo.slug]))
    links = links_by_partner(expo)
    return render(
        request,
        "registration/console/partners.html",
        {
            "expo": expo,
            "language_links": language_links(request),
            "rows": [(p, links.get(p.pk, [])) for p in found],
            "create": create,
            "change": change,
            "apply_url": apply_url,
        },
    )
