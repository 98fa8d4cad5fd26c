"""The deals import: a good file records every deal and changes the totals exactly; a file
with bad rows is refused whole with every bad cell named; re-importing changes nothing; a
deal never moves back a stage; the export reads back as the same deals."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from openpyxl import Workbook, load_workbook

from tests.deals.conftest import Parties
from tradefair.bulletin.figures import bulletin_data
from tradefair.cli import main
from tradefair.deals.models import Deal, DealParty
from tradefair.deals.queries.figures import deal_figures
from tradefair.deals.services.exports import export_deals
from tradefair.deals.services.imports import import_deals
from tradefair.deals.services.imports_parse import COLUMNS

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD = [
    # reference, kind, title, title_zh, parties, counterpart_country, sector, hs_codes, value,
    # currency, stage, signed_on, public
    "CAE22-001,investment,Beibu Gulf cold-chain logistics park,北部湾冷链物流园,"
    "Straits Capital Berhad;Beibu Gulf Port Group,MY,,,1200000000,CNY,signed,2025-09-17,yes",
    "CAE22-002,trade,Durian and dragon fruit purchase,,"
    'Mekong Fresh Fruit JSC;北部湾港集团,VN,agriculture-food,"0810;081090",'
    '"2,500,000.50",USD,contract,2025-09-18,yes',
    "CAE22-003,cooperation,Port alliance memorandum,,"
    "partner=Golden Dragon Trading (TH);Beibu Gulf Port Group,TH,,,0,VND,intention,,no",
]


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def _import(expo, content: bytes, filename: str = "deals.csv"):
    return import_deals(expo=expo, filename=filename, content=content)


def test_a_good_file_records_every_deal_with_its_parties(expo, parties: Parties):
    result = _import(expo, _csv(*GOOD))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    park = Deal.objects.get(reference="CAE22-001")
    assert (park.kind, park.value, park.currency, park.stage) == (
        "investment",
        Decimal("1200000000.00"),
        "CNY",
        "signed",
    )
    assert park.signed_on == dt.date(2025, 9, 17)
    assert park.review == Deal.Review.APPROVED  # the organisers' own record counts at once
    assert [(p.organisation, p.role) for p in park.parties.all()] == [
        (parties.fund, DealParty.Role.INVESTOR),
        (parties.port, DealParty.Role.PROJECT_OWNER),
    ]
    fruit = Deal.objects.get(reference="CAE22-002")
    assert fruit.value == Decimal("2500000.50")
    assert fruit.sector is not None and fruit.sector.slug == "agriculture-food"
    assert sorted(fruit.hs_codes.values_list("code", flat=True)) == ["0810", "081090"]
    assert [(p.organisation, p.role) for p in fruit.parties.all()] == [
        (parties.fruit, DealParty.Role.BUYER),
        (parties.port, DealParty.Role.SELLER),
    ]
    memo = Deal.objects.get(reference="CAE22-003")
    assert memo.public is False and memo.signed_on is None
    assert [(p.organisation, p.role) for p in memo.parties.all()] == [
        (parties.twin_th, DealParty.Role.PARTNER),
        (parties.port, DealParty.Role.PARTNER),
    ]


def test_the_same_file_again_changes_nothing(expo, parties):
    assert _import(expo, _csv(*GOOD)).ok
    stamps = dict(Deal.objects.values_list("reference", "updated_at"))
    again = _import(expo, _csv(*GOOD))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert dict(Deal.objects.values_list("reference", "updated_at")) == stamps
    assert DealParty.objects.count() == 6


def test_totals_change_exactly_by_the_file(expo, parties):
    before = deal_figures(expo)
    assert (before.count, before.value_usd, before.value_cny) == (0, 0, 0)
    assert _import(expo, _csv(*GOOD)).ok
    after = deal_figures(expo)
    # 1.2 bn CNY, 2,500,000.50 USD and 0 VND, at the conftest's rates.
    usd = Decimal("1200000000") * Decimal("0.1404") + Decimal("2500000.50")
    cny = Decimal("1200000000") + Decimal("2500000.50") * Decimal("7.12")
    assert after.count == 3
    assert after.value_usd == usd.quantize(Decimal("0.01"))
    assert after.value_cny == cny.quantize(Decimal("0.01"))
    assert after.by_kind["investment"].count == 1
    assert after.by_kind["trade"].value_usd == Decimal("2500000.50")
    assert after.by_kind["cooperation"].count == 1  # figures-only deals still count


def test_the_bulletin_json_carries_the_deals_block(expo, parties):
    assert _import(expo, _csv(*GOOD)).ok
    deals = bulletin_data(expo)["deals"]
    assert deals["count"] == 3
    assert deals["value_usd"] == pytest.approx(168_480_000 + 2_500_000.50)
    assert deals["exchange_rates"]["CNY"] == {"usd": 0.1404, "cny": 1.0, "as_of": "2025-09-16"}
    assert deals["by_kind"]["trade"] == {
        "count": 1,
        "value_usd": 2_500_000.5,
        "value_cny": pytest.approx(17_800_003.56),
    }
    assert deals["currencies_without_rate"] == []


BAD_ROWS = [
    # line 2: unknown kind, no title, an outsider and an unknown party, bad country
    "B-1,loan,,,Nobody At The Fair Ltd;Acme Nowhere,XX,,,10,USD,signed,2025-09-17,yes",
    # line 3: ambiguous party, HS codes on an investment, unknown sector, value negative
    "B-2,investment,Twin,,Golden Dragon Trading,CN,space-mining,0810,-5,USD,intention,,yes",
    # line 4: not a currency, a currency without a rate, bad stage, bad date, bad public
    "B-3,trade,Order,,Mekong Fresh Fruit JSC,VN,,08A1,1.005,XYZ,done,17/09/2025,maybe",
    # line 5: no rate for THB; signed without a date
    "B-4,trade,Rice order,,Mekong Fresh Fruit JSC,VN,,,100,THB,contract,,yes",
    # line 6: the reference of line 2 again
    "b-1,trade,Again,,Mekong Fresh Fruit JSC,VN,,,1,USD,intention,,yes",
]


def test_a_file_with_bad_rows_is_refused_whole_naming_every_bad_cell(expo, parties):
    result = _import(expo, _csv(*GOOD, *BAD_ROWS))
    assert not result.ok
    assert Deal.objects.count() == 0
    named = {(e.line, e.column) for e in result.errors}
    assert named >= {
        (5, "kind"),
        (5, "title"),
        (5, "parties"),
        (5, "counterpart_country"),
        (6, "parties"),
        (6, "sector"),
        (6, "hs_codes"),
        (6, "value"),
        (7, "hs_codes"),
        (7, "value"),
        (7, "currency"),
        (7, "stage"),
        (7, "signed_on"),
        (7, "public"),
        (8, "currency"),
        (8, "signed_on"),
        (9, "reference"),
    }
    text = "\n".join(str(e) for e in result.errors)
    assert "line 5: parties: 'Nobody At The Fair Ltd' takes no part in this expo" in text
    assert "line 6: parties: 'Golden Dragon Trading' names 2 organisations (CN, TH)" in text
    assert "line 6: hs_codes: only trade orders carry HS codes" in text
    assert "line 7: currency: 'XYZ' is not an ISO 4217 currency code" in text
    assert "line 8: currency: this expo has no exchange rate for THB" in text
    assert "line 9: reference: b-1 is also on line 5" in text
    assert [e.line for e in result.errors] == sorted(e.line for e in result.errors)


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (
            "reference,kind,title",
            "missing columns: parties, counterpart_country, value, currency, stage",
        ),
        (HEADER + ",colour", "unknown columns: colour"),
        (HEADER + ",value", "repeated columns: value"),
    ],
)
def test_a_bad_header_is_named_with_the_columns(expo, parties, header, reason):
    result = _import(expo, _csv(GOOD[0], header=header))
    assert [str(e).split(" (")[0] for e in result.errors] == [f"line 1: header: {reason}"]


def test_a_deal_never_moves_back_a_stage(expo, parties):
    assert _import(expo, _csv(*GOOD)).ok
    back = GOOD[1].replace(",contract,", ",signed,")
    result = _import(expo, _csv(back))
    assert [str(e) for e in result.errors] == [
        "line 2: stage: CAE22-002 is already at stage 'contract'; a deal never moves back "
        "(to 'signed')"
    ]
    forward = GOOD[1].replace(",contract,", ",implemented,")
    moved = _import(expo, _csv(forward))
    assert (moved.updated, moved.unchanged) == (1, 0)
    assert Deal.objects.get(reference="CAE22-002").stage == "implemented"


def test_the_export_reads_back_as_the_same_deals(expo, parties):
    assert _import(expo, _csv(*GOOD)).ok
    for name in ("deals.csv", "deals.xlsx"):
        exported = export_deals(expo=expo, filename=name)
        assert exported.rows == 3
        again = _import(expo, exported.content, filename=name)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 3), again.errors


def test_an_xlsx_file_with_numbers_and_dates_as_cells(expo, parties):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(COLUMNS)
    text = ["X-1", "trade", "Cashew order", "", "Mekong Fresh Fruit JSC", "VN", "", "0801"]
    sheet.append([*text, 125000.5, "USD", "signed", dt.datetime(2025, 9, 19), "yes"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = _import(expo, buffer.getvalue(), filename="deals.xlsx")
    assert result.ok, result.errors
    deal = Deal.objects.get(reference="X-1")
    assert (deal.value, deal.signed_on) == (Decimal("125000.50"), dt.date(2025, 9, 19))


def test_the_commands_import_and_export(expo, parties, tmp_path, capsys):
    good = tmp_path / "deals.csv"
    good.write_bytes(_csv(*GOOD))
    call_command("importdeals", str(good), expo=expo.slug)
    assert "3 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    out = tmp_path / "out.xlsx"
    call_command("exportdeals", expo=expo.slug, output=out)
    sheet = load_workbook(out, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert [r[0] for r in rows[1:]] == ["CAE22-001", "CAE22-002", "CAE22-003"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv(*BAD_ROWS))
    with pytest.raises(CommandError, match=r"18 errors in bad.csv; nothing imported"):
        call_command("importdeals", str(bad), expo=expo.slug)
    assert "line 2: kind: 'loan' is not a kind of deal" in capsys.readouterr().err


def test_the_tradefair_command_dispatches_import_and_export_deals(
    expo, parties, tmp_path, monkeypatch
):
    """``tradefair import deals`` and ``tradefair export deals``, as a shell runs them."""
    # run_from_argv closes every connection when it ends, which would end the test's
    # transaction on PostgreSQL.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    good = tmp_path / "deals.csv"
    good.write_bytes(_csv(*GOOD))
    main(["tradefair", "import", "deals", str(good), "--expo", expo.slug])
    assert Deal.objects.filter(expo=expo).count() == 3
    out = tmp_path / "deals-out.csv"
    main(["tradefair", "export", "deals", "--expo", expo.slug, "-o", str(out)])
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == HEADER
    with pytest.raises(SystemExit) as exit:
        main(["tradefair", "import", "deals", str(good), "--expo", "no-such-expo"])
    assert exit.value.code == 1
