"""The exhibitor portal: who may open each page, answering buyers, inviting them, query counts.

People: "Guangxi Robotics" (the exhibitor the tests act for), "Nanning Motors" (another
exhibitor), "Saigon Fresh Foods" (a buyer whose user has no exhibitor role) and their requests.
"""

from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.matchmaking.conftest import Party, make_party_in
from tradefair.expos.models import Country, Expo, HSCode
from tradefair.matchmaking.models import MeetingRequest, Recommendation
from tradefair.organisations.models import Need, Organisation, Participation

Status = MeetingRequest.Status
Role = Participation.Role


@dataclass
class Fair:
    expo: Expo
    me: Party
    other: Party
    buyer: Party


@pytest.fixture
def fair(expo: Expo) -> Fair:
    buyer = make_party_in(expo, "Saigon Fresh Foods", Role.BUYER)
    buyer.participation.organisation.country = Country.objects.get(code="VN")
    buyer.participation.organisation.save()
    need = Need.objects.create(
        participation=buyer.participation,
        title="Industrial robots for packing lines",
        title_zh="包装线工业机器人",
        text="Six-axis arms for fruit packing.",
    )
    need.hs_codes.set(HSCode.objects.filter(code__in=["8479", "8428"]))
    need.markets.set(["CN", "TH"])
    return Fair(
        expo=expo,
        me=make_party_in(expo, "Guangxi Robotics", Role.EXHIBITOR),
        other=make_party_in(expo, "Nanning Motors", Role.EXHIBITOR),
        buyer=buyer,
    )


def asks(
    fair: Fair,
    buyer: Participation | None = None,
    *,
    status: str = Status.PENDING,
    from_exhibitor: bool = False,
    message: str = "We pack 40 tonnes of dragon fruit a day.",
    priority: int = 4,
) -> MeetingRequest:
    """A request between a buyer and my exhibitor, written directly (no e-mail)."""
    buyer = buyer or fair.buyer.participation
    return MeetingRequest.objects.create(
        expo=fair.expo,
        buyer=buyer,
        exhibitor=fair.me.participation,
        message=message,
        priority=priority,
        status=status,
        from_exhibitor=from_exhibitor,
        decline_reason="Out of stock until October." if status == Status.DECLINED else "",
    )


def client_for(fair: Fair, who: str) -> Client:
    client = Client()
    users = {"other": fair.other.user, "wrong_role": fair.buyer.user, "right": fair.me.user}
    if who in users:
        client.force_login(users[who])
    return client


def url(fair: Fair, name: str, **kwargs: int) -> str:
    return reverse(f"exhibitor:{name}", kwargs={"slug": fair.expo.slug, **kwargs})


def extra_buyers(fair: Fair, count: int) -> list[Participation]:
    """``count`` more buyers, named "Buyer 0", "Buyer 1", … in the order they were made."""
    made = Organisation.objects.filter(name__startswith="Buyer ").count()
    return [
        make_party_in(fair.expo, f"Buyer {i}", Role.BUYER).participation
        for i in range(made, made + count)
    ]


def recommend(fair: Fair, buyers: list[Participation], start: int = 1) -> None:
    Recommendation.objects.bulk_create(
        Recommendation(
            expo=fair.expo,
            buyer=buyer,
            exhibitor=fair.me.participation,
            score=0.9 - rank / 100,
            exhibitor_rank=rank,
        )
        for rank, buyer in enumerate(buyers, start=start)
    )


# --- who may open what -------------------------------------------------------------------

WHO = ["anonymous", "other", "wrong_role", "right"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("home", {"other": 200, "wrong_role": 403, "right": 200}),
        ("requests", {"other": 200, "wrong_role": 403, "right": 200}),
        ("buyers", {"other": 200, "wrong_role": 403, "right": 200}),
        ("invite", {"other": 200, "wrong_role": 403, "right": 200}),
        ("decline_form", {"other": 404, "wrong_role": 403, "right": 200}),
        ("settings", {"other": 200, "wrong_role": 403, "right": 200}),
    ],
)
@pytest.mark.parametrize("who", WHO)
def test_who_may_open_each_page(fair: Fair, page: str, expected: dict[str, int], who: str):
    request = asks(fair)
    address = {
        "home": url(fair, "home"),
        "requests": url(fair, "requests"),
        "buyers": url(fair, "buyers"),
        "invite": url(fair, "invite", buyer_pk=fair.buyer.participation.pk),
        "decline_form": url(fair, "decline", pk=request.pk),
        "settings": url(fair, "settings"),
    }[page]

    response = client_for(fair, who).get(address)

    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:login')}?next={address}"
        return
    assert response.status_code == expected[who]
    if page in ("home", "requests") and who in ("other", "right"):
        # Another exhibitor's dashboard does not show my buyer's request.
        shown = "Saigon Fresh Foods" in response.content.decode()
        assert shown is (who == "right")


