"""Invented but plausible organisation names, web domains and profile texts, in both languages.

Every name is unique per country (the database's identity for an organisation) and every
domain is unique overall, so the same seed always yields the same, collision-free directory.
"""

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from tradefair.demo.local_vocabulary import (
    BRAND_JOINER,
    LOCAL_BRANDS,
    LOCAL_FORMS,
    LOCAL_LANGUAGE,
    LOCAL_WORDS,
)
from tradefair.demo.vocabulary import (
    CHINESE_FORMS,
    CHINESE_PLACES,
    CHINESE_SYLLABLES,
    FAMOUS_CHINESE_BRANDS,
    FOREIGN_PROFILES,
)
from tradefair.expos.names import country_name

Words = Sequence[tuple[str, str]]

SIZES = [("small", "小型"), ("medium-sized", "中型"), ("large", "大型"), ("family-owned", "家族式")]
CHANNELS = [
    ("wholesale and distribution", "批发分销"),
    ("retail chain", "连锁零售"),
    ("import and export", "进出口"),
    ("manufacturing", "生产制造"),
    ("project contracting", "工程承包"),
    ("cross-border e-commerce", "跨境电商"),
]
# Product titles that start with a proper noun keep their capital inside a sentence.
_PROPER_STARTS = ("Liuzhou", "Liupao", "Portland", "Robusta")


@dataclass(frozen=True)
class Named:
    name: str
    name_zh: str
    place: str  # "Nanning, Guangxi, China"
    place_zh: str  # "广西南宁"
    city: str
    province: str  # Chinese organisations only: the province, for delegations
    domain: str
    # ASEAN companies of a language the machines can draw: the name registered at home.
    name_local: str = ""
    name_local_language: str = ""


def en_country(code: str) -> str:
    return country_name(code, "en")


def zh_country(code: str) -> str:
    return country_name(code, "zh_Hans")


def en_list(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def in_sentence(title: str) -> str:
    """A product title as it reads mid-sentence: lower-cased unless an acronym or a name."""
    if title.startswith(_PROPER_STARTS) or (len(title) > 1 and title[1].isupper()):
        return title
    return title[0].lower() + title[1:]


def _ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain.lower())


class Namer:
    """Draws names from the vocabularies with the caller's random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[tuple[str, str]] = set()
        self.domains: set[str] = set()
        self._cn_weights = [place[4] for place in CHINESE_PLACES]
        self._cn_brands = [
            (a_zh + b_zh, a_en + b_en.lower())
            for a_zh, a_en in CHINESE_SYLLABLES
            for b_zh, b_en in CHINESE_SYLLABLES
            if a_zh != b_zh and a_zh + b_zh not in FAMOUS_CHINESE_BRANDS
        ]

    def organisation(self, country: str, words: Words) -> Named:
        """A new name in ``country`` built from one of ``words`` (English, Chinese)."""
        for _ in range(500):
            named = self._chinese(words) if country == "CN" else self._foreign(country, words)
            key = (country, named.name.lower())
            if key not in self.used:
                self.used.add(key)
                return named
        raise RuntimeError(f"vocabulary for {country} exhausted")

    def named(self, country: str, name: str, name_zh: str, domain_hint: str) -> Named:
        """A fixed name (e.g. a trade-promotion council), registered so nothing reuses it."""
        self.used.add((country, name.lower()))
        tld = "org.cn" if country == "CN" else FOREIGN_PROFILES[country].tld
        return Named(
            name,
            name_zh,
            en_country(country),
            zh_country(country),
            "",
            "",
            self._domain(domain_hint, tld),
        )

    def _chinese(self, words: Words) -> Named:
        city, city_zh, province, province_zh, _ = self.rng.choices(
            CHINESE_PLACES, weights=self._cn_weights
        )[0]
        brand_zh, brand = self.rng.choice(self._cn_brands)
        word, word_zh = self.rng.choice(words)
        form, form_zh = self.rng.choice(CHINESE_FORMS)
        use_province = province != city and self.rng.random() < 0.35
        prefix, prefix_zh = (province, province_zh) if use_province else (city, city_zh)
        place = f"{city}, {province}, China" if province != city else f"{city}, China"
        place_zh = city_zh if province == city else province_zh + city_zh
        slug = f"{_ascii_slug(brand)}-{_ascii_slug(word.split()[0])}"
        tld = self.rng.choice(["com.cn", "cn", "com"])
        return Named(
            name=f"{prefix} {brand} {word} {form}",
            name_zh=f"{prefix_zh}{brand_zh}{word_zh}{form_zh}",
            place=place,
            place_zh=place_zh,
            city=city,
            province=province,
            domain=self._domain(slug, tld),
        )

    def _foreign(self, country: str, words: Words) -> Named:
        profile = FOREIGN_PROFILES[country]
        if profile.two_word_brands:
            first, second = self.rng.sample(profile.brands, 2)
            brand, brand_zh = f"{first[0]} {second[0]}", first[1] + second[1]
        else:
            brand, brand_zh = self.rng.choice(profile.brands)
        word, word_zh = self.rng.choice(words)
        form = self.rng.choice(profile.forms)
        prefix, suffix, form_zh = form
        city, city_zh = self.rng.choice(profile.cities)
        slug = f"{_ascii_slug(brand)}-{_ascii_slug(word.split()[0])}"
        local, language = _local_name(country, brand.split(" "), word, profile.forms.index(form))
        return Named(
            name=f"{prefix}{brand} {word}{suffix}",
            name_zh=f"{zh_country(country)}{brand_zh}{word_zh}{form_zh}",
            place=f"{city}, {en_country(country)}",
            place_zh=f"{zh_country(country)}{city_zh}",
            city=city,
            province="",
            domain=self._domain(slug, profile.tld),
            name_local=local,
            name_local_language=language,
        )

    def _domain(self, slug: str, tld: str) -> str:
        candidate, n = f"{slug}.{tld}", 1
        while candidate in self.domains:
            n += 1
            candidate = f"{slug}{n}.{tld}"
        self.domains.add(candidate)
        return candidate


def _local_name(country: str, brand: list[str], word: str, form: int) -> tuple[str, str]:
    """The company's name in its country's language (``local_vocabulary``), with the
    language's code; blank for countries without one."""
    if country not in LOCAL_FORMS:
        return "", ""
    language = LOCAL_LANGUAGE[country]
    spelt = BRAND_JOINER[country].join(LOCAL_BRANDS.get(country, {}).get(w, w) for w in brand)
    name = LOCAL_FORMS[country][form].format(brand=spelt, word=LOCAL_WORDS[language][word])
    return name, language


