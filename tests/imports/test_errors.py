"""A file with any bad row imports nothing and names every bad row, its column and the fix."""

import pytest
from django.utils import translation

from tradefair.organisations.services.imports import import_participants

from .files import (
    BUYER_HEADER,
    BUYERS,
    EXHIBITOR_HEADER,
    EXHIBITORS,
    csv_file,
    table_counts,
    xlsx_file,
)

NAME, NAME_ZH, COUNTRY, SECTORS, HS, PAVILION, AREA, WEBSITE, EMAIL = range(9)


def with_cell(line: int, column: int, value: str) -> list[list[str]]:
    """The good exhibitor rows with one cell changed; ``line`` counts the header as line 1."""
    rows = [list(row) for row in EXHIBITORS]
    rows[line - 2][column] = value
    return rows


ROW_ERRORS = [
    pytest.param(
        with_cell(3, COUNTRY, "XX"),
        "line 3: country: unknown country code 'XX' (use ISO 3166 alpha-2, e.g. VN)",
        id="unknown-country",
    ),
    pytest.param(
        with_cell(3, COUNTRY, ""),
        "line 3: country: missing (use ISO 3166 alpha-2, e.g. VN)",
        id="missing-country",
    ),
    pytest.param(
        with_cell(2, HS, "8541;77"),
        "line 2: hs_codes: unknown HS code '77' (not a chapter, heading or subheading of HS 2022)",
        id="unknown-hs-code",
    ),
    pytest.param(
        with_cell(2, HS, "8541.43"),
        "line 2: hs_codes: bad HS code format '8541.43' (HS codes are 2, 4 or 6 digits, e.g. 85, "
        "8541 or 854143; keep the column as text so leading zeros stay)",
        id="bad-hs-code-format",
    ),
    pytest.param(
        with_cell(4, SECTORS, "space tourism"),
        "line 4: sectors: unknown sector 'space tourism' (use a sector's slug, English or Chinese "
        "name, e.g. agriculture-food)",
        id="unknown-sector",
    ),
    pytest.param(
        with_cell(4, PAVILION, "Thailand Pavilion"),
        "line 4: pavilion: unknown pavilion 'Thailand Pavilion' (use a pavilion code or name of "
        "this expo, e.g. ai)",
        id="unknown-pavilion",
    ),
    pytest.param(
        with_cell(3, NAME, "  "),
        "line 3: name: missing (every row needs an English name)",
        id="missing-name",
    ),
    pytest.param(
        [*EXHIBITORS, ["saigon solar co., ltd.", "", "vn", "", "", "", "", "", "", ""]],
        "line 5: name: duplicate organisation 'saigon solar co., ltd.' (VN), already on line 2",
        id="duplicate-organisation",
    ),
    pytest.param(
        with_cell(2, AREA, "36 m2"),
        "line 2: booth_area_m2: bad number '36 m2' (give square metres, e.g. 36 or 54.5)",
        id="non-numeric-area",
    ),
    pytest.param(
        with_cell(2, AREA, "-9"),
        "line 2: booth_area_m2: must be greater than 0, got '-9' (give square metres, e.g. 36)",
        id="negative-area",
    ),
    pytest.param(
        with_cell(2, AREA, "0"),
        "line 2: booth_area_m2: must be greater than 0, got '0' (give square metres, e.g. 36)",
        id="zero-area",
    ),
    pytest.param(
        with_cell(2, AREA, "12.345"),
        "line 2: booth_area_m2: too precise '12.345' (at most 2 decimal places, e.g. 54.25)",
        id="too-precise-area",
    ),
    pytest.param(
        with_cell(2, AREA, "NaN"),
        "line 2: booth_area_m2: bad number 'NaN' (give square metres, e.g. 36 or 54.5)",
        id="nan-area",
    ),
    pytest.param(
        with_cell(3, EMAIL, "sales@robotics"),
        "line 3: email: bad e-mail address 'sales@robotics' (use one address, e.g. "
        "info@example.com)",
        id="bad-email",
    ),
    pytest.param(
        with_cell(3, WEBSITE, "www.bangkokrobotics.example"),
        "line 3: website: bad website URL 'www.bangkokrobotics.example' (use a full address, "
        "e.g. https://www.example.com)",
        id="bad-website",
    ),
    pytest.param(
        with_cell(3, NAME, "x" * 201),
        "line 3: name: too long (201 characters, at most 200)",
        id="name-too-long",
    ),
    pytest.param(
        [*EXHIBITORS, [*EXHIBITORS[0][:9], "Solar", "modules"]],
        "line 5: row: 11 cells but the header names 10 columns (put values that contain commas "
        "in quotes, and give every column with values a name)",
        id="too-many-cells",
    ),
    pytest.param(
        with_cell(2, NAME, "Nul\x00 Co"),
        "line 2: name: contains the control character U+0000; remove it (it is invisible in "
        "most editors and cannot be stored)",
        id="nul-character",
    ),
]


