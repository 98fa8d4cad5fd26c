"""Loading the demo writes the generated expo exactly once, in one go, and reset replaces it."""

import dataclasses
import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum

from tests.demo.conftest import rolled_back
from tradefair.bulletin.figures import bulletin_data
from tradefair.deals.models import Deal, DealParty, ExchangeRate
from tradefair.demo.accounts import ensure_demo_accounts
from tradefair.demo.applications import APPLICATIONS
from tradefair.demo.deals import draw_deals
from tradefair.demo.loader import load_demo, unload_demo
from tradefair.demo.programme import draw_programme
from tradefair.demo.records import DemoExpo, DemoMeetings
from tradefair.expos.models import CountryGroup, Expo
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module, Pavilion
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    MeetingProfile,
    MeetingRequest,
    NegotiationSession,
    Recommendation,
    Slot,
)
from tradefair.organisations.models import Delegation, Need, Offer, Organisation, Participation
from tradefair.registration.models import (
    Application,
    ApplicationPerson,
    Badge,
    DelegationLink,
    Lead,
)
from tradefair.registration.queries.duplicates import duplicates
from tradefair.registration.queries.figures import attendance

# One worker runs the whole module: split across xdist workers, each loaded the full demo.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_full_load")]
MODELS = [
    *(Expo, Hall, Pavilion, Booth, BoothAssignment, Organisation, Participation, Delegation),
    *(Offer, Need, Offer.hs_codes.through, Offer.markets.through, Need.sectors.through),
    *(NegotiationSession, Slot, Interpreter, MeetingProfile, Availability, MeetingRequest),
    *(Deal, DealParty, Deal.hs_codes.through, ExchangeRate),
]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, demo):
    """Load once for the module (80-170 s on PostgreSQL), rolled back after it."""
    yield from rolled_back(django_db_blocker, lambda: load_demo(demo))


@pytest.fixture
def command_demo(monkeypatch, demo) -> None:
    """``tradefair demo`` reads the session's generated demo: generating again takes 10-25 s
    a call and is tested on its own (test_generator)."""
    from tradefair.demo.management.commands import demo as command

    monkeypatch.setattr(command, "generate", lambda: demo)


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in MODELS}


def test_load_writes_the_press_conference_figures(loaded, demo: DemoExpo):
    assert loaded.created and (loaded.exhibitors, loaded.exhibitor_countries) == (3200, 45)
    assert (loaded.buyers, loaded.hall_area_m2) == (10_200, 160_000)
    expo = Expo.objects.get(slug="caexpo-22")
    assert (expo.name_zh, expo.venue, str(expo.start_date)) == (
        "第22届中国—东盟博览会",
        "Nanning International Convention and Exhibition Center",
        "2025-09-17",
    )
    exhibitors = Participation.objects.filter(expo=expo, role="exhibitor")
    foreign = exhibitors.exclude(organisation__country="CN")
    bri = CountryGroup.objects.get(slug="belt-and-road").countries.all()
    assert foreign.count() == 1216
    assert (
        foreign.filter(organisation__country__in=bri)
        .values("organisation__country")
        .distinct()
        .count()
        == 33
    )
    assert Participation.objects.filter(expo=expo, role="buyer").count() == 10_200
    assert Hall.objects.filter(expo=expo).aggregate(a=Sum("area_m2"))["a"] == 160_000
    ai = Pavilion.objects.get(expo=expo, name_zh="人工智能馆")
    assert ai.area_m2 == 10_000 and ai.sector.slug == "artificial-intelligence"
    countries = Pavilion.objects.filter(expo=expo, kind="country")
    assert sorted(countries.values_list("country_id", flat=True)) == sorted(
        p.country for p in demo.pavilions if p.kind == "country"
    )
    assert countries.count() == 7


