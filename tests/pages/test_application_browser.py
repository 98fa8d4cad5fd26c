"""Applying in a real browser: a buyer opens a partner's invitation link, fills the form in
Chinese, adds a second person with the form's button, sends it, and follows the private link;
the partner forwards it in its portal and the organiser approves it in the console.

Drives Debian's Chromium (never a downloaded one) and saves a screenshot under test-results/.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import ExpoStaff, Invitation, User
from tradefair.expos.models import Expo
from tradefair.organisations.models import Delegation, Participation
from tradefair.registration.models import Application, DelegationLink

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
