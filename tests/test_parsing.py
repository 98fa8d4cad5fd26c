"""Whole numbers from text: ASCII digits only, so no digit that int() refuses (or reads
differently from the people who wrote the id) reaches a query."""

import pytest

from tradefair.expos.parsing import LONGEST, whole_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        (" 7 ", 7),
        ("007", 7),
        ("9" * LONGEST, int("9" * LONGEST)),
        ("", None),
        ("-1", None),
        ("1.5", None),
        ("\u00b2", None),  # superscript two: isdigit() is true, int() raises
        ("\u2460", None),  # circled one: the same
        ("\u0663", None),  # Arabic-Indic three: int() reads 3
        ("\uff13", None),  # full-width three: int() reads 3
        ("9" * (LONGEST + 1), None),  # beyond any id column
    ],
)
def test_whole_number(text, expected):
    assert whole_number(text) == expected
