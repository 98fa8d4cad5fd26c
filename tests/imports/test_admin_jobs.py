"""The admin's upload goes to the worker: a job page shows progress in words, then the result.

Tasks run inline in the test suite once the upload commits, so a job whose callbacks ran is
already done when its page is read; jobs still queued or running are made by hand.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tradefair.accounts.models import User
from tradefair.expos.models import Expo
from tradefair.organisations.models import ImportJob, Participation
from tradefair.organisations.services.import_jobs import execute_import

from .files import EXHIBITOR_HEADER, EXHIBITORS, csv_file, table_counts, upload

IMPORT_URL = "admin:organisations_participation_import"
JOB_URL = "admin:organisations_participation_import_job"


def job_url(job: ImportJob) -> str:
    return reverse(JOB_URL, args=[job.pk])


def post_upload(client, expo: Expo, content: bytes, capture, execute: bool = True):
    data = {"expo": expo.slug, "kind": "exhibitors", "file": upload(content, "Exhibitors 2025.csv")}
    with capture(execute=execute):
        return client.post(reverse(IMPORT_URL), data)


def a_job(expo: Expo, **fields) -> ImportJob:
    """A job in whatever state a test needs, its file stored like an upload's."""
    job = ImportJob(expo=expo, kind="exhibitors", original_name="exhibitors.csv", **fields)
    job.file.save("exhibitors.csv", upload(csv_file(EXHIBITOR_HEADER, EXHIBITORS)), save=False)
    job.save()
    return job


def test_an_upload_is_imported_by_the_worker_and_its_page_shows_the_counts(
    client, staff, expo, pavilions, media_root: Path, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    content = csv_file(EXHIBITOR_HEADER, EXHIBITORS)

    response = post_upload(client, expo, content, django_capture_on_commit_callbacks)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job_url(job)
    assert (job.status, job.kind, job.original_name, job.uploaded_by) == (
        "done",
        "exhibitors",
        "Exhibitors 2025.csv",
        staff,
    )
    assert (job.created_count, job.updated_count, job.unchanged_count) == (3, 0, 0)
    assert job.errors == []
    assert job.failure == ""
    assert job.created_at <= job.started_at <= job.finished_at
    stored = Path(job.file.path)
    assert stored.parent == media_root / "imports" / timezone.now().strftime("%Y/%m")
    assert stored.read_bytes() == content
    assert sorted(
        Participation.objects.filter(expo=expo, role="exhibitor").values_list(
            "organisation__name", flat=True
        )
    ) == ["Bangkok Robotics", "Nanning Tea House", "Saigon Solar Co., Ltd."]

    page = client.get(job_url(job)).content.decode()
    assert "<h1>Import of Exhibitors 2025.csv</h1>" in page
    assert "3 created, 0 updated, 0 unchanged." in page
    assert f"?expo__id__exact={expo.pk}&amp;role__exact=exhibitor" in page
    assert re.search(r"The worker took \d+ sec\.", page)
    assert 'id="import-progress"' not in page


def test_a_bad_upload_lists_every_error_and_imports_nothing(
    client, staff, expo, pavilions, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    rows = [list(row) for row in EXHIBITORS]
    rows[1][8] = "robotics@"
    rows[2][6] = "big"
    counts = table_counts()

    post_upload(client, expo, csv_file(EXHIBITOR_HEADER, rows), django_capture_on_commit_callbacks)

    job = ImportJob.objects.get()
    assert job.status == "done"
    assert job.errors == [
        "line 3: email: bad e-mail address 'robotics@' (use one address, e.g. info@example.com)",
        "line 4: booth_area_m2: bad number 'big' (give square metres, e.g. 36 or 54.5)",
    ]
    assert (job.created_count, job.updated_count, job.unchanged_count) == (None, None, None)
    assert table_counts() == counts
    page = client.get(job_url(job)).content.decode()
    assert "The file has 2 errors; nothing was imported." in page
    assert (
        "<li>line 3: email: bad e-mail address &#x27;robotics@&#x27; (use one address, "
        "e.g. info@example.com)</li>"
    ) in page
    assert (
        "<li>line 4: booth_area_m2: bad number &#x27;big&#x27; (give square metres, "
        "e.g. 36 or 54.5)</li>"
    ) in page
    assert "created," not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "vi",
            "dòng 3: email: địa chỉ email không hợp lệ 'robotics@' "
            "(hãy dùng một địa chỉ duy nhất, ví dụ info@example.com)",
        ),
        (
            None,
            "line 3: email: bad e-mail address 'robotics@' "
            "(use one address, e.g. info@example.com)",
        ),
    ],
)
def test_the_worker_writes_the_errors_in_the_uploaders_language(
    staff, expo, pavilions, language, expected
):
    """The worker has no reader: errors are stored once, in the language of the uploader's
    e-mails, or the site's when nobody is named (a job whose uploader was deleted)."""
    if language:
        staff.language = language
        staff.save()
    rows = [list(row) for row in EXHIBITORS]
    rows[1][8] = "robotics@"
    job = ImportJob(
        expo=expo,
        kind="exhibitors",
        original_name="exhibitors.csv",
        uploaded_by=staff if language else None,
    )
    job.file.save("exhibitors.csv", upload(csv_file(EXHIBITOR_HEADER, rows)), save=False)
    job.save()

    with translation.override("th"):  # whatever the worker's process had active
        execute_import(job_id=job.pk)

    assert ImportJob.objects.get().errors == [expected]


def test_a_duplicate_delivery_does_nothing(client, staff, expo, pavilions):
    job = a_job(expo)
    assert execute_import(job_id=job.pk) == job
    counts, finished = table_counts(), ImportJob.objects.get().finished_at

    assert execute_import(job_id=job.pk) is None

    assert table_counts() == counts
    assert ImportJob.objects.get().finished_at == finished


