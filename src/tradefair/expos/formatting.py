"""Dates, times and numbers as the reader of a page, an e-mail or a printout reads them.

One clock: every time is converted to the edition's time zone (``Expo.time_zone``), which is
where the meetings happen, and a page says once which clock that is (``clock_note``). Dates
and numbers follow the reader's language through Babel's CLDR data. English is written the
international way (``en_GB``: "17 Sept 2025, 09:40", 24-hour) because the US month/day order
is ambiguous to most visitors of the fair; Chinese reads "2025年9月17日 09:40". Numbers are
grouped in every language ("3,200").

Templates reach these through the ``formatting`` template library, services and e-mails call
them directly.
"""

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, format_skeleton, get_datetime_format
from babel.numbers import format_compact_currency, format_decimal, format_percent
from babel.units import format_unit
from django.utils.translation import gettext as _

from tradefair.expos.models import Expo
from tradefair.expos.presentation import reader_locale

DOUBLED_FULL_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def _date_locale() -> str:
    """The reader's locale for dates: plain English would be CLDR's US order (Sep 17)."""
    locale = reader_locale()
    return "en_GB" if locale == "en" else locale


def _local(moment: dt.datetime, time_zone: str) -> dt.datetime:
    return moment.astimezone(ZoneInfo(time_zone))


def number(value: int | float | Decimal) -> str:
    """A count or an area with the locale's grouping: "3,200", "1,234.5"."""
    if type(value) is int:  # 1 == 1.0 == Decimal(1): only counts share a cache entry
        return _count(value, reader_locale())
    return format_decimal(value, locale=reader_locale())


@lru_cache(maxsize=8192)
def _count(value: int, locale: str) -> str:
    """Babel takes ~40 µs a number; pages repeat small counts (seats, places) on every row."""
    return format_decimal(value, locale=locale)


def amount(value: Decimal) -> str:
    """A deal's value: both digits of its cents when it has some ("1,250,000.50", where the
    plain number read "1,250,000.5"), none when it has none ("490,270,000")."""
    pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
    return format_decimal(value, format=pattern, locale=reader_locale())


def exact(value: float | Decimal) -> str:
    """Every digit of a rate, in the reader's notation and never in exponents: one dong is
    "0.0000379" US dollars (Vietnamese "0,0000379"), where "%g" wrote "3.79e-05"."""
    digits = value if isinstance(value, Decimal) else Decimal(str(value))
    return format_decimal(digits, locale=reader_locale(), decimal_quantization=False)


def seconds(value: float) -> str:
    """A solver's or a command's time, to a tenth, as CLDR writes seconds: "15.1 sec",
    "15.1秒", "15,1 giây"."""
    return format_unit(
        value, "duration-second", length="short", format="#,##0.0", locale=reader_locale()
    )


def fixed(value: float, places: int) -> str:
    """A measure with exactly ``places`` decimals in the reader's notation: a ratio "0.33"
    (Vietnamese "0,33"), a file of "2.0" MB just over a 2 MB limit."""
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(round(value, places), format=pattern, locale=reader_locale())


def money(value: float | Decimal, currency: str) -> str:
    """A sum the way the press writes it: "US$26.5bn", "US$264.7亿", "CN¥1.2bn"."""
    return format_compact_currency(value, currency, locale=_date_locale(), fraction_digits=1)


def change(growth: float | None) -> str:
    """A change on a year earlier, signed, to a tenth of a percent: "+8.2%", "-3.1%"."""
    if growth is None:
        return "–"
    return format_percent(growth, "+#,##0.0%;-#,##0.0%", locale=reader_locale())


def percent(share: float | None, *, tenths: bool = False) -> str:
    """A share of 1 as a percentage ("12%", or "16.7%" with ``tenths``), a dash when there is
    nothing to divide by yet."""
    if share is None:
        return "–"
    return format_percent(share, "#,##0.0%" if tenths else None, locale=reader_locale())


def month_span(year: int, first: int, last: int) -> str:
    """Months of one year as CLDR writes the interval: "Jan to Jul 2025" with its dash."""
    return format_interval(
        dt.date(year, first, 1), dt.date(year, last, 1), "yMMM", locale=_date_locale()
    )


def day(date: dt.date) -> str:
    """E.g. "17 Sept 2025", "2025年9月17日"."""
    return format_skeleton("yMMMd", date, locale=_date_locale())


def weekday(date: dt.date) -> str:
    """A day heading: "Thursday, 18 September 2025", "2025年9月18日星期四"."""
    return format_date(date, "full", locale=_date_locale())


def day_span(start: dt.date, end: dt.date) -> str:
    """The edition's dates as one CLDR interval: 17 to 21 Sept 2025 with the locale's dash."""
    return format_interval(start, end, "yMMMd", locale=_date_locale())


def clock_time(moment: dt.datetime, time_zone: str) -> str:
    """The time of day in ``time_zone``, 24-hour: "09:40"."""
    return _local(moment, time_zone).strftime("%H:%M")


def moment(when: dt.datetime, time_zone: str) -> str:
    """A date with its time in ``time_zone``: "17 Sept 2025, 09:40", "2025年9月17日 09:40"."""
    local = _local(when, time_zone)
    locale = _date_locale()
    pattern = str(get_datetime_format("medium", locale=locale)).replace("'", "")
    return pattern.replace("{0}", clock_time(local, time_zone)).replace("{1}", day(local.date()))


def time_span(start: dt.datetime, end: dt.datetime, time_zone: str) -> str:
    """A slot's start and end in ``time_zone``: 09:40 to 10:00 with the locale's dash."""
    # Keyed by wall-clock times: aware datetimes of one instant compare equal in any zone.
    local_start = _local(start, time_zone).replace(tzinfo=None)
    return _interval(local_start, _local(end, time_zone).replace(tzinfo=None), _date_locale())


@lru_cache(maxsize=4096)
def _interval(start: dt.datetime, end: dt.datetime, locale: str) -> str:
    """Babel's interval takes ~0.1 ms; a programme or an agenda repeats a few slots many times."""
    return format_interval(start, end, "Hm", locale=locale)


def utc_offset(time_zone: str, on: dt.date) -> str:
    """E.g. "UTC+8", "UTC+5:30" or "UTC": the offset that zone keeps on that day."""
    noon = dt.datetime.combine(on, dt.time(12), tzinfo=ZoneInfo(time_zone))
    offset = noon.utcoffset() or dt.timedelta(0)
    minutes = round(offset.total_seconds() / 60)
    if not minutes:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes > 0 else "-"
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def clock_note(expo: Expo) -> str:
    """The sentence a page or an e-mail that shows times says once: which clock they follow."""
    return _("All times are %(city)s time (%(offset)s).") % {
        "city": expo.display_city,
        "offset": utc_offset(expo.time_zone, expo.start_date),
    }


def one_full_stop(text: str) -> str:
    """A sentence ending in a name that ends in a dot ("Co., Ltd.") gets one full stop, not two.

    An ellipsis ("...") is left alone.
    """
    return DOUBLED_FULL_STOP.sub(".", text)
