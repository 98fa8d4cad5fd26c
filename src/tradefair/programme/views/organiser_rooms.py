"""Rooms of the edition: list and add on one page, edit each."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.programme.forms.organiser import RoomForm
from tradefair.programme.models import Room
from tradefair.programme.queries import console
from tradefair.programme.services.activities import create_room, update_room
from tradefair.programme.services.errors import ProgrammeError


@require_http_methods(["GET", "POST"])
@organiser_page
def rooms(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = RoomForm(request.POST or None, expo=expo)
    if request.method == "POST" and form.is_valid():
        try:
            room = create_room(expo=expo, by_user=acting_user(request), **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was added.") % {"name": room.name})
            return redirect("programme_organiser:rooms", slug=expo.slug)
    context = {
        "expo": expo,
        "form": form,
        "rooms": list(console.rooms(expo)),
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/rooms.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def room_edit(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    room = get_object_or_404(Room.objects.select_related("expo", "hall"), pk=pk, expo=expo)
    form = RoomForm(request.POST or None, expo=expo, initial=RoomForm.initial_for(room))
    if request.method == "POST" and form.is_valid():
        try:
            update_room(room=room, by_user=acting_user(request), **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was updated.") % {"name": room.name})
            return redirect("programme_organiser:rooms", slug=expo.slug)
    context = {
        "expo": expo,
        "room": room,
        "form": form,
        "language_links": language_links(request),
    }
    return render(request, "programme/organiser/room_edit.html", context)
