"""Where a table of a negotiation session stands: the session's tables laid out in rows in
its hall's negotiation area, numbered in reading order as the staff set them up, so a buyer
finds table 412 without asking. A plan of the area, not of the exhibition floor: tables are
furniture placed for the session, so their layout follows from how many there are."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil, sqrt

from tradefair.expos.names import in_reader_language
from tradefair.matchmaking.models import NegotiationSession

TABLE_W, TABLE_D = 2.0, 1.2  # metres: a table with a chair each side
PITCH_X, PITCH_Y = 3.0, 3.2  # one table's place, with room to pass between
BLOCK = 10  # tables in a row between two cross aisles
AISLE = 2.0
MARGIN = 2.0


@dataclass(frozen=True)
class PlacedTable:
    number: int
    x: float
    y: float
    highlighted: bool

    @property
    def label_x(self) -> float:
        return self.x + TABLE_W / 2

    @property
    def label_y(self) -> float:
        return self.y + TABLE_D / 2


@dataclass(frozen=True)
class TablePlan:
    session: str
    hall: str
    tables: list[PlacedTable]
    width: float
    depth: float
    table_w: float = TABLE_W
    table_d: float = TABLE_D

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.depth:g}"


def per_row(tables: int) -> int:
    """Whole blocks of ten per row, enough for an area about twice as wide as it is deep."""
    across = sqrt(2 * tables * PITCH_Y / PITCH_X)
    return max(1, ceil(across / BLOCK)) * BLOCK


def table_plan(session: NegotiationSession, highlight: int | None) -> TablePlan:
    across = per_row(session.tables)
    tables = []
    for n in range(session.tables):
        row, column = divmod(n, across)
        x = MARGIN + column * PITCH_X + (column // BLOCK) * AISLE
        y = MARGIN + row * PITCH_Y
        tables.append(PlacedTable(n + 1, x, y, n + 1 == highlight))
    blocks = ceil(across / BLOCK)
    width = 2 * MARGIN + across * PITCH_X + (blocks - 1) * AISLE
    depth = 2 * MARGIN + ceil(session.tables / across) * PITCH_Y
    hall = session.hall
    return TablePlan(
        session=in_reader_language(session.name, session.name_zh),
        hall=hall.display_name if hall else "",
        tables=tables,
        width=width,
        depth=depth,
    )
