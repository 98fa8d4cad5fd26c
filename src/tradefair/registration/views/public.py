"""The public application pages: choose buyer or delegate, the form (through a partner's link
or not), the thanks page with the private link, and that link's status page where a question
is answered. Thin: rules and decisions are the services'."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo
from tradefair.registration.forms import (
    ApplicationForm,
    People,
    PeopleFormSet,
    application_initial,
    people_initial,
)
from tradefair.registration.models import Application, DelegationLink
from tradefair.registration.services.applications import (
    answer_application,
    find_application,
    find_link,
    is_open,
    submit_application,
)
from tradefair.registration.services.errors import InvalidApplication, RegistrationError
from tradefair.registration.services.notifications import link_token


def _render(request: HttpRequest, expo: Expo, template: str, **context: object) -> HttpResponse:
    base = {"expo": expo, "language_links": language_links(request)}
    return render(request, f"registration/public/{template}", {**base, **context})


@require_safe
def start(request: HttpRequest, slug: str) -> HttpResponse:
    expo = public_expo(slug)
    link = _link(expo, request)
    return _render(request, expo, "start.html", open=is_open(expo), link=link)


def _link(expo: Expo, request: HttpRequest) -> DelegationLink | None:
    token = request.GET.get("via", "")[:64]
    if not token:
        return None
    link = find_link(expo, token)
    if link is None:
        raise Http404("no such invitation link")
    return link


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    expo = public_expo(slug)
    if kind not in Application.Kind.values:
        raise Http404("no such kind of application")
    link = _link(expo, request)
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, expo=expo, kind=kind)
    people = PeopleFormSet(data, prefix="people")
    if data is not None and _valid(form, people):
        try:
            _new, token = submit_application(
                expo=expo, values=form.values([p.values() for p in people]), link=link
            )
        except InvalidApplication as invalid:
            _show(form, people, invalid.problems)
        except RegistrationError as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("apply:status", expo.slug, token)
    return _render(
        request, expo, "form.html", form=form, people=people, kind=kind, link=link,
        open=is_open(expo),
    )  # fmt: skip


def _valid(form: ApplicationForm, people: People) -> bool:
    return form.is_valid() & people.is_valid()  # both, so every error shows at once


def _show(form: ApplicationForm, people: People, problems: list[tuple[str, str]]) -> None:
    """Each refusal beside its field; a person's as ``people-N-field``."""
    for field, message in problems:
        if field.startswith("people-") and field.count("-") == 2:
            _prefix, n, name = field.split("-")
            if int(n) < len(people.forms) and name in people.forms[int(n)].fields:
                people.forms[int(n)].add_error(name, message)
                continue
        form.add_error(field if field in form.fields else None, message)


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    expo = public_expo(slug)
    application = find_application(expo, token)
    if application is None:
        raise Http404("no such application")
    answering = application.status == Application.Status.MORE_INFO
    form = people = None
    if answering:
        data = request.POST if request.method == "POST" else None
        form = ApplicationForm(
            data, expo=expo, kind=application.kind, initial=application_initial(application)
        )
        people = PeopleFormSet(data, prefix="people", initial=people_initial(application))
        if data is not None and _valid(form, people):
            try:
                answer_application(
                    application=application, values=form.values([p.values() for p in people])
                )
            except InvalidApplication as invalid:
                _show(form, people, invalid.problems)
            except RegistrationError as refused:
                form.add_error(None, str(refused))
            else:
                return redirect(reverse("apply:status", args=[expo.slug, token]) + "?answered=1")
    elif request.method == "POST":
        return redirect("apply:status", expo.slug, token)
    return _render(
        request,
        expo,
        "status.html",
        application=application,
        form=form,
        people=people,
        kind=application.kind,
        token=link_token(application),
        answered=request.GET.get("answered") == "1",
    )
