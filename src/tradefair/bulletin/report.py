"""The bulletin in a terminal: the tables `tradefair bulletin` prints (data from `figures`)."""

import datetime as dt
from typing import Any

from babel.numbers import format_decimal, format_percent
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from rich.console import Console
from rich.table import Table

from tradefair.deals.models import Deal
from tradefair.expos.formatting import day_span
from tradefair.floorplan.models import Pavilion


def print_bulletin(data: dict[str, Any], console: Console, locale: str = "en") -> None:
    """A readable summary and pavilion table, numbers formatted by Babel for ``locale``; the
    words and the dates in the active language (the command makes it ``locale``'s)."""

    def num(value: float) -> str:
        return format_decimal(value, locale=locale)

    dates = day_span(
        dt.date.fromisoformat(data["start_date"]), dt.date.fromisoformat(data["end_date"])
    )
    headline = Table(title=f"{data['name']} — {data['city']}, {dates}")
    headline.add_column(_("Figure"))
    headline.add_column(_("Value"), justify="right")
    rows = [
        (_("Exhibitors"), num(data["exhibitors"])),
        (_("Countries and regions of exhibitors"), num(data["exhibitor_countries"])),
        # A count here; the pages' "Foreign exhibitors" is a share (境外展商占比 in Chinese).
        (pgettext("a count", "Foreign exhibitors"), num(data["foreign_exhibitors"])),
        (_("Foreign share"), format_percent(data["foreign_exhibitor_share"], locale=locale)),
        (_("Belt and Road partner countries"), num(data["belt_and_road_countries"])),
        (_("Exhibition area (m²)"), num(data["exhibition_area_m2"])),
        (_("Country pavilions"), num(data["country_pavilions"])),
        (_("Buyer organisations"), num(data["buyers"])),
        (_("Delegations"), num(data["delegations"])),
    ]
    for label, value in rows:
        headline.add_row(label, value)
    console.print(headline)

    programme = data["programme"]
    summit = programme["summit"]
    activities = Table(title=_("Programme"))
    activities.add_column(_("Figure"))
    activities.add_column(_("Value"), justify="right")
    for label, value in [
        (_("Published activities"), programme["activities"]),
        (_("Summit main events"), summit["main_events"]),
        (_("Summit supporting events"), summit["supporting_events"]),
        (_("Summit concurrent events"), summit["concurrent_events"]),
        (_("Summit delegates"), summit["delegates"]),
        (_("Product launch events"), programme["launch_events"]),
        (_("Launched products"), programme["launched_products"]),
    ]:
        activities.add_row(label, num(value))
    console.print(activities)

    deals = data["deals"]
    signed = Table(title=_("Deals (approved)"))
    signed.add_column(_("Kind"))
    for column in (_("Deals"), _("Value (USD)"), _("Value (CNY)")):
        signed.add_column(column, justify="right")
    deal_kinds = dict(Deal.Kind.choices)
    for kind, total in deals["by_kind"].items():
        signed.add_row(
            capfirst(str(deal_kinds.get(kind, kind))),
            num(total["count"]),
            num(total["value_usd"]),
            num(total["value_cny"]),
        )
    signed.add_row(_("all"), num(deals["count"]), num(deals["value_usd"]), num(deals["value_cny"]))
    console.print(signed)
    if deals["currencies_without_rate"]:
        missing = ", ".join(deals["currencies_without_rate"])
        console.print(
            "[red]"
            + _("Deals in %(currencies)s are counted but not valued: set their rates.")
            % {"currencies": missing}
            + "[/]"
        )

    pavilions = Table(title=_("Pavilions"))
    for column in (_("Pavilion"), _("Kind"), _("Hall")):
        pavilions.add_column(column)
    pavilions.add_column(_("Area (m²)"), justify="right")
    pavilions.add_column(_("Exhibitors"), justify="right")
    pavilion_kinds = dict(Pavilion.Kind.choices)
    for p in data["pavilions"]:
        kind = capfirst(str(pavilion_kinds.get(p["kind"], p["kind"])))
        pavilions.add_row(p["name"], kind, p["hall"], num(p["area_m2"]), num(p["exhibitors"]))
    console.print(pavilions)
