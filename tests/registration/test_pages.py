"""The application pages as applicants and organisers use them: the public form with its
people, every error beside its field and nothing lost, the private status link where a
question is answered, the organisers' list and decision page; English and Chinese."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import ExpoStaff, User
from tradefair.organisations.models import Participation
from tradefair.registration.models import Application
from tradefair.registration.services.notifications import link_token

pytestmark = pytest.mark.django_db


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Chao Phraya Foods Co., Ltd.",
        "country": "TH",
        "organisation_kind": "enterprise",
        "email": "buy@chaophrayafoods.co.th",
        "buys": "Canned fruit",
        "hs_codes": "2008",
        "markets": ["CN", "VN"],
        "languages": ["th", "en"],
        "days": ["2025-09-18"],
        "people-TOTAL_FORMS": "2",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "1",
        "people-MAX_NUM_FORMS": "10",
        "people-0-name": "สมชาย ใจดี",
        "people-0-name_latin": "Somchai Jaidee",
        "people-0-email": "somchai@chaophrayafoods.co.th",
        "people-0-share_contact": "on",
        "people-1-name": "Malee Srisuk",
        "people-1-name_latin": "Malee Srisuk",
        "people-1-email": "malee@chaophrayafoods.co.th",
    }
    data.update(changes)
    return data


def test_a_buyer_applies_and_follows_the_private_link(
    client, expo, django_capture_on_commit_callbacks
):
    start = client.get(reverse("apply:start", args=[expo.slug]))
    assert start.status_code == 200
    assert 'href="/test-expo/apply/buyer/"' in start.content.decode()
    page = client.get(reverse("apply:form", args=[expo.slug, "buyer"]))
    assert page.status_code == 200 and "Add a person" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("apply:form", args=[expo.slug, "buyer"]), form_data())
    application = Application.objects.get()
    token = link_token(application)
    assert sent.status_code == 302
    assert sent["Location"] == f"/test-expo/apply/status/{token}/"
    assert [p.name for p in application.people.all()] == ["สมชาย ใจดี", "Malee Srisuk"]
    status = client.get(sent["Location"]).content.decode()
    assert "Waiting for the organisers" in status and "สมชาย ใจดี (Somchai Jaidee)" in status
    assert mail.outbox[0].to == ["buy@chaophrayafoods.co.th"]


def test_errors_show_beside_their_fields_and_nothing_typed_is_lost(client, expo):
    response = client.post(
        reverse("apply:form", args=[expo.slug, "buyer"]),
        form_data(**{"hs_codes": "2008 9876", "people-1-name_latin": "มาลี", "days": []}),
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Application.objects.exists()
    assert html.count("This field is required.") == 1  # the days, beside their checkboxes
    response = client.post(
        reverse("apply:form", args=[expo.slug, "buyer"]),
        form_data(**{"hs_codes": "2008 9876", "people-1-name_latin": "มาลี"}),
    )
    html = response.content.decode()
    assert "Unknown HS codes: 9876." in html
    assert "Write this name in Latin letters" in html
    assert 'value="Chao Phraya Foods Co., Ltd."' in html and 'value="สมชาย ใจดี"' in html
    assert not Application.objects.exists()


def test_the_form_in_chinese(client, expo):
    html = client.get(f"/zh-hans{reverse('apply:form', args=[expo.slug, 'delegate'])}").content
    text = html.decode()
    assert "以峰会代表身份申请" in text and "添加人员" in text and "采购产品" not in text


def test_a_question_is_answered_through_the_private_link(client, expo, organiser, apply):
    application = apply()
    from tradefair.registration.services.review import decide

    decide(
        application=application, decision="ask", message="Which fruit exactly?", by_user=organiser
    )
    url = reverse("apply:status", args=[expo.slug, link_token(application)])
    page = client.get(url).content.decode()
    assert "Which fruit exactly?" in page and "Send the answer" in page
    assert 'value="Mekong Fresh Trading Co., Ltd."' in page  # the form starts from the application
    answer = form_data(name="Mekong Fresh Trading Co., Ltd.", country="VN", buys="Durian")
    response = client.post(url, answer)
    assert response.status_code == 302 and response["Location"].endswith("?answered=1")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and application.buys == "Durian"
    assert client.get(reverse("apply:status", args=[expo.slug, "1:forged"])).status_code == 404


def test_a_partner_link_names_the_partner_and_an_unknown_one_is_not_found(client, expo, link):
    page = client.get(reverse("apply:start", args=[expo.slug]), {"via": link.token})
    assert "Guangxi Trade Council" in page.content.decode()
    assert client.get(reverse("apply:start", args=[expo.slug]), {"via": "nope"}).status_code == 404


def test_the_organisers_list_flags_duplicates_and_decides_in_bulk(
    client, expo, organiser, apply, django_capture_on_commit_callbacks
):
    first = apply()
    second = apply(name="Mekong Fresh Trading", email="other@mekongfresh.vn")
    client.force_login(organiser)
    url = reverse("registration_console:applications", args=[expo.slug])
    html = client.get(url).content.decode()
    assert "possible duplicate: 1 match" in html and "same domain mekongfresh.vn" in html
    refused = client.post(url, {"ids": [first.pk], "decision": "reject", "message": ""})
    assert "Give the reason for the rejection." in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            url, {"ids": [first.pk, second.pk], "decision": "reject", "message": "Duplicate"}
        )
    assert done.status_code == 302
    assert set(Application.objects.values_list("status", flat=True)) == {"rejected"}


def test_the_organiser_approves_on_the_application_page(client, expo, organiser, apply):
    application = apply()
    client.force_login(organiser)
    url = reverse("registration_console:application", args=[expo.slug, application.pk])
    page = client.get(url).content.decode()
    assert "Nguyễn Văn An" in page and "Vietnam" in page and "Record the decision" in page
    response = client.post(url, {"decision": "approve", "message": "", "organisation": ""})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved" and application.participation.role == "buyer"


@pytest.mark.parametrize("name", ["applications", "application"])
def test_only_the_editions_organisers_reach_the_review(client, expo, organiser, apply, name):
    application = apply()
    args = [expo.slug, application.pk] if name == "application" else [expo.slug]
    url = reverse(f"registration_console:{name}", args=args)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(make_party_in(expo, "Some Buyer", Participation.Role.BUYER).user)
    assert client.get(url).status_code == 403
    other = User.objects.create_user("staff-elsewhere@example.com")
    assert not ExpoStaff.objects.filter(user=other).exists()
    client.force_login(other)
    assert client.get(url).status_code == 403
    assert client.post(url, {"ids": [application.pk], "decision": "approve"}).status_code == 403
    client.force_login(organiser)
    assert client.get(url).status_code == 200
    assert Application.objects.get().status == "submitted"  # the refused posts changed nothing
