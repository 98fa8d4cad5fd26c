"""The exhibitor's booth panel: naming or dropping a competitor its booth must not touch.
Thin: the rule lives in ``booths.services.bookings``."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradefair.booths.services.bookings import set_competitor
from tradefair.booths.services.errors import BoothError
from tradefair.matchmaking.views.exhibitor import HtmxHttpRequest, Portal, exhibitor_view
from tradefair.organisations.models import Participation


@require_POST
@exhibitor_view
def competitor(request: HtmxHttpRequest, portal: Portal) -> HttpResponse:
    other = (
        Participation.objects.filter(expo=portal.expo, pk=request.POST.get("other") or 0)
        .select_related("organisation")
        .first()
    )
    keep_apart = request.POST.get("keep_apart") == "1"
    if other is None:
        messages.error(request, _("Choose an exhibitor from the list."))
    else:
        try:
            set_competitor(
                participation=portal.exhibitor,
                other=other,
                keep_apart=keep_apart,
                by_user=portal.user,
            )
        except BoothError as refused:
            messages.error(request, str(refused))
        else:
            done = (
                _("%(name)s will not be placed next to your booth.")
                if keep_apart
                else _("%(name)s is no longer kept apart from your booth.")
            )
            messages.success(request, done % {"name": other.organisation.display_name})
    return redirect("exhibitor:home", portal.expo.slug)
