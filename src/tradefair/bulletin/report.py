"""The bulletin in a terminal: the tables `tradefair bulletin` prints (data from `figures`)."""

from typing import Any

from babel.numbers import format_decimal, format_percent
from rich.console import Console
from rich.table import Table


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
