"""The rules every way of recording a deal shares: the console, the import, the portals and the
API call these, so each refuses exactly the same values with the same words.
"""

from decimal import Decimal

import pycountry
from django.utils.translation import gettext as _

from tradefair.deals.models import Deal
from tradefair.expos.formatting import number

STAGES = list(Deal.Stage.values)  # in the order a deal moves through
LARGEST_VALUE = Decimal("1e18")  # max_digits=20, decimal_places=2
MAX_PARTIES = 20  # the organisations that signed one deal
MAX_HS_CODES = 50  # a trade order's codes, as a product's


def parties_count_problem(count: int) -> str:
    if count > MAX_PARTIES:
        return _("name at most %(max)s organisations") % {"max": number(MAX_PARTIES)}
    return ""


def codes_count_problem(count: int) -> str:
    if count > MAX_HS_CODES:
        why = _("Give at most %(max)s HS codes; the most specific ones find the right buyers.")
        return why % {"max": number(MAX_HS_CODES)}
    return ""


def currency_problem(code: str, rated: set[str]) -> str:
    """Why ``code`` cannot be a deal's currency in an edition with rates for ``rated``."""
    if pycountry.currencies.get(alpha_3=code) is None:
        return _("'%(code)s' is not an ISO 4217 currency code (e.g. USD, CNY, VND)") % {
            "code": code
        }
    if code not in rated:
        known = ", ".join(sorted(rated)) or _("none yet")
        return _(
            "this expo has no exchange rate for %(code)s, so its totals could not include the "
            "deal; add the rate first (rates set: %(known)s)"
        ) % {"code": code, "known": known}
    return ""


def value_problem(value: Decimal) -> str:
    if not value.is_finite() or value < 0:
        return _("a deal's value is a number of 0 or more")
    if value >= LARGEST_VALUE:
        return _("the value is too large; give it in the currency's units, below 10¹⁸")
    if value != value.quantize(Decimal("0.01")):
        return _("give the value with at most two decimals")
    return ""


def stage_move_problem(reference: str, old: str, new: str) -> str:
    """A deal moves forward (or stays); moving back would rewrite what was reported."""
    if STAGES.index(new) >= STAGES.index(old):
        return ""
    return _(
        "%(reference)s is already at stage '%(old)s'; a deal never moves back (to '%(new)s')"
    ) % {"reference": reference, "old": old, "new": new}


def province_problem(code: str) -> str:
    """An ISO 3166-2 subdivision of China (CN-GX for Guangxi), or blank."""
    if not code:
        return ""
    subdivision = pycountry.subdivisions.get(code=code.upper())
    if subdivision is None or subdivision.country_code != "CN":
        return _("'%(code)s' is not a Chinese province or region (e.g. CN-GX for Guangxi)") % {
            "code": code
        }
    return ""
