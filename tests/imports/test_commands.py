"""``tradefair import`` and ``tradefair export``: the same services, exit status for scripts."""

import pytest
from django.db import connections
from django.utils import translation

from tradefair.cli import main
from tradefair.organisations.models import Organisation
from tradefair.organisations.services.imports import ImportResult, Kind

from .files import EXHIBITOR_HEADER, EXHIBITORS, csv_file, table_counts


def tradefair(*args: str) -> int:
    """Run the console command as a shell would and return its exit status."""
    try:
        main(["tradefair", *args])
    except SystemExit as exit:
        return int(exit.code or 0)
    return 0


@pytest.fixture(autouse=True)
def keep_test_connection(monkeypatch):
    """run_from_argv closes every connection when it ends, which would end the test's
    transaction on PostgreSQL; the exit status is what these tests are about."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "exhibitors.csv"
    path.write_bytes(csv_file(EXHIBITOR_HEADER, EXHIBITORS))
    return path


def test_import_prints_the_counts_and_exits_zero(expo, pavilions, good_file, capsys):
    assert tradefair("import", "exhibitors", str(good_file), "--expo", expo.slug) == 0
    assert capsys.readouterr().out.strip() == (
        "Exhibitors of test-expo: 3 created, 0 updated, 0 unchanged"
    )

    assert tradefair("import", "exhibitors", str(good_file), "--expo", expo.slug) == 0
    assert capsys.readouterr().out.strip() == (
        "Exhibitors of test-expo: 0 created, 0 updated, 3 unchanged"
    )


def test_the_summary_names_the_kind_and_groups_the_counts_the_readers_way():
    result = ImportResult(kind=Kind.EXHIBITORS, expo="test-expo", created=1234, unchanged=5)
    with translation.override("vi"):
        said = result.summary()
    assert said == "Đơn vị triển lãm của test-expo: 1.234 tạo mới, 0 cập nhật, 5 không đổi"


def test_a_bad_file_exits_non_zero_with_every_error_on_stderr(expo, pavilions, tmp_path, capsys):
    rows = [list(row) for row in EXHIBITORS]
    rows[0][2] = "XX"
    rows[2][0] = ""
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_file(EXHIBITOR_HEADER, rows))
    counts = table_counts()

    assert tradefair("import", "exhibitors", str(path), "--expo", expo.slug) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "line 2: country: unknown country code 'XX' (use ISO 3166 alpha-2, e.g. VN)",
        "line 4: name: missing (every row needs an English name)",
        "CommandError: 2 errors in bad.csv; nothing imported.",
    ]
    assert table_counts() == counts


def test_an_unknown_expo_exits_non_zero(expo, good_file, capsys):
    assert tradefair("import", "buyers", str(good_file), "--expo", "caexpo-99") == 1
    err = capsys.readouterr().err
    assert "expo: unknown expo 'caexpo-99' (known expos: test-expo)" in err
    assert Organisation.objects.count() == 0


def test_a_missing_file_exits_non_zero(expo, tmp_path, capsys):
    missing = tmp_path / "nope.csv"
    assert tradefair("import", "buyers", str(missing), "--expo", expo.slug) == 1
    assert f"CommandError: file: cannot read {missing} (No such file or directory)" in (
        capsys.readouterr().err
    )


def test_export_writes_a_file_the_import_reads_back_unchanged(
    expo, pavilions, good_file, tmp_path, capsys
):
    tradefair("import", "exhibitors", str(good_file), "--expo", expo.slug)
    out = tmp_path / "out.xlsx"

    assert tradefair("export", "exhibitors", "--expo", expo.slug, "-o", str(out)) == 0
    assert f"3 exhibitors written to {out}" in capsys.readouterr().out

    assert tradefair("import", "exhibitors", str(out), "--expo", expo.slug) == 0
    assert capsys.readouterr().out.strip() == (
        "Exhibitors of test-expo: 0 created, 0 updated, 3 unchanged"
    )


def test_export_to_an_unsupported_type_exits_non_zero(expo, tmp_path, capsys):
    out = tmp_path / "out.json"
    assert tradefair("export", "buyers", "--expo", expo.slug, "-o", str(out)) == 1
    assert "unsupported file type '.json' (use .csv or .xlsx)" in capsys.readouterr().err
    assert not out.exists()
