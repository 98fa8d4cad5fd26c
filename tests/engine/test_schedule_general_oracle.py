"""The general scheduler against an independent brute-force oracle on tiny events.

``solve_general`` solves a CP-SAT model; checking it with another model would check it with
itself, so the oracle here tries every assignment of requests to slots (or none), keeps those
obeying every rule of general events, and takes the lexicographic optimum: fewest people who
asked without a meeting, then the largest priority, then the fewest idle gaps. It recomputes
every figure (days, gaps, the spread) from the rules as the format states them and imports
nothing from the solver or from ``metrics``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TypeVar
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradefair.engine.schedule import general_model
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.general import Infeasible, solve_general
from tradefair.engine.schedule.problem import Participant, Problem, Request, Side, Slot, Solution

T = TypeVar("T")
TZ = dt.timezone(dt.timedelta(hours=8))
TIME_LIMIT = 10.0
WORKERS = 1
SETTINGS = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


# ---------------------------------------------------------------------------------------------
# The oracle


@dataclass(frozen=True)
class Optimum:
    unserved: int  # people who asked and got no meeting
    priority: int
    gaps: int
    schedule: dict[str, str]  # one optimal assignment, request -> slot, to read when a test fails


def _day_positions(problem: Problem) -> dict[str, tuple[dt.date, int]]:
    """Each slot's day and its place among that day's slots by start time."""
    by_day: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in problem.slots:
        by_day[slot.start.date()].append(slot)
    return {
        slot.id: (day, n)
        for day, slots in by_day.items()
        for n, slot in enumerate(sorted(slots, key=lambda s: s.start))
    }


def _gaps_of(
    problem: Problem, schedule: dict[str, str], positions: dict[str, tuple[dt.date, int]]
) -> dict[str, int]:
    """Idle gaps of every listed participant: two consecutive meetings of the same day with a
    slot of the problem between them are one gap."""
    requests = {r.id: r for r in problem.requests}
    attended: dict[str, list[tuple[dt.date, int]]] = {p.id: [] for p in problem.participants}
    for request_id, slot_id in schedule.items():
        for person in (requests[request_id].buyer, requests[request_id].exhibitor):
            attended[person].append(positions[slot_id])
    gaps = {}
    for person, places in attended.items():
        places.sort()
        gaps[person] = sum(
            1
            for (day, pos), (next_day, next_pos) in itertools.pairwise(places)
            if day == next_day and next_pos - pos >= 2
        )
    return gaps


def _may_take(problem: Problem, request: Request, slot: Slot) -> bool:
    """The slot has a table, the request's own rules allow it and both people are free."""
    people = {p.id: p for p in problem.participants}
    if slot.tables < 1:
        return False
    if request.fixed_slot is not None and slot.id != request.fixed_slot:
        return False
    if request.slots is not None and slot.id not in request.slots:
        return False
    for side in (request.buyer, request.exhibitor):
        available = people[side].available
        if available is not None and slot.id not in available:
            return False
    return True


def _obeys_rules(
    problem: Problem, schedule: dict[str, str], positions: dict[str, tuple[dt.date, int]]
) -> bool:
    slots = {s.id: s for s in problem.slots}
    requests = {r.id: r for r in problem.requests}
    per_slot: Counter[str] = Counter(schedule.values())
    if any(used > slots[s].tables for s, used in per_slot.items()):
        return False
    busy: Counter[tuple[str, str]] = Counter()
    load: Counter[str] = Counter()
    for request_id, slot_id in schedule.items():
        for person in (requests[request_id].buyer, requests[request_id].exhibitor):
            busy[person, slot_id] += 1
            load[person] += 1
    if any(n > 1 for n in busy.values()):
        return False
    for p in problem.participants:
        if p.max_meetings is not None and load[p.id] > p.max_meetings:
            return False
    for r in problem.requests:
        if r.required and r.id not in schedule:
            return False
        if r.id in schedule:
            for earlier in r.after:
                if earlier not in schedule:
                    return False
                if not slots[schedule[earlier]].start < slots[schedule[r.id]].start:
                    return False
    if problem.max_gap_spread is not None and problem.participants:
        counts = _gaps_of(problem, schedule, positions).values()
        if max(counts) - min(counts) > problem.max_gap_spread:
            return False
    return True


