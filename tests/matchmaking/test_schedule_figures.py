"""How a schedule's meetings sit in people's days, as organisers read it: the ``tradefair
schedule`` summary and the console's run figures (idle gaps, days at the fair)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import translation

from tradefair.accounts.models import ExpoStaff, User
from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.problem import (
    Meeting,
    Participant,
    Problem,
    Request,
    Side,
    Slot,
    Solution,
)
from tradefair.expos.models import Expo
from tradefair.matchmaking.management.commands.schedule import summary
from tradefair.matchmaking.models import ScheduleRun

TZ = dt.timezone(dt.timedelta(hours=8))


def slot(day: int, n: int) -> Slot:
    start = dt.datetime(2025, 9, 16 + day, 9, tzinfo=TZ) + dt.timedelta(minutes=20 * n)
    return Slot(f"d{day}s{n}", start, start + dt.timedelta(minutes=20), 5)


# B1 meets E1 early on day 1 and E2 on day 2; B2 meets E1 late on day 1. Days attended:
# B1 2, E1 1, E2 1, B2 1 = 5 over 4 people with a meeting (1.25). E1's two meetings have a
# slot between them: one idle gap over three meetings.
PROBLEM = Problem(
    (slot(1, 0), slot(1, 1), slot(1, 2), slot(2, 0)),
    (
        Participant("B1", Side.BUYER),
        Participant("B2", Side.BUYER),
        Participant("E1", Side.EXHIBITOR),
        Participant("E2", Side.EXHIBITOR),
    ),
    (Request("R1", "B1", "E1", 1), Request("R2", "B1", "E2", 1), Request("R3", "B2", "E1", 1)),
)
MEETINGS = (Meeting("R1", "d1s0", 1), Meeting("R2", "d2s0", 1), Meeting("R3", "d1s2", 1))


@pytest.mark.parametrize(
    "stats",
    [None, metrics.summarise(PROBLEM, MEETINGS, seconds=0.5)],
    ids=["figures computed", "figures from the solver's stats"],
)
def test_the_cli_summary_shows_days_attended_beside_idle_gaps(stats) -> None:
    table = summary(PROBLEM, Solution(MEETINGS, stats=stats), 1.0)
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in _rows(table)}
    assert rows["Idle gaps"] == "1 (0.33 per meeting)"
    assert rows["Days attended"] == "5 (1.25 per participant with a meeting)"
    assert rows["Meetings scheduled"] == "3 of 3 requests"  # the rows before are still there


def test_the_cli_summary_with_no_meeting_says_zero_days() -> None:
    rows = {
        line.split("│")[1].strip(): line.split("│")[2].strip()
        for line in _rows(summary(PROBLEM, Solution(()), 1.0))
    }
    assert rows["Days attended"] == "0 (0.00 per participant with a meeting)"


def _rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.count("│") == 3]


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


FINISHED = {
    "count": 8,
    "upper_bound": 8,
    "priority": 20,
    "priority_upper_bound": 20,
    "buyers_without_meeting": 0,
    "min_buyers_without_meeting": 0,
    "seconds": 1.5,
    "requests": 10,
    "kept": 0,
    "created": 8,
}


def schedule_page(client, expo: Expo, run: ScheduleRun, language: str = "en") -> str:
    url = reverse("organiser:schedule", kwargs={"slug": expo.slug})
    prefix = "/zh-hans" if language == "zh-hans" else ""
    return client.get(f"{prefix}{url}", {"run": run.pk}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "gaps", "days"),
    [
        (
            "en",
            "<dt>Idle gaps per meeting</dt><dd>0.38</dd>",
            "<dt>Days at the fair per participant</dt><dd>1.67</dd>",
        ),
        (
            "zh-hans",
            "<dt>每场洽谈的空档数</dt><dd>0.38</dd>",
            "<dt>每位参会者到场天数</dt><dd>1.67</dd>",
        ),
    ],
)
def test_a_finished_run_shows_how_meetings_sit_in_peoples_days(
    client, expo, organiser, language, gaps, days
):
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.DONE,
        stats={**FINISHED, "idle_gaps": 3, "days_attended": 15, "days_per_participant": 15 / 9},
    )
    client.force_login(organiser)
    page = schedule_page(client, expo, run, language)
    assert gaps in page
    assert days in page
    if language == "zh-hans":
        assert "同一人一天内两场洽谈之间的空等；越少越好" in page
        assert "有洽谈安排的天数，按所有有洽谈的参会者平均；越少越好" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_run_stored_before_these_figures_shows_none_of_them(client, expo, organiser, language):
    run = ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.DONE, stats=FINISHED)
    client.force_login(organiser)
    page = schedule_page(client, expo, run, language)
    for label in (
        "Idle gaps per meeting",
        "Days at the fair per participant",
        "每场洽谈的空档数",
        "每位参会者到场天数",
    ):
        assert label not in page
    # The figures and the sentence it has are still there.
    assert ("<dt>Meetings placed</dt>" if language == "en" else "<dt>已安排洽谈数</dt>") in page
    assert ("10 accepted requests;" if language == "en" else "已接受请求 10 个；") in page


@pytest.mark.parametrize(
    ("language", "status", "seconds", "meetings"),
    [
        ("en", "optimal (proven)", "0.5 sec", "1,200 of 1,200 requests"),
        ("zh-hans", "最优（已证明）", "0.5秒", "1,200 个请求中的 1,200 个"),
        ("vi", "tối ưu (đã chứng minh)", "0,5 giây", "1.200"),
    ],
)
def test_the_cli_summary_reads_in_the_operators_language(
    language, status, seconds, meetings
) -> None:
    """Numbers grouped as the reader groups them (Vietnamese: 1.200), the status and the
    seconds in their words, not the file's 'optimal' and an English 's'."""
    many = replace(PROBLEM, requests=PROBLEM.requests * 400)
    stats = replace(metrics.summarise(PROBLEM, MEETINGS, seconds=0.5), count=1200, status="optimal")
    with translation.override(language):
        table = summary(many, Solution(MEETINGS, stats=stats), 0.5)
    cells = [line.split("│")[2].strip() for line in _rows(table)]
    assert status in cells
    assert seconds in cells
    assert any(meetings in cell for cell in cells)
