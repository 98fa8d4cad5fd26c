"""Small booth problems for the engine's tests, and a hypothesis strategy for random ones."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


def grid(
    hall: str, width: int, height: int, zone: str | Any, *, x0: int = 0, y0: int = 0
) -> list[dict[str, Any]]:
    """Modules of a ``width`` x ``height`` block; ``zone`` may be a function of (x, y)."""
    return [
        {
            "id": f"{hall}-{x}-{y}",
            "hall": hall,
            "x": x,
            "y": y,
            "zone": zone(x, y) if callable(zone) else zone,
        }
        for y in range(y0, y0 + height)
        for x in range(x0, x0 + width)
    ]


# Hall A: two 4 x 2 blocks split by an aisle (x = 4 is missing), the left one the AI
# pavilion, the right one the blue economy; corners of the left block are premium.
def small_problem() -> dict[str, Any]:
    modules = grid("A", 4, 2, "ai") + grid("A", 4, 2, "blue", x0=5)
    for m in modules:
        if m["zone"] == "ai" and m["x"] in (0, 3):
            m["premium"] = 2
    exhibitors = [
        {"id": "E1", "modules": 4, "zone": "ai", "sector": "robots", "points": 5},
        {"id": "E2", "modules": 2, "zone": "ai", "sector": "robots", "points": 3},
        {"id": "E3", "modules": 2, "zone": "ai", "sector": "chips"},
        {"id": "E4", "modules": 6, "zone": "blue", "sector": "ships", "points": 1},
        {"id": "E5", "modules": 2, "zone": "blue", "sector": "ships"},
    ]
    return {"modules": modules, "exhibitors": exhibitors}


@st.composite
def booth_problems(draw: st.DrawFn, max_exhibitors: int = 12) -> dict[str, Any]:
    """Random halls of blocks and aisles, zones, bookings, competitors and a pin or none."""
    modules: list[dict[str, Any]] = []
    zones = draw(st.lists(st.sampled_from("abc"), min_size=1, max_size=3, unique=True))
    for hall in draw(st.lists(st.sampled_from("HK"), min_size=1, max_size=2, unique=True)):
        x0 = 0
        for _ in range(draw(st.integers(1, 3))):
            width, height = draw(st.integers(1, 6)), draw(st.integers(1, 3))
            zone = draw(st.sampled_from(zones))
            modules += grid(hall, width, height, zone, x0=x0)
            x0 += width + draw(st.integers(1, 2))  # an aisle: a gap in x
    for m in modules:
        m["premium"] = draw(st.sampled_from([0, 0, 1, 2.5]))
    used = sorted({m["zone"] for m in modules})
    count = draw(st.integers(1, max_exhibitors))
    exhibitors = [
        {
            "id": f"E{n}",
            "modules": draw(st.sampled_from([1, 1, 2, 2, 3, 4, 6])),
            "zone": draw(st.sampled_from(used)),
            "sector": draw(st.sampled_from(["s1", "s2", None])),
            "points": draw(st.integers(0, 9)),
        }
        for n in range(count)
    ]
    for n, exhibitor in enumerate(exhibitors):
        others = [f"E{k}" for k in range(count) if k != n]
        if others:
            exhibitor["competitors"] = draw(
                st.lists(st.sampled_from(others), max_size=2, unique=True)
            )
    return {"modules": modules, "exhibitors": exhibitors}
