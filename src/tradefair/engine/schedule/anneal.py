"""Fewer idle gaps for a general event by simulated annealing over Kempe chains.

The meetings stay the same; only their slots change. A move takes a meeting from its slot t1
to another slot t2 and, so that nobody meets twice at once, every meeting in t1 or t2
connected to it through a shared person swaps slot as well: an alternating chain, as in
timetabling by graph colouring (a Kempe chain). Each person touched by a chain keeps their
meetings and trades their t1 and t2, so only their gaps change. A move is refused when a
meeting of the chain may not take its new slot (its own window, the people's availability,
the tables), when an order rule breaks or when the gap spread would exceed its limit; among
the allowed ones, fewer gaps are always taken and more with a probability that falls as the
search cools.

CP-SAT's own neighbourhoods free a few variables and search them exactly; a chain moves many
meetings at once in a way no small neighbourhood reaches, and a chain is checked in
microseconds. On the literature-sized events of the benchmark, 20 s of this found schedules
with 12-20 gaps where CP-SAT had 14-46 after 60 s (docs/algorithms/scheduling.md).
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Callable

from tradefair.engine.schedule.graph import RequestGraph

HOT, COLD = 2.0, 0.05  # temperature at the start and at the deadline, in gaps
LONGEST_CHAIN = 40  # longer chains are rarely accepted and slow to check
CHECK_EVERY = 500  # moves between looks at the clock


class _Anneal:
    def __init__(
        self,
        g: RequestGraph,
        slot_of: dict[int, int],
        allowed: dict[int, set[int]],
        fixed: set[int],
    ) -> None:
        problem = g.problem
        self.g = g
        self.fixed = fixed
        self.meetings = sorted(slot_of)
        self.slot = dict(slot_of)
        self.allowed = allowed
        self.ends = {r: (int(g.buyer[r]), int(g.exhibitor[r])) for r in self.meetings}
        index = problem.request_index
        self.after: dict[int, list[int]] = {r: [] for r in self.meetings}
        self.before: dict[int, list[int]] = {r: [] for r in self.meetings}
        for r in self.meetings:
            for earlier in problem.requests[r].after:
                q = index[earlier]
                if q in self.slot:
                    self.after[r].append(q)
                    self.before[q].append(r)
        self.rank = [int(x) for x in g.rank]
        self.days = [sum(1 << self.rank[t] for t in day) for day in g.days()]
        self.at: dict[tuple[int, int], int] = {}
        self.busy = [0] * g.n_participants
        self.used = [0] * g.n_slots
        for r, t in self.slot.items():
            for p in self.ends[r]:
                self.at[p, t] = r
                self.busy[p] |= 1 << self.rank[t]
            self.used[t] += 1
        self.gaps = [self._gaps(b) for b in self.busy]
        self.spread = problem.max_gap_spread
        self.histogram = Counter(self.gaps)
        self.total = sum(self.gaps)

    def _gaps(self, busy: int) -> int:
        """Per day, the runs of meetings less one: the gaps between them."""
        out = 0
        for day in self.days:
            b = busy & day
            if b:
                out += (b & ~(b << 1)).bit_count() - 1
        return out

    def _chain(self, r: int, t2: int) -> set[int]:
        t1 = self.slot[r]
        chain, todo = {r}, [r]
        while todo:
            q = todo.pop()
            other = t2 if self.slot[q] == t1 else t1
            for p in self.ends[q]:
                k = self.at.get((p, other))
                if k is not None and k not in chain:
                    chain.add(k)
                    todo.append(k)
        return chain

    def _in_order(self, chain: set[int], new: dict[int, int]) -> bool:
        rank = self.rank
        for q in chain:
            here = rank[new[q]]
            if any(rank[new.get(e, self.slot[e])] >= here for e in self.after[q]):
                return False
            if any(rank[new.get(e, self.slot[e])] <= here for e in self.before[q]):
                return False
        return True

    def _spread_ok(self, changes: dict[int, int]) -> bool:
        if self.spread is None:
            return True
        histogram = self.histogram.copy()
        for p, gaps in changes.items():
            histogram[self.gaps[p]] -= 1
            histogram[gaps] += 1
        present = [k for k, n in histogram.items() if n > 0]
        return max(present) - min(present) <= self.spread

    def move(self, r: int, t2: int, temperature: float, rng: random.Random) -> None:
        """Swap the chain of ``r`` between its slot and ``t2`` if the rules and the annealing
        allow."""
        t1 = self.slot[r]
        chain = self._chain(r, t2)
        if len(chain) > LONGEST_CHAIN or not chain.isdisjoint(self.fixed):
            return
        new = {q: t2 if self.slot[q] == t1 else t1 for q in chain}
        if any(new[q] not in self.allowed[q] for q in chain):
            return
        into_t2 = sum(1 for q in chain if new[q] == t2)
        into_t1 = len(chain) - into_t2
        tables = self.g.tables
        if self.used[t2] + into_t2 - into_t1 > tables[t2]:
            return
        if self.used[t1] + into_t1 - into_t2 > tables[t1]:
            return
        if any(self.after[q] or self.before[q] for q in chain) and not self._in_order(chain, new):
            return
        swap = (1 << self.rank[t1]) | (1 << self.rank[t2])
        changes: dict[int, int] = {}
        busy: dict[int, int] = {}
        for q in chain:
            for p in self.ends[q]:
                if p not in busy:
                    b = self.busy[p]
                    moved = b & ~swap
                    if b >> self.rank[t1] & 1:
                        moved |= 1 << self.rank[t2]
                    if b >> self.rank[t2] & 1:
                        moved |= 1 << self.rank[t1]
                    busy[p] = moved
                    changes[p] = self._gaps(moved)
        delta = sum(gaps - self.gaps[p] for p, gaps in changes.items())
        if delta > 0 and rng.random() >= math.exp(-delta / temperature):
            return
        if not self._spread_ok(changes):
            return
        for q in chain:
            for p in self.ends[q]:
                if self.at.get((p, self.slot[q])) == q:
                    del self.at[p, self.slot[q]]
        for q in chain:
            self.slot[q] = new[q]
            for p in self.ends[q]:
                self.at[p, new[q]] = q
        self.used[t1] += into_t1 - into_t2
        self.used[t2] += into_t2 - into_t1
        for p, gaps in changes.items():
            self.histogram[self.gaps[p]] -= 1
            self.histogram[gaps] += 1
            self.busy[p] = busy[p]
            self.gaps[p] = gaps
        self.total += delta


def anneal(
    g: RequestGraph,
    slot_of: dict[int, int],
    allowed: dict[int, set[int]],
    *,
    fixed: set[int],
    deadline: float,
    seed: int = 0,
    stop: Callable[[], bool] = lambda: False,
) -> tuple[dict[int, int], int]:
    """The same meetings (request -> slot) with the fewest idle gaps found by ``deadline``
    (or once ``stop()``, asked now and then), and that number. ``allowed``: the slots each
    request may take; ``fixed``: meetings that keep their slot. The schedule given must keep
    every rule; the one returned does too."""
    state = _Anneal(g, slot_of, allowed, fixed)
    best, best_slot = state.total, dict(state.slot)
    movable = [r for r in state.meetings if r not in fixed and len(allowed[r]) > 1]
    if not movable:
        return best_slot, best
    choices = {r: sorted(allowed[r]) for r in movable}
    rng = random.Random(seed)
    start = time.monotonic()
    span = max(deadline - start, 1e-3)
    temperature = HOT
    moves = 0
    while True:
        moves += 1
        if moves % CHECK_EVERY == 0:
            now = time.monotonic()
            if now >= deadline or stop():
                break
            temperature = HOT * (COLD / HOT) ** ((now - start) / span)
        r = movable[rng.randrange(len(movable))]
        t2 = rng.choice(choices[r])
        if t2 == state.slot[r]:
            continue
        state.move(r, t2, temperature, rng)
        if state.total < best:
            best, best_slot = state.total, dict(state.slot)
    return best_slot, best
