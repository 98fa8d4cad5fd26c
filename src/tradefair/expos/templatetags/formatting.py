"""``{% load formatting %}``: the filters that put ``tradefair.expos.formatting`` in templates.

Times need the edition's time zone as their argument, e.g.
``{{ meeting.slot.start|moment:expo.time_zone }}``; a page that shows times also says once
which clock they follow with ``{% clock_note expo %}``.
"""

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tradefair.expos import formatting
from tradefair.expos.models import Expo
from tradefair.expos.presentation import own_name

register = template.Library()


@register.filter
def number(value: int | float | Decimal | None) -> str:
    """``{{ 3200|number }}`` → "3,200"; nothing for a missing value."""
    return "" if value is None or value == "" else formatting.number(value)


@register.filter
def amount(value: Decimal | None) -> str:
    """``{{ deal.value|amount }}`` → "1,250,000.50" or "490,270,000"."""
    return "" if value is None else formatting.amount(value)


@register.filter
def percent(share: float | None) -> str:
    return formatting.percent(share)


@register.filter
def day(date: dt.date | None) -> str:
    return "" if date is None else formatting.day(date)


@register.filter
def weekday(date: dt.date | None) -> str:
    return "" if date is None else formatting.weekday(date)


@register.filter
def moment(value: dt.datetime | None, time_zone: str) -> str:
    """``{{ run.created_at|moment:expo.time_zone }}`` → "17 Sept 2025, 09:40"."""
    return "" if value is None else formatting.moment(value, time_zone)


@register.filter
def clock_time(value: dt.datetime | None, time_zone: str) -> str:
    """``{{ slot.end|clock_time:expo.time_zone }}`` → "10:00"."""
    return "" if value is None else formatting.clock_time(value, time_zone)


@register.filter(is_safe=True)
def one_full_stop(text: str) -> str:
    """``{{ message|one_full_stop }}``: "… Co., Ltd.." becomes "… Co., Ltd."."""
    # Safe in, safe out: removing a full stop cannot make escaped text unsafe.
    return formatting.one_full_stop(str(text))


@register.simple_tag
def clock_note(expo: Expo) -> SafeString:
    """Once per page that shows times: "All times are Nanning time (UTC+8).\""""
    return format_html('<p class="muted clock-note">{}</p>', formatting.clock_note(expo))


@register.filter
def own_language_name(code: str) -> str:
    """A language in its own name, e.g. ``th`` → ภาษาไทย (the language switcher's words)."""
    return own_name(code)
