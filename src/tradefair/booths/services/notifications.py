"""E-mails about booths, in each reader's language, sent after the change commits.

Called from inside the publishing or moving transaction: messages are rendered from the rows
at hand and queued with ``transaction.on_commit`` (``expos.services.mailing``), so a rolled
back publication sends nothing. Links point at the hall's map with the booth highlighted.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from tradefair.booths.services.floor import Placed
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.services.mailing import (
    compose,
    members_by_language,
    plain_text,
    send_on_commit,
)
from tradefair.floorplan.models import Booth
from tradefair.organisations.models import Participation


def map_url(expo: Expo, hall: str, booth: str) -> str:
    path = reverse("map:hall", kwargs={"slug": expo.slug, "hall": hall})
    return f"{settings.SITE_URL}{path}?booth={booth}"


def booths_placed(expo: Expo, placed: Iterable[Placed]) -> int:
    """Tell each exhibitor with a new or moved booth where it is now; returns how many."""
    placed = list(placed)
    booths = {
        b.pk: b
        for b in Booth.objects.filter(pk__in=[p.booth for p in placed]).select_related(
            "pavilion__hall"
        )
    }
    organisations = dict(
        Participation.objects.filter(pk__in=[p.participation for p in placed]).values_list(
            "pk", "organisation_id"
        )
    )
    readers = members_by_language(organisations.values())
    messages = []
    for p in placed:
        booth = booths[p.booth]
        moved = p.before is not None

        def render(booth: Booth = booth, moved: bool = moved, before: str | None = p.before):
            hall = booth.pavilion.hall
            subject = (
                _("Your booth at %(expo)s has moved: now %(number)s")
                if moved
                else _("Your booth at %(expo)s: %(number)s")
            ) % {"expo": expo.display_name, "number": booth.number}
            body = plain_text(
                "booths/email/booth_placed.txt",
                {
                    "expo": expo.display_name,
                    "moved": moved,
                    "before": before,
                    "number": booth.number,
                    "hall": hall.display_name,
                    "pavilion": booth.pavilion.display_name,
                    "size": f"{number(booth.width_m)} × {number(booth.depth_m)} m",
                    "area": number(booth.area_m2),
                    "url": map_url(expo, hall.code, booth.number),
                },
            )
            return subject, body

        messages += compose(readers.get(organisations[p.participation], {}), render)
    send_on_commit(messages)
    return len(placed)


def booths_withdrawn(expo: Expo, participations: Iterable[int]) -> int:
    """Tell exhibitors the new plan has no booth for them (the organisers will be in touch)."""
    organisations = list(
        Participation.objects.filter(pk__in=list(participations)).values_list(
            "organisation_id", flat=True
        )
    )
    readers = members_by_language(organisations)

    def render() -> tuple[str, str]:
        subject = _("Your booth at %(expo)s was withdrawn") % {"expo": expo.display_name}
        body = plain_text("booths/email/booth_withdrawn.txt", {"expo": expo.display_name})
        return subject, body

    messages = [m for o in organisations for m in compose(readers.get(o, {}), render)]
    send_on_commit(messages)
    return len(organisations)