def oracle(problem: Problem) -> Optimum | None:
    """The lexicographic optimum over every valid schedule; None when there is none."""
    positions = _day_positions(problem)
    options: list[list[str | None]] = []
    for r in problem.requests:
        allowed: list[str | None] = [s.id for s in problem.slots if _may_take(problem, r, s)]
        options.append(allowed if r.required else [None, *allowed])
    requests = {r.id: r for r in problem.requests}
    # Who asked: both people named by a pair, only the buyer of a buyer-exhibitor request.
    askers = {
        p for r in problem.requests for p in ((r.buyer, r.exhibitor) if r.pair else (r.buyer,))
    }
    best: tuple[tuple[int, int, int], dict[str, str]] | None = None
    for choice in itertools.product(*options):
        schedule = {r.id: s for r, s in zip(problem.requests, choice, strict=True) if s is not None}
        if not _obeys_rules(problem, schedule, positions):
            continue
        met = {p for rid in schedule for p in (requests[rid].buyer, requests[rid].exhibitor)}
        key = (
            len(askers - met),
            -sum(requests[rid].priority for rid in schedule),
            sum(_gaps_of(problem, schedule, positions).values()),
        )
        if best is None or key < best[0]:
            best = (key, schedule)
    if best is None:
        return None
    (unserved, minus_priority, gaps), schedule = best
    return Optimum(unserved, -minus_priority, gaps, schedule)


# ---------------------------------------------------------------------------------------------
# Tiny general events


def _slot(slot_id: str, day: int, hour: int, tables: int = 1) -> Slot:
    start = dt.datetime(2025, 9, 17 + day, hour, tzinfo=TZ)
    return Slot(slot_id, start, start + dt.timedelta(minutes=30), tables)


def _person(
    person_id: str, available: set[str] | None = None, cap: int | None = None
) -> Participant:
    return Participant(
        person_id,
        Side.PARTICIPANT,
        available=None if available is None else frozenset(available),
        max_meetings=cap,
    )


def _pair(
    request_id: str,
    a: str,
    b: str,
    *,
    slots: set[str] | None = None,
    after: list[str] | set[str] | tuple[str, ...] = (),
    **rules: object,
) -> Request:
    return Request(
        request_id,
        a,
        b,
        pair=True,
        slots=None if slots is None else frozenset(slots),
        after=tuple(sorted(after)),
        **rules,  # type: ignore[arg-type]
    )


def _sometimes(draw: st.DrawFn, strategy: st.SearchStrategy[T], odds: int) -> T | None:
    """One draw in ``odds`` from ``strategy``, else None (which is what examples shrink to)."""
    return draw(strategy) if draw(st.integers(0, odds - 1)) == odds - 1 else None


