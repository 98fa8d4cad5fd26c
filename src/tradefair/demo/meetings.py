"""B2B meeting data for the demo: negotiation sessions, interpreters, meeting profiles, requests.

Pure Python (no Django), drawn from its own ``random.Random`` so the rest of the demo stays
byte-for-byte what it was. The size follows the design's reference problem: five days of
eighteen 20-minute slots (09:00 to 12:00 and 13:30 to 16:30, Nanning time) with 1,200 tables each in
Hall C2 (the hall with the most floor left beside its pavilions), about 100 interpreters and
about 150,000 requests. Nothing is scheduled: the organiser runs the scheduler from the console.
See ``docs/algorithms/demo-data.md``.
"""

import datetime as dt
import random
from collections.abc import Sequence

from tradefair.demo.meeting_requests import draw_requests
from tradefair.demo.records import (
    DemoExpo,
    DemoInterpreter,
    DemoMeetings,
    DemoProfile,
    DemoSession,
    OrgKey,
)

TABLES = 1200
INTERPRETERS = 100
HALL = "C2"
SLOT_MINUTES = 20
HALF_DAYS = [
    ("morning", "上午", dt.time(9, 0), dt.time(12, 0)),
    ("afternoon", "下午", dt.time(13, 30), dt.time(16, 30)),
]

# A country's working language, and how often its people also speak English or Chinese:
# (language, English share for buyers, Chinese share for buyers, the same for exhibitors).
# ASEAN exhibitors at the China-ASEAN Expo usually bring Chinese-speaking staff; buyers less so.
LANGUAGES: dict[str, tuple[str, float, float, float, float]] = {
    "CN": ("zh", 0.35, 0.0, 0.70, 0.0),
    "VN": ("vi", 0.60, 0.50, 0.55, 0.80),
    "TH": ("th", 0.60, 0.50, 0.55, 0.80),
    "ID": ("id", 0.65, 0.45, 0.60, 0.75),
    "MY": ("ms", 0.90, 0.55, 0.90, 0.80),
    "SG": ("en", 0.0, 0.80, 0.0, 0.90),
    "PH": ("tl", 0.95, 0.15, 0.95, 0.50),
    "KH": ("km", 0.45, 0.40, 0.45, 0.75),
    "LA": ("lo", 0.35, 0.40, 0.35, 0.75),
    "MM": ("my", 0.45, 0.40, 0.45, 0.75),
    "BN": ("ms", 0.90, 0.30, 0.90, 0.50),
}
OTHER_LANGUAGES = ("en", 0.0, 0.08, 0.0, 0.25)  # everyone else negotiates in English

# Language pairs of the interpreter pool: mostly Chinese and one ASEAN language.
INTERPRETER_PAIRS: list[tuple[tuple[str, ...], int]] = [
    (("zh", "vi"), 20), (("zh", "th"), 17), (("zh", "id"), 13), (("zh", "ms"), 8),
    (("zh", "en"), 13), (("zh", "km"), 6), (("zh", "lo"), 5), (("zh", "my"), 6),
    (("zh", "tl"), 3), (("en", "vi"), 2), (("en", "th"), 2), (("en", "id"), 2),
    (("en", "ms", "zh"), 3),
]  # fmt: skip
# Family and given names by the interpreter's own language, in the order people use them.
PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "zh": (
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Lu", "Wei", "Mo", "Qin", "Lan", "Tang",
         "Zhou", "Xie", "Liang", "Nong"),
        ("Meiling", "Xiaoyu", "Jiahui", "Haoran", "Yifan", "Lina", "Wenjing", "Zihan", "Tingting",
         "Jun", "Lei", "Qian", "Shuang", "Yuxin", "Mingzhe", "Ruoxi"),
        True,
    ),
    "vi": (("Nguyen", "Tran", "Le", "Pham", "Hoang"),
           ("Thi Lan", "Van Minh", "Thu Trang", "Duc Anh"), True),
    "th": (("Suksawat", "Wongsa", "Chaiyaporn", "Srisuk"),
           ("Somchai", "Nattaya", "Kanya", "Arthit"), False),
    "id": (("Santoso", "Lestari", "Wijaya", "Saputra"), ("Budi", "Dewi", "Rina", "Agus"), False),
    "ms": (("Abdullah", "Ismail", "Rahman"), ("Nur Aisyah", "Ahmad Faiz", "Siti Hajar"), False),
    "km": (("Sok", "Chan", "Keo"), ("Dara", "Sophea", "Vannak"), True),
    "lo": (("Phommachanh", "Sisavath", "Vongsa"), ("Khamla", "Noy", "Souk"), False),
    "my": (("Aung", "Kyaw", "Thant"), ("Hnin Wai", "Min Zaw", "Su Su"), False),
    "tl": (("Santos", "Reyes", "Cruz"), ("Maria", "Jose", "Angelica"), False),
}  # fmt: skip
INTERPRETER_DOMAIN = "interpreters.caexpo.demo"

