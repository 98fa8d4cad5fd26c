"""A small fair to rank: names, products, HS codes, sectors and descriptions that overlap.

Each exhibitor is placed so that the written-down queries in ``test_ranking`` tell ranking
apart from the alphabetical order. Descriptions mention codes ("8507", "1985") and products
("shrimp", "coffee") to show that words there count least.
"""

import pytest

from tests.pages.conftest import add_exhibitor, floor  # noqa: F401
from tradefair.expos.models import HSCode
from tradefair.organisations.models import Offer, Participation
from tradefair.organisations.services.search import refresh_search_text


def add_offer(participation: Participation, title: str, title_zh: str, hs: tuple[str, ...]) -> None:
    offer = Offer.objects.create(participation=participation, title=title, title_zh=title_zh)
    offer.hs_codes.set(HSCode.objects.filter(code__in=hs))
    refresh_search_text([participation.pk])


@pytest.fixture
def fair(add_exhibitor) -> dict[str, Participation]:  # noqa: F811
    made = [
        add_exhibitor(
            "Sunlight Energy",
            "阳光能源",
            title="Solar panels",
            title_zh="太阳能电池板",
            hs=("854143",),
            sectors=("green-economy",),
            description="Photovoltaic modules made in Guangxi since 2009.",
        ),
        add_exhibitor(
            "Ascent Sunlight Energy Storage Co., Ltd.",
            "阳光储能有限公司",
            title="Lithium battery packs",
            title_zh="锂电池组",
            hs=("850760",),
            sectors=("green-economy",),
        ),
        add_exhibitor(
            "Nanning Battery Works",
            "南宁电池厂",
            title="Lead-acid accumulators",
            title_zh="铅酸蓄电池",
            hs=("850720",),
        ),
        add_exhibitor(
            "Hanoi Accumulator JSC",
            "河内蓄电池股份公司",
            country="VN",
            pavilion="vn",
            title="Accumulators",
            title_zh="蓄电池",
            hs=("8507",),
        ),
        add_exhibitor(
            "Mekong Electric Trading",
            country="VN",
            pavilion="vn",
            title="Cable assemblies",
            hs=("8544",),
            description="Distributor of HS 8507 and 850760 goods from partner factories.",
        ),
        add_exhibitor(
            "Liuzhou Telecom Parts",
            "柳州通信配件",
            title="5G modules",
            title_zh="5G模组",
            hs=("851762",),
        ),
        add_exhibitor(
            "Guangxi Beibu Gulf Seafood Co., Ltd.",
            "广西北部湾海产有限公司",
            pavilion="blue",
            title="Frozen shrimp",
            title_zh="冷冻虾",
            hs=("030617",),
            sectors=("blue-economy",),
        ),
        add_exhibitor(
            "Zhanjiang Aquatic Foods",
            "湛江水产食品",
            pavilion="blue",
            title="Breaded seafood snacks",
            title_zh="裹粉海鲜小食",
            hs=("160521",),
            sectors=("blue-economy",),
        ),
        add_exhibitor(
            "Beihai Cold Chain Logistics",
            "北海冷链物流",
            pavilion="blue",
            description="Cold storage for shrimp and fish exporters.",
        ),
        add_exhibitor(
            "Qinzhou Crab Farm",
            "钦州蟹场",
            pavilion="blue",
            title="Blue crab",
            title_zh="青蟹",
            hs=("0306",),
        ),
        add_exhibitor(
            "Bangkok Durian Export",
            "曼谷榴莲出口公司",
            country="TH",
            pavilion="food",
            title="Frozen durian pulp",
            title_zh="冷冻榴莲果肉",
            hs=("081060",),
            sectors=("agriculture-food",),
            description="Family orchards since 1985.",
        ),
        add_exhibitor(
            "Chanthaburi Fruit Co.",
            "尖竹汶水果公司",
            country="TH",
            pavilion="food",
            title="Fresh durian",
            title_zh="新鲜榴莲",
            hs=("081060",),
        ),
        add_exhibitor(
            "Thai Orchard Logistics",
            "泰国果园物流",
            country="TH",
            pavilion="food",
            description="Cold chain for durian and mangosteen exporters.",
            description_zh="为榴莲和山竹出口商提供冷链物流。",
        ),
        add_exhibitor(
            "Buon Ma Thuot Roasters",
            country="VN",
            pavilion="vn",
            title="Robusta coffee beans",
            title_zh="罗布斯塔咖啡豆",
            hs=("090111",),
        ),
        add_exhibitor(
            "Asia Trade Services",
            country="VN",
            pavilion="vn",
            description="Booth visitors get free coffee under the blue tent.",
        ),
    ]
    by_name = {p.organisation.name: p for p in made}
    add_offer(by_name["Chanthaburi Fruit Co."], "Mangosteen", "山竹", ("0810",))
    return by_name
