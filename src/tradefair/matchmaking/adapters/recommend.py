"""Offers and needs in, engine ``Party`` records out: the recommender's side of the ORM.

Both sides are read in four queries whatever their size: the participations (country, the
organisation's descriptions, a themed pavilion's sector), the needs and the offers (titles and
texts in both languages), and one UNION of their HS codes, sectors and markets, written as SQL
(``_attach_links``). Nothing is loaded as a model instance, so the 10,200 buyers and 3,200
exhibitors of the demo are read in seconds. The text of a party is what
``bench/recommend.py`` feeds the engine for the demo, so the benchmark's quality figures hold
for the stored recommendations.

Engine ids are participation pks as strings; sector keys are ``Sector`` pks as strings (the
reasons' reader turns them into names). Each line keeps its titles, so a reason can name the
product that matched.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q

from tradefair.engine.recommend import Party, TradeLine
from tradefair.expos.models import Expo
from tradefair.organisations.models import Need, Offer, Participation

Role = Participation.Role
LineModel = type[Need] | type[Offer]


@dataclass(frozen=True)
class Sides:
    """Both sides of an edition as the engine sees them, with each party's participation pk."""

    buyers: list[Party]
    exhibitors: list[Party]
    buyer_ids: list[int]  # buyer_ids[i] is the participation of buyers[i]
    exhibitor_ids: list[int]


# Each link table of a line: the field, its column, where the value goes.
LINKS = (
    ("hs_codes", "hscode_id", "codes"),
    ("sectors", "sector_id", "sectors"),
    ("markets", "country_id", "markets"),
)
FEW_LINES = 1000


@dataclass
class _Line:
    title: tuple[str, str, str, str]
    codes: list[str]
    sectors: list[str]
    markets: list[str]


@dataclass
class _Lines:
    """One model's lines of some participations, read before their links are attached."""

    model: LineModel
    by_line: dict[int, _Line]
    scope: tuple[str, tuple[Any, ...]]  # SQL selecting the lines' ids, and its parameters


def _lines(model: LineModel, participations: Q) -> tuple[dict[int, list[_Line]], _Lines]:
    """Each participation's lines (in creation order), their codes, sectors and markets still
    to be attached by :func:`_attach_links`.

    ``participations`` filters ``Participation`` rows; it is applied through the line.
    """
    scope = Q(participation__in=Participation.objects.filter(participations).values("pk"))
    rows = model.objects.filter(scope).order_by("pk")
    by_line: dict[int, _Line] = {}
    found: dict[int, list[_Line]] = defaultdict(list)
    for pk, pid, title, title_zh, text, text_zh in rows.values_list(
        "pk", "participation_id", "title", "title_zh", "text", "text_zh"
    ):
        line = by_line[pk] = _Line((title, title_zh, text, text_zh), [], [], [])
        found[pid].append(line)
    # A few lines are named by their ids (a plain IN list the planner looks up by index); a
    # whole edition's by the lines' query, as a list of 25,000 ids would be longer than it.
    if len(by_line) <= FEW_LINES:
        ids = ", ".join(["%s"] * len(by_line))
        return found, _Lines(model, by_line, (ids, tuple(by_line)))
    return found, _Lines(model, by_line, rows.values("pk").order_by().query.sql_with_params())


def _attach_links(sides: list[_Lines]) -> None:
    """Every HS code, sector and market of the sides' lines, in one query.

    Written as SQL: the ORM's UNION of the link tables, with the casts it needs, cost more to
    compile than to run (3 ms a page of recommendations), and a query per table a round trip
    each."""
    quote = connection.ops.quote_name
    selects: list[str] = []
    params: list[Any] = []
    for index, side in enumerate(sides):
        if not side.by_line:
            continue
        owner = quote(f"{side.model._meta.model_name}_id")
        scope_sql, scope_params = side.scope
        for field, column, attribute in LINKS:
            table = quote(getattr(side.model, field).through._meta.db_table)
            selects.append(
                f"SELECT {index}, {owner}, CAST({quote(column)} AS TEXT), '{attribute}'"
                f" FROM {table} WHERE {owner} IN ({scope_sql})"
            )
            params.extend(scope_params)
    if not selects:
        return
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        for index, line_id, value, attribute in cursor.fetchall():
            linked = sides[index].by_line.get(line_id)
            if linked is not None:  # None: a line created between the two queries
                getattr(linked, attribute).append(value)


def _parties(participations: Q) -> tuple[dict[int, Party], dict[int, Party]]:
    """Buyers' and exhibitors' parties among the participations ``participations`` selects."""
    rows = list(
        Participation.objects.filter(participations)
        .filter(role__in=(Role.BUYER, Role.EXHIBITOR))
        .order_by("pk")
        .values_list(
            "pk",
            "role",
            "organisation__country_id",
            "organisation__description",
            "organisation__description_zh",
            "pavilion__sector_id",
        )
    )
    roles = {row[1] for row in rows}
    needs: dict[int, list[_Line]] = {}
    offers: dict[int, list[_Line]] = {}
    sides = []
    if Role.BUYER in roles:
        needs, side = _lines(Need, participations & Q(role=Role.BUYER))
        sides.append(side)
    if Role.EXHIBITOR in roles:
        offers, side = _lines(Offer, participations & Q(role=Role.EXHIBITOR))
        sides.append(side)
    _attach_links(sides)
    buyers: dict[int, Party] = {}
    exhibitors: dict[int, Party] = {}
    for pk, role, country, description, description_zh, sector in rows:
        lines = (needs if role == Role.BUYER else offers).get(pk, [])
        texts = [description, description_zh]
        for line in lines:
            texts.extend(line.title)
        (buyers if role == Role.BUYER else exhibitors)[pk] = Party(
            id=str(pk),
            country=country,
            lines=tuple(
                TradeLine(
                    hs_codes=tuple(sorted(line.codes)),
                    sectors=tuple(sorted(line.sectors, key=int)),
                    markets=tuple(sorted(line.markets)),
                    title=line.title[0],
                    title_zh=line.title[1],
                )
                for line in lines
            ),
            text="\n".join(texts),
            sectors=(str(sector),) if sector is not None else (),
        )
    return buyers, exhibitors


def expo_sides(expo: Expo) -> Sides:
    """Every buyer and exhibitor of ``expo``, in participation order."""
    buyers, exhibitors = _parties(Q(expo=expo))
    return Sides(list(buyers.values()), list(exhibitors.values()), list(buyers), list(exhibitors))


def parties_of(participation_ids: Iterable[int]) -> dict[int, Party]:
    """The parties of a few participations (a page's reader and the others it shows)."""
    buyers, exhibitors = _parties(Q(pk__in=list(participation_ids)))
    return {**buyers, **exhibitors}
