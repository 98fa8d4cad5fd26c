"""Reading recommendations as a new buyer would: exhibitors already requested are left out by
default (a toggle shows them) and a page still holds ten; reasons name the product that matched
in the reader's language; stored buyer lists are diverse; pinned query counts; the API's
parameter."""

from collections import Counter
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from tests.matchmaking.conftest import Party, make_party_in
from tradefair.api.auth import issue_token
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import MeetingRequest, Recommendation
from tradefair.matchmaking.queries.recommendations import (
    ListSize,
    count_for,
    for_buyer,
    for_exhibitor,
    list_size,
)
from tradefair.matchmaking.services.recommendations import refresh_recommendations
from tradefair.organisations.models import Need, Offer, Organisation, Participation

Role = Participation.Role
Status = MeetingRequest.Status
HOME = reverse("buyer:home", args=("test-expo",))
API = "/api/v1/expos/test-expo/recommendations"


def line(participation: Participation, codes: list[str], markets: list[str], **titles: str) -> None:
    """A need (buyer) or an offer (exhibitor) with these codes, markets and titles."""
    model = Need if participation.role == Role.BUYER else Offer
    made = model.objects.create(participation=participation, **titles)
    made.hs_codes.set(codes)
    made.markets.set(markets)


def seller(expo: Expo, name: str, codes: list[str], **titles: str) -> Participation:
    organisation = Organisation.objects.create(name=name, country_id="CN")
    participation = Participation.objects.create(
        expo=expo, organisation=organisation, role=Role.EXHIBITOR
    )
    line(participation, codes, ["VN"], **titles)
    return participation


@dataclass
class Fair:
    buyer: Party
    sellers: list[Participation]  # sellers[i] is at buyer rank i + 1


@pytest.fixture
def fair(expo: Expo) -> Fair:
    buyer = make_party_in(expo, "Saigon Fresh Foods", Role.BUYER)
    line(
        buyer.participation,
        ["8479"],
        ["CN"],
        title="Fruit packing machines",
        title_zh="水果包装机",
    )
    return Fair(buyer, [])


def recommend(fair: Fair, count: int) -> list[Participation]:
    """``count`` more sellers of packing arms, ranked after those already listed."""
    expo = fair.buyer.participation.expo
    for _ in range(count):
        rank = len(fair.sellers) + 1
        made = seller(expo, f"Packer {rank}", ["8479", "847950"], title="Packing arm")
        Recommendation.objects.create(
            expo=expo,
            buyer=fair.buyer.participation,
            exhibitor=made,
            score=1 - rank / 100,
            buyer_rank=rank,
        )
        fair.sellers.append(made)
    return fair.sellers[-count:]


def ask(fair: Fair, exhibitor: Participation, status: str, **extra: object) -> MeetingRequest:
    return MeetingRequest.objects.create(
        expo=exhibitor.expo,
        buyer=fair.buyer.participation,
        exhibitor=exhibitor,
        status=status,
        **extra,
    )


def shown(fair: Fair, response) -> list[int]:
    """Buyer ranks of the cards on the dashboard."""
    rank = {p.pk: i + 1 for i, p in enumerate(fair.sellers)}
    return [rank[r.participation.pk] for r, _card in response.context["recommendations"]]


# Leaving out what is already requested ------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "from_exhibitor", "left_out"),
    [
        (Status.PENDING, False, True),
        (Status.ACCEPTED, False, True),
        (Status.PENDING, True, True),  # the exhibitor asked: still a request between the two
        (Status.DECLINED, False, False),
        (Status.CANCELLED, False, False),
    ],
)
def test_requested_exhibitors_are_left_out_unless_asked_for(
    client, fair: Fair, status: str, from_exhibitor: bool, left_out: bool
) -> None:
    _first, second, _third = recommend(fair, 3)
    ask(fair, second, status, from_exhibitor=from_exhibitor)
    buyer = fair.buyer.participation
    expected = [1, 3] if left_out else [1, 2, 3]
    client.force_login(fair.buyer.user)

    response = client.get(HOME)
    assert shown(fair, response) == expected
    assert [r.participation for r in for_buyer(buyer, hide_requested=True)] == [
        fair.sellers[rank - 1] for rank in expected
    ]
    assert count_for(buyer, hide_requested=True) == len(expected)
    assert list_size(buyer) == ListSize(total=3, requested=1 if left_out else 0)
    # The toggle shows every exhibitor, with the request's state on its card.
    response = client.get(HOME, {"requested": "show"})
    assert shown(fair, response) == [1, 2, 3]
    assert response.context["recommendations"][1][0].request.status == status


