"""The demo's B2B meeting data: reproducible, within the models' rules, sized like the design."""

import datetime as dt
from collections import Counter

from tradefair.demo.meetings import INTERPRETER_PAIRS, draw_meetings, rows, slot_counts
from tradefair.demo.records import DemoExpo, session_slots
from tradefair.demo.showcase import account_organisations
from tradefair.expos.reference_data import ASEAN

LANGUAGES = {"zh", "en", "vi", "th", "id", "ms", "km", "lo", "my", "tl"}
STATUSES = {"pending", "accepted", "declined", "cancelled"}


def test_the_same_seed_draws_the_same_meeting_data(demo: DemoExpo):
    again = draw_meetings(demo, seed=20250917)
    assert again == demo.meetings
    other = draw_meetings(demo, seed=1)
    assert other.requests != demo.meetings.requests
    assert other.sessions == demo.meetings.sessions  # the venue does not depend on the seed


def test_sessions_are_five_days_of_eighteen_slots_with_1200_tables(demo):
    sessions = demo.meetings.sessions
    assert len(sessions) == 10
    assert {s.date for s in sessions} == {dt.date(2025, 9, d) for d in range(17, 22)}
    assert {(s.hall, s.tables, s.slot_minutes) for s in sessions} == {("C2", 1200, 20)}
    assert slot_counts(demo.meetings) == [9] * 10
    first = session_slots(sessions[0], demo.time_zone)
    assert (first[0][0].isoformat(), first[-1][1].isoformat()) == (
        "2025-09-17T09:00:00+08:00",
        "2025-09-17T12:00:00+08:00",
    )
    afternoon = session_slots(sessions[1], demo.time_zone)
    assert (f"{afternoon[0][0]:%H:%M}", f"{afternoon[-1][1]:%H:%M}") == ("13:30", "16:30")


def test_requests_respect_the_model_constraints(demo):
    requests = demo.meetings.requests
    buyers = {b.organisation.key for b in demo.buyers}
    exhibitors = {e.organisation.key for e in demo.exhibitors}
    pairs = [(r.buyer, r.exhibitor) for r in requests]
    assert len(set(pairs)) == len(pairs)  # at most one request, so at most one open, per pair
    assert all(r.buyer in buyers and r.exhibitor in exhibitors for r in requests)
    assert {r.priority for r in requests} == {1, 2, 3, 4, 5}
    assert {r.status for r in requests} == STATUSES
    assert all(bool(r.decline_reason) == (r.status == "declined") for r in requests)
    must_meet = [r for r in requests if r.must_meet]
    assert all(r.status == "accepted" and not r.from_exhibitor for r in must_meet)
    assert all(len(r.message) <= 2000 and len(r.decline_reason) <= 1000 for r in requests)


def test_requests_are_sized_and_mixed_like_the_reference_problem(demo):
    requests = demo.meetings.requests
    total = len(requests)
    assert 140_000 <= total <= 160_000
    fits = set(demo.fits)
    assert sum((r.buyer, r.exhibitor) in fits for r in requests) / total > 0.9
    statuses = Counter(r.status for r in requests)
    assert 0.70 < statuses["accepted"] / total < 0.85
    assert 0.08 < statuses["pending"] / total < 0.16
    assert 0.04 < statuses["declined"] / total < 0.10
    assert 0.01 < statuses["cancelled"] / total < 0.05
    assert 0.03 < sum(r.from_exhibitor for r in requests) / total < 0.10
    assert 0.005 < sum(r.must_meet for r in requests) / total < 0.015
    per_buyer = Counter(r.buyer for r in requests)
    assert len(per_buyer) == len(demo.buyers) and max(per_buyer.values()) <= 35


def test_interpreters_pair_chinese_with_an_asean_language_mostly(demo):
    interpreters = demo.meetings.interpreters
    assert len(interpreters) == 100
    assert len({i.name for i in interpreters}) == 100
    assert len({i.email for i in interpreters}) == 100
    assert all(set(i.languages) <= LANGUAGES and len(i.languages) >= 2 for i in interpreters)
    asean = LANGUAGES - {"zh", "en"}
    with_chinese = [i for i in interpreters if "zh" in i.languages and asean & set(i.languages)]
    assert len(with_chinese) > 70
    assert {tuple(i.languages) for i in interpreters} <= {p for p, _ in INTERPRETER_PAIRS}
    limited = [i for i in interpreters if i.sessions is not None]
    assert 10 < len(limited) < 50
    assert all(len(i.sessions) % 2 == 0 for i in limited)  # whole days


def test_profiles_speak_their_countrys_language_and_a_minority_is_limited(demo):
    profiles = demo.meetings.profiles
    assert len(profiles) == len(demo.buyers) + len(demo.exhibitors)
    assert len({(p.holder, p.role) for p in profiles}) == len(profiles)
    first = Counter((p.holder[0], p.languages[0]) for p in profiles)
    assert {lang for (country, lang) in first if country == "CN"} == {"zh"}
    assert {lang for (country, lang) in first if country == "VN"} == {"vi"}
    assert {lang for (country, lang) in first if country == "PH"} == {"tl"}
    assert all(set(p.languages) <= LANGUAGES for p in profiles)
    buyers = [p for p in profiles if p.role == "buyer"]
    limited = [p for p in buyers if p.sessions is not None]
    assert 0.08 < len(limited) / len(buyers) < 0.16
    assert all(p.sessions and set(p.sessions) <= set(range(10)) for p in limited)
    caps = [p.max_meetings for p in profiles if p.max_meetings is not None]
    assert caps and min(caps) >= 4 and max(caps) <= 60
    asean_exhibitors = [p for p in profiles if p.role == "exhibitor" and p.holder[0] in ASEAN]
    speak_chinese = sum("zh" in p.languages for p in asean_exhibitors)
    assert speak_chinese / len(asean_exhibitors) > 0.6


def test_demo_accounts_have_requests_with_each_other_in_every_status(demo):
    buyers, exhibitors = account_organisations(demo)
    assert [b[0] for b in buyers] == ["VN", "TH", "ID", "MY", "PH"]
    assert {e[0] for e in exhibitors} == {"CN"} and len(exhibitors) == 5
    showcase = [
        r for r in demo.meetings.requests if r.buyer in buyers and r.exhibitor in exhibitors
    ]
    assert len(showcase) == 25
    kinds = {("pending", False), ("pending", True), ("accepted", False), ("declined", True)}
    kinds.add(("cancelled", False))
    for account in [*buyers, *exhibitors]:
        mine = [r for r in showcase if account in (r.buyer, r.exhibitor)]
        assert {(r.status, r.from_exhibitor) for r in mine} == kinds
        assert all(r.message for r in mine)


def test_rows_count_what_the_loader_writes(demo):
    meetings = demo.meetings
    slots = 90
    availability = sum(
        9 * len(x.sessions)
        for x in (*meetings.interpreters, *meetings.profiles)
        if x.sessions is not None
    )
    expected = 10 + slots + 100 + len(meetings.profiles) + len(meetings.requests) + availability
    assert rows(meetings) == expected
