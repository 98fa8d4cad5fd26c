"""The only modules that speak both the ORM and the engine (one per engine part).

The scheduler's adapter is re-exported here because the scheduling service and its tests
read it as ``adapters.build_problem`` and friends.
"""

from tradefair.matchmaking.adapters.schedule import (
    MUST_MEET_BONUS,
    Built,
    build_problem,
    interpreter_id,
    kept_solution,
    participant_id,
    readable,
    to_engine,
)
from tradefair.matchmaking.adapters.writeback import Written, clear_staged, stage, swap_in

__all__ = [
    "MUST_MEET_BONUS",
    "Built",
    "Written",
    "build_problem",
    "clear_staged",
    "interpreter_id",
    "kept_solution",
    "participant_id",
    "readable",
    "stage",
    "swap_in",
    "to_engine",
]