# Shares of participants who are not there every day, and of meeting caps.
BUYER_LIMITED, BUYER_MORNINGS_ONLY = 0.12, 0.25
EXHIBITOR_LEAVES_EARLY = 0.05
BUYER_CAP, BUYER_CAP_RANGE = 0.25, (4, 12)
EXHIBITOR_CAP, EXHIBITOR_CAP_RANGE = 0.35, (15, 60)
INTERPRETER_LIMITED = 0.30


def draw_meetings(
    demo: DemoExpo,
    *,
    seed: int,
    tables: int = TABLES,
    interpreters: int = INTERPRETERS,
) -> DemoMeetings:
    """Sessions, interpreters, profiles and requests for ``demo``; the same seed, the same data.

    ``tables`` and ``interpreters`` scale the venue down for a small test expo; the requests
    follow the expo's fits.
    """
    rng = random.Random(f"{seed}-meetings")
    sessions = _sessions(demo, tables)
    return DemoMeetings(
        sessions=tuple(sessions),
        interpreters=tuple(_interpreters(rng, interpreters, len(sessions))),
        profiles=tuple(_profiles(rng, demo, len(sessions))),
        requests=tuple(draw_requests(rng, demo)),
    )


def _sessions(demo: DemoExpo, tables: int) -> list[DemoSession]:
    days = (demo.end_date - demo.start_date).days + 1
    out = []
    for offset in range(days):
        date = demo.start_date + dt.timedelta(days=offset)
        for half, half_zh, start, end in HALF_DAYS:
            out.append(
                DemoSession(
                    name=f"Procurement negotiations, {date:%-d %B} {half}",
                    name_zh=f"{date.month}月{date.day}日{half_zh}采购洽谈会",
                    hall=HALL,
                    date=date,
                    start_time=start,
                    end_time=end,
                    slot_minutes=SLOT_MINUTES,
                    tables=tables,
                )
            )
    return out


def _days(rng: random.Random, sessions: int, first: int, last: int) -> list[int]:
    """A run of consecutive days (between ``first`` and ``last`` of them), as day numbers."""
    days = sessions // len(HALF_DAYS)
    length = rng.randint(min(first, days), min(last, days))
    start = rng.randint(0, days - length)
    return list(range(start, start + length))


def _session_ids(days: Sequence[int], mornings_only: bool = False) -> tuple[int, ...]:
    halves = 1 if mornings_only else len(HALF_DAYS)
    return tuple(day * len(HALF_DAYS) + half for day in days for half in range(halves))