@st.composite
def general_problems(draw: st.DrawFn, *, crowded: bool = False, mixed: bool = False) -> Problem:
    """2-4 participants, 1-4 slots of 1-2 tables (now and then none) on one or two days
    (listed out of time order), 1-5 pair requests with every general rule, often a gap
    spread. ``mixed`` events give people sides and turn some requests between a buyer and an
    exhibitor into buyer-exhibitor requests, where only the buyer asked.

    Each rule is drawn only now and then, so most events stay feasible and leave choices to
    make. ``crowded`` events have 4-5 slots on one day, 3-4 participants, 4-5 requests with
    more fixed slots and windows, and always a spread of 0 or 1: the shape where idle gaps,
    and so the spread, matter (with four slots a day nobody can have two gaps, so a spread
    of 1 or more never binds there)."""
    n_slots = draw(st.integers(4, 5) if crowded else st.sampled_from([1, 2, 3, 3, 4, 4]))
    days = [0] * n_slots
    if not crowded and draw(st.booleans()):
        days = sorted(draw(st.lists(st.integers(0, 1), min_size=n_slots, max_size=n_slots)))
    timed = [(day, 9 + n) for n, day in enumerate(days)]  # distinct starts, days in order
    listed = draw(st.permutations(timed))
    slots = tuple(
        _slot(f"s{n}", day, hour, draw(st.sampled_from([1, 2] * 4 + [0])))
        for n, (day, hour) in enumerate(listed)
    )
    slot_ids = [s.id for s in slots]
    some_slots = st.sets(st.sampled_from(slot_ids))

    names = "ABCD"[: draw(st.integers(3 if crowded else 2, 4))]
    sides = dict.fromkeys(names, Side.PARTICIPANT)
    if mixed:  # A buys and B exhibits, so buyer-exhibitor requests can arise
        sides |= {"A": Side.BUYER, "B": Side.EXHIBITOR}
        sides |= {name: draw(st.sampled_from(Side)) for name in names[2:]}
    people = tuple(
        replace(
            _person(
                name,
                _sometimes(draw, some_slots, 4),
                _sometimes(draw, st.integers(0, 3), 4),
            ),
            side=sides[name],
        )
        for name in names
    )

    requests: list[Request] = []
    for n in range(draw(st.integers(4, 5) if crowded else st.integers(1, 5))):
        a, b = draw(st.permutations(names))[:2]
        if sides[a] == Side.EXHIBITOR and sides[b] == Side.BUYER:
            a, b = b, a
        pair = not (
            sides[a] == Side.BUYER and sides[b] == Side.EXHIBITOR and draw(st.integers(0, 3)) > 0
        )
        earlier = [r.id for r in requests]
        window = _sometimes(
            draw, st.sets(st.sampled_from(slot_ids), min_size=1), 2 if crowded else 4
        )
        fixed = _sometimes(draw, st.sampled_from(slot_ids), 2 if crowded else 4)
        if window is not None and fixed is not None:
            window |= {fixed}  # the format wants a fixed slot among the request's slots
        after = (
            _sometimes(draw, st.sets(st.sampled_from(earlier), min_size=1), 3) if earlier else None
        )
        request = _pair(
            f"r{n}",
            a,
            b,
            priority=draw(st.integers(1, 3)),
            required=draw(st.integers(0, 3)) == 3,
            slots=window,
            fixed_slot=fixed,
            after=after or (),
        )
        requests.append(request if pair else replace(request, pair=False))
    spread = draw(st.sampled_from([0, 0, 1])) if crowded else _sometimes(draw, st.integers(0, 2), 2)
    return Problem(
        slots=slots, participants=people, requests=tuple(requests), max_gap_spread=spread
    )


# ---------------------------------------------------------------------------------------------
# Helpers


def solve(problem: Problem) -> Solution:
    return solve_general(problem, time_limit=TIME_LIMIT, workers=WORKERS)


def placed(solution: Solution) -> dict[str, str]:
    return {m.request: m.slot for m in solution.meetings}


def assert_optimal(problem: Problem, solution: Solution, best: Optimum) -> None:
    """Valid, proven, and the oracle's figures on all three objectives."""
    assert check(problem, solution) == []
    stats = solution.stats
    assert stats is not None
    assert stats.status == "optimal"
    got = (stats.buyers_without_meeting, stats.priority, stats.idle_gaps)
    assert got == (best.unserved, best.priority, best.gaps), f"an optimum is {best.schedule}"
    assert stats.idle_gaps_lower_bound == stats.idle_gaps
    assert stats.count == len(solution.meetings)
    left_out = {u.request for u in solution.unscheduled}
    assert left_out == {r.id for r in problem.requests} - placed(solution).keys()


# ---------------------------------------------------------------------------------------------
# The oracle against the solver


def agrees_with_oracle(problem: Problem) -> None:
    best = oracle(problem)
    if best is None:
        with pytest.raises(Infeasible) as caught:
            solve(problem)
        assert caught.value.proven
    else:
        assert_optimal(problem, solve(problem), best)


@SETTINGS
@given(general_problems())
def test_tiny_general_events_get_the_oracles_optimum_or_a_proof_there_is_none(
    problem: Problem,
) -> None:
    """Every rule and every objective at once, on events small enough to enumerate."""
    agrees_with_oracle(problem)


@SETTINGS
@given(general_problems(crowded=True))
def test_crowded_days_get_the_oracles_optimum_under_the_gap_spread(problem: Problem) -> None:
    """The spread is the rule the model encodes least directly (gap-start Booleans and a
    shared floor), and it only bites where people can have gaps, so it gets events of its
    own."""
    agrees_with_oracle(problem)


@SETTINGS
@given(general_problems(crowded=True))
def test_events_whose_meetings_are_all_required_get_the_oracles_optimum(
    problem: Problem,
) -> None:
    """Where every meeting is required, each person's count per day is fixed and the model
    adds its redundant blocks (``idle_model.blocks``): they must cut no schedule off."""
    every = tuple(replace(r, required=True) for r in problem.requests)
    agrees_with_oracle(replace(problem, requests=every))


