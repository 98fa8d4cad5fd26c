"""Stored recommendations: the adapter's parties, the refresh (top k both ways, idempotent) and
the read queries (ranks, reasons in the reader's language, requests, pinned query counts).

The fair mirrors the engine's hand-made case (tests/engine/test_recommend.py), so the stored
ranks are the engine's exact rankings.
"""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from tradefair.engine.recommend import Party, TradeLine
from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall, Pavilion
from tradefair.matchmaking import tasks
from tradefair.matchmaking.adapters import recommend as adapter
from tradefair.matchmaking.adapters.recommend import expo_sides, parties_of
from tradefair.matchmaking.models import MeetingRequest, Recommendation
from tradefair.matchmaking.queries.recommendations import count_for, for_buyer, for_exhibitor
from tradefair.matchmaking.services.errors import InvalidRequest
from tradefair.matchmaking.services.recommendations import queue_refresh, refresh_recommendations
from tradefair.organisations.models import Need, Offer, Organisation, Participation

Role = Participation.Role
PV_CELLS = (
    "HS 854142 Electrical apparatus: photosensitive semiconductor devices, photovoltaic cells"
    " not assembled in…"
)
PV_HEADING = "HS 8541 Semiconductor devices"


def participant(
    expo: Expo,
    name: str,
    country: str,
    role: str,
    lines: list[tuple[list[str], list[str], list[str]]],
    **extra: object,
) -> Participation:
    """A participation with one need (buyer) or offer (exhibitor) per (codes, markets, sectors)."""
    organisation = Organisation.objects.create(name=name, country_id=country)
    participation = Participation.objects.create(
        expo=expo, organisation=organisation, role=role, **extra
    )
    model = Need if role == Role.BUYER else Offer
    for codes, markets, sectors in lines:
        line = model.objects.create(participation=participation)
        line.hs_codes.set(codes)
        line.markets.set(markets)
        line.sectors.set(Sector.objects.filter(slug__in=sectors))
    return participation


SOLAR, COFFEE = ["green-economy"], ["agriculture-food"]


@pytest.fixture
def fair(expo: Expo) -> dict[str, Participation]:
    """Three buyers and five exhibitors, named as in the engine's test."""
    b, e = Role.BUYER, Role.EXHIBITOR
    return {
        "b0": participant(expo, "Bangkok Solar", "TH", b, [(["8541", "854142"], ["CN"], SOLAR)]),
        "b1": participant(expo, "Hanoi Coffee", "VN", b, [(["0901"], ["ID"], COFFEE)]),
        "b2": participant(expo, "Penang Solar", "MY", b, [(["8541", "854142"], ["CN"], SOLAR)]),
        "e0": participant(expo, "Nanning PV", "CN", e, [(["8541", "854142"], ["TH"], SOLAR)]),
        "e1": participant(expo, "Liuzhou PV", "CN", e, [(["8541", "854142"], ["MY"], SOLAR)]),
        "e2": participant(expo, "Guilin PV", "CN", e, [(["8541", "854143"], ["TH"], SOLAR)]),
        "e3": participant(expo, "Java Beans", "ID", e, [(["0901", "090111"], ["VN"], COFFEE)]),
        "e4": participant(expo, "Sumatra Beans", "ID", e, [(["0901", "090111"], ["CN"], COFFEE)]),
    }


def stored(
    expo: Expo, fair: dict[str, Participation]
) -> set[tuple[str, str, int | None, int | None]]:
    name = {p.pk: key for key, p in fair.items()}
    return {
        (name[b], name[e], br, er)
        for b, e, br, er in Recommendation.objects.filter(expo=expo).values_list(
            "buyer_id", "exhibitor_id", "buyer_rank", "exhibitor_rank"
        )
    }


TOP_2 = {
    # Buyers' lists: b0 [e0, e2], b1 [e3, e4], b2 [e1, e0]; exhibitors': e0 [b0, b2],
    # e1 [b2, b0], e2 [b0, b2], e3 [b1], e4 [b1]. A pair in both lists is one row.
    ("b0", "e0", 1, 1),
    ("b0", "e2", 2, 1),
    ("b0", "e1", None, 2),
    ("b1", "e3", 1, 1),
    ("b1", "e4", 2, 1),
    ("b2", "e1", 1, 1),
    ("b2", "e0", 2, 2),
    ("b2", "e2", None, 2),
}


def sector_pk(slug: str) -> str:
    return str(Sector.objects.get(slug=slug).pk)


