# ruff: noqa: E501  (the bodies are a table: one organisation per line)
"""Who comes to the summit: delegate organisations, their people, and the speakers on stage.

The seed invites "more than a thousand representatives from Chinese and ASEAN governments,
enterprises, research institutions, and other organizations". Delegates here come from
government bodies, associations and institutes made for the programme (a delegate
participation each), from the investors and from the partner councils; none belongs to a buyer
or an exhibitor, so their seats never take a B2B meeting slot from anyone. All names are
fictional; positions are the kind such people hold.
"""

import random
import re
import unicodedata
from collections.abc import Sequence

from tradefair.demo.meetings import PEOPLE
from tradefair.demo.naming import en_country, zh_country
from tradefair.demo.parties import MUNICIPALITIES
from tradefair.demo.programme_records import DemoPerson, DemoSpeaker
from tradefair.demo.records import DemoExpo, DemoOrganisation, OrgKey
from tradefair.demo.vocabulary import CHINESE_PLACES
from tradefair.expos.reference_data import ASEAN

DELEGATE_DOMAIN = "delegates.demo"
# People per organisation, by where they come from.
PEOPLE_PER_DELEGATE_ORG = (9, 15)
PEOPLE_PER_INVESTOR = (1, 3)
PEOPLE_PER_PARTNER = (1, 2)

# (kind, English, Chinese): {c} is the country, {z} its Chinese name.
ASEAN_BODIES = [
    ("government", "{c} Trade and Investment Promotion Office", "{z}贸易投资促进办公室"),
    ("association", "{c} Chamber of Commerce for China Trade", "{z}对华贸易商会"),
    ("association", "{c} Digital Economy Association", "{z}数字经济协会"),
    ("research", "{c} Institute for Regional Economic Studies", "{z}区域经济研究所"),
    ("association", "{c} Federation of Manufacturers and Exporters", "{z}制造商与出口商联合会"),
]
# {p} is the province, {z} its Chinese name.
CHINESE_BODIES = [
    ("government", "{p} Department of Commerce", "{z}商务厅"),
    ("research", "{p} Academy of International Trade Studies", "{z}国际贸易研究院"),
]
MUNICIPAL_BODIES = [
    ("government", "{p} Municipal Commission of Commerce", "{z}市商务委员会"),
    ("research", "{p} Academy of International Trade Studies", "{z}国际贸易研究院"),
]
# fmt: off
NATIONAL_BODIES = [
    ("association", "China-ASEAN Artificial Intelligence Industry Alliance", "中国—东盟人工智能产业联盟"),
    ("research", "China-ASEAN Institute of Digital Trade", "中国—东盟数字贸易研究院"),
    ("association", "China-ASEAN Green Energy Cooperation Association", "中国—东盟绿色能源合作协会"),
    ("research", "Beibu Gulf Blue Economy Research Centre", "北部湾蓝色经济研究中心"),
    ("association", "China-ASEAN Youth Entrepreneurs Network", "中国—东盟青年企业家网络"),
]
# fmt: on

CHINESE_FAMILIES = [
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Huang", "黄"),
    ("Zhou", "周"), ("Wu", "吴"), ("Lin", "林"), ("Liang", "梁"), ("Wei", "韦"), ("Lu", "陆"),
    ("Tang", "唐"), ("Mo", "莫"), ("Qin", "覃"), ("Nong", "农"), ("He", "何"), ("Luo", "罗"),
]  # fmt: skip
CHINESE_GIVENS = [
    ("Jianguo", "建国"), ("Haiyan", "海燕"), ("Zhiqiang", "志强"), ("Xiaoming", "晓明"),
    ("Wenjie", "文杰"), ("Lihua", "丽华"), ("Guoqing", "国庆"), ("Yumei", "玉梅"),
    ("Hongbo", "洪波"), ("Jing", "静"), ("Tao", "涛"), ("Min", "敏"), ("Yifan", "一帆"),
    ("Shuang", "爽"), ("Zihan", "子涵"), ("Weidong", "卫东"), ("Xin", "鑫"), ("Ruoxi", "若曦"),
]  # fmt: skip
LANGUAGE_OF = {"VN": "vi", "TH": "th", "ID": "id", "MY": "ms", "BN": "ms", "SG": "zh"}
LANGUAGE_OF |= {"KH": "km", "LA": "lo", "MM": "my", "PH": "tl", "CN": "zh"}

# Positions of summit speakers: (position, organisation when it is not a demo organisation).
OFFICIALS_CN = [
    ("Vice Minister of Commerce", "Ministry of Commerce of the People's Republic of China"),
    ("Vice Chairman", "China Council for the Promotion of International Trade"),
    ("Vice Chairman", "People's Government of Guangxi Zhuang Autonomous Region"),
    ("Secretary-General", "China-ASEAN Expo Secretariat"),
]
OFFICIALS_ASEAN = [
    "Minister of Trade and Industry",
    "Deputy Minister of Commerce",
    "Vice Minister of Industry and Trade",
    "Director-General of Trade Promotion",
]
EXPERTS = [
    "Director", "Chief Economist", "Senior Research Fellow", "Dean", "Chairman",
    "Chief Executive Officer", "Chief Technology Officer", "President",
]  # fmt: skip


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", ".", plain.lower()).strip(".")