@SETTINGS
@given(general_problems(mixed=True))
def test_mixed_events_get_the_oracles_optimum(problem: Problem) -> None:
    """Pairs beside buyer-exhibitor requests, where only the buyer counts as having asked,
    but a meeting from any request serves whoever asked."""
    agrees_with_oracle(problem)


@SETTINGS
@given(general_problems(crowded=True))
def test_the_model_of_large_events_gets_the_oracles_optimum_too(problem: Problem) -> None:
    """Large events count gaps as runs of meetings minus days attended, without core search
    (``general_model.LARGE_BOOLEANS``); the counts must be as exact, for the spread reads them."""
    with mock.patch.object(general_model, "LARGE_BOOLEANS", 0):
        agrees_with_oracle(problem)


# ---------------------------------------------------------------------------------------------
# Examples worked out by hand: the oracle and the solver must both reach the figures


def pinned(problem: Problem, unserved: int, priority: int, gaps: int) -> Solution:
    """The optimum worked out by hand, reached by the oracle and by the solver."""
    best = oracle(problem)
    assert best is not None
    assert (best.unserved, best.priority, best.gaps) == (unserved, priority, gaps)
    solution = solve(problem)
    assert_optimal(problem, solution, best)
    return solution


def impossible(problem: Problem) -> Infeasible:
    """No valid schedule, by the oracle and by the solver's proof."""
    assert oracle(problem) is None
    with pytest.raises(Infeasible) as caught:
        solve(problem)
    assert caught.value.proven
    return caught.value


ONE_DAY = (_slot("s0", 0, 9), _slot("s1", 0, 10), _slot("s2", 0, 11))
ABC = (_person("A"), _person("B"), _person("C"))
ABCD = (*ABC, _person("D"))


def test_gaps_count_the_days_slots_not_hours_and_never_bridge_days() -> None:
    """``early`` and ``late`` are two hours apart but next to each other in the day, and
    ``next`` is on the next day: A, B and C each meet twice and nobody idles."""
    problem = Problem(
        slots=(_slot("late", 0, 11), _slot("early", 0, 9), _slot("next", 1, 9)),
        participants=ABC,
        requests=(
            _pair("ab", "A", "B", fixed_slot="early", required=True),
            _pair("ac", "A", "C", fixed_slot="late", required=True),
            _pair("bc", "B", "C", fixed_slot="next", required=True),
        ),
    )
    pinned(problem, 0, 3, 0)


def triangle(*, required: bool, spread: int | None = None) -> Problem:
    """A-B, B-C and A-C in three slots of one table each."""
    return Problem(
        slots=ONE_DAY,
        participants=ABC,
        requests=(
            _pair("ab", "A", "B", required=required),
            _pair("bc", "B", "C", required=required),
            _pair("ac", "A", "C", required=required),
        ),
        max_gap_spread=spread,
    )


def test_a_required_triangle_costs_exactly_one_gap() -> None:
    """One meeting per slot, so whoever sits out the middle slot meets first and last: a gap
    no schedule avoids, and the lower bound proves it."""
    solution = pinned(triangle(required=True), 0, 3, 1)
    assert len(solution.meetings) == 3


def test_a_required_triangle_under_spread_zero_is_proven_impossible() -> None:
    """Spread 0 wants everyone's gaps equal; the triangle gives one person a gap, the others
    none."""
    impossible(triangle(required=True, spread=0))
    pinned(triangle(required=True, spread=1), 0, 3, 1)


def test_the_gap_spread_costs_a_meeting_when_it_must() -> None:
    """Optional, the triangle keeps all three meetings and one gap; under spread 0 it drops
    one (priority 3 -> 2), everyone still meeting someone, rather than break the rule."""
    pinned(triangle(required=False), 0, 3, 1)
    solution = pinned(triangle(required=False, spread=0), 0, 2, 0)
    assert len(solution.meetings) == 2
    (left,) = solution.unscheduled
    assert left.code == "gap_spread"


