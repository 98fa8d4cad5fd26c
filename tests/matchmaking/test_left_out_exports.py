"""The file of a run's requests left out is written by the worker: one job per ask, its page
follows it, a dead worker is given up on, old files go, and the file comes a page at a time."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tradefair.accounts.models import User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import LeftOutExport, ScheduleRun
from tradefair.matchmaking.services import left_out_exports
from tradefair.matchmaking.services.left_out_exports import (
    execute_left_out_export,
    queue_left_out_export,
    write_file,
)

from .test_left_out import Fair, build_fair, make_other_staff, mixed_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(expo: Expo, organiser: User) -> Fair:
    return build_fair(expo, organiser)


def page_url(job: LeftOutExport) -> str:
    return reverse("organiser:left_out_export", kwargs={"slug": job.run.expo.slug, "pk": job.pk})


def file_url(job: LeftOutExport) -> str:
    slug = job.run.expo.slug
    return reverse("organiser:left_out_export_file", kwargs={"slug": slug, "pk": job.pk})


def test_asking_twice_while_it_is_written_gives_the_same_job(fair):
    run = mixed_run(fair)
    first = queue_left_out_export(run=run, by_user=fair.organiser, kind="csv")
    again = queue_left_out_export(run=run, by_user=fair.organiser, kind="csv")
    other = queue_left_out_export(run=run, by_user=fair.organiser, kind="csv", reason="other")
    assert again.pk == first.pk and other.pk != first.pk
    assert LeftOutExport.objects.count() == 2


def test_the_page_reloads_itself_until_the_file_is_written(client, fair):
    run = mixed_run(fair)
    job = queue_left_out_export(run=run, by_user=fair.organiser, kind="xlsx", reason="other")
    client.force_login(fair.organiser)
    html = client.get(page_url(job)).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert "Other (recorded before reasons had codes)" in html  # which rows
    assert "No worker has taken this yet" not in html
    assert client.get(file_url(job)).status_code == 404  # not written yet

    LeftOutExport.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(seconds=30)
    )
    assert "No worker has taken this yet" in client.get(page_url(job)).content.decode()

    execute_left_out_export(export_id=job.pk)
    html = client.get(page_url(job)).content.decode()
    assert "refresh" not in html
    assert f'href="{file_url(job)}"' in html and "1 row" in html
    assert execute_left_out_export(export_id=job.pk) is None  # a duplicate delivery


def test_a_job_whose_worker_died_is_given_up_on_its_page(client, fair, settings):
    job = queue_left_out_export(run=mixed_run(fair), by_user=fair.organiser, kind="csv")
    silent = timezone.now() - dt.timedelta(seconds=settings.TASK_HEARTBEAT_TIMEOUT + 5)
    LeftOutExport.objects.filter(pk=job.pk).update(status="running", heartbeat_at=silent)
    client.force_login(fair.organiser)
    html = client.get(page_url(job)).content.decode()
    assert "The worker stopped giving signs of life before the file was written." in html
    assert LeftOutExport.objects.get(pk=job.pk).status == "failed"
    assert client.get(file_url(job)).status_code == 404


def test_files_older_than_a_day_go_when_another_is_asked_for(fair):
    run = mixed_run(fair)
    old = queue_left_out_export(run=run, by_user=fair.organiser, kind="csv")
    execute_left_out_export(export_id=old.pk)
    LeftOutExport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=1, minutes=1)
    )
    new = queue_left_out_export(run=run, by_user=fair.organiser, kind="csv")
    assert list(LeftOutExport.objects.values_list("pk", flat=True)) == [new.pk]


def test_the_file_is_phrased_a_page_at_a_time_in_order(fair, monkeypatch):
    monkeypatch.setattr(left_out_exports, "PAGE", 2)
    job = queue_left_out_export(run=mixed_run(fair), by_user=fair.organiser, kind="csv")
    shares: list[float] = []
    content, rows = write_file(job, shares.append)
    assert rows == 7 and shares == [2 / 7, 4 / 7, 6 / 7, 1.0]
    lines = content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "Request",
        *["100", "101", "102", "103", "9", "104", "105"],
    ]


def test_only_a_finished_run_is_exported(client, fair):
    run = mixed_run(fair)
    ScheduleRun.objects.filter(pk=run.pk).update(status="failed")
    client.force_login(fair.organiser)
    url = reverse("organiser:left_out_export_csv", kwargs={"slug": fair.expo.slug, "pk": run.pk})
    assert client.post(url).status_code == 404
    assert not LeftOutExport.objects.exists()


def test_another_editions_organiser_cannot_follow_or_fetch_the_file(client, fair):
    other_staff = make_other_staff()
    job = queue_left_out_export(run=mixed_run(fair), by_user=fair.organiser, kind="csv")
    execute_left_out_export(export_id=job.pk)
    client.force_login(other_staff)
    for url in (page_url(job), file_url(job)):
        assert client.get(url).status_code == 403  # not an organiser of this edition
        other = url.replace(f"/{fair.expo.slug}/", "/other-expo/")
        assert client.get(other).status_code == 404  # not a job of that edition
