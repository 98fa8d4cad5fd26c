"""The programme console: activities by day with their conflicts; create, edit, publish, cancel."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.programme.forms.organiser import ActivityForm, SpeakerForm
from tradefair.programme.models import Activity
from tradefair.programme.models.registrations import TOLD_OF_CANCELLATION
from tradefair.programme.queries import console
from tradefair.programme.queries.conflicts import conflicts_of
from tradefair.programme.services.activities import (
    NeedsConfirmation,
    cancel_activity,
    create_activity,
    publish_activity,
    update_activity,
)
from tradefair.programme.services.errors import ProgrammeError


def get_activity(expo: Expo, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.select_related("expo", "room__hall"), pk=pk, expo=expo
    )


@require_GET
@organiser_page
def activities(request: HttpRequest, expo: Expo) -> HttpResponse:
    rows = list(console.activities(expo))
    context = {
        "expo": expo,
        "days": console.by_day(rows, expo),
        "count": len(rows),
        "conflicts": conflicts_of(expo),
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/activities.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def activity_create(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = ActivityForm(request.POST or None, expo=expo)
    if request.method == "POST" and form.is_valid():
        try:
            activity = create_activity(expo=expo, by_user=acting_user(request), **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” was saved as a draft: add its speakers, then publish it.")
                % {"title": activity.title},
            )
            return redirect("programme_organiser:activity_edit", slug=expo.slug, pk=activity.pk)
    context = {"expo": expo, "form": form, "language_links": language_links(request)}
    return render(request, "programme/organiser/activity_create.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def activity_edit(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    activity = get_activity(expo, pk)
    form = ActivityForm(request.POST or None, expo=expo, initial=ActivityForm.initial_for(activity))
    if request.method == "POST" and form.is_valid():
        try:
            update_activity(activity=activity, by_user=acting_user(request), **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("“%(title)s” was saved.") % {"title": form.cleaned_data["title"]}
            )
            return redirect("programme_organiser:activity_edit", slug=expo.slug, pk=activity.pk)
    context = {
        "expo": expo,
        "activity": activity,
        "form": form,
        "speakers": list(console.speakers(activity)),
        "speaker_form": SpeakerForm(expo=expo, prefix="speaker"),
        "conflicts": conflicts_of(expo, activity_ids=[activity.pk]),
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/activity_edit.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def activity_publish(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """GET shows what publishing would leave; POST publishes, asking again when it leaves any."""
    activity = get_activity(expo, pk)
    if request.method == "POST":  # the service checks the conflicts itself, under its lock
        try:
            publish_activity(
                activity=activity,
                by_user=acting_user(request),
                confirmed=request.POST.get("confirmed") == "1",
            )
        except NeedsConfirmation as error:
            found = error.conflicts
        except ProgrammeError as error:
            messages.error(request, str(error))
            return redirect("programme_organiser:activity_edit", slug=expo.slug, pk=activity.pk)
        else:
            messages.success(request, _("“%(title)s” is published.") % {"title": activity.title})
            return redirect("programme_organiser:activities", slug=expo.slug)
    else:
        found = conflicts_of(expo, activity_ids=[activity.pk])
    context = {
        "expo": expo,
        "activity": activity,
        "conflicts": found,
        "asked": request.method == "POST",
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/activity_publish.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def activity_cancel(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    """GET says who will be told; POST cancels and tells them."""
    activity = get_activity(expo, pk)
    if request.method == "POST":
        try:
            told = cancel_activity(activity=activity, by_user=acting_user(request))
        except ProgrammeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "“%(title)s” is cancelled; %(count)s registrant is told by e-mail.",
                    "“%(title)s” is cancelled; %(count)s registrants are told by e-mail.",
                    told,
                )
                % {"title": activity.title, "count": number(told)},
            )
        return redirect("programme_organiser:activities", slug=expo.slug)
    context = {
        "expo": expo,
        "activity": activity,
        "to_tell": activity.registrations.filter(status__in=TOLD_OF_CANCELLATION).count(),
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/activity_cancel.html", context)