@pytest.mark.parametrize("action", ["accept", "decline", "cancel"])
@pytest.mark.parametrize("who", WHO)
def test_who_may_answer_a_request(
    fair: Fair, action: str, who: str, mailoutbox, django_capture_on_commit_callbacks
):
    """Only my organisation answers my requests; others get 404 and nothing changes."""
    request = asks(fair)
    address = url(fair, action, pk=request.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fair, who).post(address, {"reason": "Fully booked."})

    request.refresh_from_db()
    if who == "right":
        assert response.status_code == 302
        expected = {"accept": Status.ACCEPTED, "decline": Status.DECLINED}
        assert request.status == expected.get(action, Status.CANCELLED)
        return
    assert response.status_code == {"anonymous": 302, "other": 404, "wrong_role": 403}[who]
    if who == "anonymous":
        assert response["Location"] == f"{reverse('accounts:login')}?next={address}"
    assert request.status == Status.PENDING
    assert request.answered_at is None
    assert mailoutbox == []


def test_the_portal_links_its_settings_and_the_agenda(fair: Fair):
    client = client_for(fair, "right")

    home = client.get(url(fair, "home")).content.decode()
    settings = client.get(url(fair, "settings"))

    assert f'href="{url(fair, "settings")}"' in home
    assert f'href="{reverse("agenda:index", kwargs={"slug": fair.expo.slug})}"' in home
    assert settings.status_code == 200
    assert settings.context["role"] == "exhibitor"
    assert settings.context["participation"] == fair.me.participation


def test_pages_of_an_unknown_edition_are_404(fair: Fair):
    client = client_for(fair, "right")
    assert client.get(reverse("exhibitor:home", kwargs={"slug": "no-such-expo"})).status_code == 404


def test_answers_only_accept_post(fair: Fair):
    request = asks(fair)
    client = client_for(fair, "right")
    assert client.get(url(fair, "accept", pk=request.pk)).status_code == 405
    assert client.get(url(fair, "cancel", pk=request.pk)).status_code == 405


# --- the dashboard -----------------------------------------------------------------------


def test_dashboard_shows_the_buyer_and_its_needs(fair: Fair):
    asks(fair)
    asks(fair, extra_buyers(fair, 1)[0], status=Status.ACCEPTED)
    asks(fair, extra_buyers(fair, 1)[0], from_exhibitor=True)

    response = client_for(fair, "right").get(url(fair, "home"))

    assert response.status_code == 200
    page = response.content.decode()
    for text in [
        "Saigon Fresh Foods",
        "Vietnam",
        "We pack 40 tonnes of dragon fruit a day.",
        "4 / 5",
        "Industrial robots for packing lines",
        "Six-axis arms for fruit packing.",
        "<code>8428</code> Lifting, handling, loading or unloading machinery;",
        "<code>8479</code> Machinery and mechanical appliances; having individual functions",
        "<li>China</li>",
        "<li>Thailand</li>",
    ]:
        assert text in page, text
    counts = response.context["counts"]
    assert counts.incoming == {"pending": 1, "accepted": 1, "declined": 0, "cancelled": 0}
    assert counts.outgoing == {"pending": 1, "accepted": 0, "declined": 0, "cancelled": 0}
    assert [(str(label), value) for label, value, _ in response.context["figures"]] == [
        ("Waiting for your answer", 1),
        ("Accepted", 1),
        ("Declined by you", 0),
        ("Sent by you", 1),
        ("Meetings scheduled", 0),
    ]
    # Only the pending received request is listed for an answer.
    assert [row.buyer.name for row in response.context["pending"].rows] == ["Saigon Fresh Foods"]


def test_needs_are_shown_in_the_readers_language(fair: Fair):
    asks(fair)
    client = client_for(fair, "right")
    with translation.override("zh-hans"):
        address = url(fair, "home")
    response = client.get(address)
    page = response.content.decode()
    assert address.startswith("/zh-hans/")
    assert "包装线工业机器人" in page
    assert "越南" in page  # Vietnam in Chinese, from CLDR
    assert "Industrial robots for packing lines" not in page