def test_a_queued_job_polls_and_after_15_seconds_says_how_to_start_the_worker(
    client, staff, expo, pavilions, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    post_upload(
        client,
        expo,
        csv_file(EXHIBITOR_HEADER, EXHIBITORS),
        django_capture_on_commit_callbacks,
        execute=False,
    )
    job = ImportJob.objects.get()
    assert job.status == "queued"

    page = client.get(job_url(job)).content.decode()
    assert f'hx-get="{job_url(job)}" hx-trigger="every 1s"' in page
    assert "<strong>Exhibitors 2025.csv is waiting for the worker</strong>" in page
    assert re.search(r'<span class="import-elapsed">\d sec so far</span>', page)
    assert "No worker has taken this yet" not in page
    assert "htmx.min.js" in page

    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(seconds=20))
    partial = client.get(job_url(job), HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "HX-Refresh" not in partial
    assert html.startswith('\n<div class="import-progress" id="import-progress"')
    assert re.search(r"2[0-9] sec so far", html)
    assert "otherwise run <code>tradefair worker</code> beside the web server." in html
    assert table_counts() == {"Organisation": 0, "Participation": 0, "Offer": 0, "Need": 0}


def test_a_running_job_names_its_phase_in_words_and_how_long_it_has_run(client, staff, expo):
    job = a_job(
        expo,
        status="running",
        phase="organisations",
        progress=0.5,
        started_at=timezone.now() - dt.timedelta(seconds=75),
        heartbeat_at=timezone.now(),
    )
    client.force_login(staff)

    html = client.get(job_url(job), HTTP_HX_REQUEST="true").content.decode()

    assert "<strong>Importing exhibitors.csv</strong>" in html
    assert '<p class="import-phase">Saving the organisations…</p>' in html
    assert '<progress max="1" value="0.5">' in html
    assert re.search(r"1 min 1[5-9] sec so far", html)
    assert "No worker has taken this yet" not in html


def test_once_the_job_ends_the_panel_reloads_the_page(client, staff, expo):
    job = a_job(expo, status="done", created_count=3, updated_count=0, unchanged_count=0)
    client.force_login(staff)
    assert client.get(job_url(job), HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def test_a_job_whose_worker_died_is_shown_failed(client, staff, expo):
    job = a_job(
        expo,
        status="running",
        phase="organisations",
        started_at=timezone.now() - dt.timedelta(minutes=3),
        heartbeat_at=timezone.now() - dt.timedelta(seconds=61),
    )
    client.force_login(staff)

    assert client.get(job_url(job), HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    page = client.get(job_url(job)).content.decode()

    assert (
        '<p class="errornote" id="import-failure">The worker stopped giving signs of life; '
        "nothing was imported. Upload the file again.</p>"
    ) in page
    job.refresh_from_db()
    assert (job.status, job.phase) == ("failed", "")
    assert job.finished_at is not None


def test_a_job_no_worker_took_for_30_minutes_is_shown_failed(client, staff, expo):
    job = a_job(expo)
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(minutes=31))
    client.force_login(staff)

    page = client.get(job_url(job)).content.decode()

    assert "No worker took this import within 30 minutes; nothing was imported." in page
    assert ImportJob.objects.get().status == "failed"


def test_an_import_that_crashes_is_recorded_failed_and_imports_nothing(
    client, staff, expo, pavilions, monkeypatch, django_capture_on_commit_callbacks
):
    def crash(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("tradefair.organisations.services.import_jobs.import_participants", crash)
    client.force_login(staff)

    post_upload(
        client, expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS), django_capture_on_commit_callbacks
    )

    job = ImportJob.objects.get()
    assert (job.status, job.failure) == (
        "failed",
        "The import stopped on an unexpected error; nothing was imported.",
    )
    assert table_counts() == {"Organisation": 0, "Participation": 0, "Offer": 0, "Need": 0}


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("not staff", 302), ("staff without import rights", 403)],
)
def test_only_staff_allowed_to_import_see_a_job(client, expo, who, status):
    job = a_job(expo, status="done", created_count=3, updated_count=0, unchanged_count=0)
    if who == "not staff":
        client.force_login(User.objects.create_user("buyer@example.org", "pw"))
    elif who == "staff without import rights":
        client.force_login(User.objects.create_user("viewer@example.org", "pw", is_staff=True))

    response = client.get(job_url(job))

    assert response.status_code == status
    if status == 302:
        assert response["Location"] == f"{reverse('admin:login')}?next={job_url(job)}"


def test_the_job_page_in_chinese(client, staff, expo):
    running = a_job(
        expo,
        status="running",
        phase="reading",
        started_at=timezone.now() - dt.timedelta(seconds=75),
        heartbeat_at=timezone.now(),
    )
    done = a_job(
        expo,
        status="done",
        created_count=3200,
        updated_count=1,
        unchanged_count=0,
        started_at=timezone.now() - dt.timedelta(seconds=4),
        finished_at=timezone.now(),
    )
    client.force_login(staff)
    running_url, done_url = job_url(running), job_url(done)

    panel = client.get("/zh-hans" + running_url, HTTP_HX_REQUEST="true").content.decode()
    page = client.get("/zh-hans" + done_url).content.decode()

    assert "<strong>正在导入 exhibitors.csv</strong>" in panel
    assert "读取文件并检查每一行…" in panel
    assert re.search(r"已用时 1分钟 1[5-9]秒", panel)
    assert "新建 3,200 条，更新 1 条，未变 0 条。" in page
    assert "<h1>导入 exhibitors.csv</h1>" in page
    assert "后台进程用时 4秒。" in page
