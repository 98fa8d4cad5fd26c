"""The optional ``name_local`` and ``name_local_language`` columns: imported, exported, and
refused with the row and the fix when one comes without the other or the language is unknown."""

import pytest

from tradefair.organisations.models import Organisation
from tradefair.organisations.services.exports import export_participants
from tradefair.organisations.services.imports import import_participants

from .files import EXHIBITOR_HEADER, EXHIBITORS, csv_file, table_counts, xlsx_file

HEADER = [*EXHIBITOR_HEADER, "name_local", "name_local_language"]
THAI = "บริษัท บางกอก โรโบติกส์ จำกัด"
VIETNAMESE = "Công ty TNHH Năng lượng Mặt trời Sài Gòn"


def rows(*local: tuple[str, str]) -> list[list[str]]:
    """The exhibitors file's rows, each with the given local name and language."""
    return [
        [*row, name, language] for row, (name, language) in zip(EXHIBITORS, local, strict=False)
    ]


def run(expo, content: bytes, filename: str = "exhibitors.csv"):
    return import_participants(
        expo_slug=expo.slug, kind="exhibitors", filename=filename, content=content
    )


@pytest.mark.parametrize("make", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_local_names_are_imported_and_exported_again(expo, pavilions, make):
    filename = "e.csv" if make is csv_file else "e.xlsx"
    result = run(expo, make(HEADER, rows((VIETNAMESE, "vi"), (THAI, "TH"), ("", ""))), filename)

    assert result.errors == []
    assert dict(Organisation.objects.values_list("name", "name_local")) == {
        "Saigon Solar Co., Ltd.": VIETNAMESE,
        "Bangkok Robotics": THAI,
        "Nanning Tea House": "",
    }
    assert Organisation.objects.get(name="Bangkok Robotics").name_local_language == "th"
    exported = export_participants(expo_slug=expo.slug, kind="exhibitors", filename="out.csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[1].endswith(f",{THAI},th")
    again = run(expo, exported.content)
    assert (again.errors, again.unchanged) == ([], 3)


def test_a_file_without_the_columns_keeps_the_stored_local_names(expo, pavilions):
    run(expo, csv_file(HEADER, rows((VIETNAMESE, "vi"))))
    result = run(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]))
    assert result.errors == []
    assert Organisation.objects.get(name__startswith="Saigon").name_local == VIETNAMESE


@pytest.mark.parametrize(
    ("local", "message"),
    [
        (
            (VIETNAMESE, ""),
            "line 2: name_local_language: Say which language the local name is in.",
        ),
        (("", "vi"), "line 2: name_local: Give the local name, or leave its language empty."),
        (
            (VIETNAMESE, "vietnamese"),
            "line 2: name_local_language: 'vietnamese' is not a language code; give its two "
            "letters, e.g. th, vi, id or ms.",
        ),
        (
            ("x" * 201, "vi"),
            "line 2: name_local: too long (201 characters, at most 200)",
        ),
    ],
    ids=["no-language", "no-name", "unknown-language", "too-long"],
)
def test_a_bad_local_name_is_named_and_nothing_is_imported(expo, pavilions, local, message):
    before = table_counts()
    result = run(expo, csv_file(HEADER, rows(local)))
    assert [str(error) for error in result.errors] == [message]
    assert table_counts() == before


def test_the_header_may_not_repeat_an_optional_column(expo, pavilions):
    result = run(expo, csv_file([*HEADER, "name_local"], []))
    assert [str(e) for e in result.errors] == [
        "line 1: header: repeated column 'name_local' (the header for exhibitors is: "
        "name,name_zh,country,sectors,hs_codes,pavilion,booth_area_m2,website,email,"
        "description, optionally followed by name_local,name_local_language)"
    ]
