# ruff: noqa: E501  (the pavilion plan is a table: one pavilion per line)
"""The floor of the Nanning International Convention and Exhibition Center for the demo.

Eight halls of 80 m depth add up to the 160,000 m² the press conference quotes. Each pavilion
is a full-depth strip of its hall, laid out as rows of island blocks (``demo/floor.py``).
"""

import random

from tradefair.demo.records import DemoHall, DemoPavilion

HALL_DEPTH_M = 80

# code, m²
HALLS = [("A1", 24_000), ("A2", 22_000), ("B1", 20_000), ("B2", 20_000), ("C1", 20_000),
         ("C2", 20_000), ("D1", 18_000), ("D2", 16_000)]  # fmt: skip

# code, hall, English, Chinese, sector slug or country code, m², booth-size mix
COMPACT, STANDARD, LARGE = "compact", "standard", "large"
# fmt: off
PAVILION_PLAN: list[tuple[str, str, str, str, str, int, str]] = [
    ("ai", "A1", "Artificial Intelligence Pavilion", "人工智能馆", "artificial-intelligence", 10_000, STANDARD),
    ("nqp", "A1", "New Quality Productivity Pavilion", "新质生产力馆", "new-quality-productivity", 13_000, STANDARD),
    ("digital", "A2", "Digital Economy Pavilion", "数字经济馆", "digital-economy", 10_500, STANDARD),
    ("green", "A2", "Green Economy Pavilion", "绿色经济馆", "green-economy", 11_000, STANDARD),
    ("machinery", "B1", "Machinery and Equipment Pavilion", "机械装备馆", "machinery-equipment", 12_000, STANDARD),
    ("building", "B1", "Building Materials and Home Pavilion", "建材家居馆", "building-materials", 7_000, STANDARD),
    ("foreign-trade", "B2", "Foreign-Trade Quality Products Pavilion", "外贸优品馆", "foreign-trade-quality-products", 9_000, COMPACT),
    ("blue", "D1", "Blue Economy Pavilion", "蓝色经济馆", "blue-economy", 7_000, STANDARD),
    ("textiles", "B2", "Textiles and Apparel Pavilion", "纺织服装馆", "textiles-apparel", 3_500, COMPACT),
    ("vietnam", "C1", "Vietnam Pavilion", "越南馆", "VN", 5_500, COMPACT),
    ("thailand", "C1", "Thailand Pavilion", "泰国馆", "TH", 4_000, COMPACT),
    ("malaysia", "C1", "Malaysia Pavilion", "马来西亚馆", "MY", 4_200, COMPACT),
    ("indonesia", "C1", "Indonesia Pavilion", "印度尼西亚馆", "ID", 3_600, COMPACT),
    ("cambodia", "C1", "Cambodia Pavilion", "柬埔寨馆", "KH", 2_000, COMPACT),
    ("laos", "C2", "Laos Pavilion", "老挝馆", "LA", 2_000, COMPACT),
    ("myanmar", "C2", "Myanmar Pavilion", "缅甸馆", "MM", 2_100, COMPACT),
    ("international", "C2", "International Pavilion", "国际馆", "", 7_000, COMPACT),
    ("healthcare", "D2", "Healthcare and Biomedicine Pavilion", "医疗健康与生物医药馆", "healthcare", 6_500, STANDARD),
    ("agriculture", "D1", "Agriculture and Food Pavilion", "农业与食品馆", "agriculture-food", 9_500, COMPACT),
    ("forestry", "D2", "Forestry, Wood and Rubber Pavilion", "林业、木材与橡胶馆", "forestry-rubber", 4_500, STANDARD),
]
# fmt: on

# (width, depth) in metres and how often each size is booked, per mix.
BOOTH_SIZES = [(3, 3), (6, 3), (6, 6), (9, 6), (12, 6), (12, 9)]
SIZE_WEIGHTS: dict[str, list[float]] = {
    COMPACT: [60, 30, 7, 2.5, 0.5, 0],
    STANDARD: [40, 35, 15, 6, 3, 1],
    LARGE: [15, 30, 25, 15, 9, 6],
}


def country_pavilions() -> dict[str, str]:
    """Country code → code of the pavilion that country contracted."""
    return {key: code for code, _, _, _, key, _, _ in PAVILION_PLAN if len(key) == 2}


def sector_pavilions() -> dict[str, str]:
    return {key: code for code, _, _, _, key, _, _ in PAVILION_PLAN if len(key) > 2}


def build_halls_and_pavilions() -> tuple[list[DemoHall], list[DemoPavilion]]:
    halls = [
        DemoHall(code, f"Hall {code}", f"{code}号馆", area, area // HALL_DEPTH_M, HALL_DEPTH_M)
        for code, area in HALLS
    ]
    pavilions: list[DemoPavilion] = []
    used_width: dict[str, float] = {}
    for code, hall, name, name_zh, key, area, _ in PAVILION_PLAN:
        width = area / HALL_DEPTH_M
        x = used_width.get(hall, 0.0)
        used_width[hall] = x + width
        is_country = len(key) == 2
        pavilions.append(
            DemoPavilion(
                code=code,
                hall=hall,
                name=name,
                name_zh=name_zh,
                kind="country" if is_country else "themed",
                sector=key if len(key) > 2 else None,
                country=key if is_country else None,
                area_m2=area,
                x_m=x,
                width_m=width,
            )
        )
    return halls, pavilions


def booth_size(rng: random.Random, pavilion_code: str) -> tuple[int, int]:
    mix = next(plan[6] for plan in PAVILION_PLAN if plan[0] == pavilion_code)
    return rng.choices(BOOTH_SIZES, weights=SIZE_WEIGHTS[mix])[0]
