# ruff: noqa: E501  (the event plans are tables: one activity per line)
"""The rooms of the venue and the plan of every activity but the product launches' products.

The summit (17 and 18 September) follows the seed: an opening ceremony, 4 main events, supporting
forums on the expo's sectors and 1 concurrent event, at fixed times. Launches, signings,
promotions and other activities are placed by ``Rooms.place``: the first free window of
their room on the days asked for, so no room is ever booked twice.
"""

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

# key, English, Chinese, hall code, seats
ROOMS = [
    ("grand", "Grand Hall", "大会堂", "A1", 1500),
    ("multi", "Multi-function Hall", "多功能厅", "A2", 600),
    ("forum-1", "Forum Room 1", "论坛1号厅", "B1", 300),
    ("forum-2", "Forum Room 2", "论坛2号厅", "B1", 250),
    ("forum-3", "Forum Room 3", "论坛3号厅", "B2", 250),
    ("forum-4", "Forum Room 4", "论坛4号厅", "B2", 200),
    ("forum-5", "Forum Room 5", "论坛5号厅", "D2", 200),
    ("forum-6", "Forum Room 6", "论坛6号厅", "D2", 150),
    ("signing", "Signing Hall", "签约厅", "B2", 300),
    ("asean", "ASEAN Promotion Hall", "东盟推介厅", "C1", 250),
    ("matchmaking", "Matchmaking Stage", "对接活动区", "C2", 200),
    ("stage-a1", "Launch Stage A1", "A1馆新品发布台", "A1", 150),
    ("stage-a2", "Launch Stage A2", "A2馆新品发布台", "A2", 150),
    ("stage-b1", "Launch Stage B1", "B1馆新品发布台", "B1", 120),
    ("stage-b2", "Launch Stage B2", "B2馆新品发布台", "B2", 120),
    ("stage-d1", "Launch Stage D1", "D1馆新品发布台", "D1", 120),
    ("stage-d2", "Launch Stage D2", "D2馆新品发布台", "D2", 100),
]

