"""Every bad cell of a programme file is reported as ``line N: column: reason`` with its fix, and
a file with any bad cell writes nothing."""

import pytest

from tests.programme.conftest import at
from tests.programme.import_files import (
    csv_file,
    database,
    make_council,
    row,
)
from tradefair.expos.models import Country
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity, Room, Speaker
from tradefair.programme.services.imports import MAX_ROWS, import_programme
from tradefair.programme.services.imports_parse import COLUMNS

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(db) -> Organisation:
    return make_council()


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
