"""Meetings of the edition: filter and page through them, record attendance, move one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.paging import paginate_ids
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.forms.organiser import MeetingFilterForm, MoveForm, slot_label
from tradefair.matchmaking.models import Meeting
from tradefair.matchmaking.queries import console
from tradefair.matchmaking.services.booking import mark_held, mark_no_show, move_meeting
from tradefair.matchmaking.services.errors import MatchmakingError

MARKS = {"held": mark_held, "no_show": mark_no_show}


def _meeting(expo: Expo, pk: int) -> Meeting:
    related = ("expo", "slot__session", "buyer__organisation", "exhibitor__organisation")
    return get_object_or_404(Meeting.objects.select_related(*related), pk=pk, expo=expo)


def _back(request: HttpRequest, expo: Expo) -> HttpResponse:
    """Return to the filtered page the button was pressed on (a local address only)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("organiser:meetings", slug=expo.slug)


@require_GET
@organiser_page
def meetings(request: HttpRequest, expo: Expo) -> HttpResponse:
    sessions = list(console.sessions_to_choose(expo))
    filters = MeetingFilterForm(request.GET, expo=expo, sessions=sessions)
    listing = paginate_ids(
        console.meetings(expo, filters.filters()), console.meeting_rows, request.GET.get("page")
    )
    context = {
        "expo": expo,
        "filters": filters,
        "listing": listing,
        "language_links": language_links(request),
    }
    return render(request, "organiser/meetings.html", context)


@require_POST
@organiser_page
def meeting_mark(request: HttpRequest, expo: Expo, pk: int, outcome: str) -> HttpResponse:
    """Record a meeting as held or as a no-show (``outcome`` picks which)."""
    meeting = _meeting(expo, pk)
    mark = MARKS.get(outcome)
    if mark is None:
        messages.error(request, _("Unknown outcome."))
        return _back(request, expo)
    try:
        mark(meeting=meeting, by_user=acting_user(request))
    except MatchmakingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(buyer)s – %(exhibitor)s: %(status)s.")
            % {
                "buyer": meeting.buyer.organisation.display_name,
                "exhibitor": meeting.exhibitor.organisation.display_name,
                "status": meeting.get_status_display(),
            },
        )
    return _back(request, expo)


@require_http_methods(["GET", "POST"])
@organiser_page
def meeting_move(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    meeting = _meeting(expo, pk)
    form = MoveForm(
        request.POST or None,
        expo=expo,
        initial={"slot": meeting.slot_id, "table_number": meeting.table_number},
    )
    if request.method == "POST" and form.is_valid():
        try:
            moved = move_meeting(
                meeting=meeting,
                slot=form.cleaned_data["slot"],
                table_number=form.cleaned_data["table_number"],
                by_user=acting_user(request),
            )
        except MatchmakingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The meeting is now at %(slot)s, table %(table)s.")
                % {"slot": slot_label(moved.slot), "table": moved.table_number},
            )
            return redirect("organiser:meetings", slug=expo.slug)
    context = {
        "expo": expo,
        "meeting": meeting,
        "form": form,
        "slot": slot_label(meeting.slot),
        "language_links": language_links(request),
    }
    return render(request, "organiser/meeting_move.html", context)
