"""Whole numbers typed by people or carried by links, codes and imported cells.

``str.isdigit()`` is true for superscripts and circled digits, which ``int()`` refuses (a
500 where a clear error was due), and ``int()`` takes Arabic-Indic and full-width digits,
which no identifier of ours is written with; so an identifier or a count is ASCII digits
only, and short enough for any id column.
"""

from __future__ import annotations

LONGEST = 18  # digits: every value fits a 64-bit id column


def whole_number(text: str) -> int | None:
    """``text`` (spaces around it ignored) as a whole number, or None when it is not one."""
    text = text.strip()
    if not text or len(text) > LONGEST or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
