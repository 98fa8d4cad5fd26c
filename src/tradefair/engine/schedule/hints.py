"""Hints CP-SAT starts from: a value for every variable of the model.

CP-SAT takes a hint as its first solution only when the hint is complete and feasible; a
hint of some variables (the meeting Booleans, say) only steers its branching, and a stage
hinted that way searches again for the schedule it was handed (on paper-5, hinted with an
optimal schedule of 6 gaps, its first solution had 109, one without a hint 118). So every
hint here carries every variable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

# Seconds to complete a schedule into a value for every variable (paper-5: 0.02 s).
SECONDS = 10.0


def hint_all(model: cp_model.CpModel, values: Sequence[int]) -> None:
    """Replace the model's hint with ``values``, one per variable in the model's order (a
    solver's ``response_proto.solution`` of this model, or ``completed``'s)."""
    model.clear_hints()
    for i, value in enumerate(values):
        model.add_hint(model.get_int_var_from_proto_index(i), value)


def completed(
    model: cp_model.CpModel, given: Sequence[tuple[cp_model.IntVar, int]], seconds: float
) -> list[int] | None:
    """Every variable's value once the Booleans in ``given`` are fixed, found by solving a copy
    (on the general model the rest follows from the meetings: 0.02 s at the literature's
    size, 0.7 s at ten times it), or None when the copy has no solution in ``seconds``."""
    copy = model.clone()
    copy.clear_hints()
    variables = copy.proto.variables
    for var, value in given:
        domain = variables[var.index].domain  # a Boolean's: [0, 1]
        domain[0] = domain[1] = value
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_first_solution = True
    solver.parameters.max_time_in_seconds = seconds
    if solver.solve(copy) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return list(solver.response_proto.solution)


def hint_schedule(
    model: cp_model.CpModel,
    x: Mapping[tuple[int, int], cp_model.IntVar],
    slot_of: Mapping[int, int],
) -> bool:
    """Replace ``model``'s hint with the schedule ``slot_of`` (request -> slot over the
    meeting Booleans ``x``, keyed by request and slot) completed to every variable; False,
    with the hint left empty, when it cannot be completed in ``SECONDS``."""
    model.clear_hints()
    given = [(v, int(slot_of.get(r) == t)) for (r, t), v in x.items()]
    values = completed(model, given, SECONDS)
    if values is None:
        return False
    hint_all(model, values)
    return True