@pytest.fixture
def existing(expo, pavilions):
    """One exhibitor already imported, so 'nothing imported' also means 'nothing updated'."""
    result = import_participants(
        expo_slug=expo.slug,
        kind="buyers",
        filename="buyers.csv",
        content=csv_file(BUYER_HEADER, BUYERS[:1]),
    )
    assert result.created == 1
    return table_counts()


def run(expo, content: bytes, filename: str = "exhibitors.csv", kind: str = "exhibitors"):
    return import_participants(expo_slug=expo.slug, kind=kind, filename=filename, content=content)


@pytest.mark.parametrize(("rows", "message"), ROW_ERRORS)
def test_a_bad_row_is_named_and_nothing_is_imported(expo, existing, rows, message):
    result = run(expo, csv_file(EXHIBITOR_HEADER, rows))

    assert [str(error) for error in result.errors] == [message]
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert table_counts() == existing


@pytest.mark.parametrize(
    ("header", "message"),
    [
        pytest.param(
            [h if h != "hs_codes" else "hscode" for h in EXHIBITOR_HEADER],
            "line 1: header: missing column 'hs_codes'; unexpected column 'hscode' (the header "
            "for exhibitors is: name,name_zh,country,sectors,hs_codes,pavilion,"
            "booth_area_m2,website,email,description, optionally followed by "
            "name_local,name_local_language)",
            id="renamed-column",
        ),
        pytest.param(
            [*EXHIBITOR_HEADER[:-1], "email"],
            "line 1: header: missing column 'description'; repeated column 'email' (the header "
            "for exhibitors is: name,name_zh,country,sectors,hs_codes,pavilion,"
            "booth_area_m2,website,email,description, optionally followed by "
            "name_local,name_local_language)",
            id="repeated-column",
        ),
    ],
)
def test_a_wrong_header_is_reported_on_line_1(expo, existing, header, message):
    result = run(expo, csv_file(header, []))

    assert [str(error) for error in result.errors] == [message]
    assert table_counts() == existing


def test_a_buyer_file_with_booth_columns_is_refused(expo, existing):
    result = run(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS), kind="buyers")

    assert [str(error) for error in result.errors] == [
        "line 1: header: unexpected columns 'pavilion', 'booth_area_m2' (the header for buyers is: "
        "name,name_zh,country,sectors,hs_codes,website,email,description, optionally followed "
        "by name_local,name_local_language)"
    ]
    assert table_counts() == existing


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        pytest.param(b"", "x.csv", "file: the file is empty (expected a header row)", id="empty"),
        pytest.param(
            b",,,\r\n,,\r\n",
            "x.csv",
            "file: the file is empty (expected a header row)",
            id="only-blank-rows",
        ),
        pytest.param(
            b"name\n",
            "exhibitors.txt",
            "file: unsupported file type '.txt' (upload a .csv or .xlsx file)",
            id="txt",
        ),
        pytest.param(
            b"name\n",
            "exhibitors",
            "file: unsupported file type 'exhibitors' (upload a .csv or .xlsx file)",
            id="no-suffix",
        ),
        pytest.param(
            "name\nCông ty\n".encode("cp1258"),
            "x.csv",
            "file: not UTF-8 text (byte 6); save the file as 'CSV UTF-8' and try again",
            id="not-utf8",
        ),
    ],
)
def test_an_unreadable_file_is_refused_as_a_whole(expo, existing, content, filename, message):
    result = run(expo, content, filename)

    assert [str(error) for error in result.errors] == [message]
    assert table_counts() == existing


def test_a_csv_renamed_to_xlsx_is_refused(expo, existing):
    result = run(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS), "exhibitors.xlsx")

    assert [str(error) for error in result.errors] == [
        "file: not a readable .xlsx workbook (File is not a zip file); save it again as .xlsx"
    ]
    assert table_counts() == existing


def test_an_empty_workbook_is_refused(expo, existing):
    result = run(expo, xlsx_file([], []), "exhibitors.xlsx")

    assert [str(error) for error in result.errors] == [
        "file: the file is empty (expected a header row)"
    ]
    assert table_counts() == existing