OPENING = (
    "Opening Ceremony of the 22nd China-ASEAN Expo and China-ASEAN Business and Investment Summit",
    "第22届中国—东盟博览会和中国—东盟商务与投资峰会开幕式",
    "Chinese and foreign leaders open the expo and the summit in the Grand Hall.",
    "中外领导人在大会堂共同出席开幕式。",
)
# key, day, start, end, room, English, Chinese, sector slugs
Plan = tuple[str, int, str, str, str, str, str, tuple[str, ...]]
MAIN_EVENTS: list[Plan] = [
    (
        "main-1",
        0,
        "10:45",
        "12:15",
        "grand",
        "China-ASEAN Business Leaders Forum",
        "中国—东盟工商领袖论坛",
        ("artificial-intelligence",),
    ),
    (
        "main-2",
        0,
        "14:00",
        "15:30",
        "grand",
        "Establishment of the China-ASEAN Business Council Artificial Intelligence Professional Committee",
        "中国—东盟商务理事会人工智能专业委员会成立仪式",
        ("artificial-intelligence",),
    ),
    (
        "main-3",
        1,
        "09:00",
        "10:30",
        "grand",
        "Release of Initiatives and Research Reports on China-ASEAN AI Industry Cooperation",
        "中国—东盟人工智能产业合作倡议及研究报告发布会",
        ("artificial-intelligence", "digital-economy"),
    ),
    (
        "main-4",
        1,
        "10:45",
        "12:15",
        "grand",
        "High-level Dialogue on the China-ASEAN Free Trade Area 3.0",
        "中国—东盟自贸区3.0版高层对话会",
        (),
    ),
]
CONCURRENT: Plan = (
    "concurrent",
    1,
    "14:00",
    "16:30",
    "multi",
    "China-ASEAN Investment Cooperation Conference",
    "中国—东盟投资合作大会",
    ("new-quality-productivity", "green-economy"),
)
FORUMS: list[Plan] = [
    (
        "forum-ai",
        0,
        "14:00",
        "15:30",
        "forum-6",
        "China-ASEAN Forum on AI Applications",
        "中国—东盟人工智能应用合作论坛",
        ("artificial-intelligence",),
    ),
    (
        "forum-nqp",
        0,
        "14:00",
        "15:30",
        "forum-2",
        "Forum on New Quality Productivity and Industrial Chains",
        "新质生产力与产业链合作论坛",
        ("new-quality-productivity",),
    ),
    (
        "forum-digital",
        0,
        "14:00",
        "15:30",
        "forum-3",
        "China-ASEAN Digital Economy Cooperation Forum",
        "中国—东盟数字经济合作论坛",
        ("digital-economy",),
    ),
    (
        "forum-green",
        0,
        "16:00",
        "17:30",
        "forum-4",
        "Forum on the Green Economy and the Energy Transition",
        "绿色经济与能源转型论坛",
        ("green-economy",),
    ),
    (
        "forum-blue",
        0,
        "16:00",
        "17:30",
        "forum-5",
        "China-ASEAN Blue Economy Cooperation Forum",
        "中国—东盟蓝色经济合作论坛",
        ("blue-economy",),
    ),
    (
        "forum-ecommerce",
        0,
        "16:00",
        "17:30",
        "forum-1",
        "Forum on Cross-border E-commerce and Digital Trade",
        "跨境电商与数字贸易论坛",
        ("digital-economy",),
    ),
    (
        "forum-corridor",
        0,
        "16:00",
        "17:30",
        "multi",
        "Forum on the New International Land-Sea Trade Corridor",
        "西部陆海新通道合作论坛",
        (),
    ),
    (
        "forum-agriculture",
        1,
        "09:00",
        "10:30",
        "forum-1",
        "Forum on Agricultural Cooperation and Food Security",
        "农业合作与粮食安全论坛",
        ("agriculture-food",),
    ),
    (
        "forum-health",
        1,
        "09:00",
        "10:30",
        "forum-2",
        "China-ASEAN Healthcare and Biomedicine Forum",
        "中国—东盟医疗健康与生物医药论坛",
        ("healthcare",),
    ),
    (
        "forum-finance",
        1,
        "10:45",
        "12:15",
        "forum-3",
        "Forum on Financial Cooperation and Cross-border RMB Settlement",
        "金融合作与跨境人民币结算论坛",
        (),
    ),
    (
        "forum-rcep",
        1,
        "14:00",
        "16:00",
        "forum-4",
        "Forum on RCEP Rules and Trade Facilitation",
        "RCEP规则与贸易便利化论坛",
        (),
    ),
    (
        "forum-youth",
        1,
        "14:00",
        "16:00",
        "forum-5",
        "China-ASEAN Youth Entrepreneurship and Innovation Forum",
        "中国—东盟青年创业创新论坛",
        ("artificial-intelligence",),
    ),
]
# sector slug, launch stage, day, products presented (15 launches, 70 products)
LAUNCHES = [
    ("artificial-intelligence", "stage-a1", 0, 5), ("artificial-intelligence", "stage-a1", 2, 5),
    ("new-quality-productivity", "stage-a1", 1, 5), ("new-quality-productivity", "stage-a1", 3, 5),
    ("digital-economy", "stage-a2", 0, 5), ("digital-economy", "stage-a2", 2, 5),
    ("green-economy", "stage-a2", 1, 5), ("green-economy", "stage-a2", 3, 5),
    ("machinery-equipment", "stage-b1", 1, 5), ("blue-economy", "stage-d1", 2, 5),
    ("agriculture-food", "stage-d1", 3, 4), ("healthcare", "stage-d2", 1, 4),
    ("foreign-trade-quality-products", "stage-b2", 2, 4), ("building-materials", "stage-b1", 4, 4),
    ("textiles-apparel", "stage-b2", 4, 4),
]  # fmt: skip
# English, Chinese, sector slug or ""
SIGNINGS = [
    (
        "Signing Ceremony of Major China-ASEAN Investment Projects",
        "中国—东盟重大投资项目签约仪式",
        "",
    ),
    (
        "Signing Ceremony of Digital Economy Cooperation Projects",
        "数字经济合作项目签约仪式",
        "digital-economy",
    ),
    (
        "Signing Ceremony of Artificial Intelligence Cooperation Projects",
        "人工智能合作项目签约仪式",
        "artificial-intelligence",
    ),
    (
        "Signing Ceremony of Green Economy and New Energy Projects",
        "绿色经济与新能源项目签约仪式",
        "green-economy",
    ),
    ("Signing Ceremony of Agricultural Trade Orders", "农产品贸易订单签约仪式", "agriculture-food"),
    (
        "Signing Ceremony of Blue Economy and Marine Fisheries Projects",
        "蓝色经济与海洋渔业项目签约仪式",
        "blue-economy",
    ),
    (
        "Signing Ceremony of Industrial Park Cooperation Projects",
        "产业园区合作项目签约仪式",
        "new-quality-productivity",
    ),
    ("Signing Ceremony of Cross-border Logistics Projects", "跨境物流项目签约仪式", ""),
    (
        "Signing Ceremony of Machinery and Equipment Trade Orders",
        "机械装备贸易订单签约仪式",
        "machinery-equipment",
    ),
    (
        "Signing Ceremony of Healthcare Cooperation Projects",
        "医疗健康合作项目签约仪式",
        "healthcare",
    ),
    (
        "Signing Ceremony of Foreign-Trade Quality Products Orders",
        "外贸优品订单签约仪式",
        "foreign-trade-quality-products",
    ),
    (
        "Signing Ceremony of Building Materials Trade Orders",
        "建材贸易订单签约仪式",
        "building-materials",
    ),
]
GUANGXI_CITIES = [
    "Nanning",
    "Liuzhou",
    "Guilin",
    "Wuzhou",
    "Beihai",
    "Qinzhou",
    "Fangchenggang",
    "Yulin",
    "Baise",
    "Chongzuo",
]
MATCHMAKING = [
    "artificial-intelligence", "agriculture-food", "machinery-equipment", "healthcare",
    "green-economy", "textiles-apparel",
]  # fmt: skip
# English, Chinese, room key ("": no room), day, minutes, fixed start ("": the first free window)
OTHERS = [
    ("Press Conference of the 22nd China-ASEAN Expo", "第22届中国—东盟博览会新闻发布会", "multi", 0, 60, "18:00"),
    ("Welcome Reception for Summit Guests", "峰会欢迎招待会", "", 0, 120, "19:00"),
    ("ASEAN Cultural Performance Evening", "东盟文艺晚会", "", 1, 90, "19:30"),
    ("Guided Tour of the Artificial Intelligence Pavilion", "人工智能馆导览", "stage-a1", 1, 60, ""),
    ("Guided Tour of the New Quality Productivity Pavilion", "新质生产力馆导览", "stage-a1", 2, 60, ""),
    ("AI Start-up Pitch Session", "人工智能初创企业路演", "stage-a2", 3, 120, ""),
    ("ASEAN Food Culture Festival", "东盟美食文化节", "stage-d1", 2, 120, ""),
    ("Cross-border E-commerce Live-streaming Festival", "跨境电商直播节", "stage-b2", 3, 120, ""),
    ("China-ASEAN Youth Innovation Camp", "中国—东盟青年创新营", "forum-6", 2, 180, ""),
    ("Workshop: Using RCEP Certificates of Origin", "RCEP原产地证书实务培训", "forum-4", 2, 90, ""),
    ("Workshop: Exporting Tropical Fruit to China", "热带水果输华实务培训", "forum-5", 3, 90, ""),
    ("China-Laos Railway Logistics Roadshow", "中老铁路物流路演", "matchmaking", 2, 90, ""),
    ("Media Briefing on the Results of the Expo", "博览会成果新闻发布会", "multi", 4, 60, "15:00"),
]  # fmt: skip

