"""Importing UN Comtrade's bulk CSV: the bulletin's columns kept, the rest counted as left out,
every bad cell named and nothing written then; the same file twice changes nothing; the
bulletin's trade block reads the seed's figures back from the demo's data."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tradefair.bulletin.figures import trade_block
from tradefair.demo.trade import draw_trade
from tradefair.trade.models import TradeFlow
from tradefair.trade.services.imports import import_trade

pytestmark = pytest.mark.django_db

HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
    "flowCode,partnerCode,partnerISO,partner2Code,classificationCode,cmdCode,customsCode,"
    "motCode,primaryValue"
)


def row(year="2025", month="1", period="202501", reporter="CHN", flow="X", partner="VNM",
        partner2="0", cmd="TOTAL", customs="C00", mot="0", value="1000.5") -> str:  # fmt: skip
    return (
        f"C,M,{period}01,{year},{month},{period},156,{reporter},{flow},704,{partner},{partner2},"
        f"HS,{cmd},{customs},{mot},{value}"
    )


def _import(*rows: str):
    return import_trade(text=io.StringIO("\n".join([HEADER, *rows]) + "\n"))


def test_kept_rows_and_counted_leftovers():
    result = _import(
        row(),
        row(flow="M", value="250"),
        row(cmd="85", value="400"),
        row(partner="W00", value="9000"),
        row(year="2024", month="52", period="2024", value="12000"),
        row(flow="RX"),  # re-exports: not used
        row(cmd="8517"),  # finer than a chapter
        row(partner2="704"),  # a breakdown by second partner
    )
    assert result.ok, result.errors
    assert (result.written, result.new) == (5, 5)
    assert sum(result.skipped.values()) == 3
    assert "Left out, not used by the bulletin" in result.summary()
    annual = TradeFlow.objects.get(year=2024)
    assert (annual.month, annual.value_usd) == (0, Decimal("12000.00"))
    again = _import(row(), row(flow="M", value="250"))
    assert (again.written, again.new) == (2, 0)
    assert TradeFlow.objects.count() == 5


def test_every_bad_cell_is_named_and_nothing_is_written():
    result = _import(
        row(),
        row(year="19x5"),
        row(month="13", period="202513"),
        row(period="202502"),
        row(reporter="XXX"),
        row(partner="ZZZ"),
        row(cmd="ABC"),
        row(value="-4"),
        row(),  # the same flow as line 2
        row(year="2\u00b2"),  # a superscript two: isdigit() said yes, int() raised
    )
    assert not result.ok
    assert [(e.line, e.column) for e in result.errors] == [
        (3, "refYear"),
        (4, "refMonth"),
        (5, "period"),
        (6, "reporterISO"),
        (7, "partnerISO"),
        (8, "cmdCode"),
        (9, "primaryValue"),
        (10, "period"),
        (11, "refYear"),
    ]
    assert str(result.errors[3]) == (
        "line 6: reporterISO: 'XXX' is not an ISO 3166 alpha-3 code (e.g. CHN)"
    )
    assert not TradeFlow.objects.exists()
    header = import_trade(text=io.StringIO("refYear,flowCode\n2025,X\n"))
    assert str(header.errors[0]).startswith("line 1: header: missing columns: refMonth, period")


def test_the_command(tmp_path, capsys):
    good = tmp_path / "comtrade.csv"
    good.write_text("\n".join([HEADER, row()]) + "\n", encoding="utf-8")
    call_command("importtrade", str(good))
    assert "1 rows written (1 new)" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([HEADER, row(value="lots")]) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 error"):
        call_command("importtrade", str(bad))


def test_the_bulletin_reads_the_seed_figures_from_the_demo_data():
    TradeFlow.objects.bulk_create(
        TradeFlow(
            year=r.year,
            month=r.month,
            reporter="CHN",
            partner=r.partner,
            flow=r.flow,
            commodity=r.commodity,
            value_usd=r.value_usd,
            illustrative=True,
        )
        for r in draw_trade()
    )
    block = trade_block()
    assert block is not None
    assert (block["months"], block["value_usd"]) == ("2025-01/2025-07", 597_000_000_000.0)
    assert (block["growth"], block["share_of_foreign_trade"]) == (0.082, 0.167)
    assert block["illustrative"] is True
    assert [p["country"] for p in block["by_partner"]][:3] == ["VN", "MY", "ID"]
    assert block["by_chapter"][0]["chapter"] == "85"


def test_no_statistics_no_block():
    assert trade_block() is None


def test_the_import_bar_says_its_phases_and_rows_in_the_readers_words():
    """``tradefair import trade`` draws the service's phases: each has words in the table every
    import command reads; the summary groups its counts as the reader does."""
    from django.utils import translation

    from tradefair.organisations.queries.import_progress import PHASES, phase_label

    seen: list[str] = []
    text = io.StringIO("\n".join([HEADER, row(), row(flow="M")]) + "\n")
    result = import_trade(text=text, progress=lambda phase, _done, _total: seen.append(phase))
    assert (
        result.ok and seen and [phase for phase in [*seen, "checking"] if phase not in PHASES] == []
    )
    with translation.override("vi"):
        assert (phase_label("checking"), phase_label("writing")) == (
            "Đang kiểm tra từng dòng",
            "Đang lưu các dòng",
        )
        result.written, result.new = 12_345, 2_000
        assert result.summary() == "Thống kê thương mại: đã ghi 12.345 dòng (2.000 dòng mới)."
