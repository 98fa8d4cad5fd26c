"""Read the JSON interchange format (``docs/formats/schedule.md``); ``writer`` writes it.

Every error is collected and located, and raised together in one ``ProblemError``
(``engine.reading``), so an organiser fixes a file in one round. Only structure and
references are checked here; whether a solution obeys the rules is ``check.check``'s job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

import pycountry

from tradefair.engine.jsonformat import ProblemError, Reader, Source, kind, label, load_json
from tradefair.engine.schedule.problem import (
    Interpreter,
    Meeting,
    Participant,
    Problem,
    ReasonParam,
    Request,
    Side,
    Slot,
    Solution,
    Stats,
    Unscheduled,
)
from tradefair.engine.schedule.reasons import Code

__all__ = ["ProblemError", "Source", "load_json", "parse_problem", "parse_solution"]

PROBLEM_KEYS = ("slots", "participants", "requests", "interpreters", "max_gap_spread")
REQUEST_KEYS = ("priority", "required", "slots", "fixed_slot", "after")
STATS_KEYS = (  # the first six are required, the rest optional
    *("count", "priority", "upper_bound", "buyers_without_meeting"),
    *("min_buyers_without_meeting", "seconds", "priority_upper_bound", "idle_gaps"),
    *("days_attended", "idle_gaps_lower_bound", "status"),
)
STATUSES = ("optimal", "feasible")


@cache
def iso_639_1() -> frozenset[str]:
    """The two-letter language codes pycountry knows."""
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


class _Reader(Reader):
    """The generic reader plus the schedule's own values: times, languages, slot lists."""

    def moment(self, record: dict[str, Any], key: str, where: str) -> dt.datetime | None:
        if key not in record:
            return None
        value = record[key]
        try:
            moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.error(
                where,
                f"{key} must be an ISO 8601 date-time with a UTC offset "
                f"(2025-09-17T09:00:00+08:00), got {value!r}",
            )
            return None
        return moment

    def languages(self, record: dict[str, Any], where: str) -> frozenset[str] | None:
        value = record["languages"]
        if not isinstance(value, list) or not value:
            self.error(where, "languages must be a non-empty list of ISO 639-1 codes")
            return None
        known = iso_639_1()
        for code in value:
            if not isinstance(code, str) or code not in known:
                hint = " (use lowercase)" if isinstance(code, str) and code.lower() in known else ""
                self.error(where, f"unknown language code {code!r}{hint}; use ISO 639-1 (en, zh)")
        return frozenset(c for c in value if isinstance(c, str) and c in known)

    def slot_ids(
        self, record: dict[str, Any], where: str, slots: Mapping[str, str], key: str = "available"
    ) -> frozenset[str] | None:
        if key not in record:
            return None
        value = record[key]
        if not isinstance(value, list):
            self.error(where, f"{key} must be a list of slot ids, got {kind(value)}")
            return None
        for slot in value:
            if not isinstance(slot, str) or slot not in slots:
                self.error(where, f"{key} lists unknown slot {slot!r}")
        return frozenset(s for s in value if isinstance(s, str) and s in slots)

    def flag(self, record: dict[str, Any], key: str, where: str) -> bool:
        value = record.get(key, False)
        if not isinstance(value, bool):
            self.error(where, f"{key} must be true or false, got {kind(value)}")
            return False
        return value


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def parse_problem(source: Source) -> Problem:
    """A ``Problem`` from JSON text or a decoded dict; ``ProblemError`` lists all faults."""
    data = load_json(source)
    read = _Reader()
    top = read.record(data, "top level", PROBLEM_KEYS[:3], PROBLEM_KEYS[3:])
    if top is None:
        raise ProblemError(read.errors)
    # References are checked against every id declared, so a broken item is reported once,
    # not again by everything that refers to it.
    slots, slot_ids = _slots(read, read.items(top, "slots"))
    participants, where_is = _participants(read, read.items(top, "participants"), slot_ids)
    requests = _requests(read, read.items(top, "requests"), participants, where_is, slot_ids)
    interpreters = _interpreters(read, read.items(top, "interpreters"), slot_ids)
    spread = None
    if "max_gap_spread" in top:
        spread = read.integer(top, "max_gap_spread", "top level", 0)
    if read.errors:
        raise ProblemError(read.errors)
    return Problem(
        slots=tuple(slots),
        participants=tuple(participants.values()),
        requests=tuple(requests),
        interpreters=tuple(interpreters),
        max_gap_spread=spread,
    )