def test_the_gap_spread_can_force_gaps_on_people_who_could_avoid_them() -> None:
    """A and C must meet in s0 and again in s2, so each idles in s1. B and D meet in s0 and
    once more anywhere: s1 spares them a gap (2 in all), but spread 0 wants everyone equal,
    so their second meeting moves to s2 and they idle too (4). Dropping it instead would
    cost priority, which comes first."""
    slots = tuple(_slot(f"s{n}", 0, 9 + n, tables=2) for n in range(3))
    for spread, second, gaps in ((None, "s1", 2), (1, "s1", 2), (0, "s2", 4)):
        problem = Problem(
            slots=slots,
            participants=ABCD,
            requests=(
                _pair("ac1", "A", "C", fixed_slot="s0", required=True),
                _pair("ac2", "A", "C", fixed_slot="s2", required=True),
                _pair("bd1", "B", "D", fixed_slot="s0"),
                _pair("bd2", "B", "D"),
            ),
            max_gap_spread=spread,
        )
        assert placed(pinned(problem, 0, 4, gaps))["bd2"] == second


def test_each_step_of_the_spread_costs_c_and_d_a_gap_each() -> None:
    """A and B must meet in s0, s2 and s4: two gaps each. C and D meet three times anywhere,
    side by side if they may (4 gaps in all); spread 1 wants them at one gap or more (6),
    spread 0 at two, so they take s0, s2 and s4 too (8)."""
    slots = tuple(_slot(f"s{n}", 0, 9 + n, tables=2) for n in range(5))
    ab = tuple(_pair(f"ab{n}", "A", "B", fixed_slot=f"s{n}", required=True) for n in (0, 2, 4))
    cd = tuple(_pair(f"cd{n}", "C", "D") for n in range(3))
    for spread, gaps in ((None, 4), (2, 4), (1, 6), (0, 8)):
        problem = Problem(
            slots=slots, participants=ABCD, requests=(*ab, *cd), max_gap_spread=spread
        )
        assert len(pinned(problem, 0, 6, gaps).meetings) == 6


def test_after_follows_start_time_not_the_order_slots_are_listed_in() -> None:
    """``late`` is listed first but starts later, and ``second`` is listed before the request
    it follows: ``first`` must take ``early``."""
    problem = Problem(
        slots=(_slot("late", 0, 10), _slot("early", 0, 9)),
        participants=ABC,
        requests=(
            _pair("second", "A", "C", required=True, after=["first"]),
            _pair("first", "A", "B", required=True),
        ),
    )
    assert placed(pinned(problem, 0, 2, 0)) == {"first": "early", "second": "late"}


def test_a_follow_up_of_a_meeting_that_cannot_happen_is_left_out() -> None:
    """B and C are never free together, so ``bc`` cannot happen, and neither can ``cd``,
    which must follow it, though C and D are free: C and D go without a meeting."""
    problem = Problem(
        slots=ONE_DAY,
        participants=(
            _person("A"),
            _person("B", available={"s0"}),
            _person("C", available={"s1", "s2"}),
            _person("D"),
        ),
        requests=(
            _pair("bc", "B", "C"),
            _pair("cd", "C", "D", after=["bc"]),
            _pair("ab", "A", "B"),
        ),
    )
    solution = pinned(problem, 2, 1, 0)
    assert placed(solution) == {"ab": "s0"}
    why = {u.request: u for u in solution.unscheduled}
    assert why["bc"].code == "no_common_slot"
    assert (why["cd"].code, why["cd"].params) == ("earlier_not_met", {"requests": ["bc"]})
    assert why["cd"].reason == "a meeting it must follow is not scheduled: bc"


def test_a_follow_up_with_no_slot_after_its_earlier_meeting_says_so() -> None:
    """``ab`` is fixed in the day's last slot, so ``bc``, which must follow it, cannot."""
    problem = Problem(
        slots=ONE_DAY,
        participants=ABC,
        requests=(_pair("ab", "A", "B", fixed_slot="s2"), _pair("bc", "B", "C", after=["ab"])),
    )
    solution = pinned(problem, 1, 1, 0)
    (left,) = solution.unscheduled
    assert (left.request, left.code, left.params) == ("bc", "no_slot_after", {"requests": ["ab"]})


def test_a_fixed_slot_pulls_the_free_meeting_next_to_it() -> None:
    """``ab`` is fixed in s2; ``ac`` could take s0 or s1 and takes s1, sparing A a gap."""
    problem = Problem(
        slots=ONE_DAY,
        participants=ABC,
        requests=(_pair("ab", "A", "B", fixed_slot="s2"), _pair("ac", "A", "C")),
    )
    assert placed(pinned(problem, 0, 2, 0)) == {"ab": "s2", "ac": "s1"}


