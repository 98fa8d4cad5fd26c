"""Applying in a real browser: a buyer opens a partner's invitation link, fills the form in
Chinese, adds a second person with the form's button, sends it, and follows the private link;
the partner forwards it in its portal and the organiser approves it in the console.

Drives Debian's Chromium (never a downloaded one) and saves a screenshot under test-results/.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.conftest import make_party_in
from tests.registration.conftest import buyer_values
from tradefair.accounts.models import ExpoStaff, Invitation, User
from tradefair.expos.models import Expo
from tradefair.organisations.models import Delegation, Participation
from tradefair.registration.models import Application, Badge, DelegationLink
from tradefair.registration.services.applications import submit_application
from tradefair.registration.services.badges import token
from tradefair.registration.services.review import decide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOT = Path(__file__).resolve().parents[2] / "test-results" / "application-form.png"
PASSWORD = "a-long-test-password"


@pytest.fixture
def link(expo: Expo) -> DelegationLink:
    partner = make_party_in(expo, "Guangxi Trade Council", Participation.Role.PARTNER)
    partner.user.set_password(PASSWORD)
    partner.user.save()
    organiser = User.objects.create_user("organiser@example.com", PASSWORD)
    ExpoStaff.objects.create(user=organiser, expo=expo)
    delegation = Delegation.objects.create(
        expo=expo, partner=partner.participation, name="Vietnam fruit buyers"
    )
    return DelegationLink.objects.create(expo=expo, delegation=delegation, token="t0k3n", quota=5)


@pytest.fixture
def page(live_server, link, chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.wait_for_load_state("networkidle")


def log_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")


def test_from_a_partners_link_to_the_organisers_approval(live_server, page, link):
    page.goto(f"{live_server.url}/zh-hans/test-expo/apply/?via={link.token}")
    expect(page.locator(".lead")).to_contain_text("Guangxi Trade Council")
    page.get_by_role("link", name="采购商").click()
    page.get_by_label("机构英文名称").fill("Mekong Fresh Trading Co., Ltd.")
    page.get_by_label("国家", exact=True).select_option("VN")
    page.get_by_label("联系邮箱").fill("buying@mekongfresh.vn")
    page.get_by_label("采购产品", exact=True).fill("榴莲")
    page.locator("#id_hs_codes").fill("0810")
    page.get_by_label("2025年9月17日").check()
    page.locator("#id_people-0-name").fill("Nguyễn Văn An")
    page.locator("#id_people-0-name_latin").fill("Nguyen Van An")
    page.locator("#id_people-0-email").fill("an@mekongfresh.vn")
    page.get_by_role("button", name="添加人员").click()
    page.locator("#id_people-1-name").fill("Trần Thị Bình")
    page.locator("#id_people-1-name_latin").fill("Tran Thi Binh")
    page.locator("#id_people-1-email").fill("binh@mekongfresh.vn")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_contain_text("Mekong Fresh Trading Co., Ltd.")
    expect(page.locator(".status")).to_have_text("等待合作伙伴审核")
    application = Application.objects.get()
    assert [p.name for p in application.people.all()] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert application.language == "zh-hans" and mail.outbox[0].subject.startswith("您参加")

    log_in(page, live_server.url, "guangxi-trade-council@example.com")
    page.goto(f"{live_server.url}/test-expo/partner/")
    page.get_by_role("link", name="Mekong Fresh Trading Co., Ltd.").click()
    page.get_by_label("Decision").select_option("approve")
    page.get_by_role("button", name="Record the review").click()
    expect(page.locator("h2").first).to_be_visible()
    assert Application.objects.get().status == Application.Status.SUBMITTED

    page.context.clear_cookies()
    log_in(page, live_server.url, "organiser@example.com")
    page.goto(f"{live_server.url}/test-expo/organiser/applications/")
    page.get_by_role("link", name="Mekong Fresh Trading Co., Ltd.").click()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".status").first).to_have_text("Approved")
    assert (
        Invitation.objects.filter(email__in=["an@mekongfresh.vn", "binh@mekongfresh.vn"]).count()
        == 2
    )


def test_from_the_welcome_mail_to_the_badge_the_door_and_a_lead(live_server, page, link):
    """The approved buyer sets up the account from the mail, opens the badge and downloads its
    PDF; staff check the badge in at the entrance (a second scan changes nothing, a forged
    code is refused); an exhibitor scans it as a lead and exports the leads."""

    application, _token = submit_application(expo=link.expo, values=buyer_values(), link=None)
    organiser = User.objects.get(email="organiser@example.com")
    mail.outbox.clear()
    decide(application=application, decision="approve", by_user=organiser)
    welcome = next(m for m in mail.outbox if m.to == ["an@mekongfresh.vn"])
    accept = re.search(r"http://\S+/accounts/invitations/\S+/", welcome.body).group(0)
    page.goto(accept.replace("http://127.0.0.1:8000", live_server.url))
    page.get_by_label("Your name").fill("Nguyễn Văn An")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state("load")
    page.goto(f"{live_server.url}/test-expo/badge/")
    expect(page.locator(".badge-card .name")).to_have_text("Nguyễn Văn An")
    expect(page.locator(".badge-card .latin")).to_have_text("Nguyen Van An")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the badge (PDF, A6)").click()
    assert download.value.suggested_filename == "badge-test-expo.pdf"
    code = token(Badge.objects.get(email="an@mekongfresh.vn"))

    page.context.clear_cookies()
    log_in(page, live_server.url, "organiser@example.com")
    page.goto(f"{live_server.url}/test-expo/organiser/applications/check-in/")
    for expected in ("Checked in: entrance", "Already checked in here"):
        page.locator("[data-scan-code]").fill(code)
        page.locator("[data-scan-code]").press("Enter")  # what a USB scanner types last
        page.wait_for_load_state("load")
        expect(page.locator(".scan-result")).to_contain_text(expected)
        expect(page.locator(".scan-result")).to_contain_text("Mekong Fresh Trading Co., Ltd.")
    page.locator("[data-scan-code]").fill(code[:-4] + "AAAA")
    page.locator("[data-scan-code]").press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator(".scan-result")).to_contain_text("may be forged")

    exhibitor = make_party_in(link.expo, "Guangxi Fruit Co", Participation.Role.EXHIBITOR).user
    exhibitor.set_password(PASSWORD)
    exhibitor.save()
    page.context.clear_cookies()
    log_in(page, live_server.url, exhibitor.email)
    page.goto(f"{live_server.url}/test-expo/exhibitor/leads/")
    page.locator("[data-scan-code]").fill(code)
    page.locator("[data-scan-code]").press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator(".lead h3").first).to_contain_text("Nguyễn Văn An")
    expect(page.locator(".lead").first).to_contain_text("an@mekongfresh.vn")  # An agreed
    with page.expect_download() as exported:
        page.get_by_role("link", name="Export as CSV").click()
    assert "Nguyen Van An" in Path(exported.value.path()).read_text(encoding="utf-8-sig")
