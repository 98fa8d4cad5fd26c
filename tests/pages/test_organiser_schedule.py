"""The organiser console's schedule page: start a run, watch it, read the result, publish.

The suite runs tasks inline (tests/settings.py), so a run executes inside the POST that starts it.
"""

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting, MeetingRequest, ScheduleRun
from tradefair.organisations.models import Participation

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


@pytest.fixture
def fair(expo, organiser):
    """Three buyers each asking two of three makers; two slots of two tables (as in the
    scheduling service's tests): four meetings fit, two requests are left out."""
    make_session(expo, organiser, tables=2, slots=2)
    buyers = [make_party_in(expo, f"Buyer {i}", Participation.Role.BUYER) for i in range(3)]
    makers = [make_party_in(expo, f"Maker {i}", Participation.Role.EXHIBITOR) for i in range(3)]
    for i, buyer in enumerate(buyers):
        for j in (i, (i + 1) % 3):
            MeetingRequest.objects.create(
                expo=expo,
                buyer=buyer.participation,
                exhibitor=makers[j].participation,
                priority=1 + j,
                status=MeetingRequest.Status.ACCEPTED,
            )
    return buyers, makers


def schedule_url(expo: Expo) -> str:
    return reverse("organiser:schedule", kwargs={"slug": expo.slug})


def test_run_then_publish_on_a_small_fair(
    client, expo, organiser, fair, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(schedule_url(expo), {"time_limit": "5"})
    run = ScheduleRun.objects.get()
    assert response["Location"] == f"{schedule_url(expo)}?run={run.pk}"
    assert run.status == "done" and run.started_by == organiser

    page = client.get(response["Location"])
    figures = page.context["figures"]
    assert [(f["label"], f["value"], f["bound"], f["share"]) for f in figures[:3]] == [
        ("Meetings placed", "4", "4", "100%"),
        ("Total priority", "10", "10", "100%"),
        ("Buyers without a meeting", "0", None, None),
    ]
    days = Meeting.objects.values_list("buyer_id", "slot__start__date").distinct().count()
    days += Meeting.objects.values_list("exhibitor_id", "slot__start__date").distinct().count()
    people = len(set(Meeting.objects.values_list("buyer_id", flat=True))) + len(
        set(Meeting.objects.values_list("exhibitor_id", flat=True))
    )
    assert [(f["label"], f["value"]) for f in figures[3:]] == [
        ("Idle gaps per meeting", number(round(run.stats["idle_gaps"] / 4, 2))),
        ("Days at the fair per participant", number(round(days / people, 2))),
    ]
    full = "Every table is taken whenever both sides are free. Sessions: Procurement."
    assert [(u.buyer, u.exhibitor, u.reason) for u in page.context["left_out"].rows] == [
        ("Buyer 0", "Maker 0", full),
        ("Buyer 2", "Maker 0", full),
    ]
    html = page.content.decode()
    assert full in html
    assert "Publish this schedule" in html

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(
            reverse("organiser:schedule_publish", kwargs={"slug": expo.slug, "pk": run.pk})
        )
    assert queued.url == f"{schedule_url(expo)}?run={run.pk}"
    assert Meeting.objects.filter(published=True).count() == 4
    published = client.get(queued.url)
    assert published.context["activity"] is None  # the (inline) worker has finished
    assert "4 meetings published; their participants are told by e-mail." in (
        published.content.decode()
    )
    assert len(mailoutbox) > 0
    run.refresh_from_db()
    assert run.published_at is not None

    # A late change, then a re-run: the published meetings stay exactly where they were.
    placed = set(Meeting.objects.values_list("pk", "slot_id", "table_number"))
    _, makers = fair
    MeetingRequest.objects.create(
        expo=expo,
        buyer=make_party_in(expo, "Late Buyer", Participation.Role.BUYER).participation,
        exhibitor=makers[1].participation,
        status=MeetingRequest.Status.ACCEPTED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(schedule_url(expo), {"time_limit": "5"})
    rerun = ScheduleRun.objects.exclude(pk=run.pk).get()
    assert (rerun.status, rerun.stats["kept"], rerun.stats["requests"]) == ("done", 4, 7)
    assert placed <= set(Meeting.objects.values_list("pk", "slot_id", "table_number"))


def test_an_older_run_is_not_published(client, expo, organiser, fair):
    older = ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.DONE)
    ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.DONE)
    client.force_login(organiser)
    response = client.post(
        reverse("organiser:schedule_publish", kwargs={"slug": expo.slug, "pk": older.pk}),
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "A newer run exists; publish that one."
    ]
    older.refresh_from_db()
    assert older.published_at is None


def test_a_failed_newer_run_does_not_hide_the_publish_button(client, expo, organiser):
    done = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.DONE,
        stats={"count": 0, "upper_bound": 0, "priority": 0, "buyers_without_meeting": 0},
    )
    ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.FAILED, error="boom")
    client.force_login(organiser)
    failed_page = client.get(schedule_url(expo))
    assert "This run failed; nothing was changed." in failed_page.content.decode()
    page = client.get(schedule_url(expo), {"run": done.pk})
    assert page.context["is_newest"] is True
    assert "Publish this schedule" in page.content.decode()


def test_an_active_run_shows_a_polling_progress_panel(client, expo, organiser):
    run = ScheduleRun.objects.create(
        expo=expo, status=ScheduleRun.Status.RUNNING, phase="assign", progress=0.4
    )
    client.force_login(organiser)
    page = client.get(schedule_url(expo)).content.decode()
    progress = reverse("organiser:schedule_progress", kwargs={"slug": expo.slug, "pk": run.pk})
    assert f'hx-get="{progress}" hx-trigger="every 1s"' in page
    assert '<progress max="1" value="0.4">' in page
    partial = client.get(progress, HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in partial
    assert "Placing meetings at slots and tables…" in partial.content.decode()

    ScheduleRun.objects.filter(pk=run.pk).update(status=ScheduleRun.Status.DONE)
    assert client.get(progress, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def test_starting_while_a_run_is_active_shows_that_run(client, expo, organiser):
    active = ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.QUEUED)
    client.force_login(organiser)
    response = client.post(schedule_url(expo), {"time_limit": "5"}, follow=True)
    assert ScheduleRun.objects.count() == 1
    assert response.context["run"] == active
    assert [str(m) for m in response.context["messages"]] == [
        "A run is already in progress; here it is."
    ]


def test_a_bad_time_limit_is_refused(client, expo, organiser):
    client.force_login(organiser)
    response = client.post(schedule_url(expo), {"time_limit": "0"})
    assert response.context["form"].errors == {
        "time_limit": ["Ensure this value is greater than or equal to 1."]
    }
    assert not ScheduleRun.objects.exists()
