"""Every hard rule a solution breaks, whoever produced it.

The checker shares no code with any solver on purpose: it is the independent witness that the
greedy baseline, the real solver and solutions from other systems obey the rules. One pass
over the meetings groups them by request, slot-table, participant-slot and interpreter-slot,
so 150,000 meetings take well under a second.

An interpreter on a meeting that does not need one is allowed, but must then obey every
interpreter rule: known, available in the slot, in no other meeting then, and speaking a
language of each side that states languages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.problem import (
    Interpreter,
    Meeting,
    Participant,
    Problem,
    Solution,
    needs_interpreter,
)


def _speaks_for(interpreter: Interpreter, buyer: Participant, exhibitor: Participant) -> bool:
    """Shares a language with every side that states languages."""
    return all(
        not side.languages or interpreter.languages & side.languages for side in (buyer, exhibitor)
    )


def _languages(p: Participant) -> str:
    return "/".join(sorted(p.languages or ())) or "any language"


def check(problem: Problem, solution: Solution) -> list[str]:
    """One human-readable line per broken rule; an empty list means the solution is valid."""
    out: list[str] = []
    people = {p.id: p for p in problem.participants}
    interpreters = {i.id: i for i in problem.interpreters}
    slot_index, request_index = problem.slot_index, problem.request_index

    placed_at: dict[str, list[str]] = defaultdict(list)  # request -> "slot table n"
    at_table: dict[tuple[str, int], list[str]] = defaultdict(list)
    per_slot: Counter[str] = Counter()
    busy: dict[tuple[str, str], list[str]] = defaultdict(list)  # (participant, slot) -> requests
    booked: dict[tuple[str, str], list[str]] = defaultdict(list)  # (interpreter, slot)
    meetings_of: Counter[str] = Counter()

    for n, m in enumerate(solution.meetings):
        where = f"meetings[{n}] ({m.request} in {m.slot} at table {m.table})"
        if m.request not in request_index:
            out.append(f"{where}: unknown request {m.request!r}")
            continue
        if m.slot not in slot_index:
            out.append(f"{where}: unknown slot {m.slot!r}")
            continue
        request = problem.requests[request_index[m.request]]
        slot = problem.slots[slot_index[m.slot]]
        buyer, exhibitor = people[request.buyer], people[request.exhibitor]
        placed_at[m.request].append(f"{m.slot} table {m.table}")
        per_slot[m.slot] += 1
        if slot.tables == 0:
            out.append(f"{where}: slot {m.slot} has no tables")
        elif not 1 <= m.table <= slot.tables:
            out.append(f"{where}: table {m.table} is outside 1..{slot.tables} of slot {m.slot}")
        else:
            at_table[(m.slot, m.table)].append(m.request)
        own = request.own_slots
        if own is not None and m.slot not in own:
            rule = "fixed_slot is" if request.fixed_slot is not None else "slots are"
            out.append(f"{where}: request {m.request}'s {rule} {', '.join(sorted(own))}")
        for side in (buyer, exhibitor):
            if side.available is not None and m.slot not in side.available:
                out.append(f"{where}: {side.side.value} {side.id} is not available in {m.slot}")
            busy[(side.id, m.slot)].append(m.request)
            meetings_of[side.id] += 1
        out.extend(_interpreter_faults(where, m, buyer, exhibitor, interpreters, booked))

    for request_id, places in placed_at.items():
        if len(places) > 1:
            out.append(
                f"request {request_id} is scheduled {len(places)} times: {', '.join(places)}"
            )
    for (slot_id, table), requests in at_table.items():
        if len(requests) > 1:
            out.append(
                f"slot {slot_id} table {table} holds {len(requests)} meetings: "
                f"{', '.join(requests)}"
            )
    for slot_id, used in per_slot.items():
        tables = problem.slots[slot_index[slot_id]].tables
        if used > tables:
            out.append(f"slot {slot_id} has {used} meetings but only {tables} tables")
    for (person, slot_id), requests in busy.items():
        if len(requests) > 1:
            role = people[person].side.value
            out.append(
                f"{role} {person} is in {len(requests)} meetings in slot {slot_id}: "
                f"{', '.join(requests)}"
            )
    for person, held in meetings_of.items():
        cap = people[person].max_meetings
        if cap is not None and held > cap:
            role = people[person].side.value
            out.append(f"{role} {person} has {held} meetings, more than max_meetings {cap}")
    for (interpreter_id, slot_id), requests in booked.items():
        if len(requests) > 1:
            out.append(
                f"interpreter {interpreter_id} is in {len(requests)} meetings in slot "
                f"{slot_id}: {', '.join(requests)}"
            )
    out.extend(_general_faults(problem, solution))
    out.extend(_unscheduled_faults(problem, solution, placed_at.keys()))
    out.extend(_stats_faults(problem, solution))
    return out


def _general_faults(problem: Problem, solution: Solution) -> list[str]:
    """Required meetings, their order and the gap spread: the rules of general B2B events."""
    faults = []
    slot_index = problem.slot_index
    start: dict[str, dt.datetime] = {}
    for m in solution.meetings:
        if m.request in problem.request_index and m.slot in slot_index:
            start.setdefault(m.request, problem.slots[slot_index[m.slot]].start)
    for r in problem.requests:
        if r.required and r.id not in start:
            faults.append(f"request {r.id} is required but not scheduled")
        if r.id not in start:
            continue
        for earlier in r.after:
            if earlier not in start:
                faults.append(
                    f"request {r.id} is scheduled but {earlier}, which it follows, is not"
                )
            elif start[earlier] >= start[r.id]:
                faults.append(
                    f"request {r.id} must come after {earlier}, but starts at "
                    f"{start[r.id].isoformat()} and {earlier} at {start[earlier].isoformat()}"
                )
    if problem.max_gap_spread is not None:
        most, fewest = metrics.gap_spread(problem, solution.meetings)
        if most - fewest > problem.max_gap_spread:
            faults.append(
                f"idle gaps range from {fewest} to {most} per participant, a spread of "
                f"{most - fewest}, more than max_gap_spread {problem.max_gap_spread}"
            )
    return faults


def _interpreter_faults(
    where: str,
    m: Meeting,
    buyer: Participant,
    exhibitor: Participant,
    interpreters: dict[str, Interpreter],
    booked: dict[tuple[str, str], list[str]],
) -> list[str]:
    if m.interpreter is None:
        if needs_interpreter(buyer, exhibitor):
            return [
                f"{where}: needs an interpreter ({buyer.side.value} {buyer.id} speaks "
                f"{_languages(buyer)}, {exhibitor.side.value} {exhibitor.id} speaks "
                f"{_languages(exhibitor)})"
            ]
        return []
    interpreter = interpreters.get(m.interpreter)
    if interpreter is None:
        return [f"{where}: unknown interpreter {m.interpreter!r}"]
    faults = []
    booked[(interpreter.id, m.slot)].append(m.request)
    if interpreter.available is not None and m.slot not in interpreter.available:
        faults.append(f"{where}: interpreter {interpreter.id} is not available in {m.slot}")
    if not _speaks_for(interpreter, buyer, exhibitor):
        faults.append(
            f"{where}: interpreter {interpreter.id} ({'/'.join(sorted(interpreter.languages))}) "
            f"does not speak a language of each side ({buyer.side.value} {buyer.id}: "
            f"{_languages(buyer)}, {exhibitor.side.value} {exhibitor.id}: {_languages(exhibitor)})"
        )
    return faults


def _unscheduled_faults(
    problem: Problem, solution: Solution, scheduled: Collection[str]
) -> list[str]:
    faults = []
    listed: Counter[str] = Counter()
    for n, u in enumerate(solution.unscheduled):
        listed[u.request] += 1
        if u.request not in problem.request_index:
            faults.append(f"unscheduled[{n}]: unknown request {u.request!r}")
        elif u.request in scheduled:
            faults.append(f"unscheduled[{n}]: request {u.request} is also scheduled")
    faults.extend(
        f"request {request} is listed {times} times as unscheduled"
        for request, times in listed.items()
        if times > 1
    )
    return faults


def _stats_faults(problem: Problem, solution: Solution) -> list[str]:
    """Stats that contradict the meetings: a report quoting them would mislead."""
    stats = solution.stats
    if stats is None:
        return []
    valid = [m for m in solution.meetings if m.request in problem.request_index]
    faults = []
    actual = {
        "count": len(solution.meetings),
        "priority": metrics.priority(problem, valid),
        "buyers_without_meeting": metrics.buyers_without_meeting(problem, valid),
    }
    if stats.idle_gaps is not None:
        actual["idle_gaps"] = metrics.idle_gaps(problem, valid)
    if stats.days_attended is not None:
        actual["days_attended"] = metrics.days_attended(problem, valid)
    for key, value in actual.items():
        if getattr(stats, key) != value:
            faults.append(f"stats: {key} is {getattr(stats, key)} but the meetings give {value}")
    if stats.upper_bound >= 0 and stats.upper_bound < actual["count"]:
        faults.append(
            f"stats: upper_bound {stats.upper_bound} is below the count {actual['count']}"
        )
    if stats.priority_upper_bound is not None and stats.priority_upper_bound < actual["priority"]:
        faults.append(
            f"stats: priority_upper_bound {stats.priority_upper_bound} is below the priority "
            f"{actual['priority']}"
        )
    low = stats.idle_gaps_lower_bound
    if low is not None and stats.idle_gaps is not None and low > stats.idle_gaps:
        faults.append(
            f"stats: idle_gaps_lower_bound {low} is above the idle gaps {stats.idle_gaps}"
        )
    if 0 <= actual["buyers_without_meeting"] < stats.min_buyers_without_meeting:
        faults.append(
            f"stats: min_buyers_without_meeting {stats.min_buyers_without_meeting} is above "
            f"the buyers without a meeting {actual['buyers_without_meeting']}"
        )
    return faults
