"""The admin's clock: the time zone of the editions its user runs.

Django's admin shows and reads every date-time in the active time zone, which is UTC unless
something activates another; a slot at 09:00 in Nanning was listed at 01:00 and a time typed
as 10:00 was stored as 18:00 at the fair. Every other page follows the edition's clock, so the
admin follows it too when the editions its user runs keep one zone. Someone who runs editions
in several zones keeps UTC, and the admin's header says which clock is shown either way.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import ExpoStaff
from tradefair.expos.formatting import clock_note
from tradefair.expos.models import Expo


def admin_edition(user: Any) -> Expo | None:
    """The latest of the editions ``user`` runs when they all keep one time zone, else None
    (a superuser runs them all)."""
    if not getattr(user, "is_authenticated", False) or not user.is_staff:
        return None
    editions = Expo.objects.all()
    if not user.is_superuser:
        editions = editions.filter(
            pk__in=ExpoStaff.objects.filter(user_id=user.pk).values("expo_id")
        )
    if editions.values("time_zone").distinct().count() != 1:
        return None
    return editions.order_by("-start_date", "-pk").first()


class AdminClockMiddleware:
    """Activate the edition's time zone for the admin's views (``admin_edition``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()  # a worker thread serves the next request on UTC again

    def process_view(self, request: HttpRequest, *_args: Any) -> None:
        match = request.resolver_match
        if match is None or "admin" not in match.namespaces:
            return
        expo = admin_edition(request.user)
        if expo is None:
            request.admin_clock = _("All times are UTC.")  # type: ignore[attr-defined]
            return
        timezone.activate(expo.time_zone)
        request.admin_clock = clock_note(expo)  # type: ignore[attr-defined]