def test_every_exhibitor_has_a_booth_of_its_contracted_area(loaded, demo):
    assignments = BoothAssignment.objects.filter(booth__expo__slug="caexpo-22")
    assert assignments.count() == 3200 == len(demo.booths)
    mismatched = [
        a
        for a in assignments.select_related("booth", "participation")
        if a.booth.area_m2 != a.participation.booth_area_m2
        or a.booth.pavilion_id != a.participation.pavilion_id
    ]
    assert mismatched == []
    assert Booth.objects.get(expo__slug="caexpo-22", number="A1-101").area_m2 > Decimal(0)


def test_asean_companies_carry_their_local_names(loaded):
    exhibitors = Organisation.objects.filter(
        participations__expo__slug="caexpo-22",
        participations__role=Participation.Role.EXHIBITOR,
    )
    by_country = {
        country: set(
            exhibitors.filter(country_id=country).values_list("name_local_language", flat=True)
        )
        for country in ("VN", "TH", "ID", "MY", "BN", "KH", "LA", "MM", "CN", "SG", "PH")
    }
    assert by_country == {
        "VN": {"vi"},
        "TH": {"th"},
        "ID": {"id"},
        "MY": {"ms"},
        "BN": {"ms"},
        "KH": {"km"},
        "LA": {"lo"},
        "MM": {"my"},
        "CN": {""},  # Chinese companies have their Chinese name
        "SG": {""},  # Singaporean and Philippine companies register in English
        "PH": {""},
    }
    thai = exhibitors.filter(country_id="TH").values_list("name_local", flat=True)
    assert all(name.startswith("บริษัท ") and "จำกัด" in name for name in thai)
    vietnamese = exhibitors.filter(country_id="VN").values_list("name_local", flat=True)
    assert all(name.startswith("Công ty ") for name in vietnamese)


def test_offers_and_needs_carry_their_codes_sectors_and_markets(loaded, demo):
    offers = sum(len(e.offers) for e in demo.exhibitors)
    needs = sum(len(b.needs) for b in demo.buyers)
    assert Offer.objects.filter(participation__expo__slug="caexpo-22").count() == offers
    assert Need.objects.filter(participation__expo__slug="caexpo-22").count() == needs
    assert Offer.hs_codes.through.objects.count() == sum(
        len(o.hs_codes) for e in demo.exhibitors for o in e.offers
    )
    assert Need.markets.through.objects.count() == sum(
        len(n.markets) for b in demo.buyers for n in b.needs
    )
    assert not Offer.objects.filter(sectors__isnull=True).exists()
    members = Participation.objects.filter(expo__slug="caexpo-22", delegation__isnull=False)
    assert members.count() == sum(1 for b in demo.buyers if b.delegation)
    assert not Participation.objects.filter(expo__slug="caexpo-22", search_text="").exists()


def test_meeting_data_is_loaded_as_generated(loaded, demo):
    meetings = demo.meetings
    assert (loaded.slots, loaded.interpreters) == (90, 100)
    assert loaded.requests == len(meetings.requests)
    assert MeetingProfile.objects.count() == len(meetings.profiles) == 13_400
    assert Availability.objects.count() == sum(
        9 * len(p.sessions) for p in meetings.profiles if p.sessions is not None
    )
    requests = MeetingRequest.objects.filter(expo__slug="caexpo-22")
    assert dict(Counter(requests.values_list("status", flat=True))) == dict(
        Counter(r.status for r in meetings.requests)
    )
    assert requests.filter(must_meet=True).count() == sum(r.must_meet for r in meetings.requests)
    assert not requests.filter(status="accepted", answered_at__isnull=True).exists()


