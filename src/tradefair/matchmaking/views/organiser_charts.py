"""The console's charts of requests, meetings and acceptance by country or sector.

Drawn on the server like every chart of the platform (``expos.charts``: Altair and vl-convert,
cached by their figures): requests and meetings side by side on one scale, acceptance on 0 to
100 %. The numbers are written the reader's way, and a table under each chart holds them too.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from tradefair.expos.charts import BAR_COLOUR, Bar, Group, bar_chart_svg, grouped_bar_chart_svg
from tradefair.expos.formatting import number, percent
from tradefair.matchmaking.queries.console import BreakdownRow

MEETINGS_COLOUR = "#c2410c"  # --accent, the legend's swatch
RATE_COLOUR = "#3f8f5f"  # acceptance, green as before


@dataclass(frozen=True)
class ChartRow:
    label: str
    requests: str
    meetings: str
    rate: str  # "67%", or "–" before any answer


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    counts: SafeString  # requests and meetings
    acceptance: SafeString


def breakdown_chart(rows: list[BreakdownRow]) -> Chart | None:
    """Both charts of one breakdown, or None when it has no rows."""
    if not rows:
        return None
    requests, meetings = _("requests"), _("meetings")
    groups = [
        Group(
            row.label,
            (
                Bar(requests, row.requests, number(row.requests), BAR_COLOUR),
                Bar(meetings, row.meetings, number(row.meetings), MEETINGS_COLOUR),
            ),
        )
        for row in rows
    ]
    rates = [
        Bar(row.label, row.acceptance_rate or 0.0, percent(row.acceptance_rate), RATE_COLOUR)
        for row in rows
    ]
    return Chart(
        rows=[
            ChartRow(
                row.label, number(row.requests), number(row.meetings), percent(row.acceptance_rate)
            )
            for row in rows
        ],
        counts=grouped_bar_chart_svg(
            groups, description=_("Requests and meetings, most requests first.")
        ),
        acceptance=bar_chart_svg(
            rates, description=_("Acceptance rate of answered requests."), width=420, top=1
        ),
    )
