"""Negotiation sessions: the list, the form that creates one with its slots, and deletion."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.forms.organiser import SessionForm
from tradefair.matchmaking.models import NegotiationSession
from tradefair.matchmaking.queries import console
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.sessions import create_session, delete_session


@require_http_methods(["GET", "POST"])
@organiser_page
def sessions(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = SessionForm(request.POST or None, expo=expo)
    if request.method == "POST" and form.is_valid():
        try:
            session = create_session(expo=expo, by_user=acting_user(request), **form.cleaned_data)
        except MatchmakingError as error:
            form.add_error(None, str(error))
        else:
            count = session.slots.count()
            messages.success(
                request,
                ngettext(
                    "Session “%(name)s” created with %(count)d slot.",
                    "Session “%(name)s” created with %(count)d slots.",
                    count,
                )
                % {"name": session.name, "count": count},
            )
            return redirect("organiser:sessions", slug=expo.slug)
    slots, table_slots = console.slot_capacity(expo)
    context = {
        "expo": expo,
        "form": form,
        "sessions": list(console.sessions(expo)),
        "slot_total": slots,
        "table_slots": table_slots,
        "language_links": language_links(request),
    }
    return render(request, "organiser/sessions.html", context)


@require_POST
@organiser_page
def session_delete(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    session = get_object_or_404(NegotiationSession.objects.select_related("expo"), pk=pk, expo=expo)
    try:
        deleted = delete_session(session=session, by_user=acting_user(request))
    except MatchmakingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext(
                "Session “%(name)s” deleted with its %(count)d slot.",
                "Session “%(name)s” deleted with its %(count)d slots.",
                deleted,
            )
            % {"name": session.name, "count": deleted},
        )
    return redirect("organiser:sessions", slug=expo.slug)