def test_a_page_still_shows_ten_when_some_are_left_out(client, fair: Fair) -> None:
    listed = recommend(fair, 13)
    for rank in (1, 4, 7):
        ask(fair, listed[rank - 1], Status.PENDING)
    client.force_login(fair.buyer.user)
    response = client.get(HOME)
    assert shown(fair, response) == [2, 3, 5, 6, 8, 9, 10, 11, 12, 13]
    assert not response.context["page"].has_other_pages()
    html = response.content.decode()
    assert (
        '3 exhibitors you already have a request with are left out: <a href="?requested=show">'
        "show them</a>." in html
    )

    response = client.get(HOME, {"requested": "show"})
    assert shown(fair, response) == list(range(1, 11))
    html = response.content.decode()
    assert 'href="?page=2&amp;requested=show" rel="next"' in html
    assert f'<a href="{HOME}">Leave out the exhibitors you already have a request with</a>' in html
    assert shown(fair, client.get(HOME, {"requested": "show", "page": 2})) == [11, 12, 13]
    assert shown(fair, client.get(HOME, {"requested": "nonsense"}))[:3] == [2, 3, 5]


def test_when_every_recommendation_is_requested_the_page_says_so(client, fair: Fair) -> None:
    (only,) = recommend(fair, 1)
    ask(fair, only, Status.ACCEPTED)
    client.force_login(fair.buyer.user)
    html = client.get(HOME).content.decode()
    assert (
        "You already have a request with every exhibitor recommended to you:"
        ' <a href="?requested=show">show them</a>.'
    ) in html
    assert "No recommendations yet" not in html


# Reasons that name the product --------------------------------------------------------------


def test_the_reason_names_the_product_in_the_readers_language(fair: Fair) -> None:
    expo = fair.buyer.participation.expo
    arm = seller(
        expo, "Nanning Packers", ["8479", "847950"], title="Packing arm", title_zh="包装臂"
    )
    press = seller(expo, "Liuzhou Presses", ["847930"], title_zh="压力机")  # no English title
    refresh_recommendations(expo=expo, k=5)
    buyer = fair.buyer.participation

    first, second = for_buyer(buyer)
    assert (first.participation, second.participation) == (arm, press)
    assert first.reasons[0] == "Packing arm — HS 8479.50 matches your “Fruit packing machines”"
    assert second.reasons[0] == "压力机 — HS 8479.30 matches your “Fruit packing machines”"
    # The exhibitor reads the buyer's need by its title and code, its own offer as "your".
    [found] = for_exhibitor(arm)
    assert found.reasons[0] == "Fruit packing machines — HS 8479 matches your “Packing arm”"

    with translation.override("zh-hans"):
        product = pgettext("a product and its HS code", "%(product)s — HS %(code)s")
        expected = gettext("%(product)s matches your “%(line)s”") % {
            "product": product % {"product": "包装臂", "code": "8479.50"},
            "line": "水果包装机",
        }
        assert for_buyer(buyer)[0].reasons[0] == expected


def test_sellers_of_one_heading_read_apart(fair: Fair) -> None:
    expo = fair.buyer.participation.expo
    products = {"Packing arm": "847950", "Tray sealer": "847989", "Fruit grader": "847982"}
    for i, (title, code) in enumerate(products.items()):
        seller(expo, f"Packer {i}", ["8479", code], title=title)
    refresh_recommendations(expo=expo, k=5)
    firsts = {r.reasons[0] for r in for_buyer(fair.buyer.participation)}
    assert len(firsts) == 3
    assert all("…" not in reason for reason in firsts)


# Stored lists are diverse -------------------------------------------------------------------


def test_the_stored_buyer_list_puts_both_needs_on_the_first_page(expo: Expo) -> None:
    buyer = make_party_in(expo, "Hanoi Trading", Role.BUYER).participation
    line(buyer, ["8479", "847950"], ["CN"], title="Robots")
    line(buyer, ["0902", "090210"], ["CN"], title="Green tea")
    robots = [seller(expo, f"Robots {i}", ["847950"], title="Robot arm") for i in range(5)]
    tea = [seller(expo, f"Tea {i}", ["090210"], title="Green tea") for i in range(2)]
    refresh_recommendations(expo=expo, k=7)
    ranked = list(
        Recommendation.objects.filter(buyer=buyer, buyer_rank__isnull=False)
        .order_by("buyer_rank")
        .values_list("exhibitor_id", flat=True)
    )
    assert sorted(ranked) == sorted(p.pk for p in robots + tea)
    tea_ranks = [ranked.index(p.pk) + 1 for p in tea]
    assert max(tea_ranks) <= 5  # not after all five robot makers, as score order would put them
    assert sum(pk in {p.pk for p in robots} for pk in ranked[:5]) == 3


