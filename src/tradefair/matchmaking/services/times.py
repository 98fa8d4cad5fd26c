"""Meeting times as people read them: the expo's time zone, the reader's locale."""

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_time, get_datetime_format

from tradefair.expos.presentation import reader_locale
from tradefair.matchmaking.models import Slot


def slot_start(slot: Slot) -> str:
    """E.g. "Thu, Sep 18, 2025, 09:20" in English, "2025年9月18日周四 09:20" in Chinese.

    Evaluated at raise time, so in the language active then; the stored start is UTC, which
    nobody at the expo reads.
    """
    return local_time(slot.start, slot.expo.time_zone)


def local_time(start: dt.datetime, time_zone: str) -> str:
    """``start`` in ``time_zone``, the way the active language writes a date with a time."""
    local = start.astimezone(ZoneInfo(time_zone))
    locale = reader_locale()
    date = format_skeleton("yMMMEd", local, locale=locale)
    time = format_time(local, "HH:mm", locale=locale)
    pattern = str(get_datetime_format("medium", locale=locale))
    return pattern.replace("'", "").replace("{0}", time).replace("{1}", date)
