"""The statistical bulletin: the figures a press conference quotes, derived live from the data."""

from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal, format_percent
from rich.console import Console
from rich.table import Table

from tradefair.deals.queries.figures import DealFigures, deal_figures
from tradefair.expos.models import Expo
from tradefair.organisations.queries.figures import expo_figures
from tradefair.programme.queries.figures import programme_figures


def bulletin_data(expo: Expo) -> dict[str, Any]:
    """The bulletin as plain JSON-ready data; shares are fractions (0.38 means 38%)."""
    figures = expo_figures(expo)
    programme = programme_figures(expo)
    return {
        "expo": figures.expo,
        "name": expo.name,
        "city": expo.city,
        "start_date": expo.start_date.isoformat(),
        "end_date": expo.end_date.isoformat(),
        "exhibitors": figures.exhibitors,
        "exhibitor_countries": figures.exhibitor_countries,
        "foreign_exhibitors": figures.foreign_exhibitors,
        "foreign_exhibitor_share": figures.foreign_exhibitor_share,
        "belt_and_road_countries": figures.belt_and_road_countries,
        "exhibition_area_m2": figures.exhibition_area_m2,
        "pavilions": [
            {
                "name": p.name,
                "name_zh": p.name_zh,
                "kind": p.kind,
                "country": p.country,
                "hall": p.hall,
                "area_m2": p.area_m2,
                "exhibitors": p.exhibitors,
            }
            for p in figures.pavilions
        ],
        "country_pavilions": figures.country_pavilions,
        "buyers": figures.buyers,
        "delegations": figures.delegations,
        "programme": {
            "activities": programme.activities,
            "summit": {
                "main_events": programme.summit.main_events,
                "supporting_events": programme.summit.supporting_events,
                "concurrent_events": programme.summit.concurrent_events,
                "delegates": programme.summit.delegates,
            },
            "launch_events": programme.launch_events,
            "launched_products": programme.launched_products,
        },
        "deals": deals_block(deal_figures(expo)),
    }


def _money(value: Decimal) -> float:
    """JSON has no decimals; values are exact to the cent before this rounding."""
    return float(value.quantize(Decimal("0.01")))


def deals_block(figures: DealFigures) -> dict[str, Any]:
    """Counted (approved) deals; totals in USD and CNY converted with the edition's rates."""
    return {
        "count": figures.count,
        "value_usd": _money(figures.value_usd),
        "value_cny": _money(figures.value_cny),
        "exchange_rates": {
            code: {"usd": float(rate.usd), "cny": float(rate.cny), "as_of": rate.as_of.isoformat()}
            for code, rate in figures.rates.items()
        },
        "by_kind": {
            kind: {
                "count": total.count,
                "value_usd": _money(total.value_usd),
                "value_cny": _money(total.value_cny),
            }
            for kind, total in figures.by_kind.items()
        },
        "currencies_without_rate": figures.unrated,
    }


def print_bulletin(data: dict[str, Any], console: Console, locale: str = "en") -> None:
    """A readable summary and pavilion table, numbers formatted by Babel for ``locale``."""

    def num(value: float) -> str:
        return format_decimal(value, locale=locale)

    headline = Table(
        title=f"{data['name']} — {data['city']}, {data['start_date']}…{data['end_date']}"
    )
    headline.add_column("Figure")
    headline.add_column("Value", justify="right")
    rows = [
        ("Exhibitors", num(data["exhibitors"])),
        ("Countries and regions of exhibitors", num(data["exhibitor_countries"])),
        ("Foreign exhibitors", num(data["foreign_exhibitors"])),
        ("Foreign share", format_percent(data["foreign_exhibitor_share"], locale=locale)),
        ("Belt and Road partner countries", num(data["belt_and_road_countries"])),
        ("Exhibition area (m²)", num(data["exhibition_area_m2"])),
        ("Country pavilions", num(data["country_pavilions"])),
        ("Buyer organisations", num(data["buyers"])),
        ("Delegations", num(data["delegations"])),
    ]
    for label, value in rows:
        headline.add_row(label, value)
    console.print(headline)

    programme = data["programme"]
    summit = programme["summit"]
    activities = Table(title="Programme")
    activities.add_column("Figure")
    activities.add_column("Value", justify="right")
    for label, value in [
        ("Published activities", programme["activities"]),
        ("Summit main events", summit["main_events"]),
        ("Summit supporting events", summit["supporting_events"]),
        ("Summit concurrent events", summit["concurrent_events"]),
        ("Summit delegates", summit["delegates"]),
        ("Product launch events", programme["launch_events"]),
        ("Launched products", programme["launched_products"]),
    ]:
        activities.add_row(label, num(value))
    console.print(activities)

    deals = data["deals"]
    signed = Table(title="Deals (approved)")
    for column in ("Kind", "Deals", "Value (USD)", "Value (CNY)"):
        signed.add_column(column, justify="left" if column == "Kind" else "right")
    for kind, total in deals["by_kind"].items():
        signed.add_row(kind, num(total["count"]), num(total["value_usd"]), num(total["value_cny"]))
    signed.add_row("all", num(deals["count"]), num(deals["value_usd"]), num(deals["value_cny"]))
    console.print(signed)
    if deals["currencies_without_rate"]:
        missing = ", ".join(deals["currencies_without_rate"])
        console.print(f"[red]Deals in {missing} are counted but not valued: set their rates.[/]")

    pavilions = Table(title="Pavilions")
    for column in ("Pavilion", "Kind", "Hall"):
        pavilions.add_column(column)
    pavilions.add_column("Area (m²)", justify="right")
    pavilions.add_column("Exhibitors", justify="right")
    for p in data["pavilions"]:
        pavilions.add_row(p["name"], p["kind"], p["hall"], num(p["area_m2"]), num(p["exhibitors"]))
    console.print(pavilions)
