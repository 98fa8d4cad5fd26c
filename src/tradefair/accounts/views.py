"""Logging in and out, accepting an invitation, the account page and an organisation admin's,
the portal chooser, setting a new password by e-mail and the lock-out page.

Thin: permission checks come from ``services.roles``, changes from ``services.invitations``,
``services.preferences``, ``services.password_reset`` and ``services.lockout``, where to land
from ``queries.portals``. Logging in and accepting an invitation remember the language the page
was shown in as the person's language for e-mails; the account page changes it.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import (
    LoginView,
    LogoutView,
    PasswordResetCompleteView,
    PasswordResetConfirmView,
    PasswordResetDoneView,
    PasswordResetView,
)
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tradefair.accounts.forms import (
    AcceptForm,
    EmailLoginForm,
    InviteForm,
    LanguageForm,
    PasswordResetRequestForm,
)
from tradefair.accounts.models import Invitation, Membership, User
from tradefair.accounts.queries.portals import landing_url, portals_of
from tradefair.accounts.services.invitations import (
    InvitationError,
    accept_invitation,
    find_open_invitation,
    invite_colleague,
)
from tradefair.accounts.services.lockout import clear_lockout, lockout_message
from tradefair.accounts.services.preferences import set_language
from tradefair.accounts.services.roles import is_organisation_admin
from tradefair.expos.names import one_full_stop
from tradefair.expos.presentation import language_links
from tradefair.organisations.models import Organisation, Participation


class WithLanguageLinks:
    """Django's auth views, with the language switch pointing at the page they show."""

    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        return {**context, "language_links": language_links(self.request)}


class EmailLoginView(WithLanguageLinks, LoginView):
    """A safe ``?next=`` wins; otherwise people land where they work (``queries.portals``)."""

    form_class = EmailLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)

    def form_valid(self, form: EmailLoginForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        set_language(user=form.get_user(), language=get_language() or "")
        return response


login_view = EmailLoginView.as_view()
logout_view = LogoutView.as_view(next_page="expos:list")


class SetPasswordView(WithLanguageLinks, PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        clear_lockout(form.user)
        return response


class ResetRequestView(WithLanguageLinks, PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class ResetSentView(WithLanguageLinks, PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class ResetCompleteView(WithLanguageLinks, PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# Unknown addresses get the same "sent" page as known ones (services.password_reset).
password_reset = ResetRequestView.as_view()
password_reset_done = ResetSentView.as_view()
password_reset_confirm = SetPasswordView.as_view()
password_reset_complete = ResetCompleteView.as_view()


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any = None
) -> HttpResponse:
    """django-axes' answer to a locked-out log-in (``AXES_LOCKOUT_CALLABLE``).

    The API's token endpoint answers its own 429 in JSON; that answer is kept as it is.
    """
    if original_response is not None and original_response.status_code == 429:
        return original_response
    return _page(request, "accounts/locked_out.html", {"message": lockout_message()}, status=429)


@login_required
def portals(request: HttpRequest) -> HttpResponse:
    """The chooser for people with several portals: each with its edition and organisation."""
    found = portals_of(request.user)
    if not found:
        return redirect("accounts:home")
    return _page(request, "accounts/portals.html", {"portals": found})


@login_required
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in person's organisations, roles, staff duties and language for e-mails."""
    user = _user(request)
    form = LanguageForm(request.POST or None, initial={"language": user.language})
    if request.method == "POST" and form.is_valid():
        set_language(user=user, language=form.cleaned_data["language"])
        messages.success(
            request,
            _("E-mails will be written in %(language)s.")
            % {"language": user.get_language_display()},
        )
        return redirect("accounts:home")
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "organisation__participations",
                queryset=Participation.objects.select_related("expo").order_by(
                    "-expo__start_date", "role"
                ),
            )
        )
        .order_by("organisation__name")
    )
    staff_of = user.staff_of.select_related("expo").order_by("-expo__start_date")
    return _page(
        request,
        "accounts/home.html",
        {"memberships": memberships, "staff_of": staff_of, "language_form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    """Members and open invitations of one organisation, with the form to invite a colleague.

    Another organisation's page is a 404 (its existence is not confirmed); a member who is not
    an admin gets 403.
    """
    user = _user(request)
    org = get_object_or_404(Organisation.objects.filter(memberships__user=user), pk=pk)
    if not is_organisation_admin(user, org):
        raise PermissionDenied(_("Only the organisation's admins see this page."))
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, created = invite_colleague(
                organisation=org,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by_user=user,
                base_url=request.build_absolute_uri("/"),
            )
        except InvitationError as exc:
            form.add_error("email", str(exc))
        else:
            text = (
                _("Invitation sent to %(email)s.")
                if created
                else _("%(email)s already has an open invitation.")
            )
            messages.success(request, text % {"email": invitation.email})
            return redirect("accounts:organisation", pk=org.pk)
    members = org.memberships.select_related("user").order_by("user__email")
    invitations = Invitation.objects.filter(organisation=org, accepted_at__isnull=True).order_by(
        "email"
    )
    return _page(
        request,
        "accounts/organisation.html",
        {"organisation": org, "members": members, "invitations": invitations, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation and log in; a used, expired or unknown link gets a 404 page."""
    invitation = find_open_invitation(token)
    if invitation is None:
        return _page(request, "accounts/invitation_invalid.html", status=404)
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    form = AcceptForm(request.POST or None, has_account=has_account)
    if request.method == "POST" and form.is_valid():
        try:
            user = accept_invitation(
                token=token,
                password=form.cleaned_data["password"],
                name=form.cleaned_data.get("name", ""),
                language=get_language() or "",
            )
        except InvitationError as exc:
            form.add_error(None, str(exc))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                one_full_stop(
                    _("Welcome to %(organisation)s.")
                    % {"organisation": invitation.organisation.display_name}
                ),
            )
            return redirect("accounts:home")
    return _page(
        request,
        "accounts/accept.html",
        {"invitation": invitation, "form": form, "has_account": has_account},
        status=400 if request.method == "POST" else 200,
    )


def _user(request: HttpRequest) -> User:
    """The logged-in user of a ``login_required`` view."""
    assert isinstance(request.user, User)
    return request.user


def _page(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """Render with the language switch pointing at this page rather than the edition list."""
    context = {**(context or {}), "language_links": language_links(request)}
    return render(request, template, context, status=status)
