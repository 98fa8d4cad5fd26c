"""The directory in a real browser: htmx search and filters without reloads, then Chinese.

Drives Debian's Chromium (never a downloaded one) and saves a screenshot under test-results/.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.pages.conftest import caexpo_22
from tradefair.expos.models import Expo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOT = Path(__file__).resolve().parents[2] / "test-results" / "directory.png"


@pytest.fixture
def expo(transactional_db) -> Expo:
    return caexpo_22()


@pytest.fixture
def exhibitors(add_exhibitor) -> None:
    rows = [
        ("Guangxi Beibu Gulf Seafood Co., Ltd.", "广西北部湾海产有限公司", "CN", "blue", "A-201",
         "Frozen whiteleg shrimp", "冷冻南美白对虾", "0306", "blue-economy"),
        ("Saigon Robotics JSC", "西贡机器人股份公司", "VN", "vn", "D-201",
         "Collaborative industrial robots", "协作机器人", "8479", "artificial-intelligence"),
        ("Bangkok Durian Export Co., Ltd.", "曼谷榴莲出口有限公司", "TH", "food", "D-101",
         "Fresh Monthong durian", "金枕榴莲", "0810", "agriculture-food"),
        ("Nanning Intelligent Computing Technology Co., Ltd.", "南宁智算科技有限公司", "CN",
         "ai", "A-101", "AI inference servers", "人工智能推理服务器", "8471",
         "artificial-intelligence"),
        ("Malaysian Palm Oil Berhad", "马来西亚棕榈油有限公司", "MY", "food", "D-102",
         "Refined palm olein", "精炼棕榈液油", "1511", "agriculture-food"),
        ("PT Java Coffee Trading", "爪哇咖啡贸易有限公司", "ID", "food", "D-103",
         "Green arabica beans", "阿拉比卡咖啡生豆", "0901", "agriculture-food"),
        ("Hanoi Smart Camera JSC", "河内智能摄像股份公司", "VN", "vn", "D-202",
         "AI surveillance cameras", "人工智能监控摄像机", "8525", "artificial-intelligence"),
        ("Liuzhou New Energy Vehicle Co., Ltd.", "柳州新能源汽车有限公司", "CN", "ai", "A-102",
         "Compact electric cars", "小型纯电动汽车", "8703", "green-economy"),
    ]  # fmt: skip
    for name, name_zh, country, pavilion, booth, title, title_zh, hs, sector in rows:
        add_exhibitor(
            name,
            name_zh,
            country=country,
            pavilion=pavilion,
            booth=booth,
            title=title,
            title_zh=title_zh,
            hs=(hs,),
            sectors=(sector,),
        )


@pytest.fixture
def page(live_server, exhibitors, chromium: Browser) -> Iterator[Page]:
    """A Chromium tab, opened only after the data exists and closed before the database resets.

    While Playwright's event loop runs, Django hands out a separate connection per context; the
    fixtures' writes and the test database's flush must happen outside it.
    """
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    # The live server shares the test's database connection: let it go quiet first.
    tab.wait_for_load_state("networkidle")


def test_search_filter_and_switch_to_chinese(live_server, page):
    page.goto(f"{live_server.url}/caexpo-22/exhibitors/")
    count = page.locator("#result-count")
    expect(count).to_contain_text("8 exhibitors")
    assert page.evaluate("typeof htmx") == "object"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    # A marker on window survives htmx swaps but not a full page load.
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#id_q").press_sequentially("robots")
    expect(count).to_contain_text("1 exhibitor")
    expect(page.locator(".card-title")).to_have_text(["Saigon Robotics JSC"])
    expect(page).to_have_url(re.compile(r"/caexpo-22/exhibitors/\?q=robots"))

    page.locator("#id_q").fill("")
    page.locator("#id_q").press("Enter")
    expect(count).to_contain_text("8 exhibitors")
    page.select_option("#id_group", "asean")
    expect(count).to_contain_text("5 exhibitors")
    page.select_option("#id_sector", "artificial-intelligence")
    expect(page.locator(".card-title")).to_have_text(
        ["Hanoi Smart Camera JSC", "Saigon Robotics JSC"]
    )
    assert page.evaluate("window.stillTheSamePage") is True

    # The language links were swapped along with the results, so the filters carry over.
    page.locator("#language-switcher summary").click()
    page.locator("#language-switcher").get_by_text("简体中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/caexpo-22/exhibitors/\?.*group=asean"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1")).to_have_text("展商名录")
    expect(count).to_contain_text("2 家展商")
    expect(page.locator(".card-title").first).to_have_text("河内智能摄像股份公司")
    expect(page.locator("label[for=id_group]")).to_have_text("国家组别")
    assert page.evaluate("window.stillTheSamePage") is None
