"""``{% plan_shapes %}`` and ``{% booth_rows %}``: the per-booth markup of a hall's map, drawn
in Python (see ``tradefair.booths.drawing``) inside templates that keep the page's frame."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from tradefair.booths import drawing

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_shapes(context: dict[str, Any]) -> SafeString:
    return drawing.shapes(
        context["plan"], slug=context["expo"].slug, move_url=context.get("move_url") or ""
    )


@register.simple_tag(takes_context=True)
def booth_rows(context: dict[str, Any]) -> SafeString:
    return drawing.list_rows(context["plan"], slug=context["expo"].slug)
