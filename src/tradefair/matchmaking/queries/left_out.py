"""The requests a scheduling run left out: counted by reason, filtered, in the reader's words.

A run stores each left-out request with its reason as a code and parameters
(``services/left_out``, a ``LeftOutRequest`` row each); the words are made here, at display
time, with gettext, so one run reads in English and in Chinese, with organisation and session
names in the reader's language. Runs from before codes stored English words only: they count
under ``OTHER`` and show those words as stored.

Counting is one grouped query and a page is one more, whatever the run's size (about 95,000
rows at the reference size); phrasing a page of rows costs two (organisation names, session
names).
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from tradefair.engine.schedule.reasons import Code
from tradefair.expos.languages import language_name
from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.matchmaking.models import LeftOutRequest, NegotiationSession, ScheduleRun
from tradefair.organisations.models import Participation

OTHER = "other"  # rows of older runs, stored as English words only
ORDER = [*(code.value for code in Code), OTHER]
# SQLite's smallest limit on the parameters of one query is 999: above this, read the edition's
# participations whole rather than by id.
BY_ID_AT_MOST = 900

Entry = Mapping[str, Any]  # one stored row, as ``entries`` reads it

LABELS: dict[str, Promise] = {
    Code.UNKNOWN_BUYER: gettext_lazy("Unknown buyer"),
    Code.UNKNOWN_EXHIBITOR: gettext_lazy("Unknown exhibitor"),
    Code.NO_MEETINGS_ALLOWED: gettext_lazy("Takes no meetings"),
    Code.NEVER_AVAILABLE: gettext_lazy("Available in no slot"),
    Code.NO_COMMON_SLOT: gettext_lazy("Never available at the same time"),
    Code.NO_TABLE: gettext_lazy("No tables when both can meet"),
    Code.NO_INTERPRETER: gettext_lazy("No interpreter for the languages"),
    Code.INTERPRETER_UNAVAILABLE: gettext_lazy("Interpreters absent when both can meet"),
    Code.CAP_REACHED: gettext_lazy("Maximum of meetings reached"),
    Code.FULLY_BOOKED: gettext_lazy("Every available slot taken"),
    Code.BOTH_BOOKED: gettext_lazy("Both sides booked elsewhere"),
    Code.INTERPRETERS_BUSY: gettext_lazy("Interpreters busy"),
    Code.TABLES_FULL: gettext_lazy("Tables full"),
    Code.EARLIER_NOT_MET: gettext_lazy("Earlier meeting not scheduled"),
    Code.NO_SLOT_AFTER: gettext_lazy("No free slot after the earlier meeting"),
    Code.GAP_SPREAD: gettext_lazy("Would break the gap spread"),
    Code.NEGATIVE_PRIORITY: gettext_lazy("Negative priority"),
    Code.NOT_PLACED: gettext_lazy("Fits, but not placed"),
    OTHER: gettext_lazy("Other (recorded before reasons had codes)"),
}

# A sentence per code. %(name)s is the organisation whose limit it is; the languages are
# each side's, named in the reader's language.
PHRASES: dict[str, Promise] = {
    Code.UNKNOWN_BUYER: gettext_lazy("The buyer is not known to the scheduler."),
    Code.UNKNOWN_EXHIBITOR: gettext_lazy("The exhibitor is not known to the scheduler."),
    Code.NO_MEETINGS_ALLOWED: gettext_lazy("%(name)s takes no meetings (its maximum is 0)."),
    Code.NEVER_AVAILABLE: gettext_lazy("%(name)s is available in no slot."),
    Code.NO_COMMON_SLOT: gettext_lazy("The two sides are never available at the same time."),
    Code.NO_TABLE: gettext_lazy("No slot both sides can attend has any tables."),
    Code.NO_INTERPRETER: gettext_lazy(
        "No interpreter in the pool speaks a language of each side "
        "(buyer: %(buyer_languages)s; exhibitor: %(exhibitor_languages)s)."
    ),
    Code.INTERPRETER_UNAVAILABLE: gettext_lazy(
        "No interpreter for %(buyer_languages)s and %(exhibitor_languages)s is available "
        "when both sides are."
    ),
    Code.FULLY_BOOKED: gettext_lazy("%(name)s is fully booked: every slot it can attend is taken."),
    Code.BOTH_BOOKED: gettext_lazy("Whenever one side is free, the other is in another meeting."),
    Code.INTERPRETERS_BUSY: gettext_lazy(
        "Every interpreter for %(buyer_languages)s and %(exhibitor_languages)s is in another "
        "meeting whenever both sides are free."
    ),
    Code.TABLES_FULL: gettext_lazy("Every table is taken whenever both sides are free."),
    Code.EARLIER_NOT_MET: gettext_lazy("A meeting it must follow is not scheduled: %(requests)s."),
    Code.NO_SLOT_AFTER: gettext_lazy("No slot both sides have free comes after %(requests)s."),
    Code.GAP_SPREAD: gettext_lazy(
        "It still fits, but would give someone more idle gaps than the event's spread allows."
    ),
    Code.NEGATIVE_PRIORITY: gettext_lazy("Not selected: its priority is negative."),
    Code.NOT_PLACED: gettext_lazy(
        "Not placed, although it still fits: the scheduler stopped before placing it."
    ),
}


def code_of(entry: Entry) -> str:
    """The entry's reason code; rows of older runs (or unknown codes) count as ``OTHER``."""
    code = entry.get("code") or ""
    return code if code in LABELS and code != OTHER else OTHER


