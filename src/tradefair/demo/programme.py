"""Draw the 22nd expo's programme for the demo: pure Python, the same seed gives the same data.

The seed's figures are planted exactly: the summit with 4 main events, 12 supporting forums and
1 concurrent event; 15 product launches presenting 70 products, each by an exhibitor whose
offers carry the product's HS code; 80+ activities over the five days, all published; more than
1,000 delegates seated at the summit. Everything else comes from ``random.Random``.
"""

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from tradefair.demo.naming import en_country, in_sentence, zh_country
from tradefair.demo.programme_events import (
    CONCURRENT,
    FORUMS,
    GUANGXI_CITIES,
    LAUNCHES,
    MAIN_EVENTS,
    MATCHMAKING,
    OPENING,
    OTHERS,
    ROOMS,
    SIGNINGS,
    Plan,
    Rooms,
    clock,
)
from tradefair.demo.programme_people import (
    delegate_organisations,
    draw_people,
    draw_speakers,
)
from tradefair.demo.programme_records import (
    DemoActivity,
    DemoLaunchedProduct,
    DemoPerson,
    DemoProgramme,
    DemoRegistration,
    DemoRoom,
    DemoSpeaker,
)
from tradefair.demo.records import DemoExhibitor, DemoExpo, DemoOrganisation, OrgKey
from tradefair.demo.vocabulary import CHINESE_PLACES
from tradefair.expos.reference_data import ASEAN, SECTORS

SECTOR_NAMES = {slug: (name, name_zh) for slug, name, name_zh, _ in SECTORS}
SERIES = [
    ("Lingyun", "凌云"), ("Tianqiong", "天穹"), ("Haiyan", "海燕"), ("Qingfeng", "清风"),
    ("Xinghe", "星河"), ("Pengcheng", "鹏程"), ("Lanjing", "蓝鲸"), ("Mekong", "湄公"),
    ("Lotus", "莲花"), ("Orchid", "兰花"), ("Monsoon", "季风"), ("Beibu", "北部湾"),
]  # fmt: skip
ROMAN = ["I", "II", "III"]
ZH_NUMBERS = ["一", "二", "三"]
# Shares of delegates who register for each kind of summit activity.
MAIN_EVENT_SHARE = 0.55
CONCURRENT_SHARE = 0.35
FORUMS_PER_PERSON = (1, 3)
# Forums people favour: the AI forum fills up and keeps a waiting list.
FORUM_WEIGHTS = {"forum-ai": 5.0, "forum-digital": 2.0, "forum-nqp": 1.5}


def draw_programme(demo: DemoExpo, *, seed: int = 20250917) -> DemoProgramme:
    rng = random.Random(f"{seed}-programme")
    zone = ZoneInfo(demo.time_zone)
    days = (demo.end_date - demo.start_date).days + 1
    halls = {h.code for h in demo.halls}
    rooms = tuple(
        DemoRoom(key, name, name_zh, hall if hall in halls else None, seats)
        for key, name, name_zh, hall, seats in ROOMS
    )
    organisations = delegate_organisations()
    planner = _Planner(demo, rng, Rooms(demo.start_date, days, zone), organisations)
    activities = planner.summit()
    launches, products = planner.launches()
    activities += launches + planner.signings() + planner.promotions() + planner.others()
    # Own generators: the delegates and their seats do not depend on the exhibitors drawn.
    people = draw_people(random.Random(f"{seed}-delegates"), demo, organisations)
    # The opening is by invitation: every delegate's organisation is invited.
    invited = tuple(dict.fromkeys(p.organisation for p in people))
    activities[0] = dataclasses.replace(activities[0], invited=invited)
    capacity = {r.key: r.capacity for r in rooms}
    registrations = _registrations(
        random.Random(f"{seed}-registrations"), activities, people, capacity
    )
    return DemoProgramme(
        rooms=rooms,
        activities=tuple(sorted(activities, key=lambda a: (a.start, a.key))),
        products=tuple(products),
        organisations=tuple(organisations),
        people=tuple(people),
        registrations=tuple(registrations),
    )


