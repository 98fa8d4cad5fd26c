"""The synthetic fairs the scheduling benchmarks run on: deterministic and shaped as claimed."""

from collections import Counter
from itertools import pairwise

import pytest

from tradefair.engine.schedule.problem import Problem, Side, needs_interpreter
from tradefair.engine.schedule.synthetic import generate, shape_of


def interpreter_share(problem: Problem) -> float:
    people = {p.id: p for p in problem.participants}
    needed = sum(needs_interpreter(people[r.buyer], people[r.exhibitor]) for r in problem.requests)
    return needed / len(problem.requests)


def assert_consistent(problem: Problem) -> None:
    """Every reference resolves, on the right side, and to slots that exist."""
    sides = {p.id: p.side for p in problem.participants}
    slot_ids = set(problem.slot_index)
    assert len(sides) == len(problem.participants)
    assert len(problem.request_index) == len(problem.requests)
    assert all(sides[r.buyer] is Side.BUYER for r in problem.requests)
    assert all(sides[r.exhibitor] is Side.EXHIBITOR for r in problem.requests)
    assert all(1 <= r.priority <= 5 for r in problem.requests)
    pairs = Counter((r.buyer, r.exhibitor) for r in problem.requests)
    assert max(pairs.values()) == 1
    for someone in (*problem.participants, *problem.interpreters):
        assert someone.available is None or (someone.available and someone.available <= slot_ids)
    for p in problem.participants:
        assert p.max_meetings is not None and p.max_meetings >= 1
    starts = [problem.slots[i].start for i in problem.slot_order]
    assert all(a < b for a, b in pairwise(starts))


def test_same_seed_same_problem_other_seed_other_problem() -> None:
    assert generate("small", seed=3, interpreters=True) == generate(
        "small", seed=3, interpreters=True
    )
    assert generate("small", seed=3).requests != generate("small", seed=4).requests


@pytest.mark.parametrize("interpreters", [False, True])
def test_small(interpreters: bool) -> None:
    problem = generate("small", interpreters=interpreters)
    sides = Counter(p.side for p in problem.participants)
    assert (sides[Side.BUYER], sides[Side.EXHIBITOR]) == (70, 30)
    assert 6 <= len(problem.slots) <= 8
    assert len({s.day for s in problem.slots}) == 1
    assert 200 <= len(problem.requests) <= 500
    assert_consistent(problem)
    if interpreters:
        assert problem.interpreters
        assert all(p.languages for p in problem.participants)
        assert 0.05 <= interpreter_share(problem) <= 0.35
    else:
        assert problem.interpreters == ()
        assert all(p.languages is None for p in problem.participants)


def test_medium_with_interpreters() -> None:
    problem = generate("medium", seed=1, interpreters=True)
    assert len(problem.participants) == 2_000
    assert len(problem.slots) == 36
    assert len({s.day for s in problem.slots}) == 2
    assert 17_000 <= len(problem.requests) <= 23_000
    assert 0.10 <= interpreter_share(problem) <= 0.25
    assert_consistent(problem)


def test_reference_size_and_shape() -> None:
    problem = generate("reference", interpreters=True)
    sides = Counter(p.side for p in problem.participants)
    assert (sides[Side.BUYER], sides[Side.EXHIBITOR]) == (10_000, 3_200)
    assert len(problem.slots) == 90
    assert {s.tables for s in problem.slots} == {1_200}
    assert len({s.day for s in problem.slots}) == 5
    first = problem.slots[problem.slot_order[0]]
    assert first.start.isoformat() == "2025-09-17T09:00:00+08:00"
    assert first.end - first.start == first.start.resolution * 20 * 60 * 1_000_000
    assert 140_000 <= len(problem.requests) <= 160_000
    assert 60 <= len(problem.interpreters) <= 120
    assert 0.10 <= interpreter_share(problem) <= 0.25
    assert_consistent(problem)

    # Zipf popularity: a few stars with thousands of requests, most exhibitors a handful.
    loads = sorted(Counter(r.exhibitor for r in problem.requests).values(), reverse=True)
    assert loads[0] >= 2_000
    assert loads[len(loads) // 2] <= 40
    # Buyers ask for 5-30 exhibitors; most come for only part of the fair.
    asks = Counter(r.buyer for r in problem.requests)
    assert min(asks.values()) >= 5 and max(asks.values()) <= 30
    buyers = [p for p in problem.participants if p.side is Side.BUYER]
    assert sum(p.available is not None for p in buyers) > len(buyers) / 2
    # Priorities mostly 1-2.
    priorities = Counter(r.priority for r in problem.requests)
    assert priorities[1] + priorities[2] > 0.6 * len(problem.requests)


def test_popular_exhibitors_are_asked_early() -> None:
    problem = generate("medium")
    loads = Counter(r.exhibitor for r in problem.requests)
    star = max(loads, key=loads.__getitem__)
    positions = [i for i, r in enumerate(problem.requests) if r.exhibitor == star]
    assert sum(positions) / len(positions) < 0.45 * len(problem.requests)


def test_int_size_scales_the_reference() -> None:
    shape = shape_of(1_320)
    assert (shape.buyers, shape.exhibitors, shape.tables, shape.days) == (1_000, 320, 120, 5)
    problem = generate(1_320, seed=2, interpreters=True)
    assert len(problem.participants) == 1_320
    assert 14_000 <= len(problem.requests) <= 16_000
    assert_consistent(problem)
    assert generate("40").participants == generate(40).participants


def test_unknown_size_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown size"):
        generate("huge")
