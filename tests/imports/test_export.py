"""The export writes the import's columns, so export → import changes nothing."""

import io

import pytest
from openpyxl import load_workbook

from tradefair.organisations.models import Offer, Organisation
from tradefair.organisations.services.exports import ExportError, export_participants
from tradefair.organisations.services.imports import import_participants

from .files import BUYER_HEADER, BUYERS, EXHIBITOR_HEADER, EXHIBITORS, csv_file, table_counts


@pytest.fixture
def imported(expo, pavilions):
    for kind, header, rows in (
        ("exhibitors", EXHIBITOR_HEADER, EXHIBITORS),
        ("buyers", BUYER_HEADER, BUYERS),
    ):
        result = import_participants(
            expo_slug=expo.slug, kind=kind, filename="f.csv", content=csv_file(header, rows)
        )
        assert result.errors == []


def test_the_csv_export_has_the_import_columns_sorted_by_name(expo, imported):
    result = export_participants(expo_slug=expo.slug, kind="exhibitors", filename="out.csv")

    assert (result.rows, result.content_type) == (3, "text/csv; charset=utf-8")
    assert result.content.startswith(b"\xef\xbb\xbf")  # so Excel reads the Chinese as UTF-8
    assert result.content.decode("utf-8-sig").splitlines() == [
        "name,name_zh,country,sectors,hs_codes,pavilion,booth_area_m2,website,email,description,"
        "name_local,name_local_language",
        "Bangkok Robotics,,TH,artificial-intelligence,85,ai,54.5,,,,,",
        "Nanning Tea House,南宁茶馆,CN,,,,,,,Guangxi green tea,,",
        '"Saigon Solar Co., Ltd.",西贡太阳能有限公司,VN,artificial-intelligence;green-economy,'
        "8541;854143,vn,36,https://saigonsolar.example.vn,sales@saigonsolar.example.vn,"
        '"Solar modules, made in Binh Duong.",,',
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["exhibitors", "buyers"])
def test_export_then_import_changes_nothing(expo, imported, kind, suffix):
    exported = export_participants(expo_slug=expo.slug, kind=kind, filename=f"out{suffix}")
    before = export_participants(expo_slug=expo.slug, kind=kind, filename="before.csv")
    counts = table_counts()
    stamps = dict(Organisation.objects.values_list("pk", "updated_at"))

    result = import_participants(
        expo_slug=expo.slug, kind=kind, filename=f"out{suffix}", content=exported.content
    )

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (0, 0, exported.rows)
    assert table_counts() == counts
    assert dict(Organisation.objects.values_list("pk", "updated_at")) == stamps
    after = export_participants(expo_slug=expo.slug, kind=kind, filename="after.csv")
    assert after.content == before.content


def test_the_xlsx_export_keeps_hs_codes_as_text_and_areas_as_numbers(expo, imported):
    result = export_participants(expo_slug=expo.slug, kind="buyers", filename="out.xlsx")

    sheet = load_workbook(io.BytesIO(result.content)).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [*BUYER_HEADER, "name_local", "name_local_language"]
    assert rows[1][:5] == ["Jakarta Foods Tbk", None, "ID", None, "0101;0902"]

    exhibitors = export_participants(expo_slug=expo.slug, kind="exhibitors", filename="e.xlsx")
    sheet = load_workbook(io.BytesIO(exhibitors.content)).worksheets[0]
    areas = [row[6].value for row in sheet.iter_rows(min_row=2)]
    assert areas == [54.5, None, 36]


def test_a_description_that_looks_like_a_formula_stays_text_in_xlsx(expo, pavilions):
    row = list(EXHIBITORS[2])
    row[9] = "=1+1"
    import_participants(
        expo_slug=expo.slug,
        kind="exhibitors",
        filename="f.csv",
        content=csv_file(EXHIBITOR_HEADER, [row]),
    )
    result = export_participants(expo_slug=expo.slug, kind="exhibitors", filename="out.xlsx")

    cell = load_workbook(io.BytesIO(result.content)).worksheets[0]["J2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_the_export_reads_only_the_managed_offer(expo, imported):
    solar = Offer.objects.get(participation__organisation__name="Saigon Solar Co., Ltd.")
    extra = Offer.objects.create(participation=solar.participation, title="Inverters")
    extra.hs_codes.set(["8504"])

    result = export_participants(expo_slug=expo.slug, kind="exhibitors", filename="out.csv")

    assert "8504" not in result.content.decode("utf-8-sig")


def test_an_unknown_expo_or_file_type_is_refused(expo):
    with pytest.raises(ExportError, match=r"unknown expo 'nope' \(known expos: test-expo\)"):
        export_participants(expo_slug="nope", kind="buyers", filename="out.csv")
    with pytest.raises(
        ExportError, match=r"unsupported file type '\.json' \(use \.csv or \.xlsx\)"
    ):
        export_participants(expo_slug=expo.slug, kind="buyers", filename="out.json")
