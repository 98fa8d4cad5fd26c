"""The mutable state every solver phase shares: who meets whom, when, and who is busy.

Keeping occupancy as arrays (participant by slot, interpreter by slot, tables used per slot)
makes "is this move legal" a handful of lookups, and lets phases hand the state on.
"""

from __future__ import annotations

import copy

import numpy as np

from tradefair.engine.schedule.graph import BoolArray, IntArray, RequestGraph


class Board:
    """A partial schedule that never breaks a hard rule: every ``place`` is checked first."""

    def __init__(self, graph: RequestGraph) -> None:
        g = self.graph = graph
        n_r, n_p, n_t = g.n_requests, g.n_participants, g.n_slots
        self.slot: IntArray = np.full(n_r, -1, dtype=np.int64)
        self.interp: IntArray = np.full(n_r, -1, dtype=np.int64)
        self.busy: BoolArray = np.zeros((n_p, n_t), dtype=bool)
        self.load: IntArray = np.zeros(n_p, dtype=np.int64)
        self.used: IntArray = np.zeros(n_t, dtype=np.int64)
        self.ibusy: BoolArray = np.zeros((g.interp_avail.shape[0], n_t), dtype=bool)
        self.pinned: BoolArray = np.zeros(n_r, dtype=bool)
        self.who: IntArray = np.full((n_p, n_t), -1, dtype=np.int64)  # request met in slot
        self.iwho: IntArray = np.full(self.ibusy.shape, -1, dtype=np.int64)  # request served
        self._able = [a.tolist() for a in g.class_interpreters]
        # When a list, every interpreter exchange is logged as (request, slot, old, 1) so a
        # caller can undo a tentative change.
        self.journal: list[tuple[int, int, int, int]] | None = None
        # Interpreter changes per slot, and (class, slot) -> the count when no augmenting
        # path existed: until that slot's interpreters change there is still none.
        self._iver: list[int] = [0] * n_t
        self._no_path: dict[tuple[int, int], int] = {}

    def copy(self) -> Board:
        """An independent board in the same state, to try a plan on and maybe throw away."""
        other = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray):
                setattr(other, name, value.copy())
        other._iver = list(self._iver)
        other._no_path = dict(self._no_path)
        other.journal = None
        return other

    def free_interpreter(self, r: int, t: int) -> int:
        """A capable interpreter free in slot ``t`` (-1 if none); the least available first."""
        c = int(self.graph.lang_class[r])
        if c < 0:
            return -1
        able = self.graph.class_interpreters[c]
        ok = able[self.graph.interp_avail[able, t] & ~self.ibusy[able, t]]
        return int(ok[0]) if ok.size else -1

    def augment_interpreter(self, r: int, t: int) -> int:
        """A capable interpreter for ``r`` in slot ``t``, freed if need be by handing the
        meetings in ``t`` along an augmenting path to other interpreters; -1 if none."""
        c = int(self.graph.lang_class[r])
        if c < 0:
            return -1
        i = self.free_interpreter(r, t)
        if i >= 0:
            return i
        if self._no_path.get((c, t)) == self._iver[t]:
            return -1
        chain = self._chain(c, t, set())
        if chain is None:
            self._no_path[c, t] = self._iver[t]
            return -1
        for k in range(len(chain) - 2, -1, -1):  # from the free end backwards
            self.reassign(int(self.iwho[chain[k], t]), chain[k + 1])
        return chain[0]

    def _chain(self, c: int, t: int, seen: set[int]) -> list[int] | None:
        """Interpreters i0, ..., ik: i0 capable for class ``c``, ik free in ``t``, and the
        meeting of each other i(j) able to take i(j+1). Depth-first, each interpreter once."""
        avail = self.graph.interp_avail
        for i in self._able[c]:
            if i in seen or not avail[i, t]:
                continue
            seen.add(i)
            h = int(self.iwho[i, t])
            if h < 0:
                return [i]
            if self.pinned[h]:
                continue
            rest = self._chain(int(self.graph.lang_class[h]), t, seen)
            if rest is not None:
                return [i, *rest]
        return None

    def reassign(self, r: int, i: int) -> None:
        """Give placed meeting ``r`` interpreter ``i`` (free in its slot) instead of its own."""
        t, old = int(self.slot[r]), int(self.interp[r])
        if self.journal is not None:
            self.journal.append((r, t, old, 1))
        self.ibusy[old, t] = False
        self.iwho[old, t] = -1
        self.ibusy[i, t] = True
        self.iwho[i, t] = r
        self.interp[r] = i
        self._iver[t] += 1

    def fits(self, r: int, t: int) -> bool:
        """Both sides free and under their cap, a table free; the interpreter is not checked."""
        g = self.graph
        b, e = int(g.buyer[r]), int(g.exhibitor[r])
        return bool(
            self.slot[r] < 0
            and self.used[t] < g.tables[t]
            and g.avail[b, t]
            and g.avail[e, t]
            and (r not in g.own or g.own[r][t])
            and not self.busy[b, t]
            and not self.busy[e, t]
            and self.load[b] < g.cap[b]
            and self.load[e] < g.cap[e]
        )

    def try_place(self, r: int, t: int, *, augment: bool = True) -> bool:
        """Place request ``r`` in slot ``t`` if every rule allows, with an interpreter if needed
        (with ``augment``, one freed by exchanges along an augmenting path if none is free)."""
        if not self.fits(r, t):
            return False
        i = -1
        if self.graph.lang_class[r] >= 0:
            i = self.augment_interpreter(r, t) if augment else self.free_interpreter(r, t)
            if i < 0:
                return False
        self.place(r, t, i)
        return True

    def place(self, r: int, t: int, i: int = -1) -> None:
        g = self.graph
        b, e = g.buyer[r], g.exhibitor[r]
        self.slot[r] = t
        self.interp[r] = i
        self.busy[b, t] = self.busy[e, t] = True
        self.who[b, t] = self.who[e, t] = r
        self.load[b] += 1
        self.load[e] += 1
        self.used[t] += 1
        if i >= 0:
            self.ibusy[i, t] = True
            self.iwho[i, t] = r
            self._iver[t] += 1

    def remove(self, r: int) -> None:
        g = self.graph
        t, i = int(self.slot[r]), int(self.interp[r])
        b, e = g.buyer[r], g.exhibitor[r]
        self.busy[b, t] = self.busy[e, t] = False
        self.who[b, t] = self.who[e, t] = -1
        self.load[b] -= 1
        self.load[e] -= 1
        self.used[t] -= 1
        if i >= 0:
            self.ibusy[i, t] = False
            self.iwho[i, t] = -1
            self._iver[t] += 1
        self.slot[r] = -1
        self.interp[r] = -1

    def placed(self) -> IntArray:
        return np.flatnonzero(self.slot >= 0)
