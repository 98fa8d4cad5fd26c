"""A first day at the fair: badges for a sample of the buyers' and exhibitors' people, their
entrance check-ins on the opening day (and some on the second), and the leads the first
exhibitors scanned. Drawn from its own random stream after the rest of the demo, so the other
figures do not move; the bulletin published after the load counts them.

People are named in their own script where the demo knows one (``applications.PEOPLE``),
Chinese people in Chinese with their pinyin.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tradefair.demo.applications import LATIN_PEOPLE, PEOPLE
from tradefair.demo.programme_people import CHINESE_FAMILIES, CHINESE_GIVENS
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge, CheckIn, Lead

BUYERS = 1200  # buyer enterprises whose first person is badged
EXHIBITORS = 400  # exhibitors whose first person is badged
CAME_FIRST_DAY = 0.7
CAME_SECOND_DAY = 0.45
LEAD_EXHIBITORS = 60  # the first Chinese exhibitors by name among them: the demo log-ins'
LEADS_EACH = (2, 12)
NOTES = (
    "Wants samples before the end of the month.",
    "Asked for prices FOB Qinzhou.",
    "Distributor in three provinces; follow up after the fair.",
    "Interested in OEM; send the catalogue.",
    "",
)


@dataclass(frozen=True)
class Written:
    badges: int
    checkins: int
    leads: int


def _name(rng: random.Random, country: str) -> tuple[str, str]:
    if country == "CN":
        (family, family_zh), (given, given_zh) = (
            rng.choice(CHINESE_FAMILIES),
            rng.choice(CHINESE_GIVENS),
        )
        return family_zh + given_zh, f"{family} {given}"
    if country in PEOPLE:
        return rng.choice(PEOPLE[country])
    latin = rng.choice(LATIN_PEOPLE)
    return latin, latin


def write_attendance(expo: Expo) -> Written:
    rng = random.Random(f"{expo.slug}-attendance")
    chosen = _sample(expo, Participation.Role.BUYER, BUYERS, rng) + _sample(
        expo, Participation.Role.EXHIBITOR, EXHIBITORS, rng
    )
    badges = Badge.objects.bulk_create(
        _badge(expo, rng, participation, n) for n, participation in enumerate(chosen)
    )
    zone = ZoneInfo(expo.time_zone)
    checkins = []
    for day_index, share in ((0, CAME_FIRST_DAY), (1, CAME_SECOND_DAY)):
        day = expo.start_date + dt.timedelta(days=day_index)
        for badge in badges:
            if rng.random() < share:
                at = dt.datetime.combine(day, dt.time(8, 30), zone) + dt.timedelta(
                    minutes=rng.randint(0, 300)
                )
                checkins.append(
                    CheckIn(expo=expo, badge=badge, place=CheckIn.Place.ENTRANCE, day=day, at=at)
                )
    CheckIn.objects.bulk_create(checkins)
    visitors = [b for b in badges if b.participation.role == Participation.Role.BUYER]
    leads = []
    scanners = list(
        Participation.objects.filter(
            expo=expo, role=Participation.Role.EXHIBITOR, organisation__country_id="CN"
        ).order_by("organisation__name", "pk")[:LEAD_EXHIBITORS]
    )
    for exhibitor in scanners:
        for badge in rng.sample(visitors, min(rng.randint(*LEADS_EACH), len(visitors))):
            leads.append(
                Lead(
                    expo=expo,
                    exhibitor=exhibitor,
                    badge=badge,
                    notes=rng.choice(NOTES),
                    rating=rng.choice((None, 2, 3, 4, 5)),
                )
            )
    Lead.objects.bulk_create(leads)
    return Written(len(badges), len(checkins), len(leads))


def _sample(expo: Expo, role: str, count: int, rng: random.Random) -> list[Participation]:
    ids = list(
        Participation.objects.filter(expo=expo, role=role)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    wanted = sorted(rng.sample(ids, min(count, len(ids))))
    return list(
        Participation.objects.filter(pk__in=wanted).select_related("organisation").order_by("pk")
    )


def _badge(expo: Expo, rng: random.Random, participation: Participation, n: int) -> Badge:
    organisation = participation.organisation
    name, latin = _name(rng, organisation.country_id)
    domain = organisation.email.split("@")[-1] if "@" in organisation.email else "demo.invalid"
    return Badge(
        expo=expo,
        participation=participation,
        email=f"visitor{n}.{latin.split()[0].lower()}@{domain}",
        name=name,
        name_latin=latin,
        job_title=rng.choice(("Purchasing manager", "Sales director", "General manager", "")),
        share_contact=rng.random() < 0.6,
    )
