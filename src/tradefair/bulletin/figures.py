"""The bulletin's figures as plain JSON-ready data: the one place the command's ``--json``, the
public page, its PDF, the API and a published snapshot all take them from.

Shares are fractions (0.38 means 38 %); money is in USD and CNY, rounded to the cent here and
only here. Everything is counted live; a published bulletin freezes a copy of this data.
"""

from decimal import Decimal
from typing import Any

from tradefair.deals.queries.figures import DealFigures, Total, deal_figures
from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.queries.console import overview
from tradefair.matchmaking.queries.partners import meetings_by_partner
from tradefair.organisations.queries.figures import expo_figures, partner_figures
from tradefair.programme.queries.figures import programme_figures
from tradefair.registration.queries.figures import attendance
from tradefair.trade.queries.figures import Change, trade_context


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
        **_deals_and_funnel(expo),
        "attendance": attendance_block(expo),
        "trade": trade_block(),
    }


def attendance_block(expo: Expo) -> dict[str, Any]:
    """People checked in at the entrance (by day, by country), meetings held and no-shows
    among the published ones, and the leads exhibitors scanned."""
    found = attendance(expo)
    return {
        "badges": found.badges,
        "people_in": found.people_in,
        "by_day": [{"day": day.isoformat(), "people": n} for day, n in found.by_day],
        "by_country": dict(found.by_country),
        "meetings": found.meetings,
        "meetings_held": found.held,
        "no_shows": found.no_shows,
        "held_share": round(found.held_share, 4) if found.held_share is not None else None,
        "leads": found.leads,
        "exhibitors_with_leads": found.exhibitors_with_leads,
    }


def _change(change: Change) -> dict[str, Any]:
    return {
        "value_usd": _money(change.value),
        "previous_usd": _money(change.previous) if change.previous is not None else None,
        "growth": round(change.growth, 4) if change.growth is not None else None,
    }


def trade_block() -> dict[str, Any] | None:
    """China's trade with ASEAN in the latest year to date, or None without statistics."""
    context = trade_context()
    if context is None:
        return None
    alpha2 = dict(Country.objects.values_list("alpha3", "code"))
    return {
        "year": context.year,
        "months": f"{context.year}-01/{context.year}-{context.last_month:02d}",
        **_change(context.total),
        "share_of_foreign_trade": (
            round(context.share_of_foreign_trade, 4)
            if context.share_of_foreign_trade is not None
            else None
        ),
        "illustrative": context.illustrative,
        "by_partner": [
            {"country": alpha2.get(c.key, c.key), **_change(c)} for c in context.by_partner
        ],
        "by_chapter": [{"chapter": c.key, **_change(c)} for c in context.by_chapter],
    }


def _deals_and_funnel(expo: Expo) -> dict[str, Any]:
    deals = deal_figures(expo)
    meetings = overview(expo)
    held = meetings.meetings.get("held", 0)
    partner_meetings = meetings_by_partner(expo)
    return {
        "deals": deals_block(deals),
        "funnel": {
            "requests": meetings.total_requests,
            "meetings": meetings.total_meetings,
            "meetings_held": held,
            "deals": deals.count,
            "deals_from_meetings": deals.from_meetings.count,
        },
        "partners": [
            {
                "name": p.name,
                "name_zh": p.name_zh,
                "country": p.country,
                "delegations": p.delegations,
                "buyers": p.buyers,
                "meetings": partner_meetings.get(p.participation_id, (0, 0))[0],
                "meetings_held": partner_meetings.get(p.participation_id, (0, 0))[1],
                "deals": _total(deals.by_partner.get(p.participation_id, Total())),
            }
            for p in partner_figures(expo)
        ],
    }


def _money(value: Decimal) -> float:
    """JSON has no decimals; values are exact until this rounding to the cent."""
    return float(value.quantize(Decimal("0.01")))


def _total(total: Total) -> dict[str, Any]:
    return {
        "count": total.count,
        "value_usd": _money(total.value_usd),
        "value_cny": _money(total.value_cny),
    }


def _ranked(totals: dict[str, Total], whole: Total) -> dict[str, dict[str, Any]]:
    """Largest value first, so the JSON reads like the chart; each with its share of the
    total value (of the count while nothing is valued)."""
    ordered = sorted(totals.items(), key=lambda item: (-item[1].value_usd, item[0]))

    def share(total: Total) -> float | None:
        if whole.value_usd:
            return round(float(total.value_usd / whole.value_usd), 4)
        return round(total.count / whole.count, 4) if whole.count else None

    return {key: {**_total(total), "share": share(total)} for key, total in ordered}


def deals_block(figures: DealFigures) -> dict[str, Any]:
    """Counted (approved) deals; values in USD and CNY converted with the edition's rates."""
    return {
        **_total(figures.total),
        "exchange_rates": {
            code: {"usd": float(rate.usd), "cny": float(rate.cny), "as_of": rate.as_of.isoformat()}
            for code, rate in figures.rates.items()
        },
        "by_kind": {kind: _total(total) for kind, total in figures.by_kind.items()},
        "by_size": {band: _total(total) for band, total in figures.by_band.items()},
        "by_sector": _ranked(figures.by_sector, figures.total),
        "by_country": _ranked(figures.by_country, figures.total),
        "on_site": _total(figures.on_site),
        "online": _total(figures.online),
        "at_signing_ceremonies": _total(figures.at_ceremonies),
        "currencies_without_rate": figures.unrated,
    }