def test_deals_and_rates_are_loaded_as_drawn(loaded, demo):
    """100+ investment projects and the trade orders, valued in USD and CNY by the bulletin."""
    drawn = draw_deals(demo, draw_programme(demo))
    expo = Expo.objects.get(slug="caexpo-22")
    assert ExchangeRate.objects.filter(expo=expo).count() == len(drawn.rates)
    deals = Deal.objects.filter(expo=expo)
    assert deals.count() == len(drawn.deals)
    assert DealParty.objects.filter(deal__expo=expo).count() == sum(
        len(d.parties) for d in drawn.deals
    )
    assert deals.filter(activity__kind="signing").count() == sum(
        1 for d in drawn.deals if d.activity
    )
    assert deals.filter(delegation__isnull=False, partner__role="partner").count() == sum(
        1 for d in drawn.deals if d.delegation
    )
    traced = sum(1 for d in drawn.deals if d.from_meeting)
    held = Meeting.objects.filter(expo=expo, status="held", published=True)
    assert held.count() == traced == deals.filter(meetings__isnull=False).count()
    assert held.values("slot").distinct().count() == traced  # nobody meets twice at once
    data = bulletin_data(expo)
    assert data["funnel"]["deals_from_meetings"] == data["funnel"]["meetings_held"] == traced
    figures = data["deals"]
    assert figures["count"] == len(drawn.deals)
    assert figures["by_kind"]["investment"]["count"] > 100
    value_cny = sum(d.value * drawn.rates[d.currency][1] for d in drawn.deals)
    value_usd = sum(d.value * drawn.rates[d.currency][0] for d in drawn.deals)
    assert figures["value_cny"] == pytest.approx(float(value_cny), abs=0.01 * len(drawn.deals))
    assert figures["value_usd"] == pytest.approx(float(value_usd), abs=0.01 * len(drawn.deals))
    assert figures["currencies_without_rate"] == []


def test_applications_wait_in_every_review_state(loaded):
    """Pending and reviewed applications, some through partners' links, people in their own
    script; two repeat a known buyer so the console flags them; a partner log-in reviews."""
    expo = Expo.objects.get(slug="caexpo-22")
    applications = Application.objects.filter(expo=expo)
    assert applications.count() == APPLICATIONS
    statuses = set(applications.values_list("status", flat=True))
    assert statuses == {"submitted", "with_partner", "more_info", "rejected"}
    assert not applications.filter(status="with_partner", link__isnull=True).exists()
    assert applications.filter(status="rejected").exclude(message="").count() == (
        applications.filter(status="rejected").count()
    )
    names = set(
        ApplicationPerson.objects.filter(application__expo=expo).values_list("name", flat=True)
    )
    assert any("\u0e00" <= ch <= "\u0e7f" for name in names for ch in name)  # Thai script
    assert any("ễ" in name or "ầ" in name or "ị" in name or "ạ" in name for name in names)
    flagged = duplicates(applications.order_by("pk")[:5])
    assert (
        sum(any(c.reason == "same name and country" for c in found) for found in flagged.values())
        >= 2
    )
    accounts = {a.email: a for a in ensure_demo_accounts("caexpo-22")}
    partner = accounts["partner1@caexpo.demo"]
    waiting = applications.filter(
        status="with_partner", link__delegation__partner__organisation__name=partner.organisation
    )
    assert partner.role == "partner" and DelegationLink.objects.filter(expo=expo).count() == 8
    assert "(demo data)" in partner.organisation  # an invented partner says so
    assert waiting.exists()


def test_a_first_day_of_check_ins_and_leads(loaded):
    """Badges, entrance check-ins on the first two days and leads of the first Chinese
    exhibitors (the demo log-ins' among them), counted by the bulletin."""
    expo = Expo.objects.get(slug="caexpo-22")
    found = attendance(expo)
    assert found.badges >= 1500 and found.people_in > 1000
    assert [day for day, _n in found.by_day] == [
        expo.start_date,
        expo.start_date + dt.timedelta(days=1),
    ]
    assert found.by_day[0][1] > found.by_day[1][1]
    assert dict(found.by_country)["CN"] < found.people_in  # foreign visitors came too
    published = bulletin_data(expo)["attendance"]
    assert published["people_in"] == found.people_in and published["leads"] == found.leads
    accounts = {a.email: a for a in ensure_demo_accounts("caexpo-22")}
    exhibitor = Participation.objects.get(
        expo=expo,
        role="exhibitor",
        organisation__name=accounts["exhibitor1@caexpo.demo"].organisation,
    )
    assert Lead.objects.filter(exhibitor=exhibitor).exists()
    assert Badge.objects.filter(expo=expo, email="buyer1@caexpo.demo").exists()