def test_priority_decides_which_of_two_clashing_fixed_meetings_happens() -> None:
    """Both want A in s0; B meets D either way, so everyone is served and priority 3 wins."""
    problem = Problem(
        slots=ONE_DAY,
        participants=ABCD,
        requests=(
            _pair("ab", "A", "B", fixed_slot="s0", priority=1),
            _pair("ac", "A", "C", fixed_slot="s0", priority=3),
            _pair("bd", "B", "D", priority=1),
        ),
    )
    solution = pinned(problem, 0, 4, 0)
    assert placed(solution)["ac"] == "s0" and "ab" not in placed(solution)


def test_serving_more_people_beats_a_higher_priority() -> None:
    """Objective (a) before (b). In one slot A-B (priority 3) clashes with B-C and with A-D
    (1 each): A-B alone leaves C and D out, the other two together serve all four."""
    problem = Problem(
        slots=(_slot("s0", 0, 9, tables=2),),
        participants=ABCD,
        requests=(
            _pair("ab", "A", "B", priority=3),
            _pair("bc", "B", "C", priority=1),
            _pair("ad", "A", "D", priority=1),
        ),
    )
    assert placed(pinned(problem, 0, 2, 0)) == {"bc": "s0", "ad": "s0"}
    tie = Problem(slots=problem.slots, participants=ABC, requests=problem.requests[:2])
    assert placed(pinned(tie, 1, 3, 0)) == {"ab": "s0"}  # one left out either way


def test_order_and_windows_together_can_make_required_meetings_impossible() -> None:
    """``cd`` must follow ``ab`` but its window closes before ``ab``'s opens: each fits alone,
    not both. Required, that is a proof of no schedule naming ``cd``; optional, ``cd`` is
    left out."""
    slots = (*ONE_DAY, _slot("s3", 0, 12))
    ab = _pair("ab", "A", "B", slots={"s2", "s3"}, required=True)
    cd = _pair("cd", "C", "D", slots={"s0", "s1"}, required=True, after=["ab"])
    caught = impossible(Problem(slots=slots, participants=ABCD, requests=(ab, cd)))
    assert "cd" in str(caught)
    optional = Problem(slots=slots, participants=ABCD, requests=(ab, replace(cd, required=False)))
    assert list(placed(pinned(optional, 2, 1, 0))) == ["ab"]


def test_a_participants_cap_and_required_meetings_can_clash() -> None:
    """A may meet once but is required twice: impossible before any search. With one of the
    two optional, the other one takes A's only meeting."""
    people = (_person("A", cap=1), _person("B"), _person("C"))
    ab = _pair("ab", "A", "B", required=True)
    ac = _pair("ac", "A", "C", required=True, priority=3)
    impossible(Problem(slots=ONE_DAY, participants=people, requests=(ab, ac)))
    ac_optional = replace(ac, required=False)
    relaxed = Problem(slots=ONE_DAY, participants=people, requests=(ab, ac_optional))
    assert list(placed(pinned(relaxed, 1, 1, 0))) == ["ab"]


MIXED = (
    Participant("X", Side.BUYER),
    Participant("Y", Side.EXHIBITOR),
    Participant("Z", Side.PARTICIPANT),
)


def test_a_meeting_counts_for_whoever_asked_whichever_request_gives_it() -> None:
    """Y asked for Y-Z; buyer X asked for X-Y (priority 3). One slot: either meeting leaves
    one asker out (Z, or X), so priority decides: X-Y. Meeting X serves Y too."""
    problem = Problem(
        slots=(_slot("s0", 0, 9),),
        participants=MIXED,
        requests=(
            Request("xy", "X", "Y", priority=3),
            _pair("yz", "Y", "Z", priority=1),
        ),
    )
    assert placed(pinned(problem, 1, 3, 0)) == {"xy": "s0"}


def test_the_bound_on_people_left_out_holds_in_mixed_events() -> None:
    """Z is never free, so only X-Y can happen; it serves X and Y, leaving only Z out. A bound
    of 2 contradicts the schedule (``check`` says so)."""
    problem = Problem(
        slots=(_slot("s0", 0, 9),),
        participants=(*MIXED[:2], Participant("Z", Side.PARTICIPANT, available=frozenset())),
        requests=(Request("xy", "X", "Y"), _pair("yz", "Y", "Z")),
    )
    solution = pinned(problem, 1, 1, 0)
    assert solution.stats is not None and solution.stats.min_buyers_without_meeting <= 1
