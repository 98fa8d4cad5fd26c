"""The organisers' deals pages: the register with its review queue, recording a deal with the
services' refusals on the fields, the file import and export, and the exchange rates."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.deals.conftest import Parties, member_of
from tests.deals.test_import import GOOD, _csv
from tradefair.deals.models import Deal, ExchangeRate
from tradefair.deals.services import recording
from tradefair.deals.services.recording import DealInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(organiser) -> Client:
    client = Client()
    client.force_login(organiser)
    return client


def url(expo, name: str, *args) -> str:
    return reverse(f"deals_console:{name}", args=[expo.slug, *args])


def test_only_organisers_see_the_pages(expo, parties: Parties):
    for name in ("register", "record", "import", "rates"):
        assert Client().get(url(expo, name)).status_code == 302  # to the log-in page
    stranger = Client()
    stranger.force_login(member_of_fund(parties))
    assert stranger.get(url(expo, "register")).status_code == 403


def member_of_fund(parties: Parties):
    from tradefair.accounts.models import Membership, User

    user = User.objects.create_user("someone@fund.example")
    Membership.objects.create(user=user, organisation=parties.fund)
    return user


def test_record_a_deal_and_see_refusals_on_their_fields(expo, parties, console):
    form = {
        "reference": "C-1",
        "kind": "trade",
        "title": "Durian order",
        "parties": "Mekong Fresh Fruit JSC; Beibu Gulf Port Group",
        "counterpart_country": "VN",
        "hs_codes": "0810",
        "value": "2500000",
        "currency": "USD",
        "stage": "signed",
        "signed_on": "",
        "public": "on",
    }
    page = console.post(url(expo, "record"), form)
    assert page.status_code == 200
    assert "required once a deal is signed" in page.content.decode()
    unknown = console.post(url(expo, "record"), {**form, "parties": "Nobody Ltd"})
    assert "&#x27;Nobody Ltd&#x27; takes no part in this expo" in unknown.content.decode()
    done = console.post(url(expo, "record"), {**form, "signed_on": "2025-09-18"}, follow=True)
    assert "C-1 recorded." in done.content.decode()
    deal = Deal.objects.get(reference="C-1")
    assert [p.role for p in deal.parties.all()] == ["buyer", "seller"]
    assert deal.review == Deal.Review.APPROVED


def _uploaded(console, expo, capture, name: str, content: bytes) -> str:
    """Upload as the page does; the worker runs inline after the commit ``capture`` stands
    for, and the page the upload leads to shows what it did."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    with capture(execute=True):
        asked = console.post(url(expo, "import"), {"file": SimpleUploadedFile(name, content)})
    assert asked.status_code == 302 and "?job=" in asked["Location"]
    page = console.get(asked["Location"])
    assert page.status_code == 200
    return page.content.decode()


