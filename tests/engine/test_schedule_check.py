"""The rule checker: each broken rule is one exact line, and no broken solution slips through."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.greedy import greedy
from tradefair.engine.schedule.problem import (
    Interpreter,
    Meeting,
    Participant,
    Problem,
    Request,
    Side,
    Solution,
    Stats,
    Unscheduled,
    needs_interpreter,
)

from .schedule_cases import slot
from .strategies import problems

PROBLEM = Problem(
    slots=(slot(1, 2), slot(2, 1), slot(3, 0)),
    participants=(
        Participant("B1", Side.BUYER, languages=frozenset({"zh"}), max_meetings=1),
        Participant("B2", Side.BUYER, available=frozenset({"s1", "s2"})),
        Participant("E1", Side.EXHIBITOR, languages=frozenset({"th"})),
        Participant("E2", Side.EXHIBITOR, languages=frozenset({"en"})),
    ),
    requests=(
        Request("R1", "B1", "E1", 3),  # needs an interpreter
        Request("R2", "B2", "E2"),
        Request("R3", "B2", "E1"),
        Request("R4", "B1", "E2"),
    ),
    interpreters=(
        Interpreter("I1", frozenset({"zh", "th"}), frozenset({"s1", "s2"})),
        Interpreter("I2", frozenset({"en"})),
        Interpreter("I3", frozenset({"zh", "th", "en"})),
    ),
)
VALID = (Meeting("R1", "s1", 1, "I1"), Meeting("R2", "s1", 2))


def broken(*meetings: Meeting, **solution: object) -> list[str]:
    return check(PROBLEM, Solution(meetings, **solution))  # type: ignore[arg-type]


def test_a_valid_solution_has_no_faults() -> None:
    assert broken(*VALID) == []
    assert broken() == []


@pytest.mark.parametrize(
    ("meetings", "faults"),
    [
        (
            [*VALID, Meeting("R1", "s2", 1, "I1")],
            [
                "request R1 is scheduled 2 times: s1 table 1, s2 table 1",
                "buyer B1 has 2 meetings, more than max_meetings 1",
            ],
        ),
        (
            [Meeting("R1", "s1", 1, "I1"), Meeting("R2", "s1", 1)],
            ["slot s1 table 1 holds 2 meetings: R1, R2"],
        ),
        (
            [*VALID, Meeting("R3", "s1", 3)],
            [
                "meetings[2] (R3 in s1 at table 3): table 3 is outside 1..2 of slot s1",
                "slot s1 has 3 meetings but only 2 tables",
                "exhibitor E1 is in 2 meetings in slot s1: R1, R3",
                "buyer B2 is in 2 meetings in slot s1: R2, R3",
            ],
        ),
        (
            [Meeting("R2", "s2", 0)],
            ["meetings[0] (R2 in s2 at table 0): table 0 is outside 1..1 of slot s2"],
        ),
        (
            [Meeting("R2", "s3", 1)],
            [
                "meetings[0] (R2 in s3 at table 1): slot s3 has no tables",
                "meetings[0] (R2 in s3 at table 1): buyer B2 is not available in s3",
                "slot s3 has 1 meetings but only 0 tables",
            ],
        ),
        (
            [Meeting("R1", "s1", 1)],
            [
                "meetings[0] (R1 in s1 at table 1): needs an interpreter "
                "(buyer B1 speaks zh, exhibitor E1 speaks th)"
            ],
        ),
        (
            [Meeting("R1", "s1", 1, "I2")],
            [
                "meetings[0] (R1 in s1 at table 1): interpreter I2 (en) does not speak a "
                "language of each side (buyer B1: zh, exhibitor E1: th)"
            ],
        ),
        (
            [Meeting("R1", "s2", 1, "I9")],
            ["meetings[0] (R1 in s2 at table 1): unknown interpreter 'I9'"],
        ),
        (
            [Meeting("R1", "s3", 1, "I1")],
            [
                "meetings[0] (R1 in s3 at table 1): slot s3 has no tables",
                "meetings[0] (R1 in s3 at table 1): interpreter I1 is not available in s3",
                "slot s3 has 1 meetings but only 0 tables",
            ],
        ),
        (
            [Meeting("R1", "s1", 1, "I3"), Meeting("R2", "s1", 2, "I3")],
            ["interpreter I3 is in 2 meetings in slot s1: R1, R2"],
        ),
        ([Meeting("R9", "s1", 1)], ["meetings[0] (R9 in s1 at table 1): unknown request 'R9'"]),
        ([Meeting("R2", "s9", 1)], ["meetings[0] (R2 in s9 at table 1): unknown slot 's9'"]),
    ],
)
def test_each_broken_rule_is_reported_exactly(meetings: list[Meeting], faults: list[str]) -> None:
    assert broken(*meetings) == faults


def test_an_unneeded_interpreter_is_fine_if_valid() -> None:
    # R2: B2 states no language, E2 speaks en. I2 (en) qualifies; I1 (zh/th) does not.
    assert broken(Meeting("R2", "s1", 1, "I2")) == []
    assert broken(Meeting("R2", "s1", 1, "I1")) == [
        "meetings[0] (R2 in s1 at table 1): interpreter I1 (th/zh) does not speak a language "
        "of each side (buyer B2: any language, exhibitor E2: en)"
    ]


def test_unscheduled_entries_must_name_unscheduled_known_requests() -> None:
    unscheduled = tuple(Unscheduled(r, "x") for r in ("R1", "R7", "R3", "R3"))
    assert broken(*VALID, unscheduled=unscheduled) == [
        "unscheduled[0]: request R1 is also scheduled",
        "unscheduled[1]: unknown request 'R7'",
        "request R3 is listed 2 times as unscheduled",
    ]


def test_stats_that_contradict_the_meetings_are_reported() -> None:
    honest = Stats(2, 4, 3, 0, 0, 0.5, priority_upper_bound=6, idle_gaps=0, days_attended=4)
    assert broken(*VALID, stats=honest) == []
    lying = Stats(3, 5, 1, 1, 2, 0.5, priority_upper_bound=2, idle_gaps=4, days_attended=2)
    assert broken(*VALID, stats=lying) == [
        "stats: count is 3 but the meetings give 2",
        "stats: priority is 5 but the meetings give 4",
        "stats: buyers_without_meeting is 1 but the meetings give 0",
        "stats: idle_gaps is 4 but the meetings give 0",
        "stats: days_attended is 2 but the meetings give 4",
        "stats: upper_bound 1 is below the count 2",
        "stats: priority_upper_bound 2 is below the priority 4",
        "stats: min_buyers_without_meeting 2 is above the buyers without a meeting 0",
    ]


# Property tests: take greedy's valid solution, break one rule, the checker must notice.


@st.composite
def scheduled(
    draw: st.DrawFn, problem_strategy: st.SearchStrategy[Problem] | None = None
) -> tuple[Problem, list[Meeting]]:
    problem = draw(problem_strategy if problem_strategy is not None else problems())
    meetings = list(greedy(problem, bounds=False).meetings)
    assume(meetings)
    return problem, meetings


def faults_after(problem: Problem, meetings: list[Meeting]) -> list[str]:
    return check(problem, Solution(tuple(meetings)))


@settings(max_examples=100, deadline=None)
@given(scheduled(), st.data())
def test_double_booking_a_request_is_caught(
    case: tuple[Problem, list[Meeting]], data: st.DataObject
) -> None:
    problem, meetings = case
    twice = data.draw(st.sampled_from(meetings))
    faults = faults_after(problem, [*meetings, twice])
    assert f"request {twice.request} is scheduled 2 times: " in "\n".join(faults)


@settings(max_examples=100, deadline=None)
@given(scheduled(), st.data())
def test_a_table_outside_the_slot_is_caught(
    case: tuple[Problem, list[Meeting]], data: st.DataObject
) -> None:
    problem, meetings = case
    n = data.draw(st.integers(0, len(meetings) - 1))
    tables = problem.slots[problem.slot_index[meetings[n].slot]].tables
    bad = data.draw(st.sampled_from([0, -1, tables + 1]))
    meetings[n] = dataclasses.replace(meetings[n], table=bad)
    faults = "\n".join(faults_after(problem, meetings))
    where = f"meetings[{n}] ({meetings[n].request} in {meetings[n].slot} at table {bad})"
    assert f"{where}: table {bad} is outside 1..{tables} of slot {meetings[n].slot}" in faults


@settings(max_examples=100, deadline=None)
@given(scheduled(), st.data())
def test_moving_a_meeting_anywhere_else_breaks_or_keeps_the_rules_visibly(
    case: tuple[Problem, list[Meeting]], data: st.DataObject
) -> None:
    """Move one meeting to another slot and table; check() must agree with an independent
    recount of the rules it could break there."""
    problem, meetings = case
    n = data.draw(st.integers(0, len(meetings) - 1))
    target = data.draw(st.sampled_from(problem.slots))
    table = data.draw(st.integers(1, 3))
    moved = dataclasses.replace(meetings[n], slot=target.id, table=table)
    others = meetings[:n] + meetings[n + 1 :]
    request = problem.requests[problem.request_index[moved.request]]
    people = {p.id: p for p in problem.participants}
    interpreter = {i.id: i for i in problem.interpreters}.get(moved.interpreter or "")
    same_slot = [
        problem.requests[problem.request_index[m.request]] for m in others if m.slot == target.id
    ]
    expected_fault = (
        table > target.tables
        or any(m.slot == target.id and m.table == table for m in others)
        or any(r.buyer == request.buyer or r.exhibitor == request.exhibitor for r in same_slot)
        or any(
            (a := people[x].available) is not None and target.id not in a
            for x in (request.buyer, request.exhibitor)
        )
        or (
            interpreter is not None
            and (
                (interpreter.available is not None and target.id not in interpreter.available)
                or any(m.slot == target.id and m.interpreter == interpreter.id for m in others)
            )
        )
    )
    assert bool(faults_after(problem, [*others, moved])) == expected_fault


MONOLINGUAL = problems(
    min_interpreters=2, speakers=st.sampled_from([frozenset({"en"}), frozenset({"zh"})])
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(scheduled(MONOLINGUAL), st.data())
def test_dropping_a_needed_interpreter_is_caught(
    case: tuple[Problem, list[Meeting]], data: st.DataObject
) -> None:
    problem, meetings = case
    people = {p.id: p for p in problem.participants}
    needing = [
        n
        for n, m in enumerate(meetings)
        if needs_interpreter(
            people[problem.requests[problem.request_index[m.request]].buyer],
            people[problem.requests[problem.request_index[m.request]].exhibitor],
        )
    ]
    assume(needing)
    n = data.draw(st.sampled_from(needing))
    meetings[n] = dataclasses.replace(meetings[n], interpreter=None)
    faults = "\n".join(faults_after(problem, meetings))
    where = f"meetings[{n}] ({meetings[n].request} in {meetings[n].slot} at table"
    assert f"{where} {meetings[n].table}): needs an interpreter (buyer " in faults


@settings(max_examples=100, deadline=None)
@given(problems(), st.data())
def test_exceeding_max_meetings_is_caught(problem: Problem, data: st.DataObject) -> None:
    """Place one participant's requests in distinct slots beyond their cap."""
    capped = [p for p in problem.participants if p.max_meetings is not None]
    assume(capped)
    person = data.draw(st.sampled_from(capped))
    theirs = [r for r in problem.requests if person.id in (r.buyer, r.exhibitor)]
    assume(len(theirs) > person.max_meetings and len(problem.slots) > person.max_meetings)  # type: ignore[operator]
    meetings = [Meeting(r.id, s.id, 1) for r, s in zip(theirs, problem.slots, strict=False)]
    faults = faults_after(problem, meetings)
    assert any(f"{person.id} has" in f and "more than max_meetings" in f for f in faults)


@settings(max_examples=100, deadline=None)
@given(scheduled())
def test_metrics_in_the_stats_of_greedy_agree_with_the_checker(
    case: tuple[Problem, list[Meeting]],
) -> None:
    problem, meetings = case
    stats = metrics.summarise(problem, meetings, seconds=0.0)
    assert check(problem, Solution(tuple(meetings), stats=stats)) == []