@pytest.mark.parametrize("page", ["home", "requests", "buyers", "invite", "decline"])
def test_every_page_opens_in_chinese(fair: Fair, page: str):
    request = asks(fair)
    recommend(fair, [fair.buyer.participation])
    kwargs = {"invite": {"buyer_pk": fair.buyer.participation.pk}, "decline": {"pk": request.pk}}
    with translation.override("zh-hans"):
        address = url(fair, page, **kwargs.get(page, {}))

    response = client_for(fair, "right").get(address)

    assert response.status_code == 200
    assert '<html lang="zh-hans">' in response.content.decode()


# --- accepting and declining -------------------------------------------------------------


def test_accepting_twice_changes_the_status_once_and_mails_the_buyer_once(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    request = asks(fair)
    client = client_for(fair, "right")

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(fair, "accept", pk=request.pk), {"next": url(fair, "requests")})
    request.refresh_from_db()
    answered_at = request.answered_at
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url(fair, "accept", pk=request.pk), follow=True)

    request.refresh_from_db()
    assert first.status_code == 302
    assert first["Location"] == url(fair, "requests")
    assert request.status == Status.ACCEPTED
    assert request.answered_at == answered_at
    assert [m.to for m in mailoutbox] == [["saigon-fresh-foods@example.com"]]
    assert mailoutbox[0].subject == "Guangxi Robotics accepted your meeting request"
    assert "You had already accepted this request." in second.content.decode()


def test_declining_stores_the_reason_mails_it_once_and_shows_it(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    request = asks(fair)
    client = client_for(fair, "right")
    reason = "We do not ship to Vietnam before 2026."

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(fair, "decline", pk=request.pk), {"reason": f"  {reason} "})
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url(fair, "decline", pk=request.pk), {"reason": "Other"}, follow=True)

    request.refresh_from_db()
    assert request.status == Status.DECLINED
    assert request.decline_reason == reason
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["saigon-fresh-foods@example.com"]
    assert f"Reason: {reason}" in mailoutbox[0].body
    assert "You had already declined this request." in again.content.decode()
    declined = client.get(url(fair, "requests"), {"status": "declined"}).content.decode()
    assert f"<strong>Your reason for declining:</strong> {reason}" in declined


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_decline_without_a_reason_is_refused_and_changes_nothing(
    fair: Fair, reason: str, mailoutbox, django_capture_on_commit_callbacks
):
    request = asks(fair)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fair, "right").post(
            url(fair, "decline", pk=request.pk), {"reason": reason}
        )

    request.refresh_from_db()
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "reason": ["Please tell the buyer why you decline: write a short reason."]
    }
    assert request.status == Status.PENDING
    assert mailoutbox == []


@pytest.mark.parametrize("target", ["https://evil.example/", "javascript:alert(1)"])
def test_next_only_leads_back_into_this_site(fair: Fair, target: str):
    request = asks(fair)
    client = client_for(fair, "right")

    form = client.get(url(fair, "decline", pk=request.pk), {"next": target})
    answered = client.post(url(fair, "accept", pk=request.pk), {"next": target})

    assert target not in form.content.decode()
    assert answered["Location"] == url(fair, "home")


def test_a_declined_request_cannot_be_accepted(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    request = asks(fair, status=Status.DECLINED)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fair, "right").post(url(fair, "accept", pk=request.pk), follow=True)

    request.refresh_from_db()
    assert request.status == Status.DECLINED
    assert request.answered_at is None
    assert mailoutbox == []
    assert "This request was declined and cannot be accepted." in response.content.decode()


def test_my_own_invitation_is_not_answered_by_me(fair: Fair):
    """The buyer answers what the exhibitor sent: accept and decline are 404 for it."""
    request = asks(fair, from_exhibitor=True)
    client = client_for(fair, "right")

    assert client.post(url(fair, "accept", pk=request.pk)).status_code == 404
    assert client.post(url(fair, "decline", pk=request.pk), {"reason": "x"}).status_code == 404
    request.refresh_from_db()
    assert request.status == Status.PENDING