class _Planner:
    def __init__(
        self,
        demo: DemoExpo,
        rng: random.Random,
        rooms: Rooms,
        organisations: Sequence[DemoOrganisation],
    ) -> None:
        self.demo = demo
        self.rng = rng
        self.rooms = rooms
        self.zone = rooms.zone
        self.by_name = {o.name: o.key for o in [*organisations, *demo.partners, *demo.investors]}
        self.institutes = [o for o in organisations if o.kind in ("research", "association")]
        self.guangxi = (
            self.by_name.get(
                "Guangxi Zhuang Autonomous Region Council for the Promotion of International Trade"
            )
            or self.by_name["Guangxi Department of Commerce"]
        )

    def _at(self, day: int, start: str, end: str) -> tuple[dt.datetime, dt.datetime]:
        date = self.rooms.day(day)
        return clock(date, start, self.zone), clock(date, end, self.zone)

    def _fixed(
        self, kind: str, plan: Plan, audience: str, speakers: tuple[DemoSpeaker, ...]
    ) -> DemoActivity:
        key, day, start, end, room, title, title_zh, sectors = plan
        begins, ends = self._at(day, start, end)
        self.rooms.book(room, begins, ends)
        return DemoActivity(
            key=key,
            kind=kind,
            title=title,
            title_zh=title_zh,
            description=_summit_text(kind, title),
            description_zh=_summit_text_zh(kind, title_zh),
            start=begins,
            end=ends,
            room=room,
            audience=audience,
            sectors=sectors,
            hosts=(self.guangxi,),
            speakers=speakers,
        )

    def summit(self) -> list[DemoActivity]:
        rng = self.rng
        begins, ends = self._at(0, "09:00", "10:30")
        self.rooms.book("grand", begins, ends)
        self.rooms.hold(begins, ends)
        used: set[str] = set()  # speakers' names, one person each
        opening = DemoActivity(
            key="opening",
            kind="opening",
            title=OPENING[0],
            title_zh=OPENING[1],
            description=OPENING[2],
            description_zh=OPENING[3],
            start=begins,
            end=ends,
            room="grand",
            audience="invitation",
            hosts=(self.guangxi,),
            speakers=draw_speakers(
                rng, officials=6, experts=0, moderated=False, institutes=[], used=used
            ),
        )
        out = [opening]
        for plan in MAIN_EVENTS:
            speakers = draw_speakers(
                rng, officials=2, experts=3, moderated=True, institutes=self.institutes, used=used
            )
            out.append(self._fixed("main_event", plan, "registration", speakers))
        for plan in FORUMS:
            speakers = draw_speakers(
                rng,
                officials=1,
                experts=rng.randint(3, 5),
                moderated=True,
                institutes=self.institutes,
                used=used,
                officials_first="speaker",
            )
            out.append(self._fixed("forum", plan, "registration", speakers))
        speakers = draw_speakers(
            rng, officials=2, experts=4, moderated=True, institutes=self.institutes, used=used
        )
        out.append(self._fixed("concurrent", CONCURRENT, "registration", speakers))
        return out

    def launches(self) -> tuple[list[DemoActivity], list[DemoLaunchedProduct]]:
        """15 launch events; each product is one of its exhibitor's offers, in a new series."""
        rng = self.rng
        offering = [e for e in self.demo.exhibitors if any(o.hs_codes for o in e.offers)]
        rounds: dict[str, int] = {}
        activities: list[DemoActivity] = []
        products: list[DemoLaunchedProduct] = []
        names: set[tuple[OrgKey, str]] = set()
        for number, (sector, stage, day, count) in enumerate(LAUNCHES, start=1):
            n = rounds[sector] = rounds.get(sector, 0) + 1
            name, name_zh = SECTOR_NAMES[sector]
            room, start, end = self.rooms.place([stage], [day, *range(self.rooms.days)], 60)
            same = [e for e in offering if e.sector == sector]
            pool = same if len(same) >= count else offering
            chosen = rng.sample(pool, min(count, len(pool))) if pool else []
            key = f"launch-{number}"
            for exhibitor in chosen:
                products.append(self._product(key, exhibitor, names))
            activities.append(
                DemoActivity(
                    key=key,
                    kind="launch",
                    title=f"New Product Debut: {name} ({ROMAN[n - 1]})",
                    title_zh=f"新品首发：{name_zh}专场（{ZH_NUMBERS[n - 1]}）",
                    description=(
                        f"{len(chosen)} exhibitors present new {name.lower()} products for the "
                        "first time, with live demonstrations."
                    ),
                    description_zh=f"{len(chosen)}家参展企业首次发布{name_zh}领域新产品，并现场演示。",
                    start=start,
                    end=end,
                    room=room,
                    audience="open",
                    hosts=tuple(e.organisation.key for e in chosen),
                    sectors=(sector,),
                )
            )
        return activities, products

    def _product(
        self, activity: str, exhibitor: DemoExhibitor, names: set[tuple[OrgKey, str]]
    ) -> DemoLaunchedProduct:
        rng = self.rng
        org = exhibitor.organisation
        offer = rng.choice([o for o in exhibitor.offers if o.hs_codes])
        code = max(offer.hs_codes, key=len)  # the 6-digit subheading when the offer names one
        while True:
            series, series_zh = rng.choice(SERIES)
            model = f"{rng.choice('XSMPQ')}{rng.randint(1, 9)}"
            name = f"{offer.title} — {series} {model} series"
            if (org.key, name) not in names:
                names.add((org.key, name))
                break
        feature = offer.text.split(" MOQ ")[0]
        # Chinese makers premiere at home or for ASEAN; foreign ones bring a product to China.
        scope = rng.choice(["world", "world", "asean"]) if org.country == "CN" else "china"
        return DemoLaunchedProduct(
            activity=activity,
            exhibitor=org.key,
            name=name,
            name_zh=f"{offer.title_zh}（{series_zh}{model}系列）",
            hs_code=code,
            description=f"The {series} {model} generation of {in_sentence(feature)}",
            description_zh=f"{org.name_zh}发布{series_zh}{model}系列{offer.title_zh}。",
            first_launch=scope,
        )

    def signings(self) -> list[DemoActivity]:
        rng = self.rng
        investors = [o.key for o in self.demo.investors]
        out = []
        for n, (title, title_zh, sector) in enumerate(SIGNINGS):
            room, start, end = self.rooms.place(["signing"], [n % 4, *range(self.rooms.days)], 60)
            hosts = (self.guangxi, *rng.sample(investors, min(2, len(investors))))
            out.append(
                DemoActivity(
                    key=f"signing-{n + 1}",
                    kind="signing",
                    title=title,
                    title_zh=title_zh,
                    description="Partners sign the projects and orders agreed at the expo.",
                    description_zh="合作各方签署在博览会期间达成的项目和订单。",
                    start=start,
                    end=end,
                    room=room,
                    audience="invitation",
                    hosts=hosts,
                    invited=hosts,
                    sectors=(sector,) if sector else (),
                )
            )
        return out

    def promotions(self) -> list[DemoActivity]:
        out = []
        for n, country in enumerate(ASEAN):
            name, name_zh = en_country(country), zh_country(country)
            office = self.by_name.get(f"{name} Trade and Investment Promotion Office")
            room, start, end = self.rooms.place(["asean"], [2 + n % 3, *range(self.rooms.days)], 90)
            out.append(
                self._promotion(
                    f"promotion-{country.lower()}",
                    f"{name} Trade and Investment Promotion Conference",
                    f"{name_zh}贸易投资推介会",
                    f"Investment opportunities and export products of {name}.",
                    f"介绍{name_zh}的投资机遇和出口产品。",
                    (room, start, end),
                    (office,) if office else (),
                )
            )
        zh_of = {p[0]: p[1] for p in CHINESE_PLACES}
        for n, city in enumerate(GUANGXI_CITIES):
            council = self.by_name.get(
                f"{city} Municipal Council for the Promotion of International Trade", self.guangxi
            )
            room, start, end = self.rooms.place(
                ["forum-1", "forum-2", "forum-3"], [2 + n % 3, *range(self.rooms.days)], 90
            )
            out.append(
                self._promotion(
                    f"promotion-{city.lower()}",
                    f"{city} Investment Promotion Conference",
                    f"{zh_of[city]}投资推介会",
                    f"{city} presents its industrial parks and projects to ASEAN investors.",
                    f"{zh_of[city]}向东盟投资者推介产业园区和重点项目。",
                    (room, start, end),
                    (council,),
                )
            )
        for n, sector in enumerate(MATCHMAKING):
            name, name_zh = SECTOR_NAMES[sector]
            room, start, end = self.rooms.place(
                ["matchmaking"], [n % 5, *range(self.rooms.days)], 120
            )
            out.append(
                self._promotion(
                    f"matchmaking-{sector}",
                    f"Procurement Matchmaking: {name}",
                    f"{name_zh}采购对接会",
                    f"Buyers meet exhibitors of {name.lower()} on the matchmaking stage.",
                    f"{name_zh}领域采购商与参展商现场对接。",
                    (room, start, end),
                    (self.guangxi,),
                    sectors=(sector,),
                )
            )
        return out

    def _promotion(
        self,
        key: str,
        title: str,
        title_zh: str,
        text: str,
        text_zh: str,
        where: tuple[str, dt.datetime, dt.datetime],
        hosts: tuple[OrgKey, ...],
        sectors: tuple[str, ...] = (),
    ) -> DemoActivity:
        room, start, end = where
        return DemoActivity(
            key=key,
            kind="promotion",
            title=title,
            title_zh=title_zh,
            description=text,
            description_zh=text_zh,
            start=start,
            end=end,
            room=room,
            audience="registration",
            hosts=hosts,
            sectors=sectors,
        )

    def others(self) -> list[DemoActivity]:
        out = []
        for n, (title, title_zh, room, day, minutes, fixed) in enumerate(OTHERS):
            if fixed:
                start = clock(self.rooms.day(day), fixed, self.zone)
                end = start + dt.timedelta(minutes=minutes)
                if room:
                    self.rooms.book(room, start, end)
            else:
                room, start, end = self.rooms.place([room], [day, *range(self.rooms.days)], minutes)
            workshop = title.startswith("Workshop")
            out.append(
                DemoActivity(
                    key=f"other-{n + 1}",
                    kind="other",
                    title=title,
                    title_zh=title_zh,
                    description="Part of the 22nd China-ASEAN Expo's programme.",
                    description_zh="第22届中国—东盟博览会配套活动。",
                    start=start,
                    end=end,
                    room=room or None,
                    audience="registration" if workshop else "open",
                    hosts=(self.guangxi,),
                )
            )
        return out


