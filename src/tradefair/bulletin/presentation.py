"""The bulletin as a reader sees it: headline figures, charts and their tables, in the active
language, from the data of ``figures.bulletin_data`` (live or a published copy).

The page, its PDF and the console all lay out this one model, so they cannot disagree. Names
of kinds, bands, sectors and countries are looked up here in the reader's language; money is
written compactly in USD and CNY ("US$26.5bn", "US$264.7亿").
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from tradefair.bulletin.models import PublishedBulletin
from tradefair.deals.models import Deal
from tradefair.expos.charts import Bar, bar_chart_svg
from tradefair.expos.formatting import change, day, exact, money, month_span, number, percent
from tradefair.expos.models import HSCode, Sector
from tradefair.expos.names import country_name, in_reader_language
from tradefair.expos.presentation import reader_locale

BODY_SECONDS = 7 * 24 * 3600
TOP = 12  # sectors and countries shown in a chart; the table lists them all
BANDS = {
    "5bn_plus": gettext_lazy("5 bn yuan or more"),
    "2bn_to_5bn": gettext_lazy("2 to 5 bn yuan"),
    "below_2bn": gettext_lazy("Below 2 bn yuan"),
}


@dataclass(frozen=True)
class Headline:
    label: str
    value: str


@dataclass(frozen=True)
class Row:
    cells: list[str]


@dataclass
class Chart:
    key: str
    title: str
    svg: SafeString  # drawn once per distinct figures (``bar_chart_svg`` caches it)
    columns: list[str]
    rows: list[Row]
    note: str = ""


@dataclass
class TradeView:
    title: str
    headlines: list[Headline]
    partners: Chart
    chapters: list[Row]
    illustrative: bool


@dataclass
class BulletinView:
    headlines: list[Headline]
    charts: list[Chart]
    channels: list[Row]
    partners: list[Row]
    programme: list[Headline]
    rates: list[Row]
    rates_on: str
    missing_rates: list[str] = field(default_factory=list)
    trade: TradeView | None = None


def _language() -> str:
    return reader_locale().replace("_", "-").lower()


def _money_cells(total: dict[str, Any]) -> list[str]:
    usd, cny = money(total["value_usd"], "USD"), money(total["value_cny"], "CNY")
    return [number(total["count"]), usd, cny]


def _money_chart(
    key: str, title: str, totals: dict[str, dict[str, Any]], labels: dict[str, str], first: str
) -> Chart:
    """Value in USD per group, largest first as the data lists them; the table has all, with
    each group's share of the value when the data gives it (sectors, countries)."""
    shares = any("share" in t for t in totals.values())
    columns = [first, _("Deals"), _("Value (USD)"), _("Value (CNY)")]
    columns += [_("Share of the value")] if shares else []
    rows = [
        Row(
            [labels.get(k, k), *_money_cells(t)]
            + ([percent(t.get("share"), tenths=True)] if shares else [])
        )
        for k, t in totals.items()
    ]
    bars = [
        Bar(labels.get(k, k), t["value_usd"], money(t["value_usd"], "USD"))
        for k, t in list(totals.items())[:TOP]
    ]
    drawn = bar_chart_svg(bars, description=title)
    note = _("The chart shows the %(n)d largest; the table lists all.") % {"n": TOP}
    return Chart(key, title, drawn, columns, rows, note if len(totals) > TOP else "")


def _headlines(data: dict[str, Any]) -> list[Headline]:
    deals, funnel = data["deals"], data.get("funnel", {})
    return [
        Headline(_("Exhibitors"), number(data["exhibitors"])),
        Headline(_("Countries and regions"), number(data["exhibitor_countries"])),
        Headline(_("Foreign exhibitors"), percent(data["foreign_exhibitor_share"])),
        Headline(_("Exhibition area"), f"{number(data['exhibition_area_m2'])} m²"),
        Headline(_("Buyer enterprises"), number(data["buyers"])),
        Headline(_("Meetings held"), number(funnel.get("meetings_held", 0))),
        *(
            [Headline(_("Visitors checked in"), number(data["attendance"]["people_in"]))]
            if data.get("attendance", {}).get("people_in")
            else []
        ),
        Headline(_("Deals signed"), number(deals["count"])),
        Headline(_("Value of the deals"), money(deals["value_usd"], "USD")),
        Headline(_("Value in yuan"), money(deals["value_cny"], "CNY")),
    ]