def test_htmx_accept_returns_the_card_with_its_new_status(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    request = asks(fair)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fair, "right").post(
            url(fair, "accept", pk=request.pk),
            {"next": url(fair, "home")},
            headers={"HX-Request": "true"},
        )

    page = response.content.decode()
    assert response.status_code == 200
    assert "base.html" not in {t.name for t in response.templates}
    assert page.lstrip().startswith(
        f'<article class="card request request-accepted" id="request-{request.pk}"'
    )
    assert "You accepted the request of Saigon Fresh Foods; they have been told by e-mail." in page
    # The dashboard's figures and the requests page's tabs follow, swapped out of band.
    assert '<dl class="stat-grid" id="exhibitor-figures" hx-swap-oob="true">' in page
    assert [(str(label), value) for label, value, _ in response.context["figures"]][:2] == [
        ("Waiting for your answer", 0),
        ("Accepted", 1),
    ]
    assert 'id="exhibitor-status-tabs" aria-label="Requests by status" hx-swap-oob="true"' in page
    assert '<a href="?status=pending" aria-current="page">Waiting for an answer' in page
    assert len(mailoutbox) == 1


def test_htmx_decline_opens_the_form_inline_and_keeps_a_refused_answer(fair: Fair):
    request = asks(fair)
    client = client_for(fair, "right")
    htmx = {"HX-Request": "true"}

    opened = client.get(url(fair, "decline", pk=request.pk), headers=htmx)
    refused = client.post(url(fair, "decline", pk=request.pk), {"reason": " "}, headers=htmx)
    done = client.post(url(fair, "decline", pk=request.pk), {"reason": "No stock."}, headers=htmx)

    assert opened.status_code == 200
    assert 'class="decline-form"' in opened.content.decode()
    assert refused.status_code == 200
    assert "Please tell the buyer why you decline" in refused.content.decode()
    assert "request-declined" in done.content.decode()
    request.refresh_from_db()
    assert (request.status, request.decline_reason) == (Status.DECLINED, "No stock.")


# --- the requests page -------------------------------------------------------------------


def test_requests_page_lists_received_by_status_and_what_i_sent(fair: Fair):
    pending = asks(fair)
    accepted = asks(fair, extra_buyers(fair, 1)[0], status=Status.ACCEPTED)
    sent = asks(fair, extra_buyers(fair, 1)[0], from_exhibitor=True, message="Try our arms.")
    client = client_for(fair, "right")

    default = client.get(url(fair, "requests"))
    accepted_tab = client.get(url(fair, "requests"), {"status": "accepted"})
    unknown_tab = client.get(url(fair, "requests"), {"status": "bogus"})

    assert [r.request.pk for r in default.context["incoming"].rows] == [pending.pk]
    assert [r.request.pk for r in accepted_tab.context["incoming"].rows] == [accepted.pk]
    assert unknown_tab.context["status"] == "pending"
    assert [r.request.pk for r in default.context["outgoing"].rows] == [sent.pk]
    page = default.content.decode()
    assert "Try our arms." in page
    assert "Withdraw the invitation" in page
    assert url(fair, "cancel", pk=sent.pk) in page


def test_cancelling_my_invitation_while_open(fair: Fair):
    sent = asks(fair, from_exhibitor=True)
    client = client_for(fair, "right")

    client.post(url(fair, "cancel", pk=sent.pk))
    again = client.post(url(fair, "cancel", pk=sent.pk), follow=True)

    sent.refresh_from_db()
    assert sent.status == Status.CANCELLED
    assert "This request was already cancelled." in again.content.decode()


def test_a_declined_invitation_cannot_be_cancelled(fair: Fair):
    sent = asks(fair, from_exhibitor=True, status=Status.DECLINED)

    response = client_for(fair, "right").post(url(fair, "cancel", pk=sent.pk), follow=True)

    sent.refresh_from_db()
    assert sent.status == Status.DECLINED
    assert "This request was declined and cannot be cancelled." in response.content.decode()


# --- pinned query counts -----------------------------------------------------------------


def queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured)


def add_rows(fair: Fair, page: str, buyers: list[Participation]) -> None:
    """Rows for ``page``: requests received (and sent, for the requests page) or recommendations."""
    if page == "buyers":
        start = Recommendation.objects.count() + 1
        recommend(fair, buyers, start=start)
        return
    for buyer in buyers:
        asks(fair, buyer)
        if page == "requests":
            asks(fair, buyer, status=Status.CANCELLED, from_exhibitor=True)


@pytest.mark.parametrize(("page", "pinned"), [("home", 14), ("requests", 17), ("buyers", 12)])
def test_query_counts_do_not_grow_with_the_rows(fair: Fair, page: str, pinned: int):
    client = client_for(fair, "right")

    add_rows(fair, page, [fair.buyer.participation])
    queries(client, url(fair, page))  # reference data (sector names) is cached from here on
    one = queries(client, url(fair, page))
    add_rows(fair, page, extra_buyers(fair, 2))
    three = queries(client, url(fair, page))

    assert one == three == pinned
