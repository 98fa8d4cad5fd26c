"""The solver against an independent brute-force oracle on tiny random problems.

The issue's bar for small problems is the exact lexicographic optimum (buyers served, then
priority, then the fewest idle gaps, then the fewest days attended beyond each participant's
first); comparing the solver with CP-SAT would compare it with itself, so the oracle enumerates
every schedule instead. The bounds must hold against the largest count and the largest priority
of any valid schedule, not just against the lexicographic optimum.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule import solver as solver_module
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.problem import Problem, Solution
from tradefair.engine.schedule.solver import solve

from .oracle import brute_force
from .strategies import problems

TINY = {"max_buyers": 3, "max_exhibitors": 3, "max_requests": 6}
MONOLINGUAL = st.sampled_from([None, frozenset({"zh"}), frozenset({"th"}), frozenset({"en"})])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def served_and_priority(problem: Problem, solution: Solution) -> tuple[int, int]:
    buyers = {problem.requests[problem.request_index[m.request]].buyer for m in solution.meetings}
    return len(buyers), sum(
        problem.requests[problem.request_index[m.request]].priority for m in solution.meetings
    )


def objectives(problem: Problem, solution: Solution) -> tuple[int, int, int, int]:
    """The four objectives as one tuple to maximise: gaps and days beyond the first count
    against."""
    gaps = metrics.idle_gaps(problem, solution.meetings)
    days = metrics.days_attended(problem, solution.meetings)
    index = problem.request_index
    people = {
        side
        for m in solution.meetings
        for side in (
            problem.requests[index[m.request]].buyer,
            problem.requests[index[m.request]].exhibitor,
        )
    }
    return (*served_and_priority(problem, solution), -gaps, -(days - len(people)))


def assert_exact_and_bounded(problem: Problem) -> None:
    solution = solve(problem, time_limit=20)
    assert check(problem, solution) == []
    truth = brute_force(problem)
    optimum = (truth.buyers_served, truth.priority, -truth.gaps, -truth.extra_days)
    assert objectives(problem, solution) == optimum
    stats = solution.stats
    assert stats is not None
    assert stats.upper_bound >= truth.max_count
    assert stats.priority_upper_bound is not None
    assert stats.priority_upper_bound >= truth.max_priority
    requesting = len({r.buyer for r in problem.requests})
    assert stats.min_buyers_without_meeting <= requesting - truth.buyers_served


@SETTINGS
@given(problems(**TINY))
def test_small_problems_get_the_lexicographic_optimum(problem: Problem) -> None:
    assert_exact_and_bounded(problem)


@SETTINGS
@given(problems(**TINY, min_interpreters=1, speakers=MONOLINGUAL))
def test_small_problems_with_interpreters_get_the_lexicographic_optimum(problem: Problem) -> None:
    assert_exact_and_bounded(problem)


@SETTINGS
@given(problems(**TINY, min_interpreters=1, speakers=MONOLINGUAL))
def test_the_decomposition_never_claims_more_than_the_optimum(problem: Problem) -> None:
    with mock.patch.object(solver_module, "_is_small", return_value=False):
        solution = solve(problem, time_limit=20)
    assert check(problem, solution) == []
    truth = brute_force(problem)
    optimum = (truth.buyers_served, truth.priority, -truth.gaps, -truth.extra_days)
    assert objectives(problem, solution) <= optimum