def _interpreters(rng: random.Random, count: int, sessions: int) -> list[DemoInterpreter]:
    pairs = [pair for pair, _ in INTERPRETER_PAIRS]
    weights = [weight for _, weight in INTERPRETER_PAIRS]
    taken: set[str] = set()
    out = []
    for _ in range(count):
        languages = rng.choices(pairs, weights=weights)[0]
        foreign = [lang for lang in languages if lang not in ("zh", "en")]
        # Most are Chinese graduates of an ASEAN language; the rest native speakers of it.
        own = foreign[0] if foreign and rng.random() < 0.35 else "zh"
        name = _person(rng, own, taken)
        limited = rng.random() < INTERPRETER_LIMITED
        out.append(
            DemoInterpreter(
                name=name,
                email=f"{name.lower().replace(' ', '.')}@{INTERPRETER_DOMAIN}",
                languages=languages,
                sessions=_session_ids(_days(rng, sessions, 2, 4)) if limited else None,
            )
        )
    return out


def _person(rng: random.Random, language: str, taken: set[str]) -> str:
    families, givens, family_first = PEOPLE[language]
    for attempt in range(100):
        family, given = rng.choice(families), rng.choice(givens)
        name = f"{family} {given}" if family_first else f"{given} {family}"
        if attempt >= 50:  # small pools run out: a second given name keeps names unique
            name = f"{name} {rng.choice(PEOPLE['zh'][1])}"
        if name not in taken:
            taken.add(name)
            return name
    raise ValueError(f"cannot draw another unique {language} name")


def languages_of(rng: random.Random, country: str, role: str) -> tuple[str, ...]:
    """The languages a participant's team negotiates in, its own first."""
    own, buyer_en, buyer_zh, exhibitor_en, exhibitor_zh = LANGUAGES.get(country, OTHER_LANGUAGES)
    english, chinese = (buyer_en, buyer_zh) if role == "buyer" else (exhibitor_en, exhibitor_zh)
    languages = [own]
    if own != "en" and rng.random() < english:
        languages.append("en")
    if own != "zh" and rng.random() < chinese:
        languages.append("zh")
    return tuple(languages)


def _profiles(rng: random.Random, demo: DemoExpo, sessions: int) -> list[DemoProfile]:
    """A profile for every buyer and exhibitor: languages always, caps and limits for some."""
    out = []
    parties: list[tuple[OrgKey, str]] = [(e.organisation.key, "exhibitor") for e in demo.exhibitors]
    parties += [(b.organisation.key, "buyer") for b in demo.buyers]
    for key, role in parties:
        languages = languages_of(rng, key[0], role)
        cap: int | None = None
        attends: tuple[int, ...] | None = None
        if role == "buyer":
            if rng.random() < BUYER_CAP:
                cap = rng.randint(*BUYER_CAP_RANGE)
            if rng.random() < BUYER_LIMITED:
                mornings = rng.random() < BUYER_MORNINGS_ONLY
                attends = _session_ids(_days(rng, sessions, 1, 3), mornings)
        else:
            if rng.random() < EXHIBITOR_CAP:
                cap = rng.randint(*EXHIBITOR_CAP_RANGE)
            if rng.random() < EXHIBITOR_LEAVES_EARLY:
                days = sessions // len(HALF_DAYS)
                attends = _session_ids(range(rng.randint(max(1, days - 2), max(1, days - 1))))
        out.append(DemoProfile(key, role, languages, cap, attends))
    return out


def slot_counts(meetings: DemoMeetings) -> list[int]:
    """Whole slots per session, in session order."""
    return [
        (
            dt.datetime.combine(s.date, s.end_time) - dt.datetime.combine(s.date, s.start_time)
        ).seconds
        // 60
        // s.slot_minutes
        for s in meetings.sessions
    ]


def rows(meetings: DemoMeetings) -> int:
    """Database rows ``meetings`` becomes, for the loader's progress bar."""
    per_session = slot_counts(meetings)

    def attended(sessions: tuple[int, ...] | None) -> int:
        return 0 if sessions is None else sum(per_session[i] for i in sessions)

    return (
        len(meetings.sessions)
        + sum(per_session)
        + len(meetings.interpreters)
        + sum(attended(i.sessions) for i in meetings.interpreters)
        + len(meetings.profiles)
        + sum(attended(p.sessions) for p in meetings.profiles)
        + len(meetings.requests)
    )