def _slots(read: _Reader, items: list[Any]) -> tuple[list[Slot], dict[str, str]]:
    slots: list[Slot] = []
    labels: dict[str, str] = {}
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        where = label("slots", index, item)
        record = read.record(item, where, ("id", "start", "end", "tables"))
        if record is None:
            continue
        ident = read.unique_id(record, where, seen)
        start = read.moment(record, "start", where)
        end = read.moment(record, "end", where)
        tables = read.integer(record, "tables", where, 0) if "tables" in record else None
        if start and end and end <= start:
            read.error(where, f"end {end.isoformat()} must be after start {start.isoformat()}")
            continue
        if ident and start and end and tables is not None:
            slots.append(Slot(ident, start, end, tables))
            labels[ident] = where
    latest: Slot | None = None  # the slot ending last so far
    for slot in sorted(slots, key=lambda s: s.start):
        if latest and slot.start < latest.end:
            read.error(labels[slot.id], f"overlaps {labels[latest.id]}; slots must not overlap")
        if latest is None or slot.end > latest.end:
            latest = slot
    return slots, seen


def _participants(
    read: _Reader, items: list[Any], slots: Mapping[str, str]
) -> tuple[dict[str, Participant], dict[str, str]]:
    participants: dict[str, Participant] = {}
    seen: dict[str, str] = {}
    optional = ("available", "max_meetings", "languages")
    for index, item in enumerate(items):
        where = label("participants", index, item)
        record = read.record(item, where, ("id", "side"), optional)
        if record is None:
            continue
        ident = read.unique_id(record, where, seen)
        side = record.get("side")
        if "side" in record and side not in tuple(Side):
            read.error(where, f"side must be 'buyer', 'exhibitor' or 'participant', got {side!r}")
            side = None
        cap = read.integer(record, "max_meetings", where, 0) if "max_meetings" in record else None
        languages = read.languages(record, where) if "languages" in record else None
        available = read.slot_ids(record, where, slots)
        if ident and side:
            participants[ident] = Participant(ident, Side(side), available, cap, languages)
    return participants, seen


def _requests(
    read: _Reader,
    items: list[Any],
    participants: Mapping[str, Participant],
    where_is: Mapping[str, str],
    slots: Mapping[str, str],
) -> list[Request]:
    requests: list[Request] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        where = label("requests", index, item)
        named = isinstance(item, dict) and "participants" in item
        sides = ("participants",) if named else ("buyer", "exhibitor")
        if isinstance(item, dict) and named and ({"buyer", "exhibitor"} & item.keys()):
            read.error(where, "name either participants or buyer and exhibitor, not both")
            continue
        record = read.record(item, where, ("id", *sides), REQUEST_KEYS)
        if record is None:
            continue
        ident = read.unique_id(record, where, seen)
        ends = (
            _pair(read, record, where, participants, where_is)
            if named
            else _buyer_exhibitor(read, record, where, participants, where_is)
        )
        priority = read.integer(record, "priority", where, 1) if "priority" in record else 1
        required = read.flag(record, "required", where)
        allowed = read.slot_ids(record, where, slots, "slots")
        if allowed is not None and not allowed and isinstance(record["slots"], list):
            read.error(where, "slots must list at least one slot (leave it out for any slot)")
        fixed = read.text(record, "fixed_slot", where)
        if fixed is not None and fixed not in slots:
            read.error(where, f"fixed_slot names unknown slot {fixed!r}")
        elif fixed is not None and allowed is not None and fixed not in allowed:
            read.error(where, f"fixed_slot {fixed!r} is not among its slots")
        after = _after(read, record, where)
        if ident and ends and priority:
            requests.append(
                Request(
                    ident,
                    *ends,
                    priority=priority,
                    pair=named,
                    required=required,
                    slots=allowed or None,
                    fixed_slot=fixed,
                    after=after,
                )
            )
    _check_order(read, requests, seen)
    return requests


