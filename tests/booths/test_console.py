"""The organisers' booth pages: runs started from the console and shown with their figures
and left-out exhibitors, publishing, moving by hand with refusals on the form, and who may
see what."""

import pytest
from django.urls import reverse

from tradefair.accounts.models import User
from tradefair.booths.models import AllocationRun
from tradefair.booths.services.runs import allocate_now
from tradefair.floorplan.models import BoothAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def floor(expo, make_exhibitor):
    return [make_exhibitor(f"Maker {k}", modules=2) for k in range(3)] + [
        make_exhibitor("Huge Co", modules=40)
    ]


def test_a_run_from_the_console_proposes_then_publishes(
    client, expo, organiser, floor, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(organiser)
    home = client.get(reverse("booths_console:home", args=[expo.slug]))
    assert home.status_code == 200 and "Run the allocation" in home.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            reverse("booths_console:home", args=[expo.slug]), {"time_limit": 5, "keep_booths": "on"}
        )
    run = AllocationRun.objects.get()
    assert started["Location"] == reverse("booths_console:run", args=[expo.slug, run.pk])
    page = client.get(started["Location"]).content.decode()
    assert "3 / 4" in page  # exhibitors placed
    assert "1 exhibitor without a booth" in page
    assert "Huge Co" in page and "no rectangle of 40 modules exists in its pavilion" in page
    assert page.count('class="booth highlighted"') == 3  # all new on the plan
    assert not BoothAssignment.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("booths_console:publish", args=[expo.slug, run.pk]))
    run.refresh_from_db()
    assert run.status == "published" and BoothAssignment.objects.count() == 3
    assert len(mailoutbox) == 3
    page = client.get(reverse("booths_console:run", args=[expo.slug, run.pk])).content.decode()
    assert "Published" in page and "Publish this allocation" not in page


def test_bad_run_parameters_are_named(client, expo, organiser, floor):
    client.force_login(organiser)
    page = client.post(reverse("booths_console:home", args=[expo.slug]), {"time_limit": 1})
    assert page.status_code == 200
    assert "Ensure this value is greater than or equal to 5" in page.content.decode()
    assert not AllocationRun.objects.exists()


def test_progress_is_polled_until_the_run_ends(client, expo, organiser):
    client.force_login(organiser)
    run = AllocationRun.objects.create(expo=expo, status="running", phase="solving", progress=0.4)
    panel = client.get(reverse("booths_console:run_progress", args=[expo.slug, run.pk]))
    assert "Placing the exhibitors" in panel.content.decode()
    AllocationRun.objects.filter(pk=run.pk).update(status="done")
    ended = client.get(reverse("booths_console:run_progress", args=[expo.slug, run.pk]))
    assert ended.status_code == 204 and ended["HX-Refresh"] == "true"


def test_moving_by_hand_from_the_form(client, expo, organiser, floor, hall):
    allocate = allocate_now(expo=expo, by_user=organiser, time_limit=5)
    from tradefair.booths.services.publishing import publish_run

    publish_run(run=allocate, by_user=organiser)
    booth = BoothAssignment.objects.get(participation=floor[0].participation).booth
    client.force_login(organiser)
    url = reverse("booths_console:move", args=[expo.slug])
    refused = client.post(url, {"booth": booth.number, "hall": "A1", "x": 3, "y": 3, "width": 2})
    html = refused.content.decode()
    assert refused.status_code == 200 and "no module at (4, 3)" in html
    unknown = client.post(url, {"booth": "Z-1", "hall": "A1", "x": 5, "y": 3, "width": 2})
    assert "No booth Z-1 with an exhibitor" in unknown.content.decode()
    moved = client.post(
        url, {"booth": booth.number, "hall": "A1", "x": 5, "y": 3, "width": 2, "pin": "on"}
    )
    assert moved.status_code == 302
    booth.refresh_from_db()
    assert booth.pinned and set(booth.modules.values_list("x", "y")) == {(5, 3), (6, 3)}
    prefilled = client.get(url, {"hall": "A1", "x": 7, "y": 0}).content.decode()
    assert 'name="x" value="7"' in prefilled


