"""The demo's applications: buyers and summit delegates who applied and are still in review or
were reviewed, some through delegation links, with people named in their own script.

Two partner organisations are invented here and say so in their names ("demo data"); the other
links belong to the demo's trade-promotion councils. Written after the rest of the demo, from
its own random stream, so the other figures do not move. Nothing is approved here: approval
creates accounts and mails people, which the console shows on demand. Two applications repeat a
demo buyer's name and country, so the console's duplicate flag has something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from tradefair.demo.naming import Namer
from tradefair.demo.vocabulary import BUYER_WORDS
from tradefair.expos.models import Expo, HSCode, Sector
from tradefair.organisations.models import Delegation, Organisation, Participation
from tradefair.organisations.services.search import refresh_search_text
from tradefair.registration.models import Application, ApplicationPerson, DelegationLink

APPLICATIONS = 60
# Partners invented for the demo (name, Chinese name, country, delegation, its Chinese name).
INVENTED_PARTNERS = (
    (
        "Andaman Sourcing Alliance (demo data)", "安达曼采购联盟（演示数据）", "TH",
        "Andaman Sourcing Alliance Buyer Delegation", "安达曼采购联盟采购商团",
    ),
    (
        "Mekong Delta Importers' Association (demo data)", "湄公河三角洲进口商协会（演示数据）",
        "VN", "Mekong Delta Importers' Delegation", "湄公河三角洲进口商团",
    ),
)  # fmt: skip
DELEGATE_SHARE = 0.25
LINKS = 6  # partners whose delegation gets an invitation link
LINK_QUOTA = 40
COUNTRIES = ("VN", "TH", "MY", "ID", "PH", "SG", "KH", "LA", "MM", "BN")
# (status, share): most wait, some were reviewed.
STATUSES = (
    (Application.Status.SUBMITTED, 0.45),
    (Application.Status.WITH_PARTNER, 0.2),
    (Application.Status.MORE_INFO, 0.15),
    (Application.Status.REJECTED, 0.2),
)
QUESTIONS = (
    "Which products do you buy most, and in what yearly volume?",
    "Please give the company's registration number and a website.",
    "Which days will each of your people attend?",
)
REASONS = (
    "The buyer places of this edition are full; please apply for the next one.",
    "We could not confirm the company from the details given.",
)

# People in their own script and in Latin letters, by country.
# fmt: off
PEOPLE: dict[str, tuple[tuple[str, str], ...]] = {
    "VN": (("Nguyễn Thị Lan", "Nguyen Thi Lan"), ("Trần Văn Minh", "Tran Van Minh"),
           ("Lê Thu Trang", "Le Thu Trang"), ("Phạm Đức Anh", "Pham Duc Anh")),
    "TH": (("สมชาย สุขสวัสดิ์", "Somchai Suksawat"), ("ณัฐยา วงศา", "Nattaya Wongsa"),
           ("กัญญา ศรีสุข", "Kanya Srisuk"), ("อาทิตย์ ชัยพร", "Arthit Chaiyaporn")),
    "KH": (("សុខ ចាន់ថា", "Sok Chantha"), ("ហេង សុភា", "Heng Sophea")),
    "LA": (("ສົມພອນ ແກ້ວມະນີ", "Somphone Keomany"), ("ບຸນມີ ພົມມະຈັນ", "Bounmy Phommachanh")),
    "MM": (("အောင်ကျော်", "Aung Kyaw"), ("ခင်မာဝင်း", "Khin Mar Win")),
    "CN": (("王海燕", "Wang Haiyan"), ("李志强", "Li Zhiqiang"), ("韦丽华", "Wei Lihua")),
}
LATIN_PEOPLE = (
    "Budi Santoso", "Dewi Lestari", "Siti Aminah", "Ahmad Faizal", "Nurul Huda",
    "Maria Santos", "Jose Reyes", "Tan Wei Ming", "Lim Mei Ling", "Haji Rahman",
)
# fmt: on


@dataclass(frozen=True)
class Written:
    applications: int
    links: int


def write_applications(expo: Expo) -> Written:
    rng = random.Random(f"{expo.slug}-applications")
    links = _links(expo, rng)
    sectors = list(Sector.objects.order_by("slug").values_list("pk", "name"))
    headings = list(
        HSCode.objects.filter(level=HSCode.Level.HEADING)
        .order_by("code")
        .values_list("code", flat=True)
    )
    namer = Namer(rng)
    known = list(
        Participation.objects.filter(expo=expo, role=Participation.Role.BUYER)
        .exclude(organisation__country_id="CN")
        .select_related("organisation")
        .order_by("pk")[:2]
    )
    days = [expo.start_date + dt.timedelta(days=n) for n in range(3)]
    now = timezone.now()
    written = waiting = 0
    for n in range(APPLICATIONS):
        country = rng.choice(COUNTRIES)
        named = namer.organisation(country, BUYER_WORDS)
        name = named.name
        if n < len(known):  # a second application of a known buyer: a possible duplicate
            name, country = known[n].organisation.name, known[n].organisation.country_id
        status = rng.choices([s for s, _ in STATUSES], weights=[w for _, w in STATUSES])[0]
        if n < len(known) or (status == Application.Status.WITH_PARTNER and not links):
            status = Application.Status.SUBMITTED  # a duplicate waits, so the console flags it
        link = None
        if status == Application.Status.WITH_PARTNER and links:  # every link has some waiting
            link = links[waiting % len(links)]
            waiting += 1
        if link is None and links and rng.random() < 0.25:
            link = rng.choice(links)  # through a partner, who has forwarded it
        chosen = rng.sample(sectors, 2)
        kind = (
            Application.Kind.DELEGATE if rng.random() < DELEGATE_SHARE else Application.Kind.BUYER
        )
        application = Application.objects.create(
            expo=expo,
            kind=kind,
            status=status,
            link=link,
            name=name,
            name_zh=named.name_zh,
            country_id=country,
            organisation_kind="enterprise",
            website=f"https://www.{named.domain}",
            email=f"contact@{named.domain}",
            buys=chosen[0][1] if kind == Application.Kind.BUYER else "",
            languages=sorted({"en", _language(country)}),
            days=[d.isoformat() for d in sorted(rng.sample(days, rng.randint(1, 3)))],
            language="zh-hans" if country == "SG" and rng.random() < 0.5 else "en",
            message=_message(rng, status),
            asked_by_partner=status == Application.Status.MORE_INFO and link is not None,
            partner_approved_at=now if link and status != Application.Status.WITH_PARTNER else None,
            decided_at=now if status == Application.Status.REJECTED else None,
        )
        Application.objects.filter(pk=application.pk).update(
            created_at=now - dt.timedelta(hours=rng.randint(1, 24 * 30))
        )
        application.sectors.set([pk for pk, _name in chosen])
        if kind == Application.Kind.BUYER:
            application.hs_codes.set(HSCode.objects.filter(pk__in=rng.sample(headings, 2)))
        pool = PEOPLE.get(country) or tuple((latin, latin) for latin in LATIN_PEOPLE)
        ApplicationPerson.objects.bulk_create(
            _person(application, rng, named.domain, position, names)
            for position, names in enumerate(rng.sample(pool, min(rng.randint(1, 3), len(pool))))
        )
        written += 1
    return Written(written, len(links))


def _invented_partners(expo: Expo) -> list[Delegation]:
    """Partners made up for the demo, named so nobody takes them for real bodies, each with
    a delegation of ASEAN buyers."""
    found = []
    for name, name_zh, country, delegation, delegation_zh in INVENTED_PARTNERS:
        organisation, _created = Organisation.objects.get_or_create(
            name=name,
            country_id=country,
            defaults={"name_zh": name_zh, "kind": Organisation.Kind.ASSOCIATION},
        )
        partner = Participation.objects.create(
            expo=expo, organisation=organisation, role=Participation.Role.PARTNER
        )
        found.append(
            Delegation.objects.create(
                expo=expo, partner=partner, name=delegation, name_zh=delegation_zh
            )
        )
    refresh_search_text([d.partner_id for d in found])  # the directory finds them too
    return found


def _links(expo: Expo, rng: random.Random) -> list[DelegationLink]:
    existing = list(Delegation.objects.filter(expo=expo).order_by("name")[:LINKS])
    if not existing:  # a demo without partners (the tests' small ones) invents none either
        return []
    delegations = sorted([*_invented_partners(expo), *existing], key=lambda d: d.name)
    return [
        DelegationLink.objects.create(
            expo=expo,
            delegation=d,
            token=f"demo-{rng.getrandbits(64):016x}",
            quota=LINK_QUOTA,
        )
        for d in delegations
    ]


def _language(country: str) -> str:
    return {"VN": "vi", "TH": "th", "MY": "ms", "BN": "ms", "ID": "id", "PH": "tl",
            "KH": "km", "LA": "lo", "MM": "my", "SG": "zh"}.get(country, "en")  # fmt: skip


def _message(rng: random.Random, status: str) -> str:
    if status == Application.Status.MORE_INFO:
        return rng.choice(QUESTIONS)
    if status == Application.Status.REJECTED:
        return rng.choice(REASONS)
    return ""


def _person(
    application: Application,
    rng: random.Random,
    domain: str,
    position: int,
    names: tuple[str, str],
) -> ApplicationPerson:
    name, latin = names
    return ApplicationPerson(
        application=application,
        name=name,
        name_latin=latin,
        email=f"{latin.lower().replace(' ', '.')}@{domain}",
        job_title=rng.choice(("Purchasing manager", "Director", "Sourcing officer", "CEO")),
        share_contact=rng.random() < 0.7,
        position=position,
    )
