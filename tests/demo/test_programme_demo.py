"""The demo's programme: the seed's figures, drawn for the whole demo and loaded for a small cut.

The figures are checked on the draw of the full demo (pure Python, no database); loading is
checked on a cut of 120 exhibitors (10 per sector), whose programme keeps every figure because
the delegates and the activities do not depend on the number of exhibitors.
"""

import dataclasses
import datetime as dt
import json
from collections import Counter
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from tests.demo.conftest import unload_with_trade
from tradefair.accounts.models import Membership, User
from tradefair.demo.accounts import DOMAIN, ensure_demo_accounts
from tradefair.demo.loader import load_demo, unload_demo
from tradefair.demo.loader_programme import BUSY_ACCOUNTS, register_demo_accounts
from tradefair.demo.meetings import draw_meetings
from tradefair.demo.programme import draw_programme
from tradefair.demo.programme_records import DemoProgramme
from tradefair.demo.records import DemoExpo
from tradefair.demo.showcase import BUYER_COUNTRIES
from tradefair.expos.models import Expo
from tradefair.matchmaking.adapters.busy import SlotPlace, busy_slots
from tradefair.matchmaking.models import MeetingProfile, Slot
from tradefair.organisations.models import Offer, Organisation, Participation
from tradefair.programme.models import Activity, LaunchedProduct, Registration, Room, Speaker
from tradefair.programme.models.registrations import SEATED

# One xdist worker for the module, so its module fixtures load the demo once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("test_programme_demo")]
SLUG = "programme-caexpo"
SUMMIT = ("opening", "main_event", "forum", "concurrent")


@pytest.fixture(scope="module")
def drawn(demo: DemoExpo) -> DemoProgramme:
    return draw_programme(demo)


def test_the_draw_plants_the_seed_figures(drawn: DemoProgramme):
    kinds = Counter(a.kind for a in drawn.activities)
    assert (kinds["opening"], kinds["main_event"], kinds["concurrent"]) == (1, 4, 1)
    assert (kinds["forum"], kinds["launch"]) == (12, 15)
    assert len(drawn.activities) == 84 >= 80
    assert 65 <= len(drawn.products) == 70 <= 75
    assert {p.activity for p in drawn.products} == {
        a.key for a in drawn.activities if a.kind == "launch"
    }
    summit = {a.key for a in drawn.activities if a.kind in SUMMIT}
    seated = {r.person for r in drawn.registrations if r.activity in summit and r.seat}
    assert len(seated) == len(drawn.people) == 1194


def test_the_draw_is_repeatable(demo: DemoExpo, drawn: DemoProgramme):
    assert draw_programme(demo) == drawn


def test_every_product_carries_a_code_of_its_exhibitors_offers(demo, drawn):
    codes = {e.organisation.key: {c for o in e.offers for c in o.hs_codes} for e in demo.exhibitors}
    assert [p.name for p in drawn.products if p.hs_code not in codes[p.exhibitor]] == []
    assert Counter(len(p.hs_code) for p in drawn.products) == {6: 70}
    scopes = {p.first_launch for p in drawn.products}
    assert scopes == {"world", "china", "asean"}


def test_activities_fit_the_days_and_never_share_a_room(demo, drawn):
    zone = ZoneInfo(demo.time_zone)
    days = {a.start.astimezone(zone).date() for a in drawn.activities}
    assert days == {demo.start_date + dt.timedelta(days=n) for n in range(5)}
    assert {a.end.astimezone(zone).date() for a in drawn.activities} <= days
    by_room: dict[str, list] = {}
    for a in drawn.activities:
        if a.room:
            by_room.setdefault(a.room, []).append(a)
    clashes = [
        (x.key, y.key)
        for items in by_room.values()
        for i, x in enumerate(items)
        for y in items[i + 1 :]
        if x.start < y.end and y.start < x.end
    ]
    assert clashes == []
    summit_days = {a.start.date() for a in drawn.activities if a.kind in SUMMIT}
    assert summit_days == {dt.date(2025, 9, 17), dt.date(2025, 9, 18)}


def test_every_speaker_is_one_person_on_one_stage(drawn: DemoProgramme):
    """The console lists one name on two stages at once as a conflict; the demo has none."""
    names = [s.name for a in drawn.activities for s in a.speakers]
    assert len(names) > 100
    assert len(set(names)) == len(names)