def test_an_unknown_expo_is_refused(expo, existing):
    result = import_participants(
        expo_slug="caexpo-99",
        kind="exhibitors",
        filename="exhibitors.csv",
        content=csv_file(EXHIBITOR_HEADER, EXHIBITORS),
    )

    assert [str(error) for error in result.errors] == [
        "expo: unknown expo 'caexpo-99' (known expos: test-expo)"
    ]
    assert table_counts() == existing


def test_every_bad_row_is_listed_in_line_order(expo, existing):
    rows = [
        [*EXHIBITORS[0]],
        ["", "", "XX", "", "12345", "", "-1", "", "not-an-email", ""],
        [*EXHIBITORS[1]],
        ["Bangkok Robotics", "", "TH", "", "", "", "", "", "", "twice"],
    ]
    rows[0][COUNTRY] = "vn"  # lower case is fine

    result = run(expo, csv_file(EXHIBITOR_HEADER, rows), "exhibitors.csv")

    assert [str(error) for error in result.errors] == [
        "line 3: name: missing (every row needs an English name)",
        "line 3: country: unknown country code 'XX' (use ISO 3166 alpha-2, e.g. VN)",
        "line 3: hs_codes: bad HS code format '12345' (HS codes are 2, 4 or 6 digits, e.g. 85, "
        "8541 or 854143; keep the column as text so leading zeros stay)",
        "line 3: booth_area_m2: must be greater than 0, got '-1' (give square metres, e.g. 36)",
        "line 3: email: bad e-mail address 'not-an-email' (use one address, e.g. info@example.com)",
        "line 5: name: duplicate organisation 'Bangkok Robotics' (TH), already on line 4",
    ]
    assert (result.errors[0].line, result.errors[0].column) == (3, "name")
    assert table_counts() == existing


def test_xlsx_errors_use_the_sheet_row(expo, existing):
    rows: list[list[object]] = [list(EXHIBITORS[0]), [None] * 10, list(EXHIBITORS[1])]
    rows[2][AREA] = -4

    result = run(expo, xlsx_file(EXHIBITOR_HEADER, rows), "exhibitors.xlsx")

    assert [str(error) for error in result.errors] == [
        "line 4: booth_area_m2: must be greater than 0, got '-4' (give square metres, e.g. 36)"
    ]
    assert table_counts() == existing


def test_a_failure_while_writing_rolls_everything_back(expo, existing, monkeypatch):
    from django.db import IntegrityError

    from tradefair.organisations.services import imports

    def collide(*args, **kwargs):
        raise IntegrityError("organisation_name_unique_per_country")

    # Organisations and participations are already written when the trade lines collide.
    monkeypatch.setattr(imports._Writer, "_trade_lines", collide)
    result = run(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS))

    assert [str(error) for error in result.errors] == [
        "database: a concurrent change conflicted (organisation_name_unique_per_country); "
        "import again"
    ]
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert table_counts() == existing


def test_a_value_under_a_nameless_column_is_refused(expo, existing):
    header = [*EXHIBITOR_HEADER, ""]
    rows = [[*EXHIBITORS[0], "second half of the description"]]
    result = run(expo, csv_file(header, rows))

    assert [str(error) for error in result.errors] == [
        "line 2: row: 11 cells but the header names 10 columns (put values that contain commas "
        "in quotes, and give every column with values a name)"
    ]
    assert table_counts() == existing


def test_a_cell_beyond_the_csv_field_limit_is_refused_with_its_line(expo, existing):
    rows = [list(EXHIBITORS[0]), [*EXHIBITORS[1][:9], "x" * 200_000]]
    result = run(expo, csv_file(EXHIBITOR_HEADER, rows))

    assert len(result.errors) == 1
    assert str(result.errors[0]).startswith("line 3: row: unreadable CSV (field larger than")
    assert table_counts() == existing


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("th", "บรรทัดที่ 2: name: ไม่ได้ระบุ (ทุกแถวต้องมีชื่อภาษาอังกฤษ)"),
        ("en", "line 2: name: missing (every row needs an English name)"),
    ],
)
def test_the_refusal_reads_in_the_readers_language(expo, existing, language, message):
    with translation.override(language):
        result = run(expo, csv_file(EXHIBITOR_HEADER, with_cell(2, NAME, "")))
        assert [str(error) for error in result.errors] == [message]
    assert table_counts() == existing
