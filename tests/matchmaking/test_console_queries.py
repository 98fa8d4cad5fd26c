"""The console's figures and chart data, exact on a fair small enough to count by hand."""

import datetime as dt

import pytest
from django.utils import translation

from tradefair.expos import recent
from tradefair.expos.models import Country, Expo, Sector
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.queries.console import (
    OTHERS,
    BreakdownRow,
    breakdown,
    overview,
    ranked,
    recent_totals,
    run_figures,
)
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.organisations.models import Need, Offer, Organisation, Participation

from .conftest import make_session

pytestmark = pytest.mark.django_db
Status = MeetingRequest.Status


def party(expo: Expo, name: str, role: str, country: str, sectors: tuple[str, ...] = ()):
    organisation = Organisation.objects.create(name=name, country=Country.objects.get(code=country))
    participation = Participation.objects.create(expo=expo, organisation=organisation, role=role)
    if sectors:
        offer = Offer.objects.create(participation=participation, title=f"{name} goods")
        offer.sectors.set(Sector.objects.filter(slug__in=sectors))
    return participation


@pytest.fixture
def fair(expo, organiser):
    """Three buyers (two Vietnamese, one Thai), three makers, six requests, three meetings.

    | # | buyer | exhibitor | status            | meeting   |
    | 1 | VN-A  | AI (CN)   | accepted          | scheduled |
    | 2 | VN-A  | Food (CN) | declined          |           |
    | 3 | VN-B  | AI (CN)   | accepted          | held      |
    | 4 | VN-B  | Kit (MY)  | pending           |           |
    | 5 | TH-A  | Food (CN) | accepted, must-meet | scheduled, published |
    | 6 | TH-A  | AI (CN)   | cancelled         |           |
    """
    slots = list(make_session(expo, organiser, tables=3, slots=2).slots.order_by("start"))
    buyer = Participation.Role.BUYER
    maker = Participation.Role.EXHIBITOR
    vn_a = party(expo, "VN-A", buyer, "VN")
    vn_b = party(expo, "VN-B", buyer, "VN")
    th_a = party(expo, "TH-A", buyer, "TH")
    ai = party(expo, "AI Maker", maker, "CN", ("artificial-intelligence",))
    food = party(expo, "Food Maker", maker, "CN", ("agriculture-food", "blue-economy"))
    kit = party(expo, "Kit Maker", maker, "MY")

    def ask(b, e, status, must_meet=False):
        return MeetingRequest.objects.create(
            expo=expo, buyer=b, exhibitor=e, status=status, must_meet=must_meet
        )

    first = ask(vn_a, ai, Status.ACCEPTED)
    ask(vn_a, food, Status.DECLINED)
    third = ask(vn_b, ai, Status.ACCEPTED)
    ask(vn_b, kit, Status.PENDING)
    fifth = ask(th_a, food, Status.ACCEPTED, must_meet=True)
    ask(th_a, ai, Status.CANCELLED)
    book_meeting(request=first, slot=slots[0])
    held = book_meeting(request=third, slot=slots[1])
    published = book_meeting(request=fifth, slot=slots[0])
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.HELD)
    Meeting.objects.filter(pk=published.pk).update(published=True)


def test_overview_counts_requests_answers_and_meetings(expo, fair, django_assert_num_queries):
    with django_assert_num_queries(3):
        figures = overview(expo)
    assert figures.requests == {"pending": 1, "accepted": 3, "declined": 1, "cancelled": 1}
    assert (figures.must_meet, figures.answered, figures.accepted_answered) == (1, 3, 2)
    assert figures.acceptance_rate == pytest.approx(2 / 3)
    assert figures.meetings == {"scheduled": 2, "held": 1, "no_show": 0}
    assert (figures.published, figures.total_requests, figures.total_meetings) == (1, 6, 3)
    assert figures.latest_run is None


def test_by_buyer_country(expo, fair, django_assert_num_queries):
    with django_assert_num_queries(3):
        rows = breakdown(expo, dimension="country", side="buyer")
    assert rows == [
        BreakdownRow("VN", "Vietnam", requests=4, answered=3, accepted=2, meetings=2),
        BreakdownRow("TH", "Thailand", requests=2, answered=0, accepted=0, meetings=1),
    ]
    assert rows[0].acceptance_rate == pytest.approx(2 / 3) and rows[1].acceptance_rate is None
    with django_assert_num_queries(4):  # counted once for a page's two charts
        counted = recent_totals(expo, "buyer")
    assert ranked("country", counted.value["country"]) == rows
    assert ranked("sector", counted.value["sector"]) == breakdown(
        expo, dimension="sector", side="buyer"
    )


