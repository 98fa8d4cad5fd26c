"""The programme import writes what the file says: the documented sample as CSV and XLSX, re-imports
that update instead of duplicating, seats gained going to the waiting list, bounded queries."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from tests.programme.conftest import at
from tests.programme.import_files import (
    SAMPLE,
    csv_file,
    database,
    make_council,
    programme,
    row,
    sample_rows,
)
from tradefair.accounts.models import User
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.services.imports import MAX_ROWS, import_programme
from tradefair.programme.services.imports_parse import COLUMNS
from tradefair.programme.services.imports_sample import COUNCIL, sample_file
from tradefair.programme.services.registration import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(db) -> Organisation:
    return make_council()


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
    room = activity.room
    assert room is not None
    assert (room.name, room.capacity, room.hall) == ("Stage", 80, halls[1])


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
