"""Moving or pinning an exhibitor's booth by hand, under the halls' locks.

The organiser names where the booth's top-left module goes (hall, grid x and y) and how many
modules wide it is; the depth follows from what the exhibitor booked. The floor is read after
the locks are taken, and the engine's own ``Plan`` says whether the rectangle keeps the hard
rules (every module there, in the exhibitor's pavilion, free, touching no competitor), so a
move by hand can never break what the allocation keeps. The exhibitor is told after commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tradefair.accounts.models import User
from tradefair.booths import adapters
from tradefair.booths.services import floor, notifications
from tradefair.booths.services.errors import MoveRefused
from tradefair.booths.services.runs import require_organiser
from tradefair.engine.booths.plan import Plan
from tradefair.expos.models import Expo
from tradefair.expos.parsing import whole_number
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Pavilion
from tradefair.organisations.models import Participation


@dataclass(frozen=True)
class Target:
    hall: Hall
    x: int
    y: int
    width: int  # modules across; the depth is the booking divided by it


def move_booth(
    *, participation: Participation, target: Target, by_user: User, pin: bool = True
) -> floor.Placed:
    """Put the exhibitor's booth at ``target`` (pinned unless told otherwise: a booth placed
    by hand should survive the next run)."""
    expo = participation.expo
    require_organiser(by_user, expo)
    with transaction.atomic():
        # The hall it stands in now, to lock with the target's; then the floor as it stands
        # once nobody else can write.
        now_in = BoothAssignment.objects.filter(participation=participation).values_list(
            "booth__pavilion__hall_id", flat=True
        )
        floor.lock_halls({target.hall.pk, *now_in})
        current = floor.holdings(expo).get(participation.pk)
        modules = _checked_rectangle(expo, participation, target)
        if current is not None:
            floor.release([current.booth])
        placed = floor.place(
            expo, participation.pk, modules, current, floor.Numbers(expo), pinned=pin
        )
        if current is None or current.modules != frozenset(modules):
            notifications.booths_placed(expo, [placed])
    return placed


def set_pinned(*, booth: Booth, pinned: bool, by_user: User) -> None:
    require_organiser(by_user, booth.expo)
    Booth.objects.filter(pk=booth.pk).update(pinned=pinned)


def _checked_rectangle(expo: Expo, participation: Participation, target: Target) -> list[int]:
    built = adapters.build_problem(expo)
    problem = built.problem
    me = problem.exhibitor_index.get(str(participation.pk))
    if me is None:
        left = next(x for x in built.left_out if x.participation == participation.pk)
        raise MoveRefused(_(_LEFT_OUT[left.code]), "participation")
    exhibitor = problem.exhibitors[me]
    if target.width < 1 or exhibitor.modules % target.width:
        raise MoveRefused(
            _("The booth is %(size)s modules: give a width that divides it (e.g. %(widths)s).")
            % {
                "size": exhibitor.modules,
                "widths": ", ".join(map(str, _widths(exhibitor.modules))),
            },
            "width",
        )
    plan = Plan(problem)
    for other, module_ids in built.keep.items():
        plan.place(
            problem.exhibitor_index[other], tuple(problem.module_index[m] for m in module_ids)
        )
    plan.pinned.discard(me)
    if me in plan.booth:
        plan.remove(me)
    depth = exhibitor.modules // target.width
    rectangle = []
    for y in range(target.y, target.y + depth):
        for x in range(target.x, target.x + target.width):
            i = problem.at.get((target.hall.code, x, y))
            if i is None:
                raise MoveRefused(
                    _(
                        "Hall %(hall)s has no module at (%(x)s, %(y)s): a %(w)s x %(d)s booth does "
                        "not fit there (an aisle or the hall's edge is in the way)."
                    )
                    % {"hall": target.hall.code, "x": x, "y": y, "w": target.width, "d": depth},
                    "x",
                )
            if problem.modules[i].zone != exhibitor.zone:
                raise MoveRefused(
                    _(
                        "The module at (%(x)s, %(y)s) is outside the exhibitor's pavilion "
                        "%(pavilion)s."
                    )
                    % {"x": x, "y": y, "pavilion": _pavilion_name(exhibitor.zone)},
                    "x",
                )
            if plan.owner[i] >= 0:
                raise MoveRefused(
                    _("The module at (%(x)s, %(y)s) belongs to another booth; move that one first.")
                    % {"x": x, "y": y},
                    "x",
                )
            rectangle.append(i)
    if plan.touches_rival(me, tuple(rectangle)):
        raise MoveRefused(
            _("There the booth would touch the booth of a competitor it must stay apart from."),
            "x",
        )
    return [int(problem.modules[i].id) for i in rectangle]


_LEFT_OUT = {  # translated when raised
    "no_pavilion": gettext_noop("The exhibitor has no pavilion yet: set one first."),
    "no_area": gettext_noop("The exhibitor has no contracted booth area yet: set one first."),
    "no_modules": gettext_noop("The exhibitor's pavilion has no modules on the plan yet."),
}


def _widths(size: int) -> list[int]:
    return [w for w in range(1, size + 1) if size % w == 0]


def _pavilion_name(zone: str) -> str:
    pk = whole_number(zone)
    pavilion = None if pk is None else Pavilion.objects.filter(pk=pk).first()
    return pavilion.display_name if pavilion else zone