def exhibitor_profile(
    rng: random.Random, named: Named, products: Sequence[tuple[str, str]], markets: Sequence[str]
) -> tuple[str, str]:
    """An exhibitor's self-description naming what it makes and where it sells."""
    year = rng.randint(1988, 2021)
    size, size_zh = rng.choice(SIZES)
    goods = en_list([in_sentence(en) for en, _ in products])
    goods_zh = "、".join(zh for _, zh in products)
    where = en_list([en_country(c) for c in markets])
    where_zh = "、".join(zh_country(c) for c in markets)
    variant = rng.randrange(3)
    if variant == 0:
        return (
            f"Founded in {year} and based in {named.place}, {named.name} makes {goods}; "
            f"its main markets are {where}.",
            f"{named.name_zh}成立于{year}年，总部位于{named.place_zh}，主要生产{goods_zh}，"
            f"主要市场为{where_zh}。",
        )
    if variant == 1:
        return (
            f"{named.name} is a {size} manufacturer from {named.place} specialising in {goods}. "
            f"Established in {year}, it exports to {where}.",
            f"{named.name_zh}是来自{named.place_zh}的{size_zh}制造企业，专注于{goods_zh}。"
            f"公司创立于{year}年，产品出口{where_zh}。",
        )
    return (
        f"Based in {named.place}, {named.name} has supplied {goods} since {year} "
        f"and serves customers in {where}.",
        f"{named.name_zh}位于{named.place_zh}，自{year}年起供应{goods_zh}，客户遍及{where_zh}。",
    )


def buyer_profile(
    rng: random.Random, named: Named, products: Sequence[tuple[str, str]], sources: Sequence[str]
) -> tuple[str, str]:
    """A buyer's self-description naming what it sources and from where."""
    channel, channel_zh = rng.choice(CHANNELS)
    goods = en_list([in_sentence(en) for en, _ in products])
    goods_zh = "、".join(zh for _, zh in products)
    where = en_list([en_country(c) for c in sources])
    where_zh = "、".join(zh_country(c) for c in sources)
    return (
        f"{named.name} is a {channel} company in {named.place} that sources {goods} from {where}.",
        f"{named.name_zh}是位于{named.place_zh}的{channel_zh}企业，计划采购{goods_zh}，"
        f"主要采购来源为{where_zh}。",
    )
