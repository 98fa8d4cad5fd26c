"""The progress panel: background work in words, real wall time, dead workers given up on."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.pages.test_organiser_schedule import schedule_url
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import ScheduleRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


FIGURES = {"count": 3, "upper_bound": 3, "priority": 3, "buyers_without_meeting": 0}


def progress_url(run: ScheduleRun) -> str:
    return reverse("organiser:schedule_progress", kwargs={"slug": run.expo.slug, "pk": run.pk})


def test_a_running_run_says_its_phase_in_words_and_how_long_it_has_run(client, expo, organiser):
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.RUNNING,
        phase="gaps",
        progress=0.9,
        started_at=timezone.now() - dt.timedelta(seconds=75),
        heartbeat_at=timezone.now(),
    )
    client.force_login(organiser)
    html = client.get(progress_url(run), HTTP_HX_REQUEST="true").content.decode()
    assert f"Run {run.pk} is running" in html
    assert "Closing idle gaps in people&#x27;s days…" in html
    # Started 75 s ago; the test itself may take a few seconds more.
    assert re.search(r"1 min 1[5-9] sec so far", html)
    assert "No worker has taken this yet" not in html

    with translation.override("zh-hans"):
        chinese = client.get(progress_url(run), HTTP_HX_REQUEST="true").content.decode()
    assert re.search(r"1分钟 1[5-9]秒", chinese)


def test_a_run_nobody_takes_says_how_to_start_the_worker(client, expo, organiser):
    run = ScheduleRun.objects.create(expo=expo)
    client.force_login(organiser)
    assert "No worker has taken this yet" not in client.get(progress_url(run)).content.decode()
    ScheduleRun.objects.filter(pk=run.pk).update(
        created_at=timezone.now() - dt.timedelta(seconds=20)
    )
    html = client.get(progress_url(run)).content.decode()
    assert f"Run {run.pk} is waiting for the worker" in html
    assert "<code>tradefair worker</code>" in html


def test_a_run_whose_worker_died_is_marked_failed_when_the_organiser_looks(client, expo, organiser):
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.RUNNING,
        phase="select",
        started_at=timezone.now() - dt.timedelta(minutes=5),
        heartbeat_at=timezone.now() - dt.timedelta(seconds=61),
    )
    client.force_login(organiser)
    partial = client.get(progress_url(run), HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true"
    page = client.get(schedule_url(expo), {"run": run.pk}).content.decode()
    assert "The worker stopped giving signs of life; nothing was changed." in page
    assert ScheduleRun.objects.get(pk=run.pk).status == ScheduleRun.Status.FAILED


def test_publishing_shows_its_own_progress_then_the_count(client, expo, organiser):
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.DONE,
        stats=FIGURES,
        publish_status=ScheduleRun.PublishStatus.RUNNING,
        phase="publishing",
        heartbeat_at=timezone.now() - dt.timedelta(seconds=3),
    )
    client.force_login(organiser)
    page = client.get(schedule_url(expo), {"run": run.pk}).content.decode()
    assert f"Publishing run {run.pk}" in page
    assert "Publishing the meetings…" in page
    assert "Publish this schedule" not in page  # no second publication while one is going

    ScheduleRun.objects.filter(pk=run.pk).update(
        publish_status=ScheduleRun.PublishStatus.DONE, published_count=3, phase=""
    )
    assert client.get(progress_url(run), HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    page = client.get(schedule_url(expo), {"run": run.pk}).content.decode()
    assert "3 meetings published; their participants are told by e-mail." in page


def test_a_publication_whose_worker_died_is_reported_and_can_be_repeated(client, expo, organiser):
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.DONE,
        stats=FIGURES,
        publish_status=ScheduleRun.PublishStatus.RUNNING,
        heartbeat_at=timezone.now() - dt.timedelta(seconds=90),
    )
    client.force_login(organiser)
    page = client.get(schedule_url(expo), {"run": run.pk}).content.decode()
    assert "Publishing failed; the meetings stay as they were." in page
    assert "The worker stopped while publishing; nothing was published." in page
    assert "Publish this schedule" in page
