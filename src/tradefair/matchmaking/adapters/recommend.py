"""Offers and needs in, engine ``Party`` records out: the recommender's side of the ORM.

Both sides are read in three queries whatever their size: the participations (country, the
organisation's descriptions, a themed pavilion's sector), the needs and the offers in one
UNION (titles and texts in both languages), and one UNION of their HS codes, sectors and
markets, written as SQL (``_attach_links``). Nothing is loaded as a model instance, so the
10,200 buyers and 3,200 exhibitors of the demo are read in seconds. The text of a party is
what ``bench/recommend.py`` feeds the engine for the demo, so the benchmark's quality figures
hold for the stored recommendations.

Engine ids are participation pks as strings; sector keys are ``Sector`` pks as strings (the
reasons' reader turns them into names). Each line keeps its titles, so a reason can name the
product that matched.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q, Value

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
# Up to this many participations or lines (a page's) are named by their ids in a plain IN
# list; more (an edition's) are selected by a subquery.
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


def _lines(scopes: dict[LineModel, Q]) -> dict[LineModel, tuple[dict[int, list[_Line]], _Lines]]:
    """Each participation's needs or offers (in creation order), their codes, sectors and
    markets still to be attached by :func:`_attach_links`: both models in one query.

    ``scopes`` filters each model's lines: by their participations' ids for a page, by a
    subquery of the participations for a whole edition.
    """
    models = list(scopes)
    selects = [
        model.objects.filter(scopes[model])
        .order_by()
        .values_list(Value(index), "pk", "participation_id", "title", "title_zh", "text", "text_zh")
        for index, model in enumerate(models)
    ]
    rows = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    by_line: list[dict[int, _Line]] = [{} for _ in models]
    found: list[dict[int, list[_Line]]] = [defaultdict(list) for _ in models]
    for index, pk, pid, title, title_zh, text, text_zh in sorted(rows, key=lambda r: r[:2]):
        line = by_line[index][pk] = _Line((title, title_zh, text, text_zh), [], [], [])
        found[index][pid].append(line)
    read: dict[LineModel, tuple[dict[int, list[_Line]], _Lines]] = {}
    for index, model in enumerate(models):
        lines = by_line[index]
        # A few lines are named by their ids (a plain IN list the planner looks up by index);
        # a whole edition's by the lines' query, as a list of 25,000 ids would be longer.
        if len(lines) <= FEW_LINES:
            scope = (", ".join(["%s"] * len(lines)), tuple(lines))
        else:
            scope = (
                model.objects.filter(scopes[model]).order_by().values("pk").query.sql_with_params()
            )
        read[model] = (found[index], _Lines(model, lines, scope))
    return read


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
    scopes: dict[LineModel, Q] = {}
    for side, model in ((Role.BUYER, Need), (Role.EXHIBITOR, Offer)):
        ids = [row[0] for row in rows if row[1] == side]
        if len(ids) > FEW_LINES:  # a whole edition's: its participations, as a subquery
            selected = Participation.objects.filter(participations & Q(role=side))
            scopes[model] = Q(participation__in=selected.values("pk"))
        elif ids:  # a page's: named by their ids, no subquery to compile
            scopes[model] = Q(participation_id__in=ids)
    read = _lines(scopes) if scopes else {}
    needs = read[Need][0] if Need in read else {}
    offers = read[Offer][0] if Offer in read else {}
    _attach_links([side for _, side in read.values()])
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
