"""Forms of the meeting-request pages: asking for a meeting, declining one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.matchmaking.models import MeetingRequest

PRIORITIES = [
    (5, _("5 · must meet")),
    (4, _("4 · very important")),
    (3, _("3 · important")),
    (2, _("2 · useful")),
    (1, _("1 · nice to have")),
]


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MeetingRequest._meta.get_field("message").max_length,
        help_text=_("What you would like to discuss: products, volumes, markets."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=PRIORITIES,
        coerce=int,
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
