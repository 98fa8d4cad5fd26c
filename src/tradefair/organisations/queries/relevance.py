"""How the directory matches a query and ranks what it found, on SQLite and PostgreSQL.

Matching: every term must occur in ``search_text`` (substring, so word parts and Chinese work).
When that finds nothing, PostgreSQL tries again letting a term of four or more characters (not
an HS code) be close to a word of a name instead: pg_trgm's ``strict_word_similarity`` of at
least 0.5 (``<<%``, served by the trigram index of migration 0005), so "nanning batery works"
finds Nanning Battery Works while "lithium battery" still does not find it. Only then: near
misses never crowd out what is spelt, and the many ORs cost nothing (planning them alone took
longer than a whole search) while the terms find something. SQLite has no trigrams and finds
only what the terms spell.

Ranking, the same on both backends, computed in SQL over the sections of ``search_text`` (see
``services.search``):

- the whole query equal to one of the names (case-insensitive): +1000;
- each term (the first eight) by the heaviest place it occurs in: an offered HS code equal to
  it (+500) or under it when it is a chapter or heading (+400), a name (+10), a product title
  (+8), an HS code's description or a sector (+4), anywhere else (+1); on PostgreSQL a term
  that only came in as a near miss of a name counts 0.

On PostgreSQL full-text ranking breaks ties within a score: ``ts_rank`` of the terms over the
generated document weighted A to D ('simple' configuration, since names are in several
languages), normalised to below 1, the score's smallest step, so whole words and words in
names come first and both backends order different scores alike. Terms shorter than three
characters take no part: they are word parts ("co") or Chinese words, which the parser does
not split out of a run of characters, and ranking the thousands of rows such a term finds took
about a third of the query's time. SQLite breaks ties by name, as the alphabetical order does.
"""

import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.expressions import Col
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import GreaterThan

from tradefair.expos.names import unaccented
from tradefair.organisations.models import Organisation, Participation
from tradefair.organisations.services.search import (
    CODES_END,
    NAMES_END,
    PRODUCTS_END,
    TOPICS_END,
    search_phrase,
    search_terms,
)

RELEVANCE = "relevance"
NAME = "name"
SORTS = (RELEVANCE, NAME)

EXACT_NAME = 1000
CODE_EXACT = 500
CODE_UNDER = 400
IN_NAME = 10
IN_PRODUCT = 8
IN_TOPIC = 4
ANYWHERE = 1
SCORED_TERMS = 8
NEAR_MISS_MIN_LENGTH = 4
TRIGRAM = 3
# ts_rank's weights for D, C, B, A (PostgreSQL's defaults, stated); 32 maps a rank r to r/(r+1).
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
RANK_NORMALISATION = 32
HS_CODE = re.compile(r"[0-9]{2}(?:[0-9]{2}){0,2}")


def is_hs_code(term: str) -> bool:
    """A chapter, heading or subheading: 2, 4 or 6 ASCII digits."""
    return HS_CODE.fullmatch(term) is not None


def scored_terms(query: str) -> list[str]:
    """The distinct terms that count for the score and the highlighting, in query order."""
    return list(dict.fromkeys(search_terms(query)))[:SCORED_TERMS]


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _position(text: str) -> StrIndex:
    return StrIndex("search_text", Value(text))


def _head(end: str) -> Func:
    """The sections before the ``end`` marker. PostgreSQL's ``split_part`` cuts by bytes; its
    names head is also what the trigram index of migration 0005 holds."""
    if _postgres():
        return Func(
            F("search_text"), Value(end), Value(1), function="SPLIT_PART", output_field=TextField()
        )
    return Substr("search_text", 1, _position(end))


