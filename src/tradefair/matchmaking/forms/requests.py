"""Forms of the meeting-request pages: asking for a meeting, declining one."""

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.matchmaking.models import MeetingRequest

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# One list for the buyer's request and the exhibitor's invitation, so both sides read the
# same words for the same number (the invitation had its own, in the other order).
PRIORITIES = [
    (5, _("5 · must meet")),
    (4, _("4 · very important")),
    (3, _("3 · important")),
    (2, _("2 · useful")),
    (1, _("1 · nice to have")),
]


def priority_field(*, initial: int, help_text: "StrOrPromise") -> forms.TypedChoiceField:
    """The priority a request carries, 1 to 5, with the same refusal on every form."""
    return forms.TypedChoiceField(
        label=_("Priority"),
        choices=PRIORITIES,
        coerce=int,
        initial=initial,
        help_text=help_text,
        error_messages={
            "invalid_choice": _("Choose a priority from 1 to 5."),
            "required": _("Choose a priority from 1 to 5."),
        },
    )


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MeetingRequest._meta.get_field("message").max_length,
        help_text=_("What you would like to discuss: products, volumes, markets."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    priority = priority_field(
        initial=3,
        help_text=_("The scheduler serves higher priorities first when tables run short."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the exhibitor)"),
        required=False,
        max_length=MeetingRequest._meta.get_field("decline_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