def is_reason(value: str) -> bool:
    return value in LABELS


@dataclass(frozen=True)
class ReasonCount:
    code: str
    label: str
    count: int


def reason_counts(run: ScheduleRun) -> list[ReasonCount]:
    """How many requests each reason left out, most first (ties in the engine's order)."""
    counts: Counter[str] = Counter()
    grouped = LeftOutRequest.objects.filter(run=run).values("code").annotate(n=Count("pk"))
    for group in grouped.order_by():
        counts[code_of(group)] += group["n"]
    return [
        ReasonCount(code, str(LABELS[code]), n)
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], ORDER.index(kv[0])))
    ]


def total(run: ScheduleRun) -> int:
    return LeftOutRequest.objects.filter(run=run).count()


def entries(run: ScheduleRun, reason: str = "") -> QuerySet[LeftOutRequest, Any]:
    """The run's left-out requests in the solver's order, those of one reason if given; each
    a dict with the keys ``phrased`` reads."""
    rows = LeftOutRequest.objects.filter(run=run)
    if reason == OTHER:
        rows = rows.exclude(code__in=[code for code in LABELS if code != OTHER])
    elif reason:
        rows = rows.filter(code=reason)
    return rows.order_by("position").values(
        "buyer_id",
        "exhibitor_id",
        "code",
        "params",
        "reason",
        request=F("request_id"),
        buyer=F("buyer_name"),
        exhibitor=F("exhibitor_name"),
    )


@dataclass(frozen=True)
class LeftOut:
    """One left-out request as the page and the exports show it."""

    request: int
    buyer: str
    exhibitor: str
    code: str
    label: str  # the reason in a few words, as in the summary
    reason: str  # the full sentence, with names


@dataclass(frozen=True)
class Names:
    """Organisations by participation pk and sessions by pk, in the reader's language."""

    organisations: dict[int, str]
    sessions: dict[int, str]


def names(expo: Expo, rows: list[Entry] | None = None) -> Names:
    """The names ``rows`` need (two queries), or the edition's every name when ``rows`` is
    None: an export phrasing 95,000 rows a page at a time reads them once."""
    ids = {e[key] for e in rows or [] for key in ("buyer_id", "exhibitor_id") if e.get(key)}
    found = Participation.objects.filter(expo=expo)
    if rows is not None and len(ids) <= BY_ID_AT_MOST:
        found = found.filter(pk__in=ids)
    organisations = found.values_list("pk", "organisation__name", "organisation__name_zh")
    sessions = NegotiationSession.objects.filter(expo=expo).values_list("pk", "name", "name_zh")
    return Names(
        organisations={pk: in_reader_language(en, zh) for pk, en, zh in organisations},
        sessions={pk: in_reader_language(en, zh) for pk, en, zh in sessions},
    )


def phrased(expo: Expo, rows: Iterable[Entry], known: Names | None = None) -> list[LeftOut]:
    """``rows`` in the reader's language: two queries whatever their number, none if the
    names are ``known``."""
    rows = list(rows)
    if not rows:
        return []
    known = known or names(expo, rows)
    return [_row(entry, known.organisations, known.sessions) for entry in rows]


def _row(entry: Entry, names: dict[int, str], sessions: dict[int, str]) -> LeftOut:
    code = code_of(entry)
    buyer = names.get(entry.get("buyer_id") or 0) or str(entry.get("buyer", ""))
    exhibitor = names.get(entry.get("exhibitor_id") or 0) or str(entry.get("exhibitor", ""))
    if code == OTHER:
        reason = str(entry.get("reason", ""))
    else:
        side_name = {"buyer": buyer, "exhibitor": exhibitor}
        reason = phrase(code, entry.get("params") or {}, side_name, sessions)
    return LeftOut(
        request=int(entry.get("request", 0)),
        buyer=buyer,
        exhibitor=exhibitor,
        code=code,
        label=str(LABELS[code]),
        reason=reason,
    )


def phrase(
    code: str, params: Mapping[str, Any], side_name: Mapping[str, str], sessions: Mapping[int, str]
) -> str:
    """One reason as a sentence in the reader's language, sessions named at the end."""
    separator = pgettext("list separator", ", ")
    values = {
        "name": side_name.get(str(params.get("side", "")), "") or str(params.get("participant")),
        "buyer_languages": separator.join(map(language_name, params.get("buyer_languages", []))),
        "exhibitor_languages": separator.join(
            map(language_name, params.get("exhibitor_languages", []))
        ),
        "requests": separator.join(map(str, params.get("requests", []))),
    }
    if code == Code.CAP_REACHED:
        cap = int(params.get("max", 0))
        text = ngettext(
            "%(name)s already has its maximum of %(max)d meeting.",
            "%(name)s already has its maximum of %(max)d meetings.",
            cap,
        ) % {**values, "max": cap}
    else:
        text = str(PHRASES[code]) % values
    named = [sessions[pk] for pk in params.get("sessions", []) if pk in sessions]
    if named:
        text = _("%(reason)s Sessions: %(sessions)s.") % {
            "reason": text,
            "sessions": separator.join(named),
        }
    return text
