"""The interpreter pool: list and add on one page, edit and remove each interpreter."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.expos.languages import language_name
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.matchmaking.forms.organiser import InterpreterForm
from tradefair.matchmaking.models import Interpreter
from tradefair.matchmaking.queries import console
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.interpreters import (
    add_interpreter,
    remove_interpreter,
    update_interpreter,
)


def _spoken(codes: list[str]) -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in codes]


@require_http_methods(["GET", "POST"])
@organiser_page
def interpreters(request: HttpRequest, expo: Expo) -> HttpResponse:
    form = InterpreterForm(request.POST or None, expo=expo)
    if request.method == "POST" and form.is_valid():
        try:
            added = add_interpreter(expo=expo, by_user=acting_user(request), **form.cleaned_data)
        except MatchmakingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s joined the pool.") % {"name": added.name})
            return redirect("organiser:interpreters", slug=expo.slug)
    pool = [(it, _spoken(it.languages)) for it in console.interpreters(expo)]
    context = {
        "expo": expo,
        "form": form,
        "pool": pool,
        "language_links": language_links(request),
    }
    return render(request, "organiser/interpreters.html", context)


@require_http_methods(["GET", "POST"])
@organiser_page
def interpreter_edit(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    interpreter = get_object_or_404(Interpreter.objects.select_related("expo"), pk=pk, expo=expo)
    initial = {
        "name": interpreter.name,
        "email": interpreter.email,
        "languages": ", ".join(interpreter.languages),
        "available_slots": list(interpreter.available_slots.values_list("pk", flat=True)),
    }
    form = InterpreterForm(request.POST or None, expo=expo, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_interpreter(
                interpreter=interpreter, by_user=acting_user(request), **form.cleaned_data
            )
        except MatchmakingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("%(name)s was updated.") % {"name": form.cleaned_data["name"]}
            )
            return redirect("organiser:interpreters", slug=expo.slug)
    context = {
        "expo": expo,
        "form": form,
        "interpreter": interpreter,
        "spoken": _spoken(interpreter.languages),
        "language_links": language_links(request),
    }
    return render(request, "organiser/interpreter_edit.html", context)


@require_POST
@organiser_page
def interpreter_remove(request: HttpRequest, expo: Expo, pk: int) -> HttpResponse:
    interpreter = get_object_or_404(Interpreter.objects.select_related("expo"), pk=pk, expo=expo)
    try:
        unscheduled = remove_interpreter(interpreter=interpreter, by_user=acting_user(request))
    except MatchmakingError as error:
        messages.error(request, str(error))
    else:
        text = _("%(name)s left the pool.") % {"name": interpreter.name}
        if unscheduled:
            text += " " + ngettext(
                "Their %(count)d unpublished meeting was removed; run the scheduler again to "
                "place it with another interpreter.",
                "Their %(count)d unpublished meetings were removed; run the scheduler again to "
                "place them with other interpreters.",
                unscheduled,
            ) % {"count": unscheduled}
        messages.success(request, text)
    return redirect("organiser:interpreters", slug=expo.slug)
