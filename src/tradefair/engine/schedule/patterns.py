"""Fewer idle gaps by large neighbourhoods that keep people's busy slots or their blocks.

On single days of 20-22 slots with every table taken in the middle of the day, what decides
the gaps is *when* each person is busy: given the busy slots of the two or five people whose
gaps the optimum places (paper-28, 66 people), CP-SAT finds that optimum in 2-5 s, where the
whole problem takes it 30-120 s. Two kinds of step take turns, each a copy of the model
solved by core search in a few seconds:

- a *busy* step keeps the busy slots of most people, frees those of a few (some with a gap,
  some of their partners, some at random) and lets CP-SAT re-place every meeting under that
  frame: a person kept may still swap their meetings among their busy slots, which a
  neighbourhood that keeps meetings cannot;
- a *shift* step keeps everyone without a gap gap-free but lets their block move, and frees
  a few people with a gap: the whole day may slide, which no busy frame allows. On paper-5
  (tables full in the middle of the day) busy steps alone stopped at 7-9 gaps from four
  annealed schedules, 40 s each, and with shift steps between them reached its optimum of 6
  from two of the four.

The number freed at random grows while steps of a kind prove their frame holds nothing better
and shrinks while they run out of time; a step as good as the schedule is taken too, to move
along plateaus. The first step frees everyone, for the LP search's bound, which proves small
events at once.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from ortools.sat.python import cp_model

from tradefair.engine.schedule import hints
from tradefair.engine.schedule.graph import RequestGraph

Var = cp_model.IntVar
STEP_SECONDS = 4.0  # a step's limit
# Per kind of step: people with a gap freed, of their partners, more at random to start with.
FREED = {"busy": (8, 20, 10), "shift": (6, 0, 0)}
RESIZE = 3  # freed at random, more after a proven step, fewer after one out of time


def improve(
    model: cp_model.CpModel,
    x: Mapping[tuple[int, int], Var],
    busy: Mapping[tuple[int, int], Var],
    starts: Mapping[int, Sequence[Var]],
    g: RequestGraph,
    slot_of: dict[int, int],
    gaps: int,
    *,
    deadline: float,
    enough: Callable[[int], bool],
    seed: int = 0,
    then: Callable[[dict[int, int], int], tuple[dict[int, int], int]] | None = None,
) -> tuple[dict[int, int], int, bool]:
    """The schedule ``slot_of`` (request -> slot, ``gaps`` idle gaps) improved until
    ``deadline`` or until ``enough(gaps)``; with its gaps and whether a step that freed
    everyone proved it optimal. ``model`` minimises the gaps and is not changed; ``x``,
    ``busy`` and ``starts`` are its meeting and busy Booleans and each person's gap starts.
    ``then``, a move tried once after the first step (which proves small events at once),
    takes the schedule and its gaps and returns them or a better one."""
    rng = random.Random(seed)
    people = sorted({p for p, _ in busy})
    others = {kind: freed[2] for kind, freed in FREED.items()}
    step = 0
    while not enough(gaps) and (left := deadline - time.monotonic()) > 0.1:
        step += 1
        kind = "busy" if step % 2 else "shift"
        gapped = gap_holders(g, slot_of)
        if step == 1:  # the whole problem, for the LP search's bound (below)
            free = set(people)
        else:
            holders, partners, _ = FREED[kind]
            counts = (holders, partners, others[kind])
            free = _freed(g, slot_of, sorted(gapped), people, counts, rng)
        whole = len(free) == len(people)  # the first step, or a small event
        copy = _frame(model, g, x, busy, slot_of, *_held(kind, people, free, gapped, starts))
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.num_workers = 1
        # A neighbourhood: core search (CP-SAT's single default worker got nowhere: paper-28
        # stayed at 20 gaps, with core search 14). The whole of a small event: the LP
        # search, whose bound proves those with a spread or optional meetings at once, where
        # core search alone ran out of time (4 >= 3 after 18 s on a small one, where the
        # LP search proves it in 0.3 s).
        params.subsolvers.append("default_lp" if whole else "core")
        params.num_full_subsolvers = 1
        params.optimize_with_core = not whole
        params.use_lns = False
        params.max_time_in_seconds = min(STEP_SECONDS, left)
        params.random_seed = step
        status = solver.solve(copy)
        if status == cp_model.OPTIMAL and whole:
            return _schedule(solver, x), round(solver.objective_value), True
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.objective_value <= gaps:
            slot_of, gaps = _schedule(solver, x), round(solver.objective_value)
        if status == cp_model.OPTIMAL:
            others[kind] += RESIZE
        elif status != cp_model.INFEASIBLE:
            others[kind] = max(0, others[kind] - RESIZE)
        if step == 1 and then is not None and not enough(gaps):
            slot_of, gaps = then(slot_of, gaps)
    return slot_of, gaps, False


def _held(
    kind: str,
    people: list[int],
    free: set[int],
    gapped: set[int],
    starts: Mapping[int, Sequence[Var]],
) -> tuple[set[int], list[Var]]:
    """Who keeps their busy slots in a step of ``kind``, and the gap starts held false: in a
    shift step the people kept without a gap (not in ``gapped``) keep none, wherever their
    block goes."""
    held = set(people) - free
    if kind != "shift":
        return held, []
    moving = held - gapped
    return held - moving, [v for p in sorted(moving) for v in starts.get(p, ())]


def gap_holders(g: RequestGraph, slot_of: Mapping[int, int]) -> set[int]:
    """The people with a gap on some day."""
    mine: dict[tuple[int, int], list[int]] = defaultdict(list)
    day = {t: d for d, slots in enumerate(g.days()) for t in slots}
    for r, t in slot_of.items():
        for p in (int(g.buyer[r]), int(g.exhibitor[r])):
            mine[p, day[t]].append(int(g.rank[t]))
    return {p for (p, _), ks in mine.items() if max(ks) - min(ks) + 1 > len(ks)}


def _freed(
    g: RequestGraph,
    slot_of: Mapping[int, int],
    gapped: list[int],
    people: list[int],
    counts: tuple[int, int, int],
    rng: random.Random,
) -> set[int]:
    """Some people with a gap (of ``gapped``), some of their partners and more at random, as
    many of each as ``counts`` says."""
    holders, partners, others = counts
    free = set(rng.sample(gapped, min(holders, len(gapped))))
    ends = [(int(g.buyer[r]), int(g.exhibitor[r])) for r in slot_of]
    met = sorted({q for pair in ends if free.intersection(pair) for q in pair} - free)
    free |= set(rng.sample(met, min(partners, len(met))))
    rest = [p for p in people if p not in free]
    return free | set(rng.sample(rest, min(others, len(rest))))


def _frame(
    model: cp_model.CpModel,
    g: RequestGraph,
    x: Mapping[tuple[int, int], Var],
    busy: Mapping[tuple[int, int], Var],
    slot_of: Mapping[int, int],
    held: set[int],
    no_gaps: Sequence[Var] = (),
) -> cp_model.CpModel:
    """A copy of ``model`` with every person in ``held`` busy exactly where they are now and
    every gap start in ``no_gaps`` false, hinted with the schedule (which keeps the frame) in
    full."""
    taken = {(int(p), t) for r, t in slot_of.items() for p in (g.buyer[r], g.exhibitor[r])}
    copy = model.clone()
    variables = copy.proto.variables
    for (p, t), b in busy.items():
        if p in held:
            domain = variables[b.index].domain  # a Boolean's: [0, 1]
            domain[0] = domain[1] = int((p, t) in taken)
    for v in no_gaps:
        variables[v.index].domain[1] = 0
    hints.hint_schedule(copy, x, slot_of)
    return copy


def _schedule(solver: cp_model.CpSolver, x: Mapping[tuple[int, int], Var]) -> dict[int, int]:
    return {r: t for (r, t), v in x.items() if solver.boolean_value(v)}