FIRST_START = dt.time(9, 0)
LAST_END = dt.time(18, 0)
STEP = dt.timedelta(minutes=30)


def clock(day: dt.date, text: str, zone: ZoneInfo) -> dt.datetime:
    hours, minutes = (int(part) for part in text.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=zone)


class Rooms:
    """Bookings per room; ``book`` refuses a double booking, ``place`` finds a free window."""

    def __init__(self, first_day: dt.date, days: int, zone: ZoneInfo) -> None:
        self.first_day = first_day
        self.days = days
        self.zone = zone
        self.booked: dict[str, list[tuple[dt.datetime, dt.datetime]]] = {}
        self.quiet: list[tuple[dt.datetime, dt.datetime]] = []  # nothing else is placed then

    def hold(self, start: dt.datetime, end: dt.datetime) -> None:
        """Keep every room free of placed activities then (the opening ceremony)."""
        self.quiet.append((start, end))

    def day(self, offset: int) -> dt.date:
        return self.first_day + dt.timedelta(days=min(offset, self.days - 1))

    def free(self, room: str, start: dt.datetime, end: dt.datetime) -> bool:
        return all(end <= s or start >= e for s, e in self.booked.get(room, []))

    def book(self, room: str, start: dt.datetime, end: dt.datetime) -> None:
        if not self.free(room, start, end):
            raise ValueError(f"room {room} is booked twice at {start:%d %b %H:%M}")
        self.booked.setdefault(room, []).append((start, end))

    def place(
        self, rooms: Sequence[str], days: Sequence[int], minutes: int
    ) -> tuple[str, dt.datetime, dt.datetime]:
        """The earliest free window on the first of ``days`` that has one, in ``rooms`` order."""
        length = dt.timedelta(minutes=minutes)
        for offset in days:
            day = self.day(offset)
            start = dt.datetime.combine(day, FIRST_START, tzinfo=self.zone)
            last = dt.datetime.combine(day, LAST_END, tzinfo=self.zone)
            while start + length <= last:
                if any(start < e and start + length > s for s, e in self.quiet):
                    start += STEP
                    continue
                for room in rooms:
                    if self.free(room, start, start + length):
                        self.book(room, start, start + length)
                        return room, start, start + length
                start += STEP
        raise ValueError(f"no free window of {minutes} minutes in {', '.join(rooms)}")
