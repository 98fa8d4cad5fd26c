"""An exhibitor's answers to buyers: the reason for declining a request, and an invitation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.matchmaking.forms.requests import priority_field
from tradefair.matchmaking.models import MeetingRequest


class DeclineForm(forms.Form):
    """The buyer is told why: a decline without a reason is refused."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=MeetingRequest._meta.get_field("decline_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The buyer receives this by e-mail, e.g. “We do not export to your market.”"),
        error_messages={
            "required": _("Please tell the buyer why you decline: write a short reason."),
        },
    )

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(
                _("Please tell the buyer why you decline: write a short reason."),
                code="required",
            )
        return reason


class InvitationForm(forms.Form):
    """What an exhibitor writes when asking a buyer to meet."""

    message = forms.CharField(
        label=_("Message to the buyer"),
        required=False,
        max_length=MeetingRequest._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you offer them and why a meeting is worth their time."),
    )
    priority = priority_field(
        initial=1,
        help_text=_("Meetings with a higher priority count more when the schedule is made."),
    )
