"""Speakers of an activity: added and listed on its edit page, edited and removed one by one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.programme.forms.organiser import ActivityForm, SpeakerForm
from tradefair.programme.models import Speaker
from tradefair.programme.queries import console
from tradefair.programme.queries.conflicts import conflicts_of
from tradefair.programme.services.activities import add_speaker, remove_speaker, update_speaker
from tradefair.programme.services.errors import ProgrammeError
from tradefair.programme.views.organiser_activities import get_activity


def _speaker(expo: Expo, pk: int, speaker_pk: int) -> Speaker:
    related = ("activity__expo", "activity__room", "organisation", "user")
    return get_object_or_404(
        Speaker.objects.select_related(*related),
        pk=speaker_pk,
        activity_id=pk,
        activity__expo=expo,
    )


@require_POST
@organiser_page
def speaker_add(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """Add from the activity's page; a refused form comes back on that page with the values."""
    activity = get_activity(expo, pk)
    form = SpeakerForm(request.POST, expo=expo, prefix="speaker")
    if form.is_valid():
        try:
            speaker = add_speaker(
                activity=activity, by_user=acting_user(request), **form.service_values()
            )
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was added.") % {"name": speaker.name})
            return redirect("programme_organiser:activity_edit", slug=expo.slug, pk=activity.pk)
    context = {
        "expo": expo,
        "activity": activity,
        "form": ActivityForm(expo=expo, initial=ActivityForm.initial_for(activity)),
        "speakers": list(console.speakers(activity)),
        "speaker_form": form,
        "conflicts": conflicts_of(expo, activity_ids=[activity.pk]),
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/activity_edit.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def speaker_edit(request: HttpRequest, expo: Expo, pk: int, speaker_pk: int) -> HttpResponse:
    speaker = _speaker(expo, pk, speaker_pk)
    form = SpeakerForm(request.POST or None, expo=expo, initial=SpeakerForm.initial_for(speaker))
    if request.method == "POST" and form.is_valid():
        try:
            update_speaker(speaker=speaker, by_user=acting_user(request), **form.service_values())
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was updated.") % {"name": speaker.name})
            return redirect("programme_organiser:activity_edit", slug=expo.slug, pk=pk)
    context = {
        "expo": expo,
        "activity": speaker.activity,
        "speaker": speaker,
        "form": form,
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/speaker_edit.html", context)


@require_POST
@organiser_page
def speaker_remove(request: HttpRequest, expo: Expo, pk: int, speaker_pk: int) -> HttpResponse:
    speaker = _speaker(expo, pk, speaker_pk)
    try:
        remove_speaker(speaker=speaker, by_user=acting_user(request))
    except ProgrammeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s was removed.") % {"name": speaker.name})
    return redirect("programme_organiser:activity_edit", slug=expo.slug, pk=pk)