def test_the_charts_totals_are_kept_for_a_minute_and_say_when(
    expo, fair, monkeypatch, django_assert_num_queries
):
    clock = [dt.datetime(2025, 9, 17, 1, 0, tzinfo=dt.UTC)]
    monkeypatch.setattr(recent.timezone, "now", lambda: clock[0])
    first = recent_totals(expo, "buyer")
    assert first.at == clock[0]
    assert first.value["country"] == {"VN": [4, 3, 2, 2], "TH": [2, 0, 0, 1]}
    vn_a = Participation.objects.get(organisation__name="VN-A")
    kit = Participation.objects.get(organisation__name="Kit Maker")
    MeetingRequest.objects.create(expo=expo, buyer=vn_a, exhibitor=kit)
    clock[0] += dt.timedelta(seconds=recent.SECONDS - 1)
    with django_assert_num_queries(0):
        assert recent_totals(expo, "buyer") == first
    assert recent_totals(expo, "exhibitor").value["country"]["MY"][0] == 2  # its own count
    clock[0] += dt.timedelta(seconds=1)
    again = recent_totals(expo, "buyer")
    assert again.at == clock[0]
    assert again.value["country"]["VN"] == [5, 3, 2, 2]


def test_by_exhibitor_country_keeps_the_top_and_sums_the_others(expo, fair):
    assert breakdown(expo, dimension="country", side="exhibitor", top=1) == [
        BreakdownRow("CN", "China", requests=5, answered=3, accepted=2, meetings=3),
        BreakdownRow(OTHERS, "1 other country", requests=1, answered=0, accepted=0, meetings=0),
    ]


def test_by_exhibitor_sector_counts_a_request_in_each_sector(expo, fair, django_assert_num_queries):
    with django_assert_num_queries(4):
        rows = breakdown(expo, dimension="sector", side="exhibitor")
    assert rows == [
        BreakdownRow("artificial-intelligence", "Artificial intelligence", 3, 2, 2, 2),
        BreakdownRow("agriculture-food", "Agriculture and food", 2, 1, 0, 1),
        BreakdownRow("blue-economy", "Blue economy", 2, 1, 0, 1),
        BreakdownRow("", "No sector given", 1, 0, 0, 0),
    ]


def test_labels_follow_the_readers_language(expo, fair):
    with translation.override("zh-hans"):
        countries = breakdown(expo, dimension="country", side="buyer")
        sectors = breakdown(expo, dimension="sector", side="exhibitor", top=1)
    assert [r.label for r in countries] == ["越南", "泰国"]
    assert sectors[0].label == "人工智能"


def test_an_edition_without_requests_has_empty_charts(expo):
    assert breakdown(expo, dimension="country", side="buyer") == []
    assert overview(expo).acceptance_rate is None


def test_run_figures_compare_with_the_bounds():
    from tradefair.matchmaking.models import ScheduleRun

    run = ScheduleRun(
        stats={
            "count": 9,
            "upper_bound": 10,
            "priority": 30,
            "priority_upper_bound": 40,
            "buyers_without_meeting": 2,
            "min_buyers_without_meeting": 1,
        }
    )
    assert [(f.label, f.value, f.bound, f.share) for f in run_figures(run)] == [
        ("Meetings placed", 9, 10, 0.9),
        ("Total priority", 30, 40, 0.75),
        ("Buyers without a meeting", 2, None, None),
    ]
    assert run_figures(ScheduleRun(stats={"time_limit": 30})) == []


def test_run_figures_say_how_meetings_sit_in_peoples_days():
    from tradefair.matchmaking.models import ScheduleRun

    stats = {"count": 8, "upper_bound": 8, "buyers_without_meeting": 0, "idle_gaps": 3}
    figures = run_figures(ScheduleRun(stats={**stats, "days_per_participant": 1.6666}))
    assert [(f.label, f.value) for f in figures[-2:]] == [
        ("Idle gaps per meeting", 0.38),
        ("Days at the fair per participant", 1.67),
    ]
    # A run stored before these figures were kept shows the three it has.
    assert (
        len(run_figures(ScheduleRun(stats={k: v for k, v in stats.items() if k != "idle_gaps"})))
        == 2
    )


def test_by_buyer_sector_reads_the_needs(expo, fair):
    need = Need.objects.create(
        participation=Participation.objects.get(organisation__name="VN-A"), title="Fish"
    )
    need.sectors.set(Sector.objects.filter(slug="blue-economy"))
    assert breakdown(expo, dimension="sector", side="buyer") == [
        BreakdownRow("", "No sector given", 4, 1, 1, 2),
        BreakdownRow("blue-economy", "Blue economy", 2, 2, 1, 1),
    ]


