"""Partners who bring buyer delegations, and the investors the summit welcomes.

The 22nd expo set up an invited-partner mechanism for the provincial and municipal councils
for the promotion of international trade (CCPIT); in the demo each council leads one buyer
delegation made of buyers from its province or city.
"""

import random
from collections.abc import Sequence

from tradefair.demo.naming import Named, Namer
from tradefair.demo.records import DemoDelegation, DemoOrganisation
from tradefair.demo.vocabulary import CHINESE_PLACES, INVESTOR_WORDS
from tradefair.expos.reference_data import SECTORS

MUNICIPALITIES = {"Beijing", "Shanghai", "Tianjin", "Chongqing"}
PARTNER_CITIES = ["Nanning", "Liuzhou", "Guilin", "Shenzhen", "Xiamen", "Qingdao", "Ningbo"]
INVESTOR_COUNTRIES = ["CN"] * 25 + ["SG"] * 5 + ["MY"] * 3 + ["TH"] * 3 + ["ID"] * 2 + ["AE"] * 2
DELEGATION_SHARE = 0.45
SECTOR_NAMES = {slug: (name, name_zh) for slug, name, name_zh, _ in SECTORS}


def organisation(
    named: Named, country: str, kind: str, mailbox: str, texts: tuple[str, str]
) -> DemoOrganisation:
    return DemoOrganisation(
        name=named.name,
        name_zh=named.name_zh,
        country=country,
        kind=kind,
        website=f"https://www.{named.domain}",
        email=f"{mailbox}@{named.domain}",
        description=texts[0],
        description_zh=texts[1],
        name_local=named.name_local,
        name_local_language=named.name_local_language,
    )


def _council(namer: Namer, place: str, place_zh: str, level: str) -> DemoOrganisation:
    if place == "Guangxi":
        name = "Guangxi Zhuang Autonomous Region Council for the Promotion of International Trade"
        name_zh = "广西壮族自治区国际贸易促进委员会"
    elif level == "province" and place not in MUNICIPALITIES:
        name = f"{place} Provincial Council for the Promotion of International Trade"
        name_zh = f"{place_zh}省国际贸易促进委员会"
    else:
        name = f"{place} Municipal Council for the Promotion of International Trade"
        name_zh = f"{place_zh}市国际贸易促进委员会"
    named = namer.named("CN", name, name_zh, f"{place.lower()}-tradepromotion")
    texts = (
        f"The {name} promotes trade and investment between {place} and ASEAN and leads a "
        f"buyer delegation to the China-ASEAN Expo.",
        f"{name_zh}致力于促进{place_zh}与东盟的贸易投资往来，组织采购商团参加中国—东盟博览会。",
    )
    return organisation(named, "CN", "association", "info", texts)


def delegations_and_partners(
    rng: random.Random, namer: Namer, chinese_buyers: Sequence[Named]
) -> tuple[list[DemoOrganisation], list[DemoDelegation], list[str | None]]:
    """Councils, their delegations, and for each Chinese buyer the delegation it joins."""
    zh_of = {p[0]: p[1] for p in CHINESE_PLACES} | {p[2]: p[3] for p in CHINESE_PLACES}
    provinces = sorted({p[2] for p in CHINESE_PLACES})
    partners: list[DemoOrganisation] = []
    delegations: list[DemoDelegation] = []
    by_place: dict[str, str] = {}
    for place, level in [(p, "province") for p in provinces] + [
        (c, "city") for c in PARTNER_CITIES
    ]:
        council = _council(namer, place, zh_of[place], level)
        partners.append(council)
        name = f"{place} CCPIT Buyer Delegation"
        delegations.append(DemoDelegation(name, f"{zh_of[place]}贸促会采购商团", council.key))
        by_place[place] = name
    membership: list[str | None] = []
    for buyer in chinese_buyers:
        if rng.random() >= DELEGATION_SHARE:
            membership.append(None)
        elif buyer.city in by_place and rng.random() < 0.5:
            membership.append(by_place[buyer.city])
        else:
            membership.append(by_place[buyer.province])
    return partners, delegations, membership


def investors(rng: random.Random, namer: Namer, sectors: Sequence[str]) -> list[DemoOrganisation]:
    result = []
    for country in INVESTOR_COUNTRIES:
        named = namer.organisation(country, INVESTOR_WORDS)
        first, second = (SECTOR_NAMES[slug] for slug in rng.sample(list(sectors), 2))
        texts = (
            f"{named.name}, based in {named.place}, invests in {first[0].lower()} and "
            f"{second[0].lower()} projects across China and ASEAN.",
            f"{named.name_zh}位于{named.place_zh}，重点投资中国和东盟的{first[1]}与{second[1]}项目。",
        )
        result.append(organisation(named, country, "enterprise", "ir", texts))
    return result
