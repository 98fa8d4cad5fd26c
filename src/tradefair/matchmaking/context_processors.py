"""The header's links to the portals a logged-in user may use in the edition on screen."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from tradefair.accounts.queries.portals import PORTALS
from tradefair.accounts.services.roles import roles_by_slug
from tradefair.organisations.models import Participation

Role = Participation.Role


@dataclass(frozen=True)
class PortalLink:
    label: str | Promise
    url: str
    current: bool


AGENDA_ROLES = frozenset({Role.BUYER, Role.EXHIBITOR})


def _links(request: HttpRequest, slug: str) -> list[PortalLink]:
    roles = roles_by_slug(request.user, slug)
    namespace = request.resolver_match.namespace if request.resolver_match else ""
    wanted = [(name, label) for role, name, label in PORTALS if role in roles]
    if roles & AGENDA_ROLES:
        wanted.append(("agenda:index", _("My agenda")))
    return [
        PortalLink(label, reverse(name, kwargs={"slug": slug}), name.split(":")[0] == namespace)
        for name, label in wanted
    ]


def portals(request: HttpRequest) -> dict[str, object]:
    """Lazy: the roles are only read when a page renders the header of a logged-in user."""
    match = request.resolver_match
    slug = match.kwargs.get("slug") if match else None
    if not slug or not request.user.is_authenticated:
        return {}
    return {"portal_links": SimpleLazyObject(lambda: _links(request, slug))}
