"""The organisers set the edition's exchange rates; deal totals in USD and CNY use them."""

import datetime as dt
from decimal import Decimal

import pycountry
from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.deals.models import ExchangeRate
from tradefair.deals.services.errors import InvalidDeal, NotAllowed
from tradefair.expos.models import Expo


def set_rate(
    *,
    expo: Expo,
    currency: str,
    usd: Decimal,
    cny: Decimal,
    as_of: dt.date,
    by_user: User | None,
) -> ExchangeRate:
    """Create or change the rate of one currency. ``by_user`` None is the demo or a command."""
    if by_user is not None and not has_role(by_user, expo, ORGANISER):
        raise NotAllowed(_("Only the organisers of this expo may set its exchange rates."))
    code = currency.strip().upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise InvalidDeal(
            _("'%(code)s' is not an ISO 4217 currency code (e.g. USD, CNY, VND)") % {"code": code},
            "currency",
        )
    for name, value in (("usd", usd), ("cny", cny)):
        if not value.is_finite() or value <= 0:
            raise InvalidDeal(_("a rate is a number above 0"), name)
    with transaction.atomic():
        rate, _created = ExchangeRate.objects.update_or_create(
            expo=expo, currency=code, defaults={"usd": usd, "cny": cny, "as_of": as_of}
        )
    return rate
