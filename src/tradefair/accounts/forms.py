from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from tradefair.accounts.models import Membership
from tradefair.accounts.services.login import stored_address
from tradefair.accounts.services.password_reset import send_password_reset


class EmailLoginForm(AuthenticationForm):
    """Django's login form, its username field presented as the e-mail address it is."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address or the password is wrong."),
    }

    def clean_username(self) -> str:
        return stored_address(self.cleaned_data["username"])


class PasswordResetRequestForm(PasswordResetForm):
    """Django's form, sending through ``services.password_reset`` (links from SITE_URL, mail in
    the recipient's language)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def save(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        send_password_reset(email=self.cleaned_data["email"])


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )


class AcceptForm(forms.Form):
    """A new person picks a name and a password; someone with an account gives its password."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password_again = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, has_account: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_account = has_account
        if has_account:
            del self.fields["name"], self.fields["password_again"]
            self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        again = data.get("password_again")
        if not self.has_account and again is not None and again != data.get("password"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your e-mails"),
        choices=settings.LANGUAGES,
        help_text=_("Meeting requests, answers and schedules reach you in this language."),
    )
