"""The programme import in the organiser console and as ``tradefair import programme``: who may use
it, what the page and the command show, exit status; a refusal writes nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse

from tests.programme.import_files import (
    SAMPLE,
    csv_file,
    database,
    make_council,
    row,
)
from tradefair.accounts.models import ExpoStaff, User
from tradefair.cli import main
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(db) -> Organisation:
    return make_council()


def test_the_console_offers_the_documented_sample_with_the_editions_dates(expo, organiser, client):
    client.force_login(organiser)

    response = client.get(reverse("programme_import:sample_csv", args=[expo.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="test-expo-programme-sample.csv"'
    )
    assert response.content == SAMPLE.read_bytes()
    xlsx = client.get(reverse("programme_import:sample_xlsx", args=[expo.slug]))
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


# The console page ------------------------------------------------------------------------------


@pytest.fixture
def other_staff(db) -> User:
    other = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        city="Kunming",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2025, 6, 1),
        end_date=dt.date(2025, 6, 5),
    )
    user = User.objects.create_user("staff@other.example.com")
    ExpoStaff.objects.create(user=user, expo=other)
    return user


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("participant", 403), ("other_staff", 403), ("organiser", 200)],
)
def test_who_may_import(expo, council, client, request, who, status):
    if who == "participant":
        client.force_login(request.getfixturevalue("buyer").user)
    elif who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = reverse("programme_import:upload", args=[expo.slug])

    page = client.get(url)
    sample = client.get(reverse("programme_import:sample_csv", args=[expo.slug]))
    posted = client.post(url, {"file": upload("p.csv", SAMPLE.read_bytes())})

    assert (page.status_code, sample.status_code, posted.status_code) == (status, status, status)
    if who == "anonymous":
        assert posted["Location"] == f"/accounts/login/?next={url}"
    if who == "organiser":
        assert Activity.objects.count() == 4
    else:
        assert database() == ([], [], [], [], [])


def test_the_page_shows_the_summary(expo, council, organiser, client):
    client.force_login(organiser)
    url = reverse("programme_import:upload", args=[expo.slug])

    page = client.get(url)
    assert b"sample.csv" in page.content and b"start_time" in page.content

    response = client.post(url, {"file": upload("programme.csv", SAMPLE.read_bytes())})
    text = response.content.decode()
    assert "programme.csv was imported" in text
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged, result.rooms_created) == (4, 0, 0, 3)
    again = client.post(url, {"file": upload("programme.csv", SAMPLE.read_bytes())})
    assert (again.context["result"].created, again.context["result"].unchanged) == (0, 4)


def test_the_page_lists_every_error_and_writes_nothing(expo, room, organiser, client):
    client.force_login(organiser)
    rows = [row(room="Nowhere"), row(title="Late", date="2025-09-30")]
    before = database()

    response = client.post(
        reverse("programme_import:upload", args=[expo.slug]),
        {"file": upload("bad.csv", csv_file(rows))},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "bad.csv was not imported: 2 problems" in text
    assert "line 2: <code>room</code>: unknown room &#x27;Nowhere&#x27;" in text
    assert "line 3: <code>date</code>: 2025-09-30 is outside the edition" in text
    assert database() == before


def test_the_page_refuses_a_file_over_the_size_limit(expo, organiser, client):
    client.force_login(organiser)

    response = client.post(
        reverse("programme_import:upload", args=[expo.slug]),
        {"file": upload("big.csv", b"x" * (3 * 2**20))},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "file": ["the file is 3.0 MB; a programme import takes at most 2 MB"]
    }
    assert database() == ([], [], [], [], [])


def test_the_page_in_chinese(expo, organiser, client):
    client.force_login(organiser)

    response = client.get(f"/zh-hans/{expo.slug}/organiser/programme/import/")

    assert response.status_code == 200
    assert 'lang="zh-hans"' in response.content.decode()


# The command -----------------------------------------------------------------------------------


def tradefair(*args: str) -> int:
    """Run the console command as a shell would and return its exit status."""
    try:
        main(["tradefair", *args])
    except SystemExit as exit:
        return int(exit.code or 0)
    return 0


@pytest.fixture
def keep_test_connection(monkeypatch):
    """run_from_argv closes every connection when it ends, which would end the test's
    transaction on PostgreSQL; the exit status is what these tests are about."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


def test_the_command_imports_and_prints_the_summary(expo, council, keep_test_connection, capsys):
    assert tradefair("import", "programme", str(SAMPLE), "--expo", expo.slug) == 0
    assert capsys.readouterr().out.strip() == (
        "Programme of test-expo: 4 created, 0 updated, 0 unchanged; 3 new rooms."
    )
    assert tradefair("importprogramme", "--expo", expo.slug, str(SAMPLE)) == 0
    assert capsys.readouterr().out.strip() == (
        "Programme of test-expo: 0 created, 0 updated, 4 unchanged; 0 new rooms."
    )


def test_the_command_lists_every_error_and_exits_one(
    expo, room, keep_test_connection, tmp_path, capsys
):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_file([row(room="Nowhere"), row(end_time="09:00")]))
    before = database()

    assert tradefair("importprogramme", "--expo", expo.slug, str(path)) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "line 2: room: unknown room 'Nowhere' (use a room of this edition, e.g. 'Forum Room 1', "
        "or give room_capacity to create it)",
        "line 3: end_time: 09:00 is not after the start 14:00 (an activity ends after it starts, "
        "on the same day)",
        "CommandError: 2 errors in bad.csv; nothing imported.",
    ]
    assert database() == before


def test_the_command_refuses_an_unknown_expo_or_file(expo, keep_test_connection, tmp_path, capsys):
    assert tradefair("importprogramme", "--expo", "nope", str(SAMPLE)) == 1
    assert capsys.readouterr().err.strip() == (
        "CommandError: expo: unknown expo 'nope' (known: test-expo)"
    )
    missing = tmp_path / "missing.csv"
    assert tradefair("importprogramme", "--expo", expo.slug, str(missing)) == 1
    assert capsys.readouterr().err.strip() == (
        f"CommandError: file: cannot read {missing} (No such file or directory)"
    )