def _summit_text(kind: str, title: str) -> str:
    if kind == "concurrent":
        return f"{title}: the summit's concurrent event, for investors and project owners."
    if kind == "main_event":
        return f"{title}: a main event of the China-ASEAN Business and Investment Summit."
    return f"{title}: a supporting event of the China-ASEAN Business and Investment Summit."


def _summit_text_zh(kind: str, title_zh: str) -> str:
    if kind == "concurrent":
        return f"{title_zh}：峰会同期活动，面向投资者和项目方。"
    if kind == "main_event":
        return f"{title_zh}：中国—东盟商务与投资峰会主体活动。"
    return f"{title_zh}：中国—东盟商务与投资峰会配套活动。"


SUMMIT = ("opening", "main_event", "forum", "concurrent")


def _registrations(
    rng: random.Random,
    activities: Sequence[DemoActivity],
    people: Sequence[DemoPerson],
    capacity: dict[str, int],
) -> list[DemoRegistration]:
    """Every delegate at the opening, most at main events, 1 to 3 forums each, never overlapping.

    Requests are served in a shuffled arrival order: seats while they last, then the waiting
    list, as the registration service would.
    """
    summit = [a for a in activities if a.kind in SUMMIT]
    main = [a for a in summit if a.kind in ("main_event", "concurrent")]
    forums = [a for a in summit if a.kind == "forum"]
    weights = [FORUM_WEIGHTS.get(f.key, 1.0) for f in forums]
    wanted: list[tuple[DemoActivity, int]] = []
    for index in range(len(people)):
        mine = [summit[0]]  # the opening: every delegate's organisation is invited
        for activity in main:
            share = CONCURRENT_SHARE if activity.kind == "concurrent" else MAIN_EVENT_SHARE
            if rng.random() < share:
                mine.append(activity)
        for _ in range(rng.randint(*FORUMS_PER_PERSON)):
            forum = rng.choices(forums, weights=weights)[0]
            if all(forum.end <= a.start or forum.start >= a.end for a in mine):
                mine.append(forum)
        wanted += [(a, index) for a in mine]
    rng.shuffle(wanted)
    seats: dict[str, int] = {}
    out = []
    for activity, index in wanted:
        limit = activity.capacity or (capacity[activity.room] if activity.room else None)
        taken = seats.get(activity.key, 0)
        if limit is None or taken < limit:
            seats[activity.key] = taken + 1
            out.append(DemoRegistration(activity.key, index, taken + 1))
        else:
            out.append(DemoRegistration(activity.key, index, None))
    return out