def _buyer_exhibitor(
    read: _Reader,
    record: dict[str, Any],
    where: str,
    participants: Mapping[str, Participant],
    where_is: Mapping[str, str],
) -> tuple[str, str] | None:
    buyer = read.text(record, "buyer", where)
    exhibitor = read.text(record, "exhibitor", where)
    if buyer is not None and exhibitor is not None and buyer == exhibitor:
        read.error(where, f"buyer and exhibitor are the same participant {buyer!r}")
        return None
    ok = True
    for role, ref in ((Side.BUYER, buyer), (Side.EXHIBITOR, exhibitor)):
        if ref is None:
            ok = False
        elif ref not in participants:
            ok = False
            if ref not in where_is:  # a participant with errors of its own was reported
                read.error(where, f"unknown {role.value} {ref!r}")
        elif participants[ref].side != role:
            ok = False
            actual = participants[ref].side.value
            read.error(where, f"{role.value} {ref!r} is {_a(actual)}, not {_a(role.value)}")
    return (buyer, exhibitor) if ok and buyer and exhibitor else None


def _pair(
    read: _Reader,
    record: dict[str, Any],
    where: str,
    participants: Mapping[str, Participant],
    where_is: Mapping[str, str],
) -> tuple[str, str] | None:
    value = record["participants"]
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        read.error(where, f"participants must be a list of two participant ids, got {kind(value)}")
        return None
    first, second = value
    if first == second:
        read.error(where, f"participants names {first!r} twice; a meeting needs two people")
        return None
    missing = [ref for ref in value if ref not in participants]
    for ref in missing:
        if ref not in where_is:
            read.error(where, f"unknown participant {ref!r}")
    return None if missing else (first, second)


def _after(read: _Reader, record: dict[str, Any], where: str) -> tuple[str, ...]:
    value = record.get("after", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        read.error(where, f"after must be a list of request ids, got {kind(value)}")
        return ()
    return tuple(dict.fromkeys(value))


def _check_order(read: _Reader, requests: list[Request], where_is: Mapping[str, str]) -> None:
    """``after`` names known requests, never itself, and the order has no cycle."""
    known = {r.id for r in requests}
    for r in requests:
        for earlier in r.after:
            if earlier == r.id:
                read.error(where_is[r.id], "after names the request itself")
            elif earlier not in known and earlier not in where_is:
                read.error(where_is[r.id], f"after names unknown request {earlier!r}")
    follows = {r.id: [e for e in r.after if e in known and e != r.id] for r in requests}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in follows:
        if root in state:
            continue  # reached from an earlier root: done
        state[root] = 1
        stack = [(root, iter(follows[root]))]
        path = [root]
        while stack:
            node, rest = stack[-1]
            nxt = next(rest, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                read.error(
                    where_is[nxt],
                    "after makes a cycle: " + " after ".join(cycle) + "; no order can keep it",
                )
                return
            elif state.get(nxt) is None:
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(follows[nxt])))


def _interpreters(read: _Reader, items: list[Any], slots: Mapping[str, str]) -> list[Interpreter]:
    interpreters: list[Interpreter] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        where = label("interpreters", index, item)
        record = read.record(item, where, ("id", "languages"), ("available",))
        if record is None:
            continue
        ident = read.unique_id(record, where, seen)
        languages = read.languages(record, where) if "languages" in record else None
        available = read.slot_ids(record, where, slots)
        if ident and languages:
            interpreters.append(Interpreter(ident, languages, available))
    return interpreters


