"""The programme import: the documented sample, every error it reports, re-imports, the console
page and the command; a refused file or user leaves the database as it was."""

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse
from openpyxl import Workbook

from tests.programme.conftest import NANNING, at
from tradefair.accounts.models import ExpoStaff, User
from tradefair.cli import main
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.services.imports import MAX_ROWS, import_programme
from tradefair.programme.services.imports_parse import COLUMNS
from tradefair.programme.services.imports_sample import COUNCIL, sample_file
from tradefair.programme.services.registration import register

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parents[2] / "docs" / "formats" / "programme-sample.csv"


def csv_file(rows: Sequence[Sequence[str]], header: Sequence[str] = COLUMNS) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def sample_rows() -> list[list[str]]:
    """The documented sample's data rows, to change one cell at a time."""
    return list(csv.reader(io.StringIO(SAMPLE.read_text("utf-8-sig"))))[1:]


def row(**cells: str) -> list[str]:
    """A good one-row activity, with some cells changed."""
    values = {
        "kind": "forum",
        "title": "Digital Trade Forum",
        "date": "2025-09-18",
        "start_time": "14:00",
        "end_time": "15:00",
        "room": "Forum Room 1",
        "status": "draft",
        **cells,
    }
    return [values.get(column, "") for column in COLUMNS]


@pytest.fixture
def council(db) -> Organisation:
    return Organisation.objects.create(
        name=COUNCIL,
        name_zh="广西壮族自治区国际贸易促进委员会",
        country=Country.objects.get(code="CN"),
    )


def programme() -> list[tuple[object, ...]]:
    """The activities as tuples of what the import sets, times on Nanning's clock."""
    return [
        (
            a.kind,
            a.title,
            a.title_zh,
            a.description,
            a.start.astimezone(NANNING).strftime("%Y-%m-%d %H:%M"),
            a.end.astimezone(NANNING).strftime("%H:%M"),
            a.room.name if a.room else None,
            a.capacity,
            a.audience,
            a.status,
            sorted(h.name for h in a.hosts.all()),
            sorted(s.slug for s in a.sectors.all()),
            [
                (s.name, s.role, s.organisation_name, s.organisation_id, s.position)
                for s in a.speakers.order_by("order")
            ],
        )
        for a in Activity.objects.order_by("start", "title")
    ]


def database() -> tuple[object, ...]:
    """Everything an import may write, to show that a refused import wrote none of it."""
    return (
        list(Activity.objects.values_list("pk", "title", "start", "end", "status", "capacity")),
        list(Room.objects.values_list("pk", "name", "capacity", "hall_id")),
        list(Speaker.objects.values_list("pk", "name", "role", "order")),
        list(Activity.hosts.through.objects.values_list("activity_id", "organisation_id")),
        list(Activity.sectors.through.objects.values_list("activity_id", "sector_id")),
    )


EXPECTED_SAMPLE = [
    (
        "opening",
        "Opening Ceremony",
        "开幕式",
        "The opening of the expo and the summit.",
        "2025-09-17 09:00",
        "10:00",
        "Grand Hall",
        None,
        "invitation",
        "published",
        [COUNCIL],
        [],
        [
            ("Chen Ming", "guest_of_honour", "", None, "Vice Chairman"),
            ("Li Hua", "moderator", "", None, ""),
        ],
    ),
    (
        "main_event",
        "China-ASEAN Business and Investment Summit",
        "中国—东盟商务与投资峰会",
        "Leaders of governments and business on trade and investment in the region.",
        "2025-09-17 10:30",
        "12:00",
        "Grand Hall",
        1000,
        "registration",
        "published",
        [COUNCIL],
        ["digital-economy", "green-economy"],
        [
            (
                "Nguyen Van An",
                "speaker",
                "Vietnam Chamber of Commerce and Industry",
                None,
                "President",
            ),
            ("Siti Rahman", "speaker", "", None, ""),
        ],
    ),
    (
        "forum",
        "Blue Economy Forum",
        "蓝色经济论坛",
        "Ports, fisheries and marine energy.",
        "2025-09-18 14:00",
        "16:30",
        "Forum Room 1",
        None,
        "registration",
        "draft",
        [],
        ["blue-economy"],
        [("Somchai Prasert", "moderator", "Thai Maritime Association", None, "")],
    ),
    (
        "launch",
        "New Energy Vehicles Launch",
        "新能源汽车新品发布会",
        "",
        "2025-09-19 10:00",
        "11:00",
        "Launch Stage",
        None,
        "open",
        "draft",
        [],
        ["green-economy"],
        [],
    ),
]


