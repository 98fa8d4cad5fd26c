"""The public exhibitor directory in the REST API (mounted by ``tradefair.api``)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from tradefair.expos.models import Expo
from tradefair.organisations.queries.directory import DirectoryFilters, directory_page

router = Router(tags=["directory"])


def expo_or_404(slug: str) -> Expo:
    """The edition called ``slug``, or a 404 that says which one was not found."""
    expo = Expo.objects.filter(slug=slug).first()
    if expo is None:
        raise HttpError(404, _("There is no expo called “%(slug)s”.") % {"slug": slug})
    return expo


class ExhibitorFilters(Schema):
    q: str = ""
    country: str = ""
    group: str = ""
    pavilion: str = ""
    sector: str = ""
    hs: str = ""
    page: int = 1


class ExhibitorOut(Schema):
    id: int
    name: str
    other_name: str
    country_code: str
    country: str
    pavilion: str
    hall: str
    booths: list[str]
    sectors: list[str]


class ExhibitorPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ExhibitorOut]


class Message(Schema):
    detail: str


@router.get("/expos/{slug}/exhibitors", response={200: ExhibitorPage, 404: Message}, auth=None)
def list_exhibitors(
    request: HttpRequest, slug: str, filters: Query[ExhibitorFilters]
) -> ExhibitorPage:
    """The exhibitors of an edition, filtered like the directory page, 24 to a page."""
    expo = expo_or_404(slug)
    wanted = DirectoryFilters(
        q=filters.q,
        country=filters.country.upper(),
        group=filters.group,
        pavilion=filters.pavilion,
        sector=filters.sector,
        hs=filters.hs,
    )
    found = directory_page(expo, wanted, filters.page)
    return ExhibitorPage(
        count=found.count,
        page=found.page.number,
        pages=found.page.paginator.num_pages,
        results=[
            ExhibitorOut(
                id=card.pk,
                name=card.name,
                other_name=card.other_name,
                country_code=card.country_code,
                country=card.country,
                pavilion=card.pavilion,
                hall=card.hall,
                booths=card.booths,
                sectors=card.sectors,
            )
            for card in found.cards
        ],
    )