def test_drawn_registrations_respect_seats_and_never_overlap(drawn: DemoProgramme):
    rooms = {r.key: r.capacity for r in drawn.rooms}
    activities = {a.key: a for a in drawn.activities}
    seats: dict[str, list[int]] = {}
    for r in drawn.registrations:
        if r.seat is not None:
            seats.setdefault(r.activity, []).append(r.seat)
    for key, taken in seats.items():
        limit = activities[key].capacity or rooms[activities[key].room]
        assert sorted(taken) == list(range(1, len(taken) + 1)) and len(taken) <= limit
    pairs = Counter((r.activity, r.person) for r in drawn.registrations)
    assert max(pairs.values()) == 1
    waitlisted = Counter(r.activity for r in drawn.registrations if r.seat is None)
    assert waitlisted == {"forum-ai": 80}
    assert len(seats["forum-ai"]) == rooms["forum-6"] == 150
    mine: dict[int, list] = {}
    for r in drawn.registrations:
        mine.setdefault(r.person, []).append(activities[r.activity])
    overlapping = [
        person
        for person, items in mine.items()
        for i, x in enumerate(items)
        for y in items[i + 1 :]
        if x.start < y.end and y.start < x.end
    ]
    assert overlapping == []


@pytest.fixture(scope="module")
def cut(demo: DemoExpo) -> DemoExpo:
    """10 exhibitors per sector, buyers with fits among them from China and five ASEAN countries
    (so every demo log-in has its organisation), the investors and partners; 12 tables a slot."""
    per_sector: Counter[str] = Counter()
    exhibitors = []
    for e in demo.exhibitors:
        if per_sector[e.sector] < 10:
            per_sector[e.sector] += 1
            exhibitors.append(e)
    keys = {e.organisation.key for e in exhibitors}
    fits = tuple(f for f in demo.fits if f[1] in keys)
    fitting = {b for b, _ in fits}
    buyers = tuple(
        dataclasses.replace(b, delegation=None)
        for country in ("CN", *BUYER_COUNTRIES)
        for b in [
            b
            for b in demo.buyers
            if b.organisation.country == country and b.organisation.key in fitting
        ][:10]
    )
    kept = {b.organisation.key for b in buyers}
    small = dataclasses.replace(
        demo,
        slug=SLUG,
        exhibitors=tuple(exhibitors),
        buyers=buyers,
        booths=tuple(b for b in demo.booths if b.holder in keys),
        delegations=(),
        fits=tuple(f for f in fits if f[0] in kept),
    )
    return dataclasses.replace(
        small, meetings=draw_meetings(small, seed=7, tables=12, interpreters=4)
    )


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, cut: DemoExpo):
    with django_db_blocker.unblock():
        load_demo(cut)
        ensure_demo_accounts(SLUG)
        busy = register_demo_accounts(SLUG)
    yield busy
    with django_db_blocker.unblock():
        unload_with_trade(SLUG)
        User.objects.filter(email__endswith=f"@{DOMAIN}").delete()


def _bulletin() -> dict:
    out = StringIO()
    call_command("bulletin", "--expo", SLUG, "--json", stdout=out)
    return json.loads(out.getvalue())["programme"]


def test_the_bulletin_quotes_the_loaded_programme(loaded):
    expo = Expo.objects.get(slug=SLUG)
    published = Activity.objects.filter(expo=expo, status="published")
    seated = Registration.objects.filter(
        activity__expo=expo, activity__kind__in=SUMMIT, status__in=SEATED
    )
    delegates = len(set(seated.values_list("user_id", flat=True)))
    log_ins = len(
        set(seated.filter(user__email__endswith=f"@{DOMAIN}").values_list("user", flat=True))
    )
    assert log_ins > 0
    assert _bulletin() == {
        "activities": published.count(),
        "summit": {
            "main_events": published.filter(kind="main_event").count(),
            "supporting_events": published.filter(kind="forum").count(),
            "concurrent_events": published.filter(kind="concurrent").count(),
            "delegates": delegates,
        },
        "launch_events": published.filter(kind="launch").count(),
        "launched_products": LaunchedProduct.objects.filter(expo=expo).count(),
    }
    assert _bulletin() == {
        "activities": 84,
        "summit": {
            "main_events": 4,
            "supporting_events": 12,
            "concurrent_events": 1,
            "delegates": 1194 + log_ins,
        },
        "launch_events": 15,
        "launched_products": 70,
    }
    assert Activity.objects.filter(expo=expo).exclude(status="published").count() == 0


