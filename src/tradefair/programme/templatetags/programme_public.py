"""``{% load programme_public %}``: programme pieces that public pages show.

The exhibitor profile belongs to ``organisations``, which must not import the programme; its
template asks for the launched products through a tag instead (one query). The programme's
own pages take how full an activity is from here.
"""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.expos.formatting import number
from tradefair.organisations.models import Participation
from tradefair.programme.queries.pages import Places, products_of

register = template.Library()


@register.inclusion_tag("programme/public/_launched_products.html", takes_context=True)
def launched_products(context: template.Context, participation: Participation) -> dict[str, Any]:
    """``{% launched_products participation %}``: nothing when the exhibitor launches nothing."""
    return {"expo": context["expo"], "products": products_of(participation)}


@register.simple_tag
def places(places: Places, cancelled: bool = False) -> str:
    """``{% places row.places row.cancelled %}``: how full an activity is, as a badge or a line.

    A tag rather than an included template: the programme shows it on every row, and an
    include with a pluralised translation cost 0.3 ms a row.
    """
    if cancelled:
        return format_html('<span class="badge badge-cancelled">{}</span>', _("Cancelled"))
    if places.left is None:
        return format_html('<span class="places">{}</span>', _("No seat limit"))
    if places.full:
        full = format_html('<span class="badge badge-full">{}</span>', _("Full"))
        if not places.waiting_list:
            return full
        return format_html('{} <span class="places muted">{}</span>', full, _("waiting list open"))
    seats = places.seats or 0
    text = ngettext("%(n)s of %(seats)s place left", "%(n)s of %(seats)s places left", seats) % {
        "n": number(places.left),
        "seats": number(seats),
    }
    return format_html('<span class="places">{}</span>', text)