class _CloseToAWordOf(Func):
    """pg_trgm's ``term <<% text``: ``strict_word_similarity(term, text)`` at least
    ``pg_trgm.strict_word_similarity_threshold`` (0.5 unless set), served by a GIN index."""

    arg_joiner = " <<%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _SearchDocument(Expression):
    """The PostgreSQL-only generated column ``search_document`` (migration 0005), which the
    model leaves out so that no other query loads it; read under the query's table alias."""

    output_field = SearchVectorField()

    def resolve_expression(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        text = F("search_text").resolve_expression(*args, **kwargs)
        assert isinstance(text, Col)
        document = SearchVectorField()
        document.set_attributes_from_name("search_document")
        return Col(text.alias, document)


def _near_miss_term(term: str) -> bool:
    return len(term) >= NEAR_MISS_MIN_LENGTH and not is_hs_code(term)


def near_misses_apply(query: str) -> bool:
    """Whether a search that found nothing is worth trying again with near misses."""
    return _postgres() and any(map(_near_miss_term, search_terms(query)))


def _term_found(term: str, postgres: bool, near_misses: bool) -> Q:
    """Where ``term`` occurs; a term typed with Latin diacritics also where it occurs without
    them ("đồng" finds "Dong Tam Group"; names are indexed both ways, see ``search``)."""
    bare = unaccented(term)
    found = _occurs(term, postgres, near_misses)
    return found if bare == term else found | _occurs(bare, postgres, near_misses)


def _occurs(term: str, postgres: bool, near_misses: bool) -> Q:
    if postgres and len(term) < TRIGRAM:
        # No trigram index serves a shorter term; PostgreSQL would still estimate LIKE from
        # its statistics as rare and test it on every participation before the edition and
        # role (3-5x slower than reading the edition's exhibitors by their index first).
        return Q(GreaterThan(_position(term), 0))
    # search_text is stored lower-cased, so a plain LIKE needs no UPPER() on PostgreSQL.
    found = Q(search_text__contains=term)
    if postgres and near_misses and _near_miss_term(term):
        found |= Q(_CloseToAWordOf(Value(term), _head(NAMES_END)))
    return found


def matching(
    rows: QuerySet[Participation], query: str, *, near_misses: bool = False
) -> QuerySet[Participation]:
    """The rows holding every term; with ``near_misses`` (PostgreSQL only) a term may instead
    be close to a word of a name ("batery" for "battery")."""
    postgres = _postgres()
    found = [_term_found(term, postgres, near_misses) for term in search_terms(query)]
    return rows.filter(reduce(operator.and_, found)) if found else rows


class _Score(Expression):
    """The score of the module's docstring as one SQL expression, written out here: built from
    Django's Case/When/StrIndex it took 1-3 ms a page just to assemble and compile."""

    output_field = FloatField()

    def __init__(self, query: str, *, near_misses: bool) -> None:
        super().__init__()
        self.query = query
        self.near_misses = near_misses
        self.sources: list[Any] = [F("search_text")]
        if _postgres():
            self.sources.append(_SearchDocument())

    def get_source_expressions(self) -> list[Any]:
        return self.sources

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.sources = list(exprs)

    def as_sql(self, compiler, connection):  # type: ignore[no-untyped-def]
        text, _ = compiler.compile(self.sources[0])
        sql = _ScoreSql(
            text, postgres=connection.vendor == "postgresql", near_misses=self.near_misses
        )
        terms = scored_terms(self.query)
        addends = [sql.exact_name(search_phrase(self.query)), *map(sql.term, terms)]
        words = [term for term in terms if len(term) >= TRIGRAM]
        if sql.postgres and words:
            document, _ = compiler.compile(self.sources[1])
            addends.append(sql.rank(document, words))
        fragment = [part for addend in addends for part in (" + ", *addend)][1:]
        text_parts = [part for part in fragment if isinstance(part, str)]
        params = [part.value for part in fragment if isinstance(part, _Param)]
        return f"({''.join(text_parts)})", params


@dataclass(frozen=True)
class _Param:
    """A value passed to the database for the ``%s`` in the text just before it."""

    value: str


class _ScoreSql:
    """SQL fragments as lists of text and ``_Param`` (each ``%s`` in the text has one)."""

    def __init__(self, text: str, *, postgres: bool, near_misses: bool) -> None:
        self.text = text
        self.postgres = postgres
        self.near_misses = near_misses
        self.position = "STRPOS" if postgres else "INSTR"

    def head(self, end: str) -> list[str | _Param]:
        if self.postgres:  # by bytes, and the names' trigram index holds this expression
            return [f"SPLIT_PART({self.text}, %s, 1)", _Param(end)]
        return [f"SUBSTR({self.text}, 1, INSTR({self.text}, %s))", _Param(end)]

    def in_head(self, end: str, value: str) -> list[str | _Param]:
        return [f"{self.position}(", *self.head(end), ", %s) > 0", _Param(value)]

    def first_before(self, end: str, term: str) -> list[str | _Param]:
        if self.postgres:  # PostgreSQL counts characters to give a position: cut the head
            return self.in_head(end, term)
        return [f"INSTR({self.text}, %s) < INSTR({self.text}, %s)", _Param(term), _Param(end)]

    def exact_name(self, phrase: str) -> list[str | _Param]:
        name = self.in_head(NAMES_END, f"\n{phrase}\n")
        return ["CASE WHEN ", *name, f" THEN {EXACT_NAME} ELSE 0 END"]

    def term(self, term: str) -> list[str | _Param]:
        whens: list[tuple[list[str | _Param], int]] = []
        if is_hs_code(term):
            code = f"{PRODUCTS_END}{term}"  # each code is closed by PRODUCTS_END too
            whens += [
                (self.in_head(CODES_END, f"{code}{PRODUCTS_END}"), CODE_EXACT),
                (self.in_head(CODES_END, code), CODE_UNDER),
            ]
        whens += [
            (self.first_before(NAMES_END, term), IN_NAME),
            (self.first_before(PRODUCTS_END, term), IN_PRODUCT),
            (self.first_before(TOPICS_END, term), IN_TOPIC),
        ]
        otherwise = ANYWHERE  # matching() let in only rows holding every term
        if self.near_misses:  # ... or a near miss of a name, which may hold none
            whens.append(([f"STRPOS({self.text}, %s) > 0", _Param(term)], ANYWHERE))
            otherwise = 0
        sql: list[str | _Param] = ["CASE"]
        for condition, points in whens:
            sql += [" WHEN ", *condition, f" THEN {points}"]
        return [*sql, f" ELSE {otherwise} END"]

    def rank(self, document: str, terms: list[str]) -> list[str | _Param]:
        """ts_rank, normalised below 1 (the score's smallest step), of any of the terms."""
        words: list[str | _Param] = []
        for term in terms:
            words += [" || " if words else "", "plainto_tsquery('simple', %s)", _Param(term)]
        weights = "{" + ",".join(map(str, RANK_WEIGHTS)) + "}"
        return [
            f"ts_rank('{weights}'::float4[], {document}, ",
            *words,
            f", {RANK_NORMALISATION})",
        ]


def ordered(
    rows: QuerySet[Participation], query: str, sort: str, *, near_misses: bool = False
) -> QuerySet[Participation]:
    """Best match first when there is a query and the visitor did not ask for names;
    ``near_misses`` as the rows were matched with."""
    if sort == NAME or not search_terms(query):
        return rows.order_by("organisation__name", "id")
    score = _Score(query, near_misses=near_misses)
    # The name that breaks ties is read per row rather than joined: a join carried each
    # row's whole search text into PostgreSQL's hash table before the score was computed
    # (a search for "co", 3,083 rows: 23 -> 18 ms).
    organisation_name = Subquery(
        Organisation.objects.filter(pk=OuterRef("organisation_id")).order_by().values("name")
    )
    ranked = rows.alias(relevance=score, organisation_name=organisation_name)
    return ranked.order_by("-relevance", "organisation_name", "id")