def test_fit_keys_name_loaded_organisations(loaded, demo):
    buyer, exhibitor = demo.fits[0]
    for country, name in (buyer, exhibitor):
        assert Organisation.objects.filter(country_id=country, name=name).count() == 1


def test_loading_again_changes_nothing(loaded, demo, command_demo, capsys):
    before = _counts()
    report = load_demo(demo)
    call_command("demo", "--load-only", verbosity=0)
    assert not report.created and report.exhibitors == 3200
    assert _counts() == before
    assert "already loaded; nothing changed" in capsys.readouterr().out
    assert not Recommendation.objects.exists()  # recommended only after a fresh load


def test_the_bulletin_reads_the_seed_pavilion_areas_from_the_plan(loaded):
    from tradefair.bulletin.figures import bulletin_data

    ai = Pavilion.objects.get(expo__slug="caexpo-22", code="ai")
    assert (ai.width_m * ai.depth_m, ai.area_on_plan_m2) == (10_000, 10_000)
    areas = {p["name"]: p["area_m2"] for p in bulletin_data(ai.expo)["pavilions"]}
    assert areas["Artificial Intelligence Pavilion"] == 10_000
    assert sum(areas.values()) <= 160_000


def test_reset_replaces_an_expo_and_keeps_organisations_others_use(loaded, demo):
    """A small expo sharing organisations with the demo: reset and unload spare the shared ones."""
    exhibitors = demo.exhibitors[:5]
    keys = {e.organisation.key for e in exhibitors}
    mini = dataclasses.replace(
        demo,
        slug="mini-expo",
        exhibitors=exhibitors,
        buyers=tuple(b for b in demo.buyers[:5] if not b.delegation),
        booths=tuple(b for b in demo.booths if b.holder in keys),
        partners=(),
        delegations=(),
        investors=(),
        fits=(),
        meetings=DemoMeetings(),
    )
    organisations = Organisation.objects.count()
    assert load_demo(mini).created
    assert Organisation.objects.count() == organisations  # all reused
    modules = Module.objects.filter(hall__expo__slug="mini-expo")
    assert modules.count() == len(demo.modules)  # the halls' grids, each booth on its modules
    assert modules.filter(booth__isnull=False).count() == sum(len(b.modules) for b in mini.booths)
    assert load_demo(mini, reset=True).created
    assert modules.count() == len(demo.modules)  # replaced, not doubled
    # The programme's delegates come with every load; the trade sides are the cut's own.
    trade = Participation.objects.filter(expo__slug="mini-expo").exclude(role="delegate")
    assert trade.count() == 5 + len(mini.buyers)
    assert unload_demo("mini-expo")
    assert Organisation.objects.count() == organisations
    assert not Expo.objects.filter(slug="mini-expo").exists()
    assert not modules.exists()


def test_fits_out_writes_the_answer_key(demo, command_demo, tmp_path, capsys):
    path = tmp_path / "fits.csv"
    call_command("demo", "--fits-out", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "buyer_country,buyer_name,exhibitor_country,exhibitor_name"
    assert len(lines) == len(demo.fits) + 1


def test_fits_out_to_a_missing_folder_is_a_clear_error(command_demo, tmp_path):
    from django.core.management import CommandError

    target = tmp_path / "missing" / "fits.csv"
    with pytest.raises(CommandError, match=r"--fits-out: cannot write .*missing/fits\.csv"):
        call_command("demo", "--fits-out", str(target))
    assert not target.exists()


def test_the_demo_accounts_roles_are_printed_in_the_operators_words():
    from django.utils import translation

    from tradefair.demo.accounts import DemoAccount

    accounts = [DemoAccount("x@demo", role, "Org") for role in ("organiser", "buyer", "exhibitor")]
    with translation.override("zh-hans"):
        assert [a.role_label() for a in accounts] == ["主办方", "采购商", "展商"]
