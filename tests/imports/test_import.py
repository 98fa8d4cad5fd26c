"""Good files create exactly the rows they describe; importing them again changes nothing."""

import math
from decimal import Decimal

import pytest

from tradefair.expos.models import Expo
from tradefair.floorplan.models import Pavilion
from tradefair.organisations.models import Need, Offer, Organisation, Participation
from tradefair.organisations.services.imports import import_participants

from .files import BUYER_HEADER, BUYERS, EXHIBITOR_HEADER, EXHIBITORS, csv_file, xlsx_file


def snapshot(model: type[Offer] | type[Need]) -> list[tuple]:
    """Every organisation with its participation and managed trade line, as plain values."""
    rows = []
    for p in Participation.objects.select_related("organisation", "pavilion").order_by("pk"):
        org = p.organisation
        lines = list(model.objects.filter(participation=p))
        rows.append(
            (
                org.name,
                org.name_zh,
                org.country_id,
                org.website,
                org.email,
                org.description,
                p.role,
                p.pavilion.code if p.pavilion else None,
                p.booth_area_m2,
                [
                    (
                        sorted(line.sectors.values_list("slug", flat=True)),
                        sorted(line.hs_codes.values_list("code", flat=True)),
                    )
                    for line in lines
                ],
            )
        )
    return rows


def import_exhibitors(expo: Expo, content: bytes, filename: str = "exhibitors.csv"):
    return import_participants(
        expo_slug=expo.slug, kind="exhibitors", filename=filename, content=content
    )


def test_a_good_csv_creates_organisations_participations_and_offers(expo, pavilions):
    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS))

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert snapshot(Offer) == [
        (
            "Saigon Solar Co., Ltd.",
            "西贡太阳能有限公司",
            "VN",
            "https://saigonsolar.example.vn",
            "sales@saigonsolar.example.vn",
            "Solar modules, made in Binh Duong.",
            "exhibitor",
            "vn",
            Decimal("36.00"),
            [(["artificial-intelligence", "green-economy"], ["8541", "854143"])],
        ),
        (
            "Bangkok Robotics",
            "",
            "TH",
            "",
            "",
            "",
            "exhibitor",
            "ai",
            Decimal("54.50"),
            [(["artificial-intelligence"], ["85"])],
        ),
        # No sectors or HS codes: no empty offer is created.
        (
            "Nanning Tea House",
            "南宁茶馆",
            "CN",
            "",
            "",
            "Guangxi green tea",
            "exhibitor",
            None,
            None,
            [],
        ),
    ]
    assert Need.objects.count() == 0
    assert set(Participation.objects.values_list("expo_id", flat=True)) == {expo.pk}
    solar = Participation.objects.get(organisation__name="Saigon Solar Co., Ltd.")
    # The directory's index knows the new rows: names, country, sectors and HS codes.
    for term in ("saigon solar", "西贡", "越南", "green economy", "854143"):
        assert term in solar.search_text


def test_a_good_xlsx_creates_buyers_with_needs(expo):
    rows = [list(BUYERS[0]), list(BUYERS[1])]
    rows[0][1] = None  # an empty cell reads as an empty string
    result = import_participants(
        expo_slug=expo.slug,
        kind="buyers",
        filename="BUYERS.XLSX",
        content=xlsx_file(BUYER_HEADER, rows),
    )

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert snapshot(Need) == [
        (
            "Jakarta Foods Tbk",
            "",
            "ID",
            "",
            "buy@jakartafoods.example.id",
            "",
            "buyer",
            None,
            None,
            [([], ["0101", "0902"])],
        ),
        (
            "Manila Importers Inc.",
            "",
            "PH",
            "https://mi.example.ph",
            "",
            "",
            "buyer",
            None,
            None,
            [(["blue-economy"], ["03"])],
        ),
    ]
    assert Offer.objects.count() == 0


