"""Import files written the way organisers write them, and the table counts tests compare."""

import csv
import io
from collections.abc import Sequence

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from tradefair.organisations.models import Need, Offer, Organisation, Participation

EXHIBITOR_HEADER = [
    "name",
    "name_zh",
    "country",
    "sectors",
    "hs_codes",
    "pavilion",
    "booth_area_m2",
    "website",
    "email",
    "description",
]
BUYER_HEADER = [
    "name",
    "name_zh",
    "country",
    "sectors",
    "hs_codes",
    "website",
    "email",
    "description",
]

EXHIBITORS = [
    [
        "Saigon Solar Co., Ltd.",
        "西贡太阳能有限公司",
        "VN",
        "green-economy;Artificial intelligence",
        "8541;854143",
        "vn",
        "36",
        "https://saigonsolar.example.vn",
        "sales@saigonsolar.example.vn",
        "Solar modules, made in Binh Duong.",
    ],
    [
        "Bangkok Robotics",
        "",
        "TH",
        "人工智能",
        "85",
        "AI Pavilion",
        "54.5",
        "",
        "",
        "",
    ],
    ["Nanning Tea House", "南宁茶馆", "CN", "", "", "", "", "", "", "Guangxi green tea"],
]
BUYERS = [
    ["Jakarta Foods Tbk", "", "ID", "", "0101;0902", "", "buy@jakartafoods.example.id", ""],
    ["Manila Importers Inc.", "", "PH", "blue-economy", "03", "https://mi.example.ph", "", ""],
]


def csv_file(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def xlsx_file(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Organisation, Participation, Offer, Need)
    }


def upload(content: bytes, name: str = "exhibitors.csv") -> SimpleUploadedFile:
    """A file as the admin's upload form receives it."""
    return SimpleUploadedFile(name, content, content_type="text/csv")
