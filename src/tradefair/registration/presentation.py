"""A badge as people see it: the names in both scripts, organisation, country, the role's
colour and the QR code, on the portal's page and on the printed A6 card alike."""

from __future__ import annotations

from dataclasses import dataclass

import segno
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tradefair.expos.names import country_name
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge
from tradefair.registration.services.badges import token

# Colours that print well and stay distinct in common colour blindness; text stays white.
ROLE_COLOURS = {
    Participation.Role.BUYER: "#1f5fa8",
    Participation.Role.EXHIBITOR: "#1d7a46",
    Participation.Role.DELEGATE: "#6b3fa0",
    Participation.Role.INVESTOR: "#0f6f75",
    Participation.Role.PARTNER: "#b3541e",
}


@dataclass(frozen=True)
class BadgeView:
    badge: Badge
    name: str
    name_latin: str  # empty when the name is already in Latin letters
    organisation: str
    # The organisation's name in its own language and script, printed under the other (in its
    # font) when the reader's name for it is another; "" otherwise.
    organisation_local: str
    organisation_local_lang: str
    country: str
    role: str
    colour: str
    token: str

    def qr_svg(self, scale: int = 4) -> SafeString:
        # segno's own markup from a signed token we made: nothing a user typed is in it.
        return mark_safe(
            segno.make(self.token, error="m").svg_inline(scale=scale, title=_("Badge code"))
        )

    def qr_png(self) -> str:
        return str(segno.make(self.token, error="m").png_data_uri(scale=6, border=2))


def badge_view(badge: Badge) -> BadgeView:
    participation = badge.participation
    organisation = participation.organisation
    language = get_language() or "en"
    local = organisation.name_local if organisation.name_local != organisation.display_name else ""
    return BadgeView(
        badge=badge,
        name=badge.name,
        name_latin="" if badge.name_latin == badge.name else badge.name_latin,
        organisation=organisation.display_name,
        organisation_local=local,
        organisation_local_lang=organisation.name_local_language if local else "",
        country=country_name(organisation.country_id, language, organisation.country_id),
        role=participation.get_role_display(),
        colour=ROLE_COLOURS.get(Participation.Role(participation.role), "#444444"),
        token=token(badge),
    )