def test_xlsx_number_cells_for_hs_codes_and_areas_are_read_as_text(expo, pavilions):
    row = list(EXHIBITORS[1])
    row[4] = 8541  # an HS heading typed as a number
    row[6] = 54.5  # the booth area as a number cell
    result = import_exhibitors(expo, xlsx_file(EXHIBITOR_HEADER, [row]), "exhibitors.xlsx")

    assert result.errors == []
    offer = Offer.objects.get()
    assert list(offer.hs_codes.values_list("code", flat=True)) == ["8541"]
    assert offer.participation.booth_area_m2 == Decimal("54.50")


def test_importing_the_same_file_again_changes_nothing(expo, pavilions):
    content = csv_file(EXHIBITOR_HEADER, EXHIBITORS)
    import_exhibitors(expo, content)
    before = snapshot(Offer)
    stamps = dict(Organisation.objects.values_list("pk", "updated_at"))
    offer_ids = sorted(Offer.objects.values_list("pk", flat=True))
    search = dict(Participation.objects.values_list("pk", "search_text"))

    again = import_exhibitors(expo, content)

    assert again.errors == []
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert snapshot(Offer) == before
    assert dict(Organisation.objects.values_list("pk", "updated_at")) == stamps
    assert sorted(Offer.objects.values_list("pk", flat=True)) == offer_ids
    assert dict(Participation.objects.values_list("pk", "search_text")) == search


def test_a_changed_row_updates_that_organisation_only(expo, pavilions):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS))
    stamps = dict(Organisation.objects.values_list("name", "updated_at"))
    rows = [list(row) for row in EXHIBITORS]
    rows[0][0] = "SAIGON SOLAR CO., LTD."  # same organisation: names match case-insensitively
    rows[0][4] = "854143"
    rows[0][9] = "Solar modules and inverters."
    rows[1][5] = "人工智能馆"  # the same pavilion, by its Chinese name
    rows[1][6] = "54.50"  # the same area, written differently

    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, rows))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    solar = Organisation.objects.get(country_id="VN")
    assert solar.name == "SAIGON SOLAR CO., LTD."
    assert solar.description == "Solar modules and inverters."
    assert solar.updated_at > stamps["Saigon Solar Co., Ltd."]
    assert Organisation.objects.get(country_id="TH").updated_at == stamps["Bangkok Robotics"]
    offer = Offer.objects.get(participation__organisation=solar)
    assert list(offer.hs_codes.values_list("code", flat=True)) == ["854143"]
    assert "inverters" in offer.participation.search_text
    assert Organisation.objects.count() == 3


def test_moving_an_exhibitor_to_another_pavilion_updates_the_participation(expo, pavilions):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS))
    rows = [list(row) for row in EXHIBITORS]
    rows[2][5] = "AI"
    rows[2][6] = "18"

    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, rows))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    tea = Participation.objects.get(organisation__name="Nanning Tea House")
    assert (tea.pavilion, tea.booth_area_m2) == (pavilions["ai"], Decimal("18.00"))


def test_a_buyer_that_already_exhibits_gets_a_second_role_not_a_second_organisation(
    expo, pavilions
):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]))
    buyer_row = [
        "saigon solar co., ltd.",
        "西贡太阳能有限公司",
        "vn",
        "",
        "8504",
        "https://saigonsolar.example.vn",
        "sales@saigonsolar.example.vn",
        "Solar modules, made in Binh Duong.",
    ]

    result = import_participants(
        expo_slug=expo.slug,
        kind="buyers",
        filename="buyers.csv",
        content=csv_file(BUYER_HEADER, [buyer_row]),
    )

    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    org = Organisation.objects.get()
    # Matched case-insensitively, then updated like any other field: the file is the truth.
    assert org.name == "saigon solar co., ltd."
    assert sorted(org.participations.values_list("role", flat=True)) == ["buyer", "exhibitor"]
    need = Need.objects.get()
    assert list(need.hs_codes.values_list("code", flat=True)) == ["8504"]


def test_blank_cells_keep_what_another_role_recorded(expo, pavilions):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]))
    before = Organisation.objects.values().get()
    exhibitor = Participation.objects.get(role="exhibitor")

    sparse_buyer = ["Saigon Solar Co., Ltd.", "", "VN", "", "8504", "", "", ""]
    result = import_participants(
        expo_slug=expo.slug,
        kind="buyers",
        filename="buyers.csv",
        content=csv_file(BUYER_HEADER, [sparse_buyer]),
    )

    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    assert Organisation.objects.values().get() == before
    assert Participation.objects.get(role="exhibitor").pavilion_id == exhibitor.pavilion_id
    assert list(Offer.objects.get().hs_codes.values_list("code", flat=True)) == ["8541", "854143"]


