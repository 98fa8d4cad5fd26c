"""Meeting settings, shared by the buyer and exhibitor portals (``role`` comes from the URL).

Languages spoken, the most meetings wanted, who goes to the meetings and the slots a participant
can attend; the write is
``services.profiles.update_meeting_profile``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tradefair.matchmaking.forms.profile import MeetingSettingsForm, initial_settings, slot_days
from tradefair.matchmaking.models import Availability, MeetingProfile, Slot
from tradefair.matchmaking.queries.attendees import colleagues
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.profiles import MEETING_ROLES, update_meeting_profile
from tradefair.matchmaking.views.portal_access import acting_for, portal_page


@login_required
@require_http_methods(["GET", "POST"])
def meeting_settings(request: HttpRequest, slug: str, role: str) -> HttpResponse:
    if role not in MEETING_ROLES:
        raise Http404("No meeting settings for this role.")
    expo, participation, user = acting_for(request, slug, role)
    profile = MeetingProfile.objects.filter(participation=participation).first()
    languages = profile.languages if profile else []
    max_meetings = profile.max_meetings if profile else None
    available = list(
        Availability.objects.filter(participation=participation).values_list("slot_id", flat=True)
    )
    members = colleagues(participation)
    attendees = list(profile.attendees.values_list("pk", flat=True)) if profile else []
    days = slot_days(Slot.objects.filter(expo=expo).only("pk", "start", "end"), expo.time_zone)
    form = MeetingSettingsForm(
        request.POST if request.method == "POST" else None,
        days=days,
        stored_languages=languages,
        members=members,
        initial=initial_settings(
            languages=languages,
            max_meetings=max_meetings,
            available=available,
            days=days,
            attendees=attendees,
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_meeting_profile(
                participation=participation,
                languages=form.cleaned_data["languages"],
                max_meetings=form.cleaned_data["max_meetings"],
                slot_ids=form.cleaned_data["slot_ids"],
                by_user=user,
                attendees=[int(pk) for pk in form.cleaned_data["attendees"]],
            )
        except MatchmakingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your meeting settings are saved."))
            return redirect(request.path)
    # The page sits in the portal's own layout ("buyer/_layout.html" or
    # "exhibitor/_layout.html"), which reads the participation under the role's name.
    context = {
        "expo": expo,
        "participation": participation,
        role: participation,
        "role": role,
        "layout": f"{role}/_layout.html",
        "form": form,
        "every_slot": not available,
        "several_members": len(members) > 1,
        "agenda_url": reverse("agenda:index", kwargs={"slug": expo.slug}),
        "settings_url": request.path,
    }
    status = 400 if request.method == "POST" else 200
    return portal_page(request, "portal/settings.html", context, status=status)
