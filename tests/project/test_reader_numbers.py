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