# The documented sample -------------------------------------------------------------------------


def test_the_sample_csv_creates_rooms_activities_hosts_and_speakers(expo, council):
    result = import_programme(
        expo=expo, filename="programme-sample.csv", content=SAMPLE.read_bytes()
    )

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged, result.rooms_created) == (4, 0, 0, 3)
    assert result.summary() == (
        "Programme of test-expo: 4 created, 0 updated, 0 unchanged; 3 new rooms."
    )
    assert programme() == EXPECTED_SAMPLE
    assert sorted(Room.objects.filter(expo=expo).values_list("name", "capacity", "hall")) == [
        ("Forum Room 1", 300, None),
        ("Grand Hall", 1200, None),
        ("Launch Stage", 150, None),
    ]


def test_the_same_rows_as_xlsx_import_the_same(expo, council):
    result = import_programme(
        expo=expo, filename="programme.xlsx", content=sample_file(expo, ".xlsx")
    )

    assert (result.errors, result.created, result.rooms_created) == ([], 4, 3)
    assert programme() == EXPECTED_SAMPLE


def test_xlsx_date_and_time_cells_are_read_as_the_edition_clock(expo, halls):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["kind", "title", "date", "start_time", "end_time", "room", "room_capacity", "hall"]
    )
    sheet.append(
        [
            "Trade Promotion",
            "Durian Tasting",
            dt.date(2025, 9, 20),
            dt.time(9, 30),
            dt.time(11, 0),
            "Stage",
            80,
            "B",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = import_programme(expo=expo, filename="p.xlsx", content=buffer.getvalue())

    assert (result.errors, result.created, result.rooms_created) == ([], 1, 1)
    activity = Activity.objects.get()
    assert (activity.kind, activity.start, activity.end, activity.status) == (
        "promotion",
        at(9, 30, day=20),
        at(11, day=20),
        "draft",
    )
    assert (activity.room.name, activity.room.capacity, activity.room.hall) == (
        "Stage",
        80,
        halls[1],
    )


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


# Re-importing ----------------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(expo, council):
    import_programme(expo=expo, filename="p.csv", content=SAMPLE.read_bytes())
    before = database()

    result = import_programme(expo=expo, filename="p.csv", content=SAMPLE.read_bytes())

    assert (result.errors, result.created, result.updated, result.unchanged) == ([], 0, 0, 4)
    assert result.rooms_created == 0
    assert database() == before


def test_a_corrected_file_updates_the_matching_activities(expo, council):
    import_programme(expo=expo, filename="p.csv", content=SAMPLE.read_bytes())
    summit = Activity.objects.get(kind="main_event")
    opening = Activity.objects.get(kind="opening")
    Activity.objects.filter(pk=summit.pk).update(status="published")
    guest = User.objects.create_user("an@example.com")
    Speaker.objects.filter(name="Nguyen Van An").update(user=guest)
    rows = sample_rows()
    rows[1][1] = "CHINA-ASEAN BUSINESS AND INVESTMENT SUMMIT"  # the same activity in capitals
    rows[1][7] = "12:30"
    rows[1][13] = ""  # a blank status keeps the stored one
    rows[1][16] = "Siti Rahman | moderator; Nguyen Van An | speaker | | Minister"
    rows[0][15] = "blue-economy"

    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert (result.errors, result.created, result.updated, result.unchanged) == ([], 0, 2, 2)
    summit.refresh_from_db()
    assert (summit.title, summit.end, summit.status) == (
        "CHINA-ASEAN BUSINESS AND INVESTMENT SUMMIT",
        at(12, 30, day=17),
        "published",
    )
    assert list(
        summit.speakers.order_by("order").values_list("name", "role", "position", "user")
    ) == [
        ("Siti Rahman", "moderator", "", None),
        ("Nguyen Van An", "speaker", "Minister", guest.pk),
    ]
    assert list(opening.sectors.values_list("slug", flat=True)) == ["blue-economy"]
    assert Activity.objects.count() == 4


def test_a_dropped_speaker_is_removed_and_a_room_capacity_changes(expo, council, room):
    import_programme(expo=expo, filename="p.csv", content=SAMPLE.read_bytes())
    rows = sample_rows()
    rows[2][16] = ""
    rows[2][9] = "250"

    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert (result.errors, result.updated, result.rooms_created) == ([], 1, 0)
    forum = Activity.objects.get(kind="forum")
    assert list(forum.speakers.all()) == []
    room.refresh_from_db()
    assert (forum.room, room.capacity, room.hall.code) == (room, 250, "B")


def test_a_row_matching_two_existing_activities_is_refused(expo, make_activity):
    make_activity(title="Digital Trade Forum", start=at(14), end=at(15))
    make_activity(title="digital trade forum", start=at(14), end=at(16))
    before = database()

    result = import_programme(expo=expo, filename="p.csv", content=csv_file([row()]))

    assert [str(e) for e in result.errors] == [
        "line 2: title: 2 activities of this edition have this title, start and room; rename or "
        "delete all but one in the console first"
    ]
    assert database() == before


# Errors: every one reported, nothing written ---------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "error"),
    [
        (
            {"kind": ""},
            "line 2: kind: missing (use one of: opening, main_event, forum, concurrent, launch, "
            "signing, promotion, other)",
        ),
        (
            {"kind": "gala"},
            "line 2: kind: unknown kind 'gala' (use one of: opening, main_event, forum, "
            "concurrent, launch, signing, promotion, other)",
        ),
        ({"title": ""}, "line 2: title: missing (every activity needs an English title)"),
        ({"title": "x" * 251}, "line 2: title: too long (251 characters, at most 250)"),
        (
            {"title": "Forum\x00"},
            "line 2: title: contains the control character U+0000; remove it (it is invisible in "
            "most editors and cannot be stored)",
        ),
        ({"date": ""}, "line 2: date: missing (write it as YYYY-MM-DD, e.g. 2025-09-17)"),
        (
            {"date": "18/09/2025"},
            "line 2: date: bad date '18/09/2025' (write it as YYYY-MM-DD, e.g. 2025-09-17)",
        ),
        (
            {"date": "2025-02-30"},
            "line 2: date: bad date '2025-02-30' (write it as YYYY-MM-DD, e.g. 2025-09-17)",
        ),
        (
            {"date": "2025-09-25"},
            "line 2: date: 2025-09-25 is outside the edition, which runs from 2025-09-17 to "
            "2025-09-21; correct the date or the edition's dates",
        ),
        (
            {"start_time": "2pm"},
            "line 2: start_time: bad time '2pm' (write it as HH:MM on the 24-hour clock of the "
            "edition, e.g. 14:30)",
        ),
        (
            {"end_time": "24:00"},
            "line 2: end_time: bad time '24:00' (write it as HH:MM on the 24-hour clock of the "
            "edition, e.g. 14:30)",
        ),
        (
            {"end_time": "13:30"},
            "line 2: end_time: 13:30 is not after the start 14:00 (an activity ends after it "
            "starts, on the same day)",
        ),
        (
            {"end_time": "14:00"},
            "line 2: end_time: 14:00 is not after the start 14:00 (an activity ends after it "
            "starts, on the same day)",
        ),
        (
            {"room": "Forum Rom 1"},
            "line 2: room: unknown room 'Forum Rom 1' (use a room of this edition, e.g. 'Forum "
            "Room 1', or give room_capacity to create it)",
        ),
        (
            {"room": "", "room_capacity": "50"},
            "line 2: room_capacity: given without a room; name the room in the room column",
        ),
        (
            {"room_capacity": "many"},
            "line 2: room_capacity: bad number 'many' (give a whole number of seats from 1 to "
            "100,000, e.g. 300)",
        ),
        (
            {"capacity": "0"},
            "line 2: capacity: bad number '0' (give a whole number of seats from 1 to 100,000, "
            "e.g. 200)",
        ),
        ({"hall": "Z"}, "line 2: hall: unknown hall 'Z' (use a hall code of this edition, e.g. A)"),
        (
            {"audience": "public"},
            "line 2: audience: unknown audience 'public' (use one of: open, registration, "
            "invitation)",
        ),
        (
            {"status": "cancelled"},
            "line 2: status: an import cannot cancel an activity (cancel it in the console, "
            "which tells its registrants; use draft or published here)",
        ),
        (
            {"status": "live"},
            "line 2: status: unknown status 'live' (use one of: draft, published)",
        ),
        (
            {"hosts": "Nobody Ltd"},
            "line 2: hosts: unknown organisation 'Nobody Ltd' (a host must be an organisation "
            "registered here: check the spelling or add it in the admin first)",
        ),
        (
            {"sectors": "space"},
            "line 2: sectors: unknown sector 'space' (use a sector's slug, e.g. agriculture-food)",
        ),
        (
            {"speakers": "Li Hua | chair"},
            "line 2: speakers: speaker 1 ('Li Hua | chair'): unknown role 'chair' (use one of: "
            "speaker, moderator, guest_of_honour)",
        ),
        (
            {"speakers": " | moderator"},
            "line 2: speakers: speaker 1 ('| moderator'): the name is missing",
        ),
        (
            {"speakers": "A | speaker | B | C | D"},
            "line 2: speakers: speaker 1 ('A | speaker | B | C | D'): 5 parts; write Name | role "
            "| organisation | position (role, organisation and position may be left out)",
        ),
        (
            {"speakers": "Li Hua; li hua | moderator"},
            "line 2: speakers: speaker 2: li hua is listed twice; list each person once",
        ),
    ],
)
def test_each_bad_cell_is_reported_and_nothing_is_written(expo, room, cells, error):
    before = database()

    result = import_programme(
        expo=expo, filename="p.csv", content=csv_file([row(title="Fine Forum"), row(**cells)])
    )

    assert [str(e) for e in result.errors] == [error.replace("line 2", "line 3")]
    assert database() == before


def test_every_error_of_a_file_is_listed_in_line_order(expo, room):
    before = database()
    rows = [
        row(end_time="13:00", hosts="Nobody Ltd"),
        row(title="Fine Forum"),
        row(kind="gala", date="2025-10-01"),
        row(title="Fine Forum"),
    ]

    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert [str(e) for e in result.errors] == [
        "line 2: end_time: 13:00 is not after the start 14:00 (an activity ends after it starts, "
        "on the same day)",
        "line 2: hosts: unknown organisation 'Nobody Ltd' (a host must be an organisation "
        "registered here: check the spelling or add it in the admin first)",
        "line 4: kind: unknown kind 'gala' (use one of: opening, main_event, forum, concurrent, "
        "launch, signing, promotion, other)",
        "line 4: date: 2025-10-01 is outside the edition, which runs from 2025-09-17 to "
        "2025-09-21; correct the date or the edition's dates",
        "line 5: title: the same activity as line 3 (same title, start and room); remove one of "
        "the two rows",
    ]
    assert database() == before


def test_a_new_room_named_on_several_lines_needs_one_capacity(expo):
    rows = [
        row(room="Hall of Friendship", room_capacity="200"),
        row(title="Second", room="hall of friendship"),
        row(title="Third", room="Hall of Friendship", room_capacity="250"),
        row(title="Fourth", room="Nowhere"),
        row(title="Fifth", room="Nowhere"),
    ]

    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert [str(e) for e in result.errors] == [
        "line 4: room_capacity: line 2 gives room 'Hall of Friendship' 200 seats; give the same "
        "capacity on every line, or leave it blank after the first",
        "line 5: room: unknown room 'Nowhere' (this edition has no rooms yet; give room_capacity "
        "to create it)",
        "line 6: room: unknown room 'Nowhere' (this edition has no rooms yet; give room_capacity "
        "to create it)",
    ]
    assert Room.objects.count() == 0


def test_two_hosts_of_the_same_name_need_the_country_code(expo, room):
    vn = Organisation.objects.create(name="Acme Trading", country=Country.objects.get(code="VN"))
    Organisation.objects.create(name="Acme Trading", country=Country.objects.get(code="TH"))

    refused = import_programme(
        expo=expo, filename="p.csv", content=csv_file([row(hosts="Acme Trading")])
    )
    assert [str(e) for e in refused.errors] == [
        "line 2: hosts: 'Acme Trading' names 2 organisations (TH, VN); add the country code, "
        "e.g. 'Acme Trading (VN)'"
    ]
    assert Activity.objects.count() == 0

    result = import_programme(
        expo=expo, filename="p.csv", content=csv_file([row(hosts="acme trading (vn)")])
    )
    assert result.errors == []
    assert list(Activity.objects.get().hosts.all()) == [vn]


def test_a_speakers_registered_organisation_is_linked(expo, room, exhibitor):
    organisation = exhibitor.participation.organisation
    speakers = f"Mai Tran | speaker | {organisation.name} | CEO; Ray Ho | | Other Co"

    result = import_programme(
        expo=expo, filename="p.csv", content=csv_file([row(speakers=speakers)])
    )

    assert result.errors == []
    assert list(
        Speaker.objects.values_list(
            "name", "role", "organisation", "organisation_name", "position", "order"
        )
    ) == [
        ("Mai Tran", "speaker", organisation.pk, "", "CEO", 0),
        ("Ray Ho", "speaker", None, "Other Co", "", 1),
    ]


HEADER_FIX = (
    "kind,title,title_zh,description,description_zh,date,start_time,end_time,room,"
    "room_capacity,hall,capacity,audience,status,hosts,sectors,speakers; "
    "kind,title,date,start_time,end_time,room are required)"
)


@pytest.mark.parametrize(
    ("header", "error"),
    [
        (
            ["kind", "title", "date", "start_time"],
            "line 1: header: missing columns: end_time, room (the columns are " + HEADER_FIX,
        ),
        (
            [*COLUMNS[:6], "start", *COLUMNS[6:]],
            "line 1: header: unknown columns: start (the columns are " + HEADER_FIX,
        ),
        (
            [*COLUMNS, "title"],
            "line 1: header: repeated columns: title (the columns are " + HEADER_FIX,
        ),
    ],
)
def test_a_bad_header_is_refused(expo, header, error):
    result = import_programme(expo=expo, filename="p.csv", content=csv_file([], header=header))

    assert [str(e) for e in result.errors] == [error]


def test_columns_left_out_keep_what_is_stored(expo, make_activity, council):
    forum = make_activity(title="Digital Trade Forum", start=at(14), end=at(15), capacity=40)
    forum.hosts.add(council)
    header = ["kind", "title", "date", "start_time", "end_time", "room"]
    rows = [["forum", "Digital Trade Forum", "2025-09-18", "14:00", "15:30", "Forum Room 1"]]

    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows, header=header))

    assert (result.errors, result.updated) == ([], 1)
    forum.refresh_from_db()
    assert (forum.end, forum.capacity, forum.status, list(forum.hosts.all())) == (
        at(15, 30),
        40,
        "published",
        [council],
    )