@pytest.mark.parametrize("name", ["home", "move", "run", "run_progress", "publish"])
def test_only_the_editions_organisers_reach_the_console(client, expo, organiser, floor, name):
    run = AllocationRun.objects.create(expo=expo, status="done")
    args = [expo.slug, run.pk] if name.startswith(("run", "publish")) else [expo.slug]
    url = reverse(f"booths_console:{name}", args=args)
    method = client.post if name == "publish" else client.get
    anonymous = method(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(floor[0].user)  # an exhibitor of the edition
    assert method(url).status_code == 403
    client.force_login(User.objects.create_user("other@example.com"))
    assert method(url).status_code == 403
    client.force_login(organiser)
    assert method(url).status_code in (200, 204, 302)


def test_a_grid_is_laid_out_from_the_console(client, expo, organiser, hall, pavilions):
    client.force_login(organiser)
    url = reverse("booths_console:grid", args=[expo.slug])
    page = client.get(url).content.decode()
    assert "Lay out a grid" in page and "ai pavilion" in page
    refused = client.post(
        url, {"hall": "A1", "rows": 1, "columns": 1, "block_columns": 2, "block_rows": 2,
              "module_m": "3", "aisle_m": "3"},
    )  # fmt: skip
    assert "Hall A1 already has a grid." in refused.content.decode()
    too_big = client.post(
        url, {"hall": "A1", "rows": 40, "columns": 40, "block_columns": 10, "block_rows": 2,
              "module_m": "3", "aisle_m": "3", "replace": "on"},
    )  # fmt: skip
    assert "more than the hall" in too_big.content.decode()
    done = client.post(
        url, {"hall": "A1", "pavilion": "ai", "rows": 1, "columns": 2, "block_columns": 3,
              "block_rows": 2, "module_m": "3", "aisle_m": "3", "replace": "on"},
    )  # fmt: skip
    assert done.status_code == 302
    assert hall.modules.count() == 12 and hall.modules.filter(pavilion__code="ai").count() == 12


def test_the_grid_page_is_for_organisers_only(client, expo, organiser, make_exhibitor):
    url = reverse("booths_console:grid", args=[expo.slug])
    assert client.get(url).status_code == 302
    client.force_login(make_exhibitor("Maker").user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"hall": "A1"}).status_code == 403


def test_booths_are_pinned_and_unpinned_from_the_console(client, expo, organiser, floor):
    from tradefair.booths.services.publishing import publish_run

    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    booth = BoothAssignment.objects.get(participation=floor[0].participation).booth
    client.force_login(organiser)
    url = reverse("booths_console:pin", args=[expo.slug])
    client.post(url, {"booth": booth.number, "pinned": "1"})
    booth.refresh_from_db()
    assert booth.pinned
    home = client.get(reverse("booths_console:home", args=[expo.slug])).content.decode()
    assert f"{booth.number} Maker 0" in home and "Unpin" in home
    client.post(url, {"booth": booth.number, "pinned": "0"})
    booth.refresh_from_db()
    assert not booth.pinned
    missing = client.post(url, {"booth": "Z-9", "pinned": "1"}, follow=True)
    assert "No booth Z-9 in this edition." in missing.content.decode()
    client.force_login(floor[1].user)
    assert client.post(url, {"booth": booth.number, "pinned": "1"}).status_code == 403


def test_a_halls_plan_is_exported_and_imported_from_the_console(
    client, expo, organiser, hall, pavilions
):
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tradefair.floorplan.models import Hall

    client.force_login(organiser)
    exported = client.get(reverse("booths_console:plan_export", args=[expo.slug, "A1"]))
    assert exported.status_code == 200 and exported["Content-Type"].startswith(
        "application/geo+json"
    )
    assert 'filename="test-expo-A1.geojson"' in exported["Content-Disposition"]
    data = exported.content
    assert len(json.loads(data)["features"]) == 64
    other = Hall.objects.create(expo=expo, code="B1", name="Hall B1", area_m2=10_000)
    url = reverse("booths_console:plan_import", args=[expo.slug])
    refused = client.post(url, {"hall": "B1", "file": SimpleUploadedFile("plan.geojson", data)})
    assert "is in hall A1, not B1" in refused.content.decode()  # pavilions of another hall
    assert not other.modules.exists()
    bad = client.post(url, {"hall": "B1", "file": SimpleUploadedFile("plan.geojson", b"{nope")})
    assert "This is not a JSON file" in bad.content.decode()
    raw = json.loads(data)
    for feature in raw["features"]:
        feature["properties"].pop("pavilion", None)
    raw["features"] = [f for f in raw["features"] if f.get("feature_type") != "occupant"]
    done = client.post(
        url, {"hall": "B1", "file": SimpleUploadedFile("plan.geojson", json.dumps(raw).encode())}
    )
    assert done.status_code == 302 and other.modules.count() == 64


def test_plan_files_are_for_organisers_only(client, expo, hall, pavilions, make_exhibitor):
    client.force_login(make_exhibitor("Maker").user)
    assert (
        client.get(reverse("booths_console:plan_export", args=[expo.slug, "A1"])).status_code == 403
    )
    assert client.post(reverse("booths_console:plan_import", args=[expo.slug])).status_code == 403


def test_the_runs_list_and_the_progress_poll_leave_the_proposals_unread(client, expo, organiser):
    """A run's proposal (every booth placed and left out) is 146 kB at the fair's size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(organiser)
    done = AllocationRun.objects.create(expo=expo, status="done", allocations=[{"booth": "A1"}])
    going = AllocationRun.objects.create(expo=expo, status="running", phase="solving")
    with CaptureQueriesContext(connection) as read:
        home = client.get(reverse("booths_console:home", args=[expo.slug]))
        client.get(reverse("booths_console:run_progress", args=[expo.slug, going.pk]))
    assert f">{done.pk}</a>" in home.content.decode()
    runs = [q["sql"] for q in read.captured_queries if "booths_allocationrun" in q["sql"]]
    assert runs and not any('"allocations"' in sql or '"unallocated"' in sql for sql in runs)
