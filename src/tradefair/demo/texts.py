"""Offers and needs as exhibitors and buyers would write them, in English and Chinese.

The texts repeat what the structured fields say (product, specification, markets) the way a
real listing does, so a text-similarity recommender has the same signal as a structured one.
"""

import random
from collections.abc import Sequence

from tradefair.demo.catalogue import HEADING_TITLES, UNITS, Product
from tradefair.demo.fits import NeedDraft
from tradefair.demo.naming import en_country, en_list, in_sentence, zh_country
from tradefair.demo.records import DemoTradeLine
from tradefair.expos.reference_data import SECTORS

SECTORS_OF_HEADING: dict[str, list[str]] = {}
for _slug, _name, _name_zh, _headings in SECTORS:
    for _heading in _headings:
        SECTORS_OF_HEADING.setdefault(_heading, []).append(_slug)

INCOTERMS = [
    ("FOB Qinzhou Port", "钦州港离岸价"),
    ("CIF Haiphong", "海防到岸价"),
    ("FOB Shenzhen", "深圳离岸价"),
    ("CIF Port Klang", "巴生港到岸价"),
    ("EXW factory", "工厂交货"),
    ("DAP by China-Laos Railway", "经中老铁路目的地交货"),
]
REQUIREMENTS = [
    ("ISO 9001 certified supplier", "供应商须通过ISO 9001认证"),
    ("samples before the first order", "首单前提供样品"),
    ("RCEP certificate of origin", "提供RCEP原产地证书"),
    ("monthly deliveries", "按月交货"),
    ("OEM labelling in local language", "可按当地语言贴牌"),
    ("payment by letter of credit", "信用证付款"),
    ("Halal or HACCP certification where relevant", "相关产品须具备清真或HACCP认证"),
]


def sectors_for(product: Product, owner_sector: str) -> tuple[str, ...]:
    """The owner's sector, the product's and every sector listing the product's heading."""
    slugs = [owner_sector, product.sector, *SECTORS_OF_HEADING.get(product.heading, [])]
    return tuple(dict.fromkeys(slugs))


def _countries(codes: Sequence[str]) -> tuple[str, str]:
    return en_list([en_country(c) for c in codes]), "、".join(zh_country(c) for c in codes)


def offer_line(
    rng: random.Random, product: Product, markets: Sequence[str], owner_sector: str
) -> DemoTradeLine:
    unit, unit_zh = UNITS[product.unit]
    moq = rng.choice([1, 2, 5, 10, 20, 50, 100, 500])
    days = rng.choice([7, 15, 20, 30, 45, 60])
    term, term_zh = rng.choice(INCOTERMS)
    where, where_zh = _countries(markets)
    return DemoTradeLine(
        title=product.title,
        title_zh=product.title_zh,
        text=(
            f"{product.title}: {product.feature}. MOQ {moq} {unit}, lead time {days} days, "
            f"{term}. Export markets: {where}."
        ),
        text_zh=(
            f"{product.title_zh}：{product.feature_zh}。起订量{moq}{unit_zh}，交货期{days}天，"
            f"{term_zh}。出口市场：{where_zh}。"
        ),
        hs_codes=(product.heading, product.hs6),
        sectors=sectors_for(product, owner_sector),
        markets=tuple(markets),
    )


def need_line(
    rng: random.Random, product: Product, need: NeedDraft, owner_sector: str
) -> DemoTradeLine:
    """A specific need names the product; a broad one names the whole HS heading."""
    unit, unit_zh = UNITS[product.unit]
    quantity = rng.choice([10, 20, 50, 100, 200, 500, 1000, 5000])
    requirement, requirement_zh = rng.choice(REQUIREMENTS)
    where, where_zh = _countries(need.markets)
    if need.specific:
        title, title_zh = product.title, product.title_zh
        codes: tuple[str, ...] = (product.heading, product.hs6)
    else:
        title, title_zh = HEADING_TITLES[product.heading]
        codes = (product.heading,)
    return DemoTradeLine(
        title=title,
        title_zh=title_zh,
        text=(
            f"Sourcing {in_sentence(title)} (about {quantity} {unit} a year) from suppliers in "
            f"{where}; {requirement}."
        ),
        text_zh=f"采购{title_zh}，年需求约{quantity}{unit_zh}，供应商来自{where_zh}；{requirement_zh}。",
        hs_codes=codes,
        sectors=sectors_for(product, owner_sector),
        markets=tuple(need.markets),
    )