def test_a_blank_pavilion_or_area_keeps_the_exhibitor_where_it_is(expo, pavilions):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]))
    row = list(EXHIBITORS[0])
    row[5] = row[6] = ""

    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, [row]))

    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    participation = Participation.objects.get()
    assert (participation.pavilion.code, participation.booth_area_m2) == ("vn", Decimal("36"))


def test_the_import_manages_only_the_first_offer_of_a_participation(expo, pavilions):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]))
    participation = Participation.objects.get()
    first = Offer.objects.get()
    portal_offer = Offer.objects.create(participation=participation, title="Inverters")
    portal_offer.hs_codes.set(["8504"])
    rows = [list(EXHIBITORS[0])]
    rows[0][4] = "8541"

    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, rows))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert list(first.hs_codes.values_list("code", flat=True)) == ["8541"]
    assert list(portal_offer.hs_codes.values_list("code", flat=True)) == ["8504"]


def test_emptying_sectors_and_hs_codes_clears_the_managed_offer(expo, pavilions):
    import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]))
    rows = [list(EXHIBITORS[0])]
    rows[0][3] = rows[0][4] = ""

    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, rows))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    offer = Offer.objects.get()
    assert (offer.sectors.count(), offer.hs_codes.count()) == (0, 0)


def test_columns_may_come_in_any_order_and_blank_lines_are_skipped(expo, pavilions):
    header = list(reversed(EXHIBITOR_HEADER))
    rows = [list(reversed(EXHIBITORS[0])), [""] * 10, list(reversed(EXHIBITORS[1]))]

    result = import_exhibitors(expo, csv_file(header, rows))

    assert result.errors == []
    assert result.created == 2
    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "Bangkok Robotics",
        "Saigon Solar Co., Ltd.",
    ]


def test_progress_is_reported_per_phase(expo, pavilions):
    seen: list[tuple[str, int, int]] = []
    import_participants(
        expo_slug=expo.slug,
        kind="exhibitors",
        filename="x.csv",
        content=csv_file(EXHIBITOR_HEADER, EXHIBITORS),
        progress=lambda phase, done, total: seen.append((phase, done, total)),
    )
    assert [(phase, done, total) for phase, done, total in seen] == [
        ("organisations", 3, 3),
        ("participations", 3, 3),
        ("offers and needs", 3, 3),
        ("index", 3, 3),
    ]


@pytest.mark.parametrize("size", [1, 1200])
def test_large_files_are_written_in_batches(expo, size, django_assert_max_num_queries):
    rows = [[f"Buyer {n}", "", "MY", "digital-economy", "8471", "", "", ""] for n in range(size)]
    content = csv_file(BUYER_HEADER, rows)
    # A bounded number of queries per 500 rows (SQLite's batches are smaller), not a few per row.
    with django_assert_max_num_queries(25 * math.ceil(size / 500)):
        result = import_participants(
            expo_slug=expo.slug, kind="buyers", filename="b.csv", content=content
        )
    assert result.created == size
    assert Need.objects.filter(hs_codes="8471", sectors__slug="digital-economy").count() == size


def test_pavilion_names_resolve_within_the_expo_only(expo, pavilions):
    other = Expo.objects.create(
        slug="other",
        name="Other",
        city="Kunming",
        host_country_id="CN",
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    Pavilion.objects.create(
        expo=other, hall=pavilions["ai"].hall, code="ocean", name="Ocean", kind="themed", area_m2=1
    )
    row = list(EXHIBITORS[0])
    row[5] = "ocean"
    result = import_exhibitors(expo, csv_file(EXHIBITOR_HEADER, [row]))
    assert [str(e) for e in result.errors] == [
        "line 2: pavilion: unknown pavilion 'ocean' (use a pavilion code or name of this expo, "
        "e.g. ai)"
    ]