def duplicate_pairs(problem: Problem) -> list[str]:
    """Notes, not errors: a pair requested twice is legal (two meetings) but often a mistake."""
    first: dict[tuple[str, str], str] = {}
    notes = []
    for request in problem.requests:
        pair = (request.buyer, request.exhibitor)
        if request.pair:
            pair = (min(pair), max(pair))
        if pair in first:
            notes.append(
                f"request {request.id}: {request.buyer} and {request.exhibitor} "
                f"already asked to meet in {first[pair]}"
            )
        else:
            first[pair] = request.id
    return notes


def parse_solution(source: Source) -> Solution:
    """A ``Solution`` from JSON; unknown top-level keys are kept in ``extra`` and written back."""
    data = load_json(source)
    read = _Reader()
    if not isinstance(data, dict):
        raise ProblemError([f"top level: must be an object, got {kind(data)}"])
    if "meetings" not in data:
        read.error("top level", "missing 'meetings'")
    meetings: list[Meeting] = []
    for index, item in enumerate(read.items(data, "meetings")):
        where = f"meetings[{index}]"
        record = read.record(item, where, ("request", "slot", "table"), ("interpreter",))
        if record is None:
            continue
        request = read.text(record, "request", where)
        slot = read.text(record, "slot", where)
        table = read.integer(record, "table", where, None) if "table" in record else None
        interpreter = record.get("interpreter")
        if interpreter is not None:
            interpreter = read.text(record, "interpreter", where)
        if request and slot and table is not None:
            meetings.append(Meeting(request, slot, table, interpreter))
    unscheduled: list[Unscheduled] = []
    for index, item in enumerate(read.items(data, "unscheduled")):
        where = f"unscheduled[{index}]"
        record = read.record(item, where, ("request",), ("reason", "code", "params"))
        if record is None:
            continue
        request = read.text(record, "request", where)
        reason = record.get("reason", "")
        code, params = _reason_data(read, record, where)
        if not isinstance(reason, str):
            read.error(where, f"reason must be a string, got {kind(reason)}")
        elif request:
            unscheduled.append(Unscheduled(request, reason, code, params))
    stats = _stats(read, data["stats"]) if "stats" in data else None
    if read.errors:
        raise ProblemError(read.errors)
    extra = {k: v for k, v in data.items() if k not in ("meetings", "unscheduled", "stats")}
    return Solution(tuple(meetings), tuple(unscheduled), stats, extra)


def _reason_data(
    read: _Reader, record: dict[str, Any], where: str
) -> tuple[str, dict[str, ReasonParam]]:
    """An unscheduled request's ``code`` (a known one) and ``params`` (JSON scalars or lists of
    strings); both optional, so files from before codes, or from other systems, still read."""
    code = record.get("code", "")
    if not isinstance(code, str):
        read.error(where, f"code must be a string, got {kind(code)}")
        code = ""
    elif code and code not in {c.value for c in Code}:
        read.error(where, f"unknown code {code!r}; expected one of {', '.join(Code)}")
        code = ""
    params = record.get("params", {})
    if not isinstance(params, dict):
        read.error(where, f"params must be an object, got {kind(params)}")
        return code, {}
    for key, value in params.items():
        plain = isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
        if not plain and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            read.error(where, f"params.{key} must be a string, a whole number or a list of strings")
            return code, {}
    return code, params


def _stats(read: _Reader, value: Any) -> Stats | None:
    record = read.record(value, "stats", STATS_KEYS[:6], STATS_KEYS[6:])
    if record is None or any(key not in record for key in STATS_KEYS[:6]):
        return None
    seconds = record["seconds"]
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        read.error("stats", f"seconds must be a number, got {kind(seconds)}")
    status = record.get("status")
    if status is not None and status not in STATUSES:
        read.error("stats", f"status must be 'optimal' or 'feasible', got {status!r}")
    numbers: dict[str, int | None] = {}
    for key in (*STATS_KEYS[:5], *STATS_KEYS[6:-1]):
        if key in STATS_KEYS[:5] or record.get(key) is not None:
            numbers[key] = read.integer(record, key, "stats", -1)
    if read.errors:
        return None
    return Stats(seconds=float(seconds), status=status, **numbers)  # type: ignore[arg-type]
