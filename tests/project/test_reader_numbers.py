"""Numbers in messages and command output are written the reader's way: Vietnamese and
Indonesian group thousands with a dot and write decimals with a comma, and seconds read as
CLDR writes them, never an English "1,660" or "15.1 s" in another language."""

import pytest
from django.utils import translation

from tradefair.expos import formatting
from tradefair.organisations.services.import_files import InRequestLimits, too_large

LIMITS = InRequestLimits(kind="deals", max_bytes=5 * 2**20, max_rows=5000, columns=[], required=[])


@pytest.mark.parametrize(
    ("language", "seconds", "ratio", "count"),
    [
        ("en", "15.1 sec", "0.33", "1,660"),
        ("zh-hans", "15.1秒", "0.33", "1,660"),
        ("vi", "15,1 giây", "0,33", "1.660"),
        ("id", "15,1 dtk", "0,33", "1.660"),
    ],
)
def test_seconds_ratios_and_counts_follow_the_reader(language, seconds, ratio, count):
    with translation.override(language):
        assert formatting.seconds(15.14) == seconds
        assert formatting.fixed(1 / 3, 2) == ratio
        assert formatting.number(1660) == count


@pytest.mark.parametrize(("language", "size"), [("en", "the file is 2.0 MB"), ("vi", "2,0 MB")])
def test_an_import_too_large_says_its_size_the_readers_way(language, size):
    with translation.override(language):
        assert size in too_large(2 * 2**20 + 1, LIMITS)


@pytest.mark.parametrize(
    ("language", "cents", "whole"),
    [("en", "1,250,000.50", "490,270,000"), ("vi", "1.250.000,50", "490.270.000")],
)
def test_a_deals_value_keeps_both_digits_of_its_cents(language, cents, whole):
    from decimal import Decimal

    with translation.override(language):
        assert formatting.amount(Decimal("1250000.50")) == cents  # "1,250,000.5" before
        assert formatting.amount(Decimal("490270000.00")) == whole


@pytest.mark.parametrize(
    ("seconds", "english"),
    [(42, "42 sec"), (185, "3 min 5 sec"), (3725, "1 hr 2 min 5 sec"), (7200, "2 hr")],
)
def test_a_duration_is_never_rounded_to_its_largest_unit(seconds, english):
    import datetime as dt

    from tradefair.expos.services.background import duration

    with translation.override("en"):
        assert duration(dt.timedelta(seconds=seconds)) == english  # 3,725 s read "1 hr 5 sec"
