"""Build a mid-size fair for the fault tests, in the database the environment names.

Run as a script (``python tests/faults/scene.py``) with ``tradefair.settings``: the fault tests
drive a real server and a real worker, so the data must be committed where both can read it,
not inside pytest-django's test transaction. Prints what the tests need as JSON.
"""

import datetime as dt
import json
import os
import random
import sys

import django

BUYERS, EXHIBITORS, REQUESTS = 2_500, 800, 24_000
TABLES, SLOTS_PER_DAY, DAYS, SLOT = 250, 18, 2, dt.timedelta(minutes=20)
CLIENTS = 20  # buyers with a log-in, one per concurrent client
PASSWORD = "fault-tolerant-42"


def build() -> dict[str, object]:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from tradefair.accounts.models import ExpoStaff, Membership, User
    from tradefair.expos.models import Country, Expo
    from tradefair.matchmaking.models import MeetingRequest
    from tradefair.matchmaking.services.sessions import create_session
    from tradefair.organisations.models import Organisation, Participation

    rng = random.Random(7)
    hashed = make_password(PASSWORD)  # hashed once, shared: the scene loads in seconds
    with transaction.atomic():
        china, vietnam = Country.objects.get(code="CN"), Country.objects.get(code="VN")
        expo = Expo.objects.create(
            slug="fault-expo",
            name="Fault Expo",
            city="Nanning",
            host_country=china,
            start_date=dt.date(2025, 9, 17),
            end_date=dt.date(2025, 9, 21),
        )
        organiser = User.objects.create(email="organiser@fault.example", password=hashed)
        ExpoStaff.objects.create(user=organiser, expo=expo)
        organisations = Organisation.objects.bulk_create(
            [Organisation(name=f"Buyer {i:04d}", country=vietnam) for i in range(BUYERS)]
            + [Organisation(name=f"Maker {i:04d}", country=china) for i in range(EXHIBITORS)]
        )
        parts = Participation.objects.bulk_create(
            Participation(
                expo=expo,
                organisation=o,
                role=Participation.Role.BUYER if i < BUYERS else Participation.Role.EXHIBITOR,
            )
            for i, o in enumerate(organisations)
        )
        buyers, makers = parts[:BUYERS], parts[BUYERS:]
        clients = User.objects.bulk_create(
            User(email=f"buyer{i}@fault.example", password=hashed) for i in range(CLIENTS)
        )
        Membership.objects.bulk_create(
            Membership(user=u, organisation_id=buyers[i].organisation_id)
            for i, u in enumerate(clients)
        )
        for day in range(DAYS):
            create_session(
                expo=expo,
                name=f"Procurement day {day + 1}",
                date=dt.date(2025, 9, 18 + day),
                start_time=dt.time(9, 0),
                end_time=(dt.datetime(2025, 1, 1, 9) + SLOT * SLOTS_PER_DAY).time(),
                slot_minutes=SLOT.seconds // 60,
                tables=TABLES,
                by_user=organiser,
            )
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < REQUESTS:
            pairs.add((rng.randrange(BUYERS), rng.randrange(EXHIBITORS)))
        MeetingRequest.objects.bulk_create(
            MeetingRequest(
                expo=expo,
                buyer=buyers[b],
                exhibitor=makers[e],
                priority=rng.randint(1, 5),
                status=MeetingRequest.Status.ACCEPTED,
            )
            for b, e in sorted(pairs)
        )
    return {
        "slug": expo.slug,
        "organiser": organiser.email,
        "clients": [u.email for u in clients],
        "password": PASSWORD,
        "exhibitors": [p.pk for p in makers],
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")
    django.setup()
    json.dump(build(), sys.stdout)