def test_loaded_products_carry_codes_of_their_exhibitors_offers(loaded):
    products = LaunchedProduct.objects.filter(expo__slug=SLUG).select_related("exhibitor")
    offered = {
        (pid, code)
        for pid, code in Offer.hs_codes.through.objects.filter(
            offer__participation__expo__slug=SLUG
        ).values_list("offer__participation_id", "hscode_id")
    }
    assert products.count() == 70
    assert [p.name for p in products if (p.exhibitor_id, p.hs_code_id) not in offered] == []
    assert {p.exhibitor.role for p in products} == {"exhibitor"}


def test_no_loaded_activity_seats_more_than_it_holds(loaded):
    activities = Activity.objects.filter(expo__slug=SLUG).select_related("room")
    for activity in activities:
        seats = sorted(
            Registration.objects.filter(activity=activity, seat__isnull=False).values_list(
                "seat", flat=True
            )
        )
        assert seats == list(range(1, len(seats) + 1))
        assert activity.seats is None or len(seats) <= activity.seats
    waitlisted = Registration.objects.filter(activity__expo__slug=SLUG, status="waitlisted")
    assert set(waitlisted.values_list("activity__title", flat=True)) == {
        "China-ASEAN Forum on AI Applications"
    }
    assert Room.objects.filter(expo__slug=SLUG, hall__isnull=True).count() == 0
    assert Speaker.objects.filter(activity__expo__slug=SLUG, activity__kind="forum").count() > 12


def test_delegates_come_from_organisations_outside_the_negotiations(loaded):
    delegates = User.objects.filter(email__endswith=f"@{SLUG}.delegates.demo")
    assert delegates.count() == 1194
    assert not delegates.filter(password__regex=r"^pbkdf2").exists()
    roles = Participation.objects.filter(
        expo__slug=SLUG, organisation__memberships__user__in=delegates
    ).values_list("role", flat=True)
    assert set(roles) == {"delegate", "investor", "partner"}


def test_demo_log_ins_sit_in_activities_during_their_negotiation_slots(loaded):
    expo = Expo.objects.get(slug=SLUG)
    assert sorted({b.email for b in loaded}) == sorted(
        f"{role}{number}@{DOMAIN}" for role, number, _ in BUSY_ACCOUNTS
    )
    assert len(loaded) == sum(wanted for *_, wanted in BUSY_ACCOUNTS)
    slots = [
        SlotPlace(s.pk, s.start, s.end, s.session.hall_id)
        for s in Slot.objects.filter(expo=expo).select_related("session")
    ]
    for role, number, wanted in BUSY_ACCOUNTS:
        user = User.objects.get(email=f"{role}{number}@{DOMAIN}")
        participation = Participation.objects.get(
            expo=expo, role=role, organisation__memberships__user=user
        )
        profile = MeetingProfile.objects.get(participation=participation)
        assert list(profile.attendees.all()) == [user]
        registrations = Registration.objects.filter(user=user, activity__expo=expo)
        assert registrations.filter(status="registered").count() == wanted
        for registration in registrations:
            activity = registration.activity
            assert Slot.objects.filter(
                expo=expo, start__lt=activity.end, end__gt=activity.start
            ).exists()
        busy = busy_slots(expo.pk, slots, [participation.pk])
        assert busy[participation.pk], f"{user.email} keeps every slot"


def test_registering_the_log_ins_again_changes_nothing(loaded):
    rows = Registration.objects.filter(activity__expo__slug=SLUG).order_by("pk")
    fields = ("pk", "user_id", "activity_id", "status", "seat")
    before = list(rows.values_list(*fields))
    assert register_demo_accounts(SLUG) == []
    assert list(rows.values_list(*fields)) == before


def test_unload_removes_the_programme_and_its_people(loaded, cut):
    organisations = Organisation.objects.count()
    users = User.objects.count()
    assert unload_demo(SLUG)
    assert not Activity.objects.exists() and not Room.objects.exists()
    assert not Membership.objects.filter(user__email__endswith=".delegates.demo").exists()
    assert User.objects.count() == users - 1194
    assert Organisation.objects.count() < organisations
    load_demo(cut)  # the module's fixture unloads it again
    ensure_demo_accounts(SLUG)
    register_demo_accounts(SLUG)
