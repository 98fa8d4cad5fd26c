"""The flow's linear programme with the interpreters in it: the bound, and the selection.

Variables: x_r in [0, 1] per request, and z_ci >= 0, the meetings of language class c that
interpreter i takes (only if i is capable of c; at most i's free slots). Rows: each
participant within its capacity, all meetings within the tables, each class's interpreted
meetings equal to what its interpreters take, each interpreter within its slots. Any schedule
gives such an (x, z), so the optimum bounds it; the classes share interpreters exactly
(Hall's condition for every set of classes holds), which per-class caps alone do not express.

The bounds maximise one weight over it (``bound``); the decomposition's first phase, when
interpreters are involved, picks its requests from it (``choose``), because the flow it uses
otherwise cannot see that interpreted meetings compete for a few interpreters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.optimize import linprog

from tradefair.engine.schedule.graph import IntArray, RequestGraph

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class _Programme:
    a_ub: sp.csr_matrix
    b_ub: FloatArray
    a_eq: sp.csr_matrix
    upper: FloatArray  # per column; the first ``len(r)`` are the requests
    n: int


def _programme(
    g: RequestGraph, r: IntArray, cap: IntArray, total: int, slots: FloatArray
) -> _Programme:
    """The rows above over requests ``r``, with ``slots`` free slots per interpreter."""
    n = r.size
    cls = g.lang_class[r]
    pairs = [(c, int(i)) for c, able in enumerate(g.class_interpreters) for i in able]
    pc = np.array([c for c, _ in pairs], dtype=np.int64)
    pi = np.array([i for _, i in pairs], dtype=np.int64)
    n_z, n_c, n_i, n_p = len(pairs), len(g.class_interpreters), slots.size, g.n_participants
    cols = np.arange(n)
    zs = n + np.arange(n_z)
    ends = sp.csr_matrix(
        (np.ones(2 * n), (np.concatenate([g.buyer[r], g.exhibitor[r]]), np.tile(cols, 2))),
        shape=(n_p, n + n_z),
    )
    tables = sp.csr_matrix((np.ones(n), (np.zeros(n, np.int64), cols)), shape=(1, n + n_z))
    per_interp = sp.csr_matrix((np.ones(n_z), (pi, zs)), shape=(n_i, n + n_z))
    interpreted = np.flatnonzero(cls >= 0)
    a_eq = sp.csr_matrix(
        (
            np.concatenate([np.ones(interpreted.size), -np.ones(n_z)]),
            (np.concatenate([cls[interpreted], pc]), np.concatenate([interpreted, zs])),
        ),
        shape=(n_c, n + n_z),
    )
    return _Programme(
        a_ub=sp.vstack([ends, tables, per_interp]).tocsr(),
        b_ub=np.concatenate([cap.astype(np.float64), [float(total)], slots]),
        a_eq=a_eq,
        upper=np.concatenate([np.ones(n), slots[pi]]),
        n=n,
    )


def _method(weight: FloatArray) -> str:
    # Equal weights make the dual simplex crawl through ties (19 s against 6 s for the
    # interior point at the reference size); distinct priorities suit the simplex (1.4 s).
    return "highs-ipm" if np.all(weight == weight[0]) else "highs-ds"


def bound(g: RequestGraph, r: IntArray, weight: IntArray, cap: IntArray, total: int) -> int:
    """The programme's optimum of ``weight``, certified by its dual.

    The value returned is the weak-duality bound of the solver's duals, ``b·y + Σ max(0,
    reduced cost) · upper``, valid for any multipliers of the right sign, so an inexact LP
    answer can only make it looser, never wrong.
    """
    use = weight > 0
    r, w = r[use], weight[use].astype(np.float64)
    lp = _programme(g, r, cap, total, g.interp_avail.sum(axis=1).astype(np.float64))
    gain = np.concatenate([w, np.zeros(lp.upper.size - lp.n)])
    result = linprog(
        -gain,
        A_ub=lp.a_ub,
        b_ub=lp.b_ub,
        A_eq=lp.a_eq,
        b_eq=np.zeros(lp.a_eq.shape[0]),
        bounds=np.column_stack([np.zeros(lp.upper.size), lp.upper]),
        method=_method(w),
    )
    if result.status != 0:
        return int(np.floor(w.sum()))  # every request met: trivially valid
    y = np.maximum(-result.ineqlin.marginals, 0.0)
    mu = -result.eqlin.marginals
    reduced = gain - lp.a_ub.T @ y - lp.a_eq.T @ mu
    certified = float(lp.b_ub @ y + (np.maximum(reduced, 0.0) * lp.upper).sum())
    return int(np.floor(certified + 1e-6))


def choose(
    g: RequestGraph,
    r: IntArray,
    *,
    cap: IntArray,
    total: int,
    slots: FloatArray,
    at_least: int,
    newly_served: IntArray,
    serve: int,
) -> IntArray | None:
    """The requests of ``r`` of the most total priority with at least ``at_least`` meetings,
    ``serve`` of the buyers ``newly_served`` getting one; None if the programme has no such
    solution. A vertex of this programme is integral but for a few requests (two rows more
    than a flow with side rows); those over one half are taken."""
    lp = _programme(g, r, cap, total, slots)
    width = lp.upper.size
    nb = newly_served.size
    mine = np.isin(g.buyer[r], newly_served)  # requests of a buyer not yet served
    first = np.searchsorted(newly_served, g.buyer[r][mine])
    # s_b <= Σ x_r over b's requests, Σ s_b >= serve, Σ x_r >= at_least
    links = sp.csr_matrix(
        (
            np.concatenate([np.ones(nb), -np.ones(int(mine.sum()))]),
            (
                np.concatenate([np.arange(nb), first]),
                np.concatenate([width + np.arange(nb), np.flatnonzero(mine)]),
            ),
        ),
        shape=(nb, width + nb),
    )
    counts = sp.csr_matrix(
        (
            np.concatenate([-np.ones(lp.n), -np.ones(nb)]),
            (
                np.concatenate([np.zeros(lp.n, np.int64), np.ones(nb, np.int64)]),
                np.concatenate([np.arange(lp.n), width + np.arange(nb)]),
            ),
        ),
        shape=(2, width + nb),
    )
    a_ub = sp.vstack([sp.hstack([lp.a_ub, sp.csr_matrix((lp.a_ub.shape[0], nb))]), links, counts])
    b_ub = np.concatenate([lp.b_ub, np.zeros(nb), [-float(at_least), -float(serve)]])
    a_eq = sp.hstack([lp.a_eq, sp.csr_matrix((lp.a_eq.shape[0], nb))])
    w = np.maximum(g.priority[r], 0).astype(np.float64)
    gain = np.concatenate([w, np.zeros(width - lp.n + nb)])
    upper = np.concatenate([lp.upper, np.ones(nb)])
    result = linprog(
        -gain,
        A_ub=a_ub.tocsr(),
        b_ub=b_ub,
        A_eq=a_eq.tocsr(),
        b_eq=np.zeros(a_eq.shape[0]),
        bounds=np.column_stack([np.zeros(upper.size), upper]),
        method=_method(w),
    )
    if result.status != 0:
        return None
    return r[result.x[: lp.n] > 0.5]