def test_import_export_and_the_register(expo, parties, console, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    page = _uploaded(console, expo, capture, "deals.csv", _csv(*GOOD))
    assert "Deals of test-expo: 3 created, 0 updated, 0 unchanged." in page
    assert "refresh" not in page  # done: the page stops reloading itself
    bad = _csv(GOOD[0].replace(",CNY,", ",XYZ,"))
    refused = _uploaded(console, expo, capture, "bad.csv", bad)
    assert "Nothing was imported" in refused and "line 2: currency:" in refused
    register = console.get(url(expo, "register")).content.decode()
    assert "CAE22-001" in register and "figures only" in register
    exported = console.get(url(expo, "export", "csv"))
    assert exported["Content-Type"].startswith("text/csv")
    assert b"CAE22-002" in exported.content


def test_an_import_waiting_for_the_worker_reloads_its_page(expo, parties, console):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tradefair.organisations.models import ImportJob

    asked = console.post(url(expo, "import"), {"file": SimpleUploadedFile("d.csv", b"x")})
    job = ImportJob.objects.get(kind="deals")
    assert asked["Location"].endswith(f"?job={job.pk}") and job.status == "queued"
    page = console.get(asked["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "d.csv is waiting for the worker" in page


def test_a_dead_workers_import_is_given_up_and_other_imports_are_not_shown(
    expo, parties, console, settings
):
    import datetime as dt

    from django.utils import timezone

    from tradefair.organisations.models import ImportJob

    silent = timezone.now() - dt.timedelta(seconds=settings.TASK_HEARTBEAT_TIMEOUT + 5)
    job = ImportJob.objects.create(
        expo=expo, kind="deals", original_name="d.csv", status="running", heartbeat_at=silent
    )
    page = console.get(url(expo, "import") + f"?job={job.pk}").content.decode()
    assert "The worker stopped giving signs of life; nothing was imported." in page
    assert "refresh" not in page
    exhibitors = ImportJob.objects.create(expo=expo, kind="exhibitors", original_name="e.csv")
    assert console.get(url(expo, "import") + f"?job={exhibitors.pk}").status_code == 404


def test_approve_from_the_register(expo, parties, console, held):
    order = DealInput(
        reference="",
        kind="trade",
        title="Rubber order",
        counterpart_country="VN",
        value=Decimal("1000"),
        currency="USD",
    )
    deal = recording.report_deal(meeting=held, data=order, by_user=member_of(held, "buyer"))
    waiting = console.get(url(expo, "register") + "?review=reported").content.decode()
    assert deal.reference in waiting
    too_early = console.post(url(expo, "review", deal.pk, "approve"), follow=True)
    assert "cannot become approved" in too_early.content.decode()
    recording.confirm_deal(deal=deal, by_user=member_of(held, "exhibitor"))
    console.post(url(expo, "review", deal.pk, "approve"))
    assert Deal.objects.get(pk=deal.pk).review == Deal.Review.APPROVED


def test_set_a_rate(expo, parties, console):
    response = console.post(
        url(expo, "rates"),
        {"currency": "THB", "usd": "0.0313", "cny": "0.2232", "as_of": "2025-09-16"},
        follow=True,
    )
    assert "Rate of THB saved." in response.content.decode()
    assert ExchangeRate.objects.get(expo=expo, currency="THB").cny == Decimal("0.2232")
    refused = console.post(
        url(expo, "rates"), {"currency": "XYZ", "usd": "1", "cny": "1", "as_of": "2025-09-16"}
    )
    assert "is not an ISO 4217 currency code" in refused.content.decode()


def test_as_many_parties_and_codes_as_a_deal_holds_and_no_more(expo, parties, console, organiser):
    """The console's boxes hold the most parties and HS codes a deal may carry; one more is
    refused by the console, the service and the API alike."""
    from tradefair.deals.services.errors import InvalidDeal
    from tradefair.deals.services.rules import MAX_HS_CODES, MAX_PARTIES
    from tradefair.deals.services.writing import PartyLine
    from tradefair.expos.models import Country, HSCode
    from tradefair.organisations.models import Organisation, Participation

    signers = []
    for n in range(MAX_PARTIES + 1):
        org = Organisation.objects.create(
            name=f"Signatory {n:02d} ".ljust(200, "x"), country=Country.objects.get(code="VN")
        )
        Participation.objects.create(expo=expo, organisation=org, role="buyer")
        signers.append(org)
    codes = list(
        HSCode.objects.filter(code__regex=r"^[0-9]{6}$")
        .order_by("code")
        .values_list("code", flat=True)[: MAX_HS_CODES + 1]
    )
    form = {
        "kind": "trade",
        "title": "Durian order",
        "counterpart_country": "VN",
        "value": "2500000",
        "currency": "USD",
        "stage": "intention",
        "public": "on",
    }
    for n, (how_many, listed, taken) in enumerate(
        [
            (MAX_PARTIES, MAX_HS_CODES, True),
            (MAX_PARTIES + 1, 1, False),
            (1, MAX_HS_CODES + 1, False),
        ]
    ):
        sent = {
            **form,
            "reference": f"L-{n}",
            "parties": "; ".join(f"seller={o.name} (VN)" for o in signers[:how_many]),
            "hs_codes": "; ".join(codes[:listed]),
        }
        console.post(url(expo, "record"), sent)
        assert Deal.objects.filter(reference=f"L-{n}").exists() is taken, (how_many, listed)
        lines = tuple(PartyLine(o.pk, "seller") for o in signers[:how_many])
        data = DealInput(
            reference=f"S-{n}", kind="trade", title="Durian order", counterpart_country="VN",
            value=Decimal(1), currency="USD", parties=lines, hs_codes=tuple(codes[:listed]),
        )  # fmt: skip
        if taken:
            recording.record_deal(expo=expo, data=data, by_user=organiser)
        else:
            with pytest.raises(InvalidDeal, match="at most"):
                recording.record_deal(expo=expo, data=data, by_user=organiser)


def test_the_register_comes_a_page_at_a_time_within_its_tab(
    expo, parties, console, monkeypatch, django_capture_on_commit_callbacks
):
    from tradefair.deals.views import console as views

    monkeypatch.setattr(views, "REGISTER_PAGE", 2)
    _uploaded(console, expo, django_capture_on_commit_callbacks, "deals.csv", _csv(*GOOD))
    first = console.get(url(expo, "register"))
    assert [d.reference for d in first.context["listing"].rows] == ["CAE22-001", "CAE22-002"]
    assert 'rel="next"' in first.content.decode()
    second = console.get(url(expo, "register") + "?review=approved&page=2")
    assert [d.reference for d in second.context["listing"].rows] == ["CAE22-003"]
    assert 'href="?review=approved&amp;page=1"' in second.content.decode()