def test_a_page_with_the_requested_left_out_is_diversified_again(fair: Fair) -> None:
    """Stored: A A A B B B C C C D | A A E E E. With the three B left out, the page does not
    read A A A C C C D A A E (five of A) but holds three A, three C, D and three E."""
    expo = fair.buyer.participation.expo
    buyer = fair.buyer.participation
    headings = ["8479"] * 3 + ["0902"] * 3 + ["8501"] * 3 + ["8504"] + ["8479"] * 2
    headings += ["0901"] * 3
    scores = [0.99, 0.98, 0.97, 0.94, 0.93, 0.92, 0.91, 0.9, 0.89, 0.88, 0.96, 0.95]
    scores += [0.87, 0.86, 0.85]
    made = []
    for rank, (heading, score) in enumerate(zip(headings, scores, strict=True), start=1):
        exhibitor = seller(expo, f"Seller {rank}", [heading])
        Recommendation.objects.create(
            expo=expo,
            buyer=buyer,
            exhibitor=exhibitor,
            score=score,
            buyer_rank=rank,
            heading=heading,
        )
        made.append(exhibitor)
    for exhibitor in made[3:6]:
        ask(fair, exhibitor, Status.PENDING)

    page = for_buyer(buyer, limit=10, hide_requested=True)
    read = [made.index(r.participation) for r in page]
    assert Counter(headings[i] for i in read) == {"8479": 3, "8501": 3, "8504": 1, "0901": 3}
    assert read[0] == 0  # the best first
    rest = for_buyer(buyer, limit=10, offset=10, hide_requested=True)
    assert [made.index(r.participation) for r in rest] == [10, 11]
    # Shown with the requested, the first page is diverse too, the B among it.
    everyone = Counter(headings[made.index(r.participation)] for r in for_buyer(buyer, limit=10))
    assert max(everyone.values()) == 3 and everyone["0902"] == 3


# Pinned query counts ------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_reading_without_the_requested_costs_the_same_queries(
    fair: Fair, count: int, django_assert_num_queries
) -> None:
    hidden = recommend(fair, 2)
    for exhibitor in hidden:
        ask(fair, exhibitor, Status.PENDING)
    recommend(fair, count)
    buyer = fair.buyer.participation
    # The list's scores and headings (the requested ones left out in a subquery), the page's
    # rows, their requests, the parties (participations, both sides' lines in one query, then
    # the codes, sectors and markets of both in one query) and the sector names.
    with django_assert_num_queries(7):
        assert len(for_buyer(buyer, hide_requested=True)) == count
    with django_assert_num_queries(1):
        assert list_size(buyer) == ListSize(total=count + 2, requested=2)


# As in tests/pages/test_buyer_portal.py: session, user, expo, the buyer's participation, the
# header's two, the counts aggregate, the meeting count, the list's size, the list's scores
# and headings, the page, its requests, the parties (3), the sector names and the exhibitor
# cards (2).
QUERIES_HOME = 18


@pytest.mark.parametrize("count", [1, 3])
def test_the_dashboard_costs_the_same_queries_with_some_left_out(
    client, fair: Fair, count: int, django_assert_num_queries
) -> None:
    for exhibitor in recommend(fair, 2):
        ask(fair, exhibitor, Status.ACCEPTED)
    recommend(fair, count)
    client.force_login(fair.buyer.user)
    with django_assert_num_queries(QUERIES_HOME):
        response = client.get(HOME)
    assert shown(fair, response) == list(range(3, 3 + count))


# The API ------------------------------------------------------------------------------------


def test_the_api_leaves_out_the_requested_when_asked(client, fair: Fair) -> None:
    first, _second = recommend(fair, 2)
    ask(fair, first, Status.PENDING)
    headers = {"Authorization": f"Bearer {issue_token(fair.buyer.user)}"}

    whole = client.get(API, headers=headers).json()  # v1's default: the whole list
    assert (whole["count"], [r["name"] for r in whole["results"]]) == (2, ["Packer 1", "Packer 2"])
    assert whole["results"][0]["request_status"] == "pending"
    hidden = client.get(API, {"requested": "hide"}, headers=headers).json()
    assert (hidden["count"], [r["name"] for r in hidden["results"]]) == (1, ["Packer 2"])
    assert client.get(API, {"requested": "show"}, headers=headers).json() == whole


@pytest.mark.parametrize("value", ["bad", "HIDE", ""])
def test_the_api_refuses_a_nonsense_toggle(client, fair: Fair, value: str) -> None:
    recommend(fair, 1)
    headers = {"Authorization": f"Bearer {issue_token(fair.buyer.user)}"}
    response = client.get(API, {"requested": value}, headers=headers)
    assert response.status_code == 422
    assert response.json() == {"detail": "“requested” must be one of: show, hide."}
