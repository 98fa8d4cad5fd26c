"""The programme's figures as the press conference quotes them, counted live from the data.

Only published activities count: a draft is not yet on the programme and a cancelled one no
longer is. The summit is the opening ceremony, the summit main events, the forums and
supporting events and the concurrent event (the seed's "4 main events + N supporting events
+ 1 concurrent event", opened together with the expo). Its delegates are the distinct people
holding a seat (registered or attended) at any of those activities: someone seated at three
forums is one delegate, someone only on a waiting list is none yet.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from tradefair.expos.models import Expo
from tradefair.programme.models import Activity, LaunchedProduct, Registration
from tradefair.programme.models.registrations import SEATED

Kind = Activity.Kind
SUMMIT_KINDS = (Kind.OPENING, Kind.MAIN_EVENT, Kind.FORUM, Kind.CONCURRENT)


@dataclass(frozen=True)
class SummitFigures:
    main_events: int
    supporting_events: int
    concurrent_events: int
    delegates: int


@dataclass(frozen=True)
class ProgrammeFigures:
    activities: int
    summit: SummitFigures
    launch_events: int
    launched_products: int


def programme_figures(expo: Expo) -> ProgrammeFigures:
    """Count the edition's published programme (three queries)."""
    published = Activity.objects.filter(expo=expo, status=Activity.Status.PUBLISHED)
    counts = published.aggregate(
        activities=Count("pk"),
        main_events=Count("pk", filter=Q(kind=Kind.MAIN_EVENT)),
        supporting_events=Count("pk", filter=Q(kind=Kind.FORUM)),
        concurrent_events=Count("pk", filter=Q(kind=Kind.CONCURRENT)),
        launch_events=Count("pk", filter=Q(kind=Kind.LAUNCH)),
    )
    delegates = (
        Registration.objects.filter(
            activity__in=published.filter(kind__in=SUMMIT_KINDS), status__in=SEATED
        )
        .order_by()
        .values("user_id")
        .distinct()
        .count()
    )
    products = LaunchedProduct.objects.filter(
        expo=expo, activity__in=published.filter(kind=Kind.LAUNCH)
    ).count()
    return ProgrammeFigures(
        activities=counts["activities"],
        summit=SummitFigures(
            main_events=counts["main_events"],
            supporting_events=counts["supporting_events"],
            concurrent_events=counts["concurrent_events"],
            delegates=delegates,
        ),
        launch_events=counts["launch_events"],
        launched_products=products,
    )
