"""Must-meet pairs: find a buyer and an exhibitor by name, pair them, list the pairs.

The name searches are a plain GET form; with htmx each box refreshes its own candidates as
the organiser types (the same view returns only that partial). The candidates are radio
buttons inside the POST form, with the search text beside them, so a refused pairing shows
the same choices again.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.paging import paginate
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.forms.organiser import MustMeetForm
from tradefair.matchmaking.queries import console
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.requests import add_must_meet
from tradefair.organisations.models import Participation

ROLES = (Participation.Role.BUYER, Participation.Role.EXHIBITOR)


def _picker(expo: Expo, role: str, data: dict[str, str]) -> dict[str, object]:
    text = data.get(f"{role}_q", "")
    return {
        "role": role,
        "text": text,
        "candidates": console.candidates(expo, role=role, text=text),
        "chosen": data.get(role, ""),
    }


@require_http_methods(["GET", "POST"])
@organiser_page
def must_meet(request: HttpRequest, expo: Expo) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    form = MustMeetForm(request.POST or None, expo=expo)
    if request.method == "POST" and form.is_valid():
        buyer, exhibitor = form.cleaned_data["buyer"], form.cleaned_data["exhibitor"]
        try:
            pair = add_must_meet(buyer=buyer, exhibitor=exhibitor, by_user=acting_user(request))
        except MatchmakingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(buyer)s must meet %(exhibitor)s (request %(id)s).")
                % {
                    "buyer": buyer.organisation.display_name,
                    "exhibitor": exhibitor.organisation.display_name,
                    "id": pair.pk,
                },
            )
            return redirect("organiser:must_meet", slug=expo.slug)
    context = {
        "expo": expo,
        "form": form,
        "pickers": [_picker(expo, role, data) for role in ROLES],
        "pairs": paginate(console.must_meet_pairs(expo), request.GET.get("page")),
        "language_links": language_links(request),
    }
    return render(request, "organiser/must_meet.html", context)


@require_GET
@organiser_page
def must_meet_search(request: HttpRequest, expo: Expo, role: str) -> HttpResponse:
    """The candidates of one side, for htmx (``role`` is ``buyer`` or ``exhibitor``)."""
    if role not in ROLES:
        raise Http404("No such side.")
    context = {"expo": expo, "picker": _picker(expo, role, request.GET)}
    return render(request, "organiser/_candidates.html", context)