def test_every_phase_the_general_solver_reports_is_said_in_words() -> None:
    """The general solver's stages (required, keep, served, priority) and the other solver's
    day packing show on the bar and the run page as sentences, not as the engine's codes."""
    from tests.engine.test_schedule_general_oracle import ABCD, _pair, _slot
    from tradefair.engine.schedule.general import solve_general
    from tradefair.engine.schedule.problem import Meeting, Problem, Solution
    from tradefair.matchmaking.queries.run_progress import PHASES, phase_label

    problem = Problem(
        slots=(_slot("s0", 0, 9, tables=2), _slot("s1", 0, 10, tables=2)),
        participants=ABCD,
        requests=(_pair("ab", "A", "B", required=True), _pair("cd", "C", "D")),
    )
    seen: list[str] = []
    solve_general(
        problem,
        time_limit=5,
        keep=Solution((Meeting("ab", "s0", 1),)),
        progress=lambda phase, _share: seen.append(phase),
    )
    assert {"required", "keep", "served", "priority"} <= set(seen)
    assert [phase for phase in [*seen, "days", "starting", "greedy"] if phase not in PHASES] == []
    with translation.override("zh-hans"):
        assert phase_label("required") == "正在安排必需的洽谈"
        assert phase_label("days") == "正在把各人的洽谈集中到更少的天数"


def test_the_run_list_reads_no_runs_left_out_requests_until_one_is_shown(expo):
    """The schedule page lists the 20 latest runs and polls one's progress; a run leaves out
    about 95,000 requests at the reference size, read only where shown, a page at a time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tradefair.matchmaking.models import ScheduleRun
    from tradefair.matchmaking.queries.console import overview, runs
    from tradefair.matchmaking.queries.left_out import entries
    from tradefair.matchmaking.services.left_out import store_left_out

    left_out = [{"request": 7, "code": "no_common_slot"}]
    for _ in range(3):
        store_left_out(ScheduleRun.objects.create(expo=expo, status="done"), left_out)
    with CaptureQueriesContext(connection) as listing:
        listed = runs(expo)
        overview(expo)
    assert len(listed) == 3
    assert not any("leftoutrequest" in q["sql"] for q in listing.captured_queries)
    with CaptureQueriesContext(connection) as shown:
        assert [(e["request"], e["code"]) for e in entries(listed[0])[:50]] == [
            (7, "no_common_slot")
        ]
    assert len(shown.captured_queries) == 1  # one page of the one run's rows, when shown


def test_the_meetings_list_is_in_time_order_filtered_and_paged(
    expo, fair, django_assert_num_queries
):
    """The page's ids come first, then the rows shown: the same order and filters as one query."""
    from tradefair.expos.paging import paginate_ids
    from tradefair.matchmaking.queries.console import MeetingFilters, meeting_rows, meetings

    def shown(filters: MeetingFilters, page: str | None = None, size: int = 50):
        listing = paginate_ids(meetings(expo, filters), meeting_rows, page, size)
        rows = [(m.buyer.organisation.name, m.exhibitor.organisation.name) for m in listing.rows]
        return rows, listing.page.paginator.count

    first, second = ("VN-A", "AI Maker"), ("TH-A", "Food Maker")
    with django_assert_num_queries(3):  # the count, the page's ids, its rows
        assert shown(MeetingFilters()) == ([first, second, ("VN-B", "AI Maker")], 3)
    assert shown(MeetingFilters(), page="2", size=2) == ([("VN-B", "AI Maker")], 3)
    assert shown(MeetingFilters(text="food")) == ([second], 1)  # the exhibitor's name
    assert shown(MeetingFilters(text="vn-")) == ([first, ("VN-B", "AI Maker")], 2)  # buyers'
    assert shown(MeetingFilters(published=True)) == ([second], 1)
    assert shown(MeetingFilters(status="held")) == ([("VN-B", "AI Maker")], 1)
    Organisation.objects.filter(name="Food Maker").update(name_zh="食品制造商")
    assert shown(MeetingFilters(text="食品")) == ([second], 1)


def test_sessions_count_their_slots_and_meetings(expo, fair, organiser):
    from tradefair.matchmaking.queries.console import sessions

    make_session(expo, organiser, tables=2, slots=3)  # another, without meetings
    assert sorted((s.slot_count, s.meeting_count) for s in sessions(expo)) == [(2, 3), (3, 0)]
