"""The published bulletin in the REST API: the same data as the page, its PDF and the
command's ``--json`` (``figures.bulletin_data``), as the organisers froze it.

Public: the press quotes it. The live figures stay with the organisers (the console and
``tradefair bulletin --json``), so a number the API gives never changes once published.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from tradefair.bulletin.queries import published
from tradefair.expos.api_inputs import ExpoSlug
from tradefair.expos.api_outputs import Out
from tradefair.organisations.api import Message, expo_or_404

router = Router(tags=["bulletin"])


class BulletinOut(Out):
    number: int
    published_at: dt.datetime
    figures: dict[str, Any]


@router.get(
    "/expos/{slug}/bulletin",
    response={200: BulletinOut, 404: Message, 422: Message},
    auth=None,
)
def latest_bulletin(request: HttpRequest, slug: ExpoSlug) -> BulletinOut:
    """The latest published bulletin: exhibitors, buyers, pavilions, the programme, the deals
    (count and value in USD and CNY by kind, size, sector and country, with the rates used),
    the funnel from meeting requests to deals, and each partner's credit."""
    expo = expo_or_404(slug, request)
    bulletin = published(expo).first()
    if bulletin is None:
        raise HttpError(404, _("The organisers have not published a bulletin yet."))
    return BulletinOut(
        number=bulletin.number, published_at=bulletin.published_at, figures=bulletin.data
    )
