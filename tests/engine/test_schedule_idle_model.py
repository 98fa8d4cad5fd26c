"""The general model's redundant rules (``idle_model.people_per_slot`` and ``blocks``,
``general_model.distinct_slots``) must remove no schedule: on tiny events every schedule of the
model without them is a schedule of the model with them, and the other way round. And the
blocks alone: a person-day without a gap is one block of its meetings (none if there is no
room: a gap), and they bind nothing once it has a gap or a meeting they count may go unmet
(the clash search's assumptions); the distinct slots stay out of the clash search."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from unittest import mock

from hypothesis import given, settings
from ortools.sat.python import cp_model

from tests.engine.test_schedule_general_oracle import (
    ONE_DAY,
    SETTINGS,
    _pair,
    _person,
    general_problems,
)
from tradefair.engine.schedule import general_model, idle_model
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.problem import Problem


class _Collect(cp_model.CpSolverSolutionCallback):
    def __init__(self, x: dict[tuple[int, int], Any]) -> None:
        super().__init__()
        self.x = x
        self.found: set[frozenset[tuple[int, int]]] = set()

    def on_solution_callback(self) -> None:
        self.found.add(frozenset(rt for rt, v in self.x.items() if self.boolean_value(v)))


def schedules(problem: Problem) -> set[frozenset[tuple[int, int]]]:
    """Every schedule of the general model with each required meeting met, as the set of
    its (request, slot) pairs."""
    m = general_model.build(request_graph(problem))
    for v in m.need.values():
        m.model.add(v == 1)
    return every_solution(m.model, m.x)


def every_solution(
    model: cp_model.CpModel, literals: dict[tuple[int, int], Any]
) -> set[frozenset[tuple[int, int]]]:
    """The keys of the literals true in each solution of ``model``."""
    solver = cp_model.CpSolver()
    solver.parameters.enumerate_all_solutions = True
    solver.parameters.num_workers = 1
    collect = _Collect(literals)
    solver.solve(model, collect)
    return collect.found


def without_redundant_rules(problem: Problem) -> set[frozenset[tuple[int, int]]]:
    with (
        mock.patch.object(idle_model, "people_per_slot", lambda *_: None),
        mock.patch.object(idle_model, "blocks", lambda *_: None),
        mock.patch.object(general_model, "distinct_slots", lambda *_: None),
    ):
        return schedules(problem)


@settings(SETTINGS, max_examples=200)  # each example enumerates every schedule twice
@given(general_problems(crowded=True))
def test_the_redundant_rules_remove_no_schedule(problem: Problem) -> None:
    every = replace(problem, requests=tuple(replace(r, required=True) for r in problem.requests))
    for case in (problem, every):
        assert schedules(case) == without_redundant_rules(case)


def _block_patterns(
    *, gap: bool, met: bool, away: frozenset[str] = frozenset()
) -> set[tuple[int, ...]]:
    """A's busy slots allowed by ``blocks`` alone (busy and gap Booleans left free
    otherwise): A meets B and C, both required, on a day of three slots."""
    problem = Problem(
        slots=ONE_DAY,
        participants=(_person("A", {"s0", "s1", "s2"} - away), _person("B"), _person("C")),
        requests=(
            _pair("ab", "A", "B", required=True),
            _pair("ac", "A", "C", required=True),
        ),
    )
    g = request_graph(problem)
    model = cp_model.CpModel()
    usable = [t for t, s in enumerate(problem.slots) if s.id not in away]
    busy = {(0, t): model.new_bool_var(f"busy{t}") for t in usable}
    has = model.new_bool_var("gap")
    model.add(has == int(gap))
    need = {r: model.new_bool_var(f"need{r}") for r in (0, 1)}
    for v in need.values():
        model.add(v == int(met))
    idle_model.blocks(model, g, busy, {(0, 0): [has]}, {0: usable, 1: usable}, need)
    return {tuple(sorted(t for _, t in found)) for found in every_solution(model, busy)}


def test_a_person_day_without_a_gap_is_one_block_of_its_meetings() -> None:
    assert _block_patterns(gap=False, met=True) == {(0, 1), (1, 2)}
    assert _block_patterns(gap=False, met=True, away=frozenset({"s1"})) == set()  # no room: a gap


def test_blocks_bind_nothing_once_there_is_a_gap_or_a_meeting_may_go_unmet() -> None:
    every = {(), (0,), (1,), (2,), (0, 1), (0, 2), (1, 2), (0, 1, 2)}
    assert _block_patterns(gap=True, met=True) == every
    assert _block_patterns(gap=False, met=False) == every


def _all_different(m: general_model.Model) -> list[int]:
    """The number of slot integers in each all-different of the model."""
    return [len(c.all_diff.exprs) for c in m.model.proto.constraints if c.has_all_diff()]


def test_a_persons_required_meetings_take_distinct_slots_outside_the_clash_search() -> None:
    problem = Problem(
        slots=ONE_DAY,
        participants=tuple(_person(p) for p in "ABCD"),
        requests=(
            _pair("ab", "A", "B", required=True),
            _pair("ac", "A", "C", required=True),
            _pair("ad", "A", "D", required=True),
            _pair("bc", "B", "C"),  # optional: B and C have one required meeting each
        ),
    )
    g = request_graph(problem)
    assert _all_different(general_model.build(g)) == [3]
    # Assumptions left out would leave the integers free, not unmet: the clash search goes
    # without the rule.
    assert _all_different(general_model.build(g, assumed=True)) == []
