"""Synthetic but realistic B2B scheduling problems for tests and benchmarks.

Real request data is private, so the solvers are measured on generated fairs whose shape
follows what matchmaking platforms see: a few star exhibitors drawing thousands of requests
while most get a handful, buyers who come for one to five days (some only for mornings or
afternoons), per-participant caps, priorities mostly 1-2, and requests arriving best-first so
that first-come-first-served fills the popular exhibitors early. With interpreters, languages
are mixed so that a realistic share of the requests needs an interpreter from a small pool
with partial availability.

The same seed always yields the same problem (one ``numpy`` generator drives everything), and
the generation is vectorised: the reference size (13,200 participants, ~150,000 requests)
builds in a few seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from tradefair.engine.schedule.problem import (
    Interpreter,
    Participant,
    Problem,
    Request,
    Side,
    Slot,
    needs_interpreter,
)

TZ = ZoneInfo("Asia/Shanghai")
FIRST_DAY = dt.date(2025, 9, 17)
SLOT_MINUTES = 20

Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Shape:
    """How big a fair is; the distributions are shared by every size."""

    buyers: int
    exhibitors: int
    days: int
    slots_per_day: int
    tables: int
    requests: tuple[int, int, float]  # per buyer: fewest, most, mean
    buyer_cap: tuple[int, int, float]
    exhibitor_cap: tuple[int, int, float]
    interpreters: int
    sectors: int = 16  # buyers mostly ask within their one to three sectors


REFERENCE = Shape(
    buyers=10_000,
    exhibitors=3_200,
    days=5,
    slots_per_day=18,
    tables=1_200,
    requests=(5, 30, 15.0),
    buyer_cap=(6, 20, 10.0),
    exhibitor_cap=(20, 60, 35.0),
    interpreters=100,
)

SIZES: dict[str, Shape] = {
    # Small enough for CP-SAT to prove the optimum: one morning, tables the binding resource.
    "small": Shape(
        buyers=70,
        exhibitors=30,
        days=1,
        slots_per_day=8,
        tables=16,
        requests=(3, 8, 4.5),
        buyer_cap=(2, 6, 3.5),
        exhibitor_cap=(4, 8, 6.0),
        interpreters=3,
        sectors=4,
    ),
    "medium": Shape(
        buyers=1_520,
        exhibitors=480,
        days=2,
        slots_per_day=18,
        tables=300,
        requests=(5, 30, 13.0),
        buyer_cap=(6, 20, 10.0),
        exhibitor_cap=(20, 60, 35.0),
        interpreters=30,
        sectors=12,
    ),
    "reference": REFERENCE,
}

# Buyers at the China-ASEAN Expo are mostly Chinese; exhibitors come from China and ASEAN,
# and many ASEAN exhibitors bring Chinese- or English-speaking staff. A second language is
# drawn by the first: (share with English, share with Chinese).
BUYER_LANGUAGES = {"zh": 0.90, "en": 0.03, "vi": 0.02, "th": 0.02, "id": 0.015, "ms": 0.015}
EXHIBITOR_LANGUAGES = {"zh": 0.62, "vi": 0.09, "th": 0.09, "id": 0.08, "ms": 0.06, "en": 0.06}
BUYER_SECOND = {"zh": (0.30, 0.0), "en": (0.0, 0.0)}
EXHIBITOR_SECOND = {"zh": (0.35, 0.0), "en": (0.0, 0.2)}
ASEAN_SECOND = {"buyer": (0.70, 0.0), "exhibitor": (0.50, 0.60)}
INTERPRETER_LANGUAGES: dict[tuple[str, ...], float] = {
    ("zh", "vi"): 0.22,
    ("zh", "th"): 0.20,
    ("zh", "id"): 0.15,
    ("zh", "en"): 0.15,
    ("zh", "ms"): 0.10,
    ("en", "id"): 0.06,
    ("en", "vi"): 0.04,
    ("en", "th"): 0.04,
    ("en", "ms", "zh"): 0.04,
}
PRIORITIES = np.array([0.45, 0.30, 0.13, 0.08, 0.04])  # for priority 1..5
ZIPF_EXPONENT = 1.0
OFF_SECTOR_WEIGHT = 0.03  # buyers sometimes ask outside their sectors


def shape_of(size: str | int) -> Shape:
    """A named size, or a participant count that scales the reference size proportionally."""
    if isinstance(size, str) and not size.isdigit():
        try:
            return SIZES[size]
        except KeyError:
            raise ValueError(f"unknown size {size!r}: use {', '.join(SIZES)} or a number") from None
    total = int(size)
    if total < 2:
        raise ValueError("a fair needs at least one buyer and one exhibitor")
    scale = total / (REFERENCE.buyers + REFERENCE.exhibitors)
    buyers = min(total - 1, max(1, round(REFERENCE.buyers * scale)))
    exhibitors = total - buyers

    def clip(bounds: tuple[int, int, float], most: int) -> tuple[int, int, float]:
        lo, hi, mean = bounds
        hi = min(hi, most)
        lo = min(lo, hi)
        return lo, hi, min(max(mean, lo), hi)

    return replace(
        REFERENCE,
        buyers=buyers,
        exhibitors=exhibitors,
        tables=max(1, round(REFERENCE.tables * scale)),
        requests=clip(REFERENCE.requests, exhibitors),
        interpreters=max(1, round(REFERENCE.interpreters * scale)),
        sectors=max(1, min(REFERENCE.sectors, exhibitors // 4)),
    )


def generate(size: str | int, *, seed: int = 0, interpreters: bool = False) -> Problem:
    """A deterministic synthetic fair of the given size (see ``SIZES`` and ``shape_of``)."""
    shape = shape_of(size)
    rng = np.random.default_rng(seed)
    slots = _slots(shape)

    buyer_avail = _buyer_availability(rng, shape, slots)
    exhibitor_avail = _exhibitor_availability(rng, shape, slots)
    buyer_caps = _draw(rng, *shape.buyer_cap, n=shape.buyers)
    exhibitor_caps = _draw(rng, *shape.exhibitor_cap, n=shape.exhibitors)
    buyer_of, exhibitor_of, priority = _requests(rng, shape)

    buyer_langs: list[frozenset[str] | None] = [None] * shape.buyers
    exhibitor_langs: list[frozenset[str] | None] = [None] * shape.exhibitors
    pool: tuple[Interpreter, ...] = ()
    if interpreters:
        buyer_langs = list(_languages(rng, shape.buyers, BUYER_LANGUAGES, buyer=True))
        exhibitor_langs = list(_languages(rng, shape.exhibitors, EXHIBITOR_LANGUAGES, buyer=False))
        pool = _interpreters(rng, shape, slots)

    width_b, width_e = len(str(shape.buyers)), len(str(shape.exhibitors))
    buyers = tuple(
        Participant(f"B{i + 1:0{width_b}d}", Side.BUYER, avail, int(cap), langs)
        for i, (avail, cap, langs) in enumerate(
            zip(buyer_avail, buyer_caps, buyer_langs, strict=True)
        )
    )
    exhibitors = tuple(
        Participant(f"E{i + 1:0{width_e}d}", Side.EXHIBITOR, avail, int(cap), langs)
        for i, (avail, cap, langs) in enumerate(
            zip(exhibitor_avail, exhibitor_caps, exhibitor_langs, strict=True)
        )
    )
    width_r = len(str(len(buyer_of)))
    requests = tuple(
        Request(f"R{i + 1:0{width_r}d}", buyers[b].id, exhibitors[e].id, p)
        for i, (b, e, p) in enumerate(
            zip(buyer_of.tolist(), exhibitor_of.tolist(), priority.tolist(), strict=True)
        )
    )
    return Problem(
        slots=slots, participants=buyers + exhibitors, requests=requests, interpreters=pool
    )


def _slots(shape: Shape) -> tuple[Slot, ...]:
    """Twenty-minute slots from 09:00; a full day breaks for lunch between 12:00 and 13:30."""
    per_day = shape.slots_per_day
    morning = per_day // 2 if per_day > 9 else per_day
    slots = []
    for d in range(shape.days):
        day = FIRST_DAY + dt.timedelta(days=d)
        for k in range(per_day):
            start = dt.datetime.combine(day, dt.time(9, 0), TZ) + dt.timedelta(
                minutes=SLOT_MINUTES * k + (90 if k >= morning else 0)
            )
            end = start + dt.timedelta(minutes=SLOT_MINUTES)
            slots.append(Slot(f"d{d + 1}-{start:%H%M}", start, end, shape.tables))
    return tuple(slots)


def _window(
    slots: Sequence[Slot], shape: Shape, first_day: int, days: int, half: int
) -> frozenset[str] | None:
    """Slot ids over consecutive days, whole days (half 0), mornings (1) or afternoons (2)."""
    if first_day == 0 and days == shape.days and half == 0:
        return None
    morning = shape.slots_per_day // 2
    ids = []
    for d in range(first_day, first_day + days):
        for k in range(shape.slots_per_day):
            if half == 0 or (half == 1) == (k < morning):
                ids.append(slots[d * shape.slots_per_day + k].id)
    return frozenset(ids)


def _buyer_availability(
    rng: np.random.Generator, shape: Shape, slots: Sequence[Slot]
) -> list[frozenset[str] | None]:
    """Most buyers come for one to three consecutive days; a quarter for half days only."""
    day_weights = np.array([0.30, 0.28, 0.20, 0.12, 0.10])[: shape.days]
    days = rng.choice(
        np.arange(1, shape.days + 1), size=shape.buyers, p=day_weights / day_weights.sum()
    )
    first = np.floor(rng.random(shape.buyers) * (shape.days - days + 1)).astype(np.int64)
    half = (
        rng.choice(3, size=shape.buyers, p=[0.75, 0.13, 0.12])
        if shape.slots_per_day > 1
        else np.zeros(shape.buyers, np.int64)
    )
    cache: dict[tuple[int, int, int], frozenset[str] | None] = {}
    out = []
    for key in zip(first.tolist(), days.tolist(), half.tolist(), strict=True):
        if key not in cache:
            cache[key] = _window(slots, shape, *key)
        out.append(cache[key])
    return out


def _exhibitor_availability(
    rng: np.random.Generator, shape: Shape, slots: Sequence[Slot]
) -> list[frozenset[str] | None]:
    """Exhibitors staff their booth all fair long, bar a few who leave early or arrive late."""
    kind = rng.choice(4, size=shape.exhibitors, p=[0.84, 0.07, 0.05, 0.04])
    windows: list[frozenset[str] | None] = [None]
    if shape.days > 1:
        windows += [
            _window(slots, shape, 0, shape.days - 1, 0),
            _window(slots, shape, 1, shape.days - 1, 0),
        ]
    else:
        windows += [_window(slots, shape, 0, 1, 1), _window(slots, shape, 0, 1, 2)]
    windows.append(_window(slots, shape, 0, shape.days, 1) if shape.slots_per_day > 1 else None)
    return [windows[k] for k in kind.tolist()]


def _pmf(lo: int, hi: int, mean: float) -> npt.NDArray[np.float64]:
    """A truncated power law on lo..hi with the given mean: many at lo, a long tail to hi.

    Bisection on the exponent; a negative exponent leans the mass towards hi instead.
    """
    k = np.arange(lo, hi + 1, dtype=np.float64)
    if hi == lo:
        return np.ones(1)

    def pmf(alpha: float) -> npt.NDArray[np.float64]:
        w = (k - lo + 1) ** -alpha
        return np.asarray(w / w.sum(), dtype=np.float64)

    a, b = -10.0, 10.0
    for _ in range(60):
        mid = (a + b) / 2
        if float(pmf(mid) @ k) > mean:
            a = mid
        else:
            b = mid
    return pmf((a + b) / 2)


def _draw(rng: np.random.Generator, lo: int, hi: int, mean: float, *, n: int) -> Ints:
    return np.asarray(
        rng.choice(np.arange(lo, hi + 1), size=n, p=_pmf(lo, hi, mean)), dtype=np.int64
    )


def _requests(rng: np.random.Generator, shape: Shape) -> tuple[Ints, Ints, Ints]:
    """Buyer, exhibitor and priority of every request, in arrival order.

    Each buyer picks its exhibitors without replacement, weighted by a Zipf popularity and by
    whether the exhibitor is in one of the buyer's sectors (Gumbel top-k, in chunks so memory
    stays small). Buyers rank their picks, give their first picks the higher priorities, and
    file them best-first from a random moment on, so the stars are asked early.
    """
    n_b, n_e = shape.buyers, shape.exhibitors
    lo, hi, mean = shape.requests
    counts = _draw(rng, lo, hi, mean, n=n_b)

    popularity = -ZIPF_EXPONENT * np.log(rng.permutation(n_e) + 1.0)
    sector_sizes = 1.0 / np.arange(1, shape.sectors + 1) ** 0.8
    exhibitor_sector = rng.choice(shape.sectors, size=n_e, p=sector_sizes / sector_sizes.sum())
    interests = np.zeros((n_b, shape.sectors), dtype=bool)
    n_interests = rng.choice([1, 2, 3], size=n_b, p=[0.5, 0.35, 0.15])
    sector_keys = np.log(sector_sizes)[None, :] + rng.gumbel(size=(n_b, shape.sectors))
    by_key = np.argsort(-sector_keys, axis=1)
    for j in range(3):
        rows = np.flatnonzero(n_interests > j)
        if j < shape.sectors:
            interests[rows, by_key[rows, j]] = True

    picks = np.empty((n_b, hi), dtype=np.int64)
    penalty = np.log(OFF_SECTOR_WEIGHT)
    chunk = max(1, 4_000_000 // n_e)
    for start in range(0, n_b, chunk):
        stop = min(n_b, start + chunk)
        keys = popularity[None, :] + rng.gumbel(size=(stop - start, n_e))
        keys += np.where(interests[start:stop][:, exhibitor_sector], 0.0, penalty)
        top = (
            np.argpartition(-keys, hi - 1, axis=1)[:, :hi]
            if hi < n_e
            else np.tile(np.arange(n_e), (stop - start, 1))
        )
        order = np.argsort(-np.take_along_axis(keys, top, axis=1), axis=1)
        picks[start:stop] = np.take_along_axis(top, order, axis=1)

    rank = np.broadcast_to(np.arange(hi), (n_b, hi))
    chosen = rank < counts[:, None]
    priorities = rng.choice(np.arange(1, 6), size=(n_b, hi), p=PRIORITIES)
    priorities = -np.sort(-np.where(chosen, priorities, 0), axis=1)
    buyer = np.broadcast_to(np.arange(n_b)[:, None], (n_b, hi))[chosen]
    exhibitor = picks[chosen]
    priority = priorities[chosen]
    registered = rng.random(n_b)
    arrival = registered[buyer] + 0.05 * rank[chosen] + rng.normal(0.0, 0.02, size=len(buyer))
    order = np.argsort(arrival, kind="stable")
    return buyer[order], exhibitor[order], priority[order]


def _languages(
    rng: np.random.Generator, n: int, shares: dict[str, float], *, buyer: bool
) -> list[frozenset[str]]:
    """A first language by the shares, then English and Chinese by the first language."""
    names = list(shares)
    second = BUYER_SECOND if buyer else EXHIBITOR_SECOND
    asean = ASEAN_SECOND["buyer" if buyer else "exhibitor"]
    odds = np.array([second.get(name, asean) for name in names])
    first = rng.choice(len(names), size=n, p=np.array(list(shares.values())))
    draws = rng.random((n, 2)) < odds[first]
    cache: dict[tuple[int, bool, bool], frozenset[str]] = {}
    out = []
    for key in zip(first.tolist(), draws[:, 0].tolist(), draws[:, 1].tolist(), strict=True):
        if key not in cache:
            extra = [lang for lang, has in (("en", key[1]), ("zh", key[2])) if has]
            cache[key] = frozenset([names[key[0]], *extra])
        out.append(cache[key])
    return out


def _interpreters(
    rng: np.random.Generator, shape: Shape, slots: Sequence[Slot]
) -> tuple[Interpreter, ...]:
    """A small pool: half work the whole fair, the rest a run of days or half days."""
    pairs = list(INTERPRETER_LANGUAGES)
    weights = np.array(list(INTERPRETER_LANGUAGES.values()))
    n = shape.interpreters
    langs = rng.choice(len(pairs), size=n, p=weights / weights.sum())
    kind = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    days = rng.integers(1, shape.days + 1, size=n)
    first = np.floor(rng.random(n) * (shape.days - days + 1)).astype(np.int64)
    half = rng.integers(1, 3, size=n)
    width = len(str(n))
    pool = []
    for i in range(n):
        if kind[i] == 0:
            available = None
        elif kind[i] == 1 or shape.slots_per_day == 1:
            available = _window(slots, shape, int(first[i]), int(days[i]), 0)
        else:
            available = _window(slots, shape, int(first[i]), int(days[i]), int(half[i]))
        pool.append(Interpreter(f"I{i + 1:0{width}d}", frozenset(pairs[langs[i]]), available))
    return tuple(pool)


def summary(problem: Problem) -> dict[str, object]:
    """Headline figures of a problem, to eyeball a generated fair."""
    sides = Counter(p.side for p in problem.participants)
    per_exhibitor = Counter(r.exhibitor for r in problem.requests)
    people = problem.participant_index
    interpreted = sum(
        needs_interpreter(
            problem.participants[people[r.buyer]], problem.participants[people[r.exhibitor]]
        )
        for r in problem.requests
    )
    loads = sorted(per_exhibitor.values(), reverse=True)
    return {
        "buyers": sides[Side.BUYER],
        "exhibitors": sides[Side.EXHIBITOR],
        "slots": len(problem.slots),
        "tables_per_slot": problem.slots[0].tables if problem.slots else 0,
        "requests": len(problem.requests),
        "requests_per_exhibitor_top5": loads[:5],
        "requests_per_exhibitor_median": loads[len(loads) // 2] if loads else 0,
        "priorities": dict(sorted(Counter(r.priority for r in problem.requests).items())),
        "interpreters": len(problem.interpreters),
        "share_needing_interpreter": round(interpreted / max(1, len(problem.requests)), 3),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic fair and show its shape.")
    parser.add_argument("size", help="small, medium, reference or a participant count")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--interpreters", action="store_true")
    args = parser.parse_args(argv)
    for key, value in summary(
        generate(args.size, seed=args.seed, interpreters=args.interpreters)
    ).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
