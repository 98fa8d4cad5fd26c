"""``{% load programme_public %}``: programme pieces that other apps' public pages show.

The exhibitor profile belongs to ``organisations``, which must not import the programme; its
template asks for the launched products through this tag instead (one query).
"""

from typing import Any

from django import template

from tradefair.organisations.models import Participation
from tradefair.programme.queries.pages import products_of

register = template.Library()


@register.inclusion_tag("programme/public/_launched_products.html", takes_context=True)
def launched_products(context: template.Context, participation: Participation) -> dict[str, Any]:
    """``{% launched_products participation %}``: nothing when the exhibitor launches nothing."""
    return {"expo": context["expo"], "products": products_of(participation)}