# A page's few lines are named by their ids; an edition's many by a subquery: both read alike.
@pytest.mark.parametrize("few_lines", [adapter.FEW_LINES, 0], ids=["by-ids", "by-subquery"])
def test_adapter_reads_lines_markets_sectors_and_texts(
    expo, fair, few_lines, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(adapter, "FEW_LINES", few_lines)
    hall = Hall.objects.create(expo=expo, code="A", name="Hall A", area_m2=1000)
    pavilion = Pavilion.objects.create(
        expo=expo,
        hall=hall,
        code="green",
        name="Green economy",
        kind=Pavilion.Kind.THEMED,
        sector=Sector.objects.get(slug="green-economy"),
        area_m2=500,
    )
    Participation.objects.filter(pk=fair["e0"].pk).update(pavilion=pavilion)
    Organisation.objects.filter(pk=fair["b0"].organisation_id).update(
        description="Solar farms", description_zh="太阳能电站"
    )
    need = Need.objects.get(participation=fair["b0"])
    need.title, need.title_zh, need.text, need.text_zh = "PV cells", "光伏电池", "Mono", "单晶"
    need.save()
    second = Need.objects.create(participation=fair["b0"], title="Inverters")
    second.hs_codes.set(["8504"])
    Participation.objects.create(  # neither side: not a party
        expo=expo,
        organisation=Organisation.objects.create(name="Trade Office", country_id="LA"),
        role=Role.DELEGATE,
    )
    green, coffee = sector_pk("green-economy"), sector_pk("agriculture-food")

    with django_assert_num_queries(3):  # participations, lines, their links
        sides = expo_sides(expo)

    assert sides.buyer_ids == [fair[k].pk for k in ("b0", "b1", "b2")]
    assert sides.exhibitor_ids == [fair[f"e{i}"].pk for i in range(5)]
    assert sides.buyers[0] == Party(
        id=str(fair["b0"].pk),
        country="TH",
        lines=(
            TradeLine(
                hs_codes=("8541", "854142"),
                sectors=(green,),
                markets=("CN",),
                title="PV cells",
                title_zh="光伏电池",
            ),
            TradeLine(hs_codes=("8504",), sectors=(), markets=(), title="Inverters"),
        ),
        text="Solar farms\n太阳能电站\nPV cells\n光伏电池\nMono\n单晶\nInverters\n\n\n",
        sectors=(),
    )
    assert sides.exhibitors[0].sectors == (green,)  # the themed pavilion's sector
    assert sides.exhibitors[3].lines == (
        TradeLine(hs_codes=("0901", "090111"), sectors=(coffee,), markets=("VN",)),
    )
    assert parties_of([fair["b1"].pk, fair["e3"].pk]) == {
        fair["b1"].pk: sides.buyers[1],
        fair["e3"].pk: sides.exhibitors[3],
    }


def test_refresh_stores_both_sides_top_k_and_is_idempotent(expo, fair):
    # k=3 lists the same 8 pairs: b0 and b2 rank a third exhibitor that already had a row.
    assert refresh_recommendations(expo=expo, k=3) == 8
    assert stored(expo, fair) - TOP_2 == {("b0", "e1", 3, 2), ("b2", "e2", 3, 2)}
    assert refresh_recommendations(expo=expo, k=2) == 8
    assert stored(expo, fair) == TOP_2
    first = list(
        Recommendation.objects.order_by("buyer_id", "exhibitor_id").values_list(
            "pk", "buyer_id", "exhibitor_id", "score", "buyer_rank", "exhibitor_rank"
        )
    )
    assert first[0][3] == pytest.approx(0.8)  # b0-e0: every component but the empty text

    assert refresh_recommendations(expo=expo, k=2) == 8
    again = list(
        Recommendation.objects.order_by("buyer_id", "exhibitor_id").values_list(
            "pk", "buyer_id", "exhibitor_id", "score", "buyer_rank", "exhibitor_rank"
        )
    )
    assert again == first  # same rows, ids included: nothing was rewritten


def test_refresh_replaces_only_its_own_editions_rows(expo, fair):
    refresh_recommendations(expo=expo, k=2)
    other = Expo.objects.create(
        slug="other",
        name="Other",
        city="Kunming",
        host_country_id="CN",
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    buyer = participant(other, "Yangon Solar", "MM", Role.BUYER, [(["854142"], [], SOLAR)])
    seller = participant(other, "Kunming PV", "CN", Role.EXHIBITOR, [(["854142"], [], SOLAR)])
    assert refresh_recommendations(expo=other, k=5) == 1
    Need.objects.filter(participation=fair["b1"]).delete()  # the coffee buyer needs nothing now

    kept = set(
        Recommendation.objects.filter(expo=expo)
        .exclude(buyer=fair["b1"])
        .values_list("pk", flat=True)
    )
    assert refresh_recommendations(expo=expo, k=2) == 6
    assert stored(expo, fair) == {row for row in TOP_2 if row[0] != "b1"}
    # Only the coffee buyer's rows changed: the others were left in place.
    assert set(Recommendation.objects.filter(expo=expo).values_list("pk", flat=True)) == kept
    assert list(
        Recommendation.objects.filter(expo=other).values_list(
            "buyer_id", "exhibitor_id", "buyer_rank", "exhibitor_rank"
        )
    ) == [(buyer.pk, seller.pk, 1, 1)]


@pytest.mark.parametrize("k", [0, 501])
def test_a_nonsense_list_length_is_refused_and_changes_nothing(expo, fair, k):
    refresh_recommendations(expo=expo, k=2)
    with pytest.raises(InvalidRequest, match=f"between 1 and 500, not {k}"):
        refresh_recommendations(expo=expo, k=k)
    assert stored(expo, fair) == TOP_2


def test_refresh_reports_progress_and_handles_an_empty_edition(expo):
    seen: list[tuple[str, float]] = []
    assert refresh_recommendations(expo=expo, progress=lambda p, s: seen.append((p, s))) == 0
    assert seen[0] == ("reading offers and needs", 0.0)
    assert seen[-1] == ("done", 1.0)
    assert Recommendation.objects.count() == 0


def test_a_buyer_reads_its_exhibitors_best_first_with_reasons(expo, fair):
    refresh_recommendations(expo=expo, k=2)
    found = for_buyer(fair["b0"])
    assert [(r.participation.pk, r.request) for r in found] == [
        (fair["e0"].pk, None),
        (fair["e2"].pk, None),
    ]
    assert found[0].score == pytest.approx(0.8)
    assert found[0].participation.organisation.name == "Nanning PV"
    assert found[0].reasons == [
        f"both trade {PV_CELLS}",
        "sources from China",
        "targets Thailand",
        "both in Green economy",
    ]
    assert found[1].reasons == [
        f"same HS heading: {PV_HEADING}",
        "sources from China",
        "targets Thailand",
        "both in Green economy",
    ]
    assert [r.participation.pk for r in for_buyer(fair["b0"], limit=1, offset=1)] == [fair["e2"].pk]
    assert for_buyer(fair["b0"], offset=2) == []
    assert for_buyer(fair["b0"], offset=10**30) == []  # far past any list: no query at all


def test_an_exhibitor_reads_its_buyers(expo, fair):
    refresh_recommendations(expo=expo, k=2)
    found = for_exhibitor(fair["e1"])
    assert [r.participation.organisation.name for r in found] == ["Penang Solar", "Bangkok Solar"]
    assert found[0].reasons == [
        f"both trade {PV_CELLS}",
        "sources from China",
        "targets Malaysia",
        "both in Green economy",
    ]
    # Bangkok sources from China but Liuzhou does not target Thailand.
    assert found[1].reasons == [
        f"both trade {PV_CELLS}",
        "sources from China",
        "both in Green economy",
    ]


def test_counts_follow_each_sides_list(expo, fair):
    refresh_recommendations(expo=expo, k=2)
    assert [count_for(fair[k]) for k in ("b0", "b1", "e0", "e3")] == [2, 2, 2, 1]
    delegate = Participation.objects.create(
        expo=expo, organisation=fair["b0"].organisation, role=Role.DELEGATE
    )
    assert count_for(delegate) == 0


def test_reasons_are_in_the_readers_language(expo, fair):
    refresh_recommendations(expo=expo, k=2)
    with translation.override("zh-hans"):
        found = for_buyer(fair["b0"])[0]
        # The phrases are whatever the catalogue says now; the names are Chinese already.
        expected = [
            gettext("both trade %(subject)s") % {"subject": PV_CELLS},
            gettext("sources from %(subject)s") % {"subject": "中国"},
            gettext("targets %(subject)s") % {"subject": "泰国"},
            gettext("both in %(subject)s") % {"subject": "绿色经济"},
        ]
    assert found.reasons == expected


def test_words_are_the_reason_when_text_is_the_only_signal(expo):
    buyer = participant(expo, "Solar Buyer", "VN", Role.BUYER, [(["0901"], [], [])])
    seller = participant(expo, "Solar Maker", "CN", Role.EXHIBITOR, [(["4001"], [], [])])
    Need.objects.filter(participation=buyer).update(text="Solar panels 光伏组件 for rooftops")
    Offer.objects.filter(participation=seller).update(text="Monocrystalline solar modules 光伏组件")
    for filler in range(4):  # n-grams in more than 30% of the texts carry no weight
        participant(expo, f"Rubber {filler}", "TH", Role.EXHIBITOR, [(["4002"], [], [])])
    refresh_recommendations(expo=expo, k=1)
    [found] = for_buyer(buyer)
    assert found.participation == seller
    quote = pgettext("a quoted word", "“%(word)s”")
    words = ", ".join(quote % {"word": w} for w in ("solar", "光伏", "伏组"))
    assert found.reasons == [f"both describe {words}"]


def test_the_open_or_else_latest_request_comes_with_each_recommendation(expo, fair):
    refresh_recommendations(expo=expo, k=2)
    b0, e0, e2 = fair["b0"], fair["e0"], fair["e2"]
    Status = MeetingRequest.Status
    pending = MeetingRequest.objects.create(expo=expo, buyer=b0, exhibitor=e0)
    MeetingRequest.objects.create(expo=expo, buyer=b0, exhibitor=e0, status=Status.DECLINED)
    MeetingRequest.objects.create(expo=expo, buyer=b0, exhibitor=e2, status=Status.DECLINED)
    latest = MeetingRequest.objects.create(
        expo=expo, buyer=b0, exhibitor=e2, status=Status.CANCELLED, from_exhibitor=True
    )
    found = for_buyer(b0)
    assert [r.request for r in found] == [pending, latest]
    assert [r.request.pk for r in for_exhibitor(e2)[:1] if r.request] == [latest.pk]


@pytest.mark.parametrize("limit", [1, 3])
def test_a_page_costs_the_same_queries_for_one_or_three(
    expo, fair, limit, django_assert_num_queries
):
    refresh_recommendations(expo=expo, k=3)
    MeetingRequest.objects.create(expo=expo, buyer=fair["b0"], exhibitor=fair["e2"])
    for_buyer(fair["b0"], limit=limit)  # the sector names are cached from here on
    # The page, its requests, the parties (participations, both sides' lines in one query, then
    # the codes, sectors and markets of both in one query); a buyer's list also reads its
    # scores and headings first.
    with django_assert_num_queries(6):
        found = for_buyer(fair["b0"], limit=limit)
        for item in found:
            assert item.participation.organisation.name
            if item.request:
                assert item.request.requester.organisation.name == "Bangkok Solar"
    assert len(found) == limit
    with django_assert_num_queries(5):
        assert len(for_exhibitor(fair["e0"], limit=limit)) == min(limit, 2)


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (101, 0), (20, -1)])
def test_nonsense_pages_are_refused(expo, fair, limit, offset):
    with pytest.raises(ValueError, match="limit must be 1 to 100"):
        for_buyer(fair["b0"], limit=limit, offset=offset)