def _deal_charts(deals: dict[str, Any]) -> list[Chart]:
    kinds = {str(k): capfirst(str(label)) for k, label in Deal.Kind.choices}
    sectors = {s.slug: s.display_name for s in Sector.objects.all()}
    sectors[""] = _("No sector given")
    language = _language()
    countries = {code: country_name(code, language) for code in deals["by_country"]}
    size_title = _("Deals by size")
    sizes = deals["by_size"].items()
    size_chart = Chart(
        "size",
        size_title,
        bar_chart_svg(
            [Bar(str(BANDS[b]), t["count"], number(t["count"])) for b, t in sizes],
            description=size_title,
        ),
        [_("Size"), _("Deals"), _("Value (USD)"), _("Value (CNY)")],
        [Row([str(BANDS[b]), *_money_cells(t)]) for b, t in sizes],
    )
    by_country = _("Deals by counterpart country")
    return [
        _money_chart("kinds", _("Deals by kind"), deals["by_kind"], kinds, _("Kind")),
        size_chart,
        _money_chart("sectors", _("Deals by sector"), deals["by_sector"], sectors, _("Sector")),
        _money_chart("countries", by_country, deals["by_country"], countries, _("Country")),
    ]


def _attendance_chart(attendance: dict[str, Any]) -> Chart:
    title = _("Visitors checked in, by day")
    days = [(day(dt.date.fromisoformat(d["day"])), d["people"]) for d in attendance["by_day"]]
    return Chart(
        "attendance",
        title,
        bar_chart_svg([Bar(label, n, number(n)) for label, n in days], description=title),
        [_("Day"), _("Visitors")],
        [Row([label, number(n)]) for label, n in days],
    )


def _funnel_chart(funnel: dict[str, int]) -> Chart:
    title = _("From meeting requests to deals")
    steps = [
        (_("Meeting requests"), funnel.get("requests", 0)),
        (_("Meetings scheduled"), funnel.get("meetings", 0)),
        (_("Meetings held"), funnel.get("meetings_held", 0)),
        (_("Deals signed"), funnel.get("deals", 0)),
        (_("Deals traced to meetings"), funnel.get("deals_from_meetings", 0)),
    ]
    return Chart(
        "funnel",
        title,
        bar_chart_svg(
            [Bar(label, value, number(value)) for label, value in steps],
            description=title,
            log=True,
        ),
        [_("Step"), _("Number")],
        [Row([label, number(value)]) for label, value in steps],
        _("Bars on a logarithmic scale: requests outnumber deals a thousand to one."),
    )


def _pavilion_chart(pavilions: list[dict[str, Any]]) -> Chart:
    title = _("Exhibitors by pavilion")
    ordered = sorted(pavilions, key=lambda p: -p["exhibitors"])
    names = [in_reader_language(p["name"], p["name_zh"]) for p in ordered]
    return Chart(
        "pavilions",
        title,
        bar_chart_svg(
            [
                Bar(name, p["exhibitors"], number(p["exhibitors"]))
                for name, p in zip(names, ordered, strict=True)
            ],
            description=title,
        ),
        [_("Pavilion"), _("Exhibitors"), _("Area (m²)")],
        [
            Row([name, number(p["exhibitors"]), number(p["area_m2"])])
            for name, p in zip(names, ordered, strict=True)
        ],
    )


def _programme(programme: dict[str, Any]) -> list[Headline]:
    summit = programme["summit"]
    return [
        Headline(_("Activities"), number(programme["activities"])),
        Headline(_("Summit main events"), number(summit["main_events"])),
        Headline(_("Summit supporting events"), number(summit["supporting_events"])),
        Headline(_("Summit delegates"), number(summit["delegates"])),
        Headline(_("Product launch events"), number(programme["launch_events"])),
        Headline(_("New products launched"), number(programme["launched_products"])),
    ]


