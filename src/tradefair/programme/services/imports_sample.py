"""A sample programme file for the import page: the rows of docs/formats/programme-sample.csv.

The dates are days of the edition (0 = its first day), so the console offers every edition a
sample that fits its dates; for an edition that opens on 17 September 2025, like the 22nd
China-ASEAN Expo, it is the documented file byte for byte (tests/programme/test_import.py).
"""

import datetime as dt

from tradefair.expos.models import Expo
from tradefair.expos.spreadsheets import csv_bytes, xlsx_bytes
from tradefair.programme.services.imports_parse import COLUMNS

COUNCIL = "Guangxi Zhuang Autonomous Region Council for the Promotion of International Trade"

# kind, title, title_zh, description, description_zh, day, start_time, end_time, room,
# room_capacity, hall, capacity, audience, status, hosts, sectors, speakers
SAMPLE: list[tuple[str | int, ...]] = [
    (
        "opening",
        "Opening Ceremony",
        "开幕式",
        "The opening of the expo and the summit.",
        "博览会和峰会开幕。",
        0,
        "09:00",
        "10:00",
        "Grand Hall",
        "1200",
        "",
        "",
        "invitation",
        "published",
        COUNCIL,
        "",
        "Chen Ming | guest of honour | | Vice Chairman; Li Hua | moderator",
    ),
    (
        "main_event",
        "China-ASEAN Business and Investment Summit",
        "中国—东盟商务与投资峰会",
        "Leaders of governments and business on trade and investment in the region.",
        "政府与企业领袖共话地区贸易与投资。",
        0,
        "10:30",
        "12:00",
        "Grand Hall",
        "",
        "",
        "1000",
        "registration",
        "published",
        COUNCIL,
        "digital-economy;green-economy",
        "Nguyen Van An | speaker | Vietnam Chamber of Commerce and Industry | President; "
        "Siti Rahman | speaker",
    ),
    (
        "forum",
        "Blue Economy Forum",
        "蓝色经济论坛",
        "Ports, fisheries and marine energy.",
        "港口、渔业与海洋能源。",
        1,
        "14:00",
        "16:30",
        "Forum Room 1",
        "300",
        "",
        "",
        "",
        "draft",
        "",
        "blue-economy",
        "Somchai Prasert | moderator | Thai Maritime Association",
    ),
    (
        "product launch",
        "New Energy Vehicles Launch",
        "新能源汽车新品发布会",
        "",
        "",
        2,
        "10:00",
        "11:00",
        "Launch Stage",
        "150",
        "",
        "",
        "open",
        "draft",
        "",
        "green-economy",
        "",
    ),
]


def sample_rows(expo: Expo) -> list[list[str]]:
    """The sample's rows with the edition's dates."""
    rows = []
    for values in SAMPLE:
        cells = [str(value) for value in values]
        day = expo.start_date + dt.timedelta(days=int(values[5]))
        cells[5] = day.isoformat()
        rows.append(cells)
    return rows


def sample_file(expo: Expo, suffix: str) -> bytes:
    """The sample as ``.csv`` (UTF-8 with a byte-order mark, as Excel likes) or ``.xlsx``."""
    rows = sample_rows(expo)
    if suffix == ".xlsx":
        return xlsx_bytes("programme", COLUMNS, rows)
    return csv_bytes(COLUMNS, rows)
