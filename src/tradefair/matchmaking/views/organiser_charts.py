"""Server-side SVG bar charts of the console: geometry in user units, numbers the reader's way.

Like the edition home page, no chart library: the template draws ``<rect>`` elements whose
widths are computed here, and a table under each chart holds the same figures.
"""

from dataclasses import dataclass

from tradefair.expos.formatting import number, percent
from tradefair.matchmaking.queries.console import BreakdownRow

BAR_MAX = 420  # width of the longest bar
ROW = 48  # a group: label, requests bar, meetings bar
RATE_ROW = 36  # a group of the acceptance chart: label, one bar


@dataclass(frozen=True)
class ChartGroup:
    label: str
    y: int
    requests: str
    requests_width: float
    meetings: str
    meetings_width: float
    rate: str  # "67%", or "–" before any answer
    rate_width: float
    rate_y: int

    @property
    def requests_x(self) -> float:
        return self.requests_width + 6

    @property
    def meetings_x(self) -> float:
        return self.meetings_width + 6

    @property
    def rate_x(self) -> float:
        return self.rate_width + 6


@dataclass(frozen=True)
class Chart:
    groups: list[ChartGroup]
    height: int  # of the requests and meetings chart
    rate_height: int  # of the acceptance chart


def breakdown_chart(rows: list[BreakdownRow]) -> Chart:
    """Requests and meetings on one scale (the largest request count), acceptance on 0 to 100%."""
    top = max((max(r.requests, r.meetings) for r in rows), default=0) or 1
    groups = [
        ChartGroup(
            label=row.label,
            y=i * ROW,
            requests=number(row.requests),
            requests_width=round(BAR_MAX * row.requests / top, 1),
            meetings=number(row.meetings),
            meetings_width=round(BAR_MAX * row.meetings / top, 1),
            rate=percent(row.acceptance_rate),
            rate_width=round(BAR_MAX * (row.acceptance_rate or 0.0), 1),
            rate_y=i * RATE_ROW,
        )
        for i, row in enumerate(rows)
    ]
    return Chart(groups=groups, height=len(groups) * ROW, rate_height=len(groups) * RATE_ROW)