@pytest.mark.parametrize(
    ("filename", "content", "error"),
    [
        ("p.txt", b"kind", "file: unsupported file type '.txt' (upload a .csv or .xlsx file)"),
        ("p.xlsx", b"not a zip", None),
        ("p.csv", b"", "file: the file is empty (expected a header row)"),
        (
            "p.csv",
            b"x" * (2 * 2**20 + 1),
            "file: the file is 2.0 MB; a programme import takes at most 2 MB",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused(expo, filename, content, error):
    result = import_programme(expo=expo, filename=filename, content=content)

    assert len(result.errors) == 1
    if error is None:
        assert str(result.errors[0]).startswith("file: not a readable .xlsx workbook")
    else:
        assert str(result.errors[0]) == error
    assert database() == ([], [], [], [], [])


def test_more_rows_than_the_limit_are_refused(expo, room):
    rows = [row(title=f"Forum {n}") for n in range(MAX_ROWS + 1)]

    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert [str(e) for e in result.errors] == [
        "file: 2,001 rows; a programme import takes at most 2,000 (split the file and import the "
        "parts one after the other)"
    ]
    assert Activity.objects.count() == 0


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
    assert tradefair("importprogramme", "--expo", expo.slug, str(SAMPLE)) == 0
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
        "CommandError: 2 error(s) in bad.csv; nothing imported.",
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


def test_a_full_file_imports_in_a_bounded_number_of_queries(
    expo, council, room, django_assert_max_num_queries
):
    rows = [
        row(
            title=f"Forum {n}",
            start_time=f"{8 + n % 10:02d}:00",
            end_time=f"{9 + n % 10:02d}:00",
            hosts=COUNCIL,
            sectors="blue-economy;green-economy",
            speakers=f"Speaker {n} | moderator; Guest {n} | guest of honour",
        )
        for n in range(MAX_ROWS)
    ]

    # Reference data and the lock, then a statement per batch: 500 rows on PostgreSQL, fewer
    # on SQLite, whose 999 parameters per statement split them (about 66 activities each).
    with django_assert_max_num_queries(100):
        result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert (result.errors, result.created) == ([], MAX_ROWS)
    assert Speaker.objects.count() == 2 * MAX_ROWS
    assert Activity.sectors.through.objects.count() == 2 * MAX_ROWS

    # Nothing to write: reading what is stored, 500 activities at a time.
    with django_assert_max_num_queries(25):
        again = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert (again.errors, again.created, again.unchanged) == ([], 0, MAX_ROWS)


def test_a_room_by_its_chinese_name_and_one_hall_per_room(expo, room, halls):
    rows = [
        row(room="论坛一号厅", room_capacity="120", hall="A"),
        row(title="Second", room="Forum Room 1", hall="B"),
    ]

    refused = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert [str(e) for e in refused.errors] == [
        "line 3: hall: line 2 puts room 'Forum Room 1' in another hall; give the same hall on "
        "every line, or leave it blank after the first"
    ]
    rows[1][COLUMNS.index("hall")] = ""
    result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))
    assert (result.errors, result.created, result.rooms_created) == ([], 2, 0)
    room.refresh_from_db()
    assert (room.capacity, room.hall) == (120, halls[0])
    assert set(Activity.objects.values_list("room", flat=True)) == {room.pk}


def test_seats_an_import_adds_go_to_the_waiting_list(
    expo, room, make_activity, make_party, mailoutbox, django_capture_on_commit_callbacks
):
    forum = make_activity(title="Digital Trade Forum", start=at(14), end=at(15), capacity=1)
    other = make_activity(title="Ports Forum", start=at(16), end=at(17), capacity=None)
    people = [make_party(f"Party {n}").user for n in range(4)]
    register(activity=forum, user=people[0])
    register(activity=forum, user=people[1])
    room.capacity = 1
    room.save()
    register(activity=other, user=people[2])
    register(activity=other, user=people[3])
    rows = [
        row(capacity="2", status="published"),
        row(
            title="Ports Forum",
            title_zh="蓝色经济论坛",
            start_time="16:00",
            end_time="17:00",
            status="published",
            room_capacity="80",  # the activity is as it was, its room grows
        ),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        result = import_programme(expo=expo, filename="p.csv", content=csv_file(rows))

    assert (result.errors, result.updated, result.promoted) == ([], 1, 2)
    assert result.summary() == (
        "Programme of test-expo: 0 created, 1 updated, 1 unchanged; 0 new rooms. "
        "2 people moved from waiting lists to seats."
    )
    assert sorted(
        Registration.objects.values_list("activity__title", "user__email", "status", "seat")
    ) == [
        ("Digital Trade Forum", "party-0@example.com", "registered", 1),
        ("Digital Trade Forum", "party-1@example.com", "registered", 2),
        ("Ports Forum", "party-2@example.com", "registered", 1),
        ("Ports Forum", "party-3@example.com", "registered", 2),
    ]
    assert sorted(message.to[0] for message in mailoutbox) == [
        "party-1@example.com",
        "party-3@example.com",
    ]