def test_the_match_command_refreshes_an_edition(expo, fair):
    out = io.StringIO()
    call_command("match", "--expo", "test-expo", "--k", "2", "-v", "0", stdout=out)
    assert out.getvalue().startswith("Stored 8 recommendations for test-expo (top 2 each way) in ")
    assert stored(expo, fair) == TOP_2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--expo", "nope"], "--expo nope: no such edition (known: test-expo)"),
        (["--expo", "test-expo", "--k", "0"], "--k: The list length k must be between 1 and 500"),
    ],
)
def test_the_match_command_refuses_bad_input(expo, fair, args, message):
    with pytest.raises(CommandError, match=re.escape(message)) as refused:
        call_command("match", *args, "-v", "0")
    assert refused.value.returncode == 2
    assert Recommendation.objects.count() == 0


def test_the_task_takes_an_id_and_skips_a_deleted_edition(expo, fair):
    assert tasks.refresh_recommendations(expo.pk, 2) == 8
    assert tasks.refresh_recommendations(expo.pk + 1000) == 0
    assert stored(expo, fair) == TOP_2


def test_the_admin_lists_recommendations_read_only(expo, fair, admin_client):
    refresh_recommendations(expo=expo, k=2)
    url = reverse("admin:matchmaking_recommendation_changelist")
    response = admin_client.get(url + "?q=Hanoi")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2
    assert admin_client.get(reverse("admin:matchmaking_recommendation_add")).status_code == 403


def test_a_queued_refresh_runs_after_commit(expo, fair, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queue_refresh(expo=expo, k=2)
        assert Recommendation.objects.count() == 0
    assert len(callbacks) == 1
    assert stored(expo, fair) == TOP_2
    with pytest.raises(InvalidRequest):
        queue_refresh(expo=expo, k=0)