def _trade(trade: dict[str, Any] | None) -> TradeView | None:
    if not trade:
        return None
    language = _language()
    first, last = (int(part[5:7]) for part in trade["months"].split("/"))
    title = _("China's trade with ASEAN, %(months)s") % {
        "months": month_span(trade["year"], first, last)
    }
    names = {p["country"]: country_name(p["country"], language) for p in trade["by_partner"]}
    chapters = {
        code.code: code.description
        for code in HSCode.objects.filter(code__in=[c["chapter"] for c in trade["by_chapter"]])
    }
    columns = [
        pgettext("trading partner country", "Partner"),
        _("Value (USD)"),
        _("A year earlier"),
        _("Change on a year earlier"),
    ]
    partner_title = _("China's trade with each ASEAN member")
    return TradeView(
        title=title,
        headlines=[
            Headline(_("Trade with ASEAN"), money(trade["value_usd"], "USD")),
            Headline(_("Change on a year earlier"), change(trade["growth"])),
            Headline(
                _("Share of China's foreign trade"),
                percent(trade["share_of_foreign_trade"], tenths=True),
            ),
        ],
        partners=Chart(
            "trade-partners",
            partner_title,
            bar_chart_svg(
                [
                    Bar(
                        names[p["country"]],
                        p["value_usd"],
                        f"{money(p['value_usd'], 'USD')} ({change(p['growth'])})",
                    )
                    for p in trade["by_partner"]
                ],
                description=partner_title,
            ),
            columns,
            [
                Row(
                    [
                        names[p["country"]],
                        money(p["value_usd"], "USD"),
                        money(p["previous_usd"], "USD") if p["previous_usd"] is not None else "–",
                        change(p["growth"]),
                    ]
                )
                for p in trade["by_partner"]
            ],
        ),
        chapters=[
            Row(
                [
                    f"{c['chapter']} {chapters.get(c['chapter'], '')}".strip(),
                    money(c["value_usd"], "USD"),
                    change(c["growth"]),
                ]
            )
            for c in trade["by_chapter"]
        ],
        illustrative=bool(trade["illustrative"]),
    )


def bulletin_view(data: dict[str, Any]) -> BulletinView:
    """Everything the page shows, in the active language (one query: the sectors' names)."""
    deals = data["deals"]
    charts = _deal_charts(deals)
    charts += [_funnel_chart(data.get("funnel", {})), _pavilion_chart(data["pavilions"])]
    if data.get("attendance", {}).get("by_day"):  # published before check-in existed: none
        charts.append(_attendance_chart(data["attendance"]))
    channels = [
        Row([_("Signed on site"), *_money_cells(deals["on_site"])]),
        Row([_("Signed online"), *_money_cells(deals["online"])]),
        Row([_("Signed at signing ceremonies"), *_money_cells(deals["at_signing_ceremonies"])]),
    ]
    partners = [
        Row(
            [
                in_reader_language(p["name"], p["name_zh"]),
                number(p["buyers"]),
                number(p["meetings"]),
                number(p["meetings_held"]),
                *_money_cells(p["deals"]),
            ]
        )
        for p in data.get("partners", [])
    ]
    rates = deals["exchange_rates"]
    return BulletinView(
        headlines=_headlines(data),
        charts=charts,
        channels=channels,
        partners=partners,
        programme=_programme(data["programme"]),
        rates=[Row([code, exact(r["usd"]), exact(r["cny"])]) for code, r in rates.items()],
        rates_on=_rates_day(rates),
        missing_rates=list(deals.get("currencies_without_rate", [])),
        trade=_trade(data.get("trade")),
    )


def _rates_day(rates: dict[str, dict[str, Any]]) -> str:
    """The latest day of the rates (kept as ISO dates in the data), as the reader writes it."""
    latest = max((r["as_of"] for r in rates.values()), default="")
    return day(dt.date.fromisoformat(latest)) if latest else ""


def published_body(bulletin: PublishedBulletin) -> SafeString:
    """A published bulletin's figures, charts and tables as HTML in the active language.

    Its data never changes, so the HTML is kept in the cache per bulletin and language: the
    first reader pays for the charts (~0.2 s), the press that follows does not.
    """
    key = f"bulletin-body:{bulletin.pk}:{_language()}"
    body = cache.get(key)
    if body is None:
        body = render_to_string("bulletin/_body.html", {"view": bulletin_view(bulletin.data)})
        cache.set(key, body, BODY_SECONDS)
    return mark_safe(body)  # our template rendered it with autoescaping