def delegate_organisations() -> list[DemoOrganisation]:
    """Government bodies, associations and institutes of China and ASEAN; always the same."""
    out: list[DemoOrganisation] = []

    def add(kind: str, name: str, name_zh: str, country: str) -> None:
        slug = _ascii(name).replace(".", "-")
        texts = (
            f"{name} takes part in the China-ASEAN Business and Investment Summit.",
            f"{name_zh}参加中国—东盟商务与投资峰会。",
        )
        named_domain = f"{slug[:40]}.example.org"
        out.append(
            DemoOrganisation(
                name=name,
                name_zh=name_zh,
                country=country,
                kind=kind,
                website=f"https://www.{named_domain}",
                email=f"office@{named_domain}",
                description=texts[0],
                description_zh=texts[1],
            )
        )

    for kind, name, name_zh in NATIONAL_BODIES:
        add(kind, name, name_zh, "CN")
    for country in ASEAN:
        for kind, name, name_zh in ASEAN_BODIES:
            en, zh = en_country(country), zh_country(country)
            add(kind, name.format(c=en), name_zh.format(z=zh), country)
    provinces = sorted({(p[2], p[3]) for p in CHINESE_PLACES})
    for province, province_zh in provinces:
        bodies = MUNICIPAL_BODIES if province in MUNICIPALITIES else CHINESE_BODIES
        for kind, name, name_zh in bodies:
            add(kind, name.format(p=province), name_zh.format(z=province_zh), "CN")
    return out


def _person_name(rng: random.Random, country: str) -> tuple[str, str]:
    """(first name, last name) as the person's country writes them in Latin letters."""
    language = LANGUAGE_OF.get(country, "zh")
    if language == "zh":
        family, given = rng.choice(CHINESE_FAMILIES)[0], rng.choice(CHINESE_GIVENS)[0]
        return given, family
    families, givens, _ = PEOPLE[language]
    return rng.choice(givens), rng.choice(families)


def draw_people(
    rng: random.Random, demo: DemoExpo, delegates: Sequence[DemoOrganisation]
) -> list[DemoPerson]:
    """Delegates of the delegate organisations, the investors and the partner councils.

    E-mails name the edition (``…@caexpo-22.delegates.demo``), so unloading the edition finds
    exactly its people.
    """
    groups: list[tuple[Sequence[DemoOrganisation], str, tuple[int, int]]] = [
        (delegates, "delegate", PEOPLE_PER_DELEGATE_ORG),
        (demo.investors, "investor", PEOPLE_PER_INVESTOR),
        (demo.partners, "partner", PEOPLE_PER_PARTNER),
    ]
    people: list[DemoPerson] = []
    for organisations, role, (low, high) in groups:
        for org in organisations:
            for _ in range(rng.randint(low, high)):
                first, last = _person_name(rng, org.country)
                number = len(people) + 1
                people.append(
                    DemoPerson(
                        email=f"{_ascii(first)}.{_ascii(last)}.{number}@{demo.slug}.{DELEGATE_DOMAIN}",
                        first_name=first,
                        last_name=last,
                        organisation=org.key,
                        role=role,
                    )
                )
    return people


NAME_TRIES = 50


def _chinese_speaker(rng: random.Random, used: set[str]) -> tuple[str, str]:
    for _ in range(NAME_TRIES):
        family, given = rng.choice(CHINESE_FAMILIES), rng.choice(CHINESE_GIVENS)
        name = f"{family[0]} {given[0]}"
        if name not in used:
            break
    used.add(name)
    return name, f"{family[1]}{given[1]}"


def _asean_speaker(rng: random.Random, country: str, used: set[str]) -> str:
    families, givens, family_first = PEOPLE[LANGUAGE_OF.get(country, "vi")]
    for _ in range(NAME_TRIES):
        family, given = rng.choice(families), rng.choice(givens)
        name = f"{family} {given}" if family_first else f"{given} {family}"
        if name not in used:
            break
    used.add(name)
    return name


def draw_speakers(
    rng: random.Random,
    *,
    officials: int,
    experts: int,
    moderated: bool,
    institutes: Sequence[DemoOrganisation],
    used: set[str],
    officials_first: str = "guest_of_honour",
) -> tuple[DemoSpeaker, ...]:
    """Officials (Chinese and ASEAN in turn), experts of ``institutes``, then a moderator.

    Names already in ``used`` are drawn again: the console flags one name on two stages at
    once as a speaker in two places, and the demo's fictional people are all different.
    """
    out: list[DemoSpeaker] = []
    for n in range(officials):
        if n % 2 == 0:
            name, name_zh = _chinese_speaker(rng, used)
            position, body = OFFICIALS_CN[(n // 2) % len(OFFICIALS_CN)]
            out.append(DemoSpeaker(name, name_zh, position, None, body, officials_first))
        else:
            country = rng.choice(ASEAN)
            position = f"{rng.choice(OFFICIALS_ASEAN)}, {en_country(country)}"
            body = f"Government of {en_country(country)}"
            out.append(
                DemoSpeaker(
                    _asean_speaker(rng, country, used), "", position, None, body, officials_first
                )
            )
    for _ in range(experts):
        if not institutes:
            break
        org = rng.choice(list(institutes))
        if org.country == "CN":
            name, name_zh = _chinese_speaker(rng, used)
        else:
            name, name_zh = _asean_speaker(rng, org.country, used), ""
        out.append(DemoSpeaker(name, name_zh, rng.choice(EXPERTS), org.key, "", "speaker"))
    if moderated:
        name, name_zh = _chinese_speaker(rng, used)
        body = "China Global Television Network"
        out.append(DemoSpeaker(name, name_zh, "Presenter", None, body, "moderator"))
    return tuple(out)


def keys(organisations: Sequence[DemoOrganisation]) -> tuple[OrgKey, ...]:
    return tuple(o.key for o in organisations)
