"""The requests a run left out, on the console: counted by reason, filtered, phrased in the
reader's language, exported, and readable for runs stored before reasons had codes."""

import csv
import datetime as dt
import io
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.models import (
    LeftOutExport,
    MeetingRequest,
    NegotiationSession,
    ScheduleRun,
)
from tradefair.matchmaking.queries import left_out
from tradefair.matchmaking.services.left_out import store_left_out
from tradefair.matchmaking.services.scheduling import start_schedule_run
from tradefair.organisations.models import Participation

from .conftest import Party, make_party_in, make_session

pytestmark = pytest.mark.django_db

DONE = {"count": 1, "upper_bound": 2, "priority": 1, "buyers_without_meeting": 0}
# Rows as runs stored them before reasons had codes: English words only.
OLD_SHAPE = [
    {"request": 9, "buyer": "Old Buyer", "exhibitor": "Old Maker", "reason": "no slot left"},
]


@dataclass
class Fair:
    expo: Expo
    organiser: User
    session: NegotiationSession
    buyers: list[Party]
    makers: list[Party]


def _party(expo: Expo, name: str, name_zh: str, role: str) -> Party:
    party = make_party_in(expo, name, role)
    party.participation.organisation.name_zh = name_zh
    party.participation.organisation.save()
    return party


@pytest.fixture
def fair(expo: Expo, organiser: User) -> Fair:
    return build_fair(expo, organiser)


def build_fair(expo: Expo, organiser: User) -> Fair:
    """Three buyers, three makers, one session of two slots with two tables each."""
    session = make_session(expo, organiser, tables=2, slots=2)
    session.name_zh = "采购洽谈"
    session.save()
    buyers = [_party(expo, f"Buyer {i}", f"采购商{i}", Participation.Role.BUYER) for i in range(3)]
    makers = [
        _party(expo, f"Maker {i}", f"制造商{i}", Participation.Role.EXHIBITOR) for i in range(3)
    ]
    return Fair(expo, organiser, session, buyers, makers)


def entry(n: int, fair: Fair, code: str, **params: object) -> dict[str, object]:
    """A stored row as ``_unscheduled`` writes it: buyer n % 3 asked maker n % 3."""
    buyer, maker = fair.buyers[n % 3].participation, fair.makers[n % 3].participation
    return {
        "request": 100 + n,
        "buyer": buyer.organisation.name,
        "exhibitor": maker.organisation.name,
        "buyer_id": buyer.pk,
        "exhibitor_id": maker.pk,
        "reason": "(English words)",
        "code": code,
        "params": params,
    }


def cap(n: int, fair: Fair) -> dict[str, object]:
    maker = fair.makers[n % 3].participation.pk
    return entry(n, fair, "cap_reached", side="exhibitor", participant=maker, max=2)


def done_run(expo: Expo, rows: list[dict[str, object]]) -> ScheduleRun:
    """A finished run that left out ``rows``, stored as the scheduler stores them."""
    run = ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.DONE, stats=DONE)
    store_left_out(run, rows)
    return run


def mixed_run(fair: Fair) -> ScheduleRun:
    """Three tables_full, two cap_reached, one interpreters_busy, one older row."""
    tables = {"sessions": [fair.session.pk]}
    languages = {"buyer_languages": ["zh"], "exhibitor_languages": ["en", "th"]}
    return done_run(
        fair.expo,
        [
            entry(0, fair, "tables_full", **tables),
            cap(1, fair),
            entry(2, fair, "interpreters_busy", **languages, **tables),
            entry(3, fair, "tables_full", **tables),
            *OLD_SHAPE,
            cap(4, fair),
            entry(5, fair, "tables_full"),
        ],
    )


def schedule_url(expo: Expo, **query: object) -> str:
    url = reverse("organiser:schedule", kwargs={"slug": expo.slug})
    return f"{url}?{urlencode(query)}" if query else url


def export_url(run: ScheduleRun, kind: str) -> str:
    """Where the console posts to ask for a file (``reason`` in the form)."""
    return reverse(
        f"organiser:left_out_export_{kind}", kwargs={"slug": run.expo.slug, "pk": run.pk}
    )


def exported(client, capture, run: ScheduleRun, kind: str, reason: str = "") -> HttpResponse:
    """Ask for the file as the console does, follow its page (the worker runs inline in the
    tests, on the commit ``capture`` stands for), and download it."""
    with capture(execute=True):
        asked = client.post(export_url(run, kind), {"reason": reason} if reason else {})
    assert asked.status_code == 302
    page = client.get(asked["Location"])
    job = page.context["export"].job
    assert (page.status_code, job.status) == (200, "done")
    file_url = reverse(
        "organiser:left_out_export_file", kwargs={"slug": run.expo.slug, "pk": job.pk}
    )
    assert f'href="{file_url}"' in page.content.decode()
    return client.get(file_url)


# Storing ----------------------------------------------------------------------------------


def test_a_run_stores_each_left_out_request_with_its_code_and_the_apps_ids(
    fair, django_capture_on_commit_callbacks
):
    """Six requests for four table-slots (as in the scheduling tests): two give way."""
    for i, buyer in enumerate(fair.buyers):
        for j in (i, (i + 1) % 3):
            MeetingRequest.objects.create(
                expo=fair.expo,
                buyer=buyer.participation,
                exhibitor=fair.makers[j].participation,
                priority=1 + j,
                status=MeetingRequest.Status.ACCEPTED,
            )
    with django_capture_on_commit_callbacks(execute=True):
        started = start_schedule_run(expo=fair.expo, by_user=fair.organiser)
    run = ScheduleRun.objects.get(pk=started.pk)
    maker = fair.makers[0].participation
    requests = MeetingRequest.objects.filter(exhibitor=maker, priority=1).order_by("pk")
    assert list(left_out.entries(run)) == [
        {
            "request": request.pk,
            "buyer": request.buyer.organisation.name,
            "exhibitor": "Maker 0",
            "buyer_id": request.buyer_id,
            "exhibitor_id": maker.pk,
            "reason": "every table is taken in the slots both sides have free",
            "code": "tables_full",
            "params": {"sessions": [fair.session.pk]},
        }
        for request in requests
    ]


# The query --------------------------------------------------------------------------------


def test_counts_by_reason_most_first_older_rows_as_other(fair):
    run = mixed_run(fair)
    assert left_out.reason_counts(run) == [
        left_out.ReasonCount("tables_full", "Tables full", 3),
        left_out.ReasonCount("cap_reached", "Maximum of meetings reached", 2),
        left_out.ReasonCount("interpreters_busy", "Interpreters busy", 1),
        left_out.ReasonCount("other", "Other (recorded before reasons had codes)", 1),
    ]
    assert [e["request"] for e in left_out.entries(run, "cap_reached")] == [101, 104]
    assert [e["request"] for e in left_out.entries(run, "other")] == [9]
    assert len(left_out.entries(run)) == 7


def test_reasons_are_phrased_in_the_readers_language_with_names(fair):
    run = mixed_run(fair)
    with translation.override("en"):
        english = left_out.phrased(fair.expo, left_out.entries(run))
    assert [(r.request, r.buyer, r.exhibitor, r.reason) for r in english] == [
        (
            100,
            "Buyer 0",
            "Maker 0",
            "Every table is taken whenever both sides are free. Sessions: Procurement.",
        ),
        (101, "Buyer 1", "Maker 1", "Maker 1 already has its maximum of 2 meetings."),
        (
            102,
            "Buyer 2",
            "Maker 2",
            "Every interpreter for Chinese and English, Thai is in another meeting whenever "
            "both sides are free. Sessions: Procurement.",
        ),
        (
            103,
            "Buyer 0",
            "Maker 0",
            "Every table is taken whenever both sides are free. Sessions: Procurement.",
        ),
        (9, "Old Buyer", "Old Maker", "no slot left"),
        (104, "Buyer 1", "Maker 1", "Maker 1 already has its maximum of 2 meetings."),
        (105, "Buyer 2", "Maker 2", "Every table is taken whenever both sides are free."),
    ]
    with translation.override("zh-hans"):
        chinese = left_out.phrased(fair.expo, left_out.entries(run))
    assert [(r.buyer, r.exhibitor, r.label, r.reason) for r in chinese[:3]] == [
        (
            "采购商0",
            "制造商0",
            "洽谈桌已满",
            "双方都有空时，所有洽谈桌均已占用。洽谈场次：采购洽谈。",
        ),
        ("采购商1", "制造商1", "已达洽谈上限", "制造商1已达洽谈上限（2 场）。"),
        (
            "采购商2",
            "制造商2",
            "翻译均已有安排",
            "双方都有空时，能翻译中文和英语、泰语的翻译都在其他洽谈中。洽谈场次：采购洽谈。",
        ),
    ]


@pytest.mark.parametrize(
    ("code", "params", "english"),
    [
        ("unknown_buyer", {"participant": "p9"}, "The buyer is not known to the scheduler."),
        (
            "unknown_exhibitor",
            {"participant": "p9"},
            "The exhibitor is not known to the scheduler.",
        ),
        ("no_meetings_allowed", {"side": "buyer"}, "Buyer 0 takes no meetings (its maximum is 0)."),
        ("never_available", {"side": "exhibitor"}, "Maker 0 is available in no slot."),
        ("no_common_slot", {}, "The two sides are never available at the same time."),
        ("no_table", {}, "No slot both sides can attend has any tables."),
        (
            "no_interpreter",
            {"buyer_languages": ["vi"], "exhibitor_languages": ["th"]},
            "No interpreter in the pool speaks a language of each side "
            "(buyer: Vietnamese; exhibitor: Thai).",
        ),
        (
            "interpreter_unavailable",
            {"buyer_languages": ["vi"], "exhibitor_languages": ["th"]},
            "No interpreter for Vietnamese and Thai is available when both sides are.",
        ),
        (
            "cap_reached",
            {"side": "buyer", "max": 1},
            "Buyer 0 already has its maximum of 1 meeting.",
        ),
        (
            "fully_booked",
            {"side": "exhibitor"},
            "Maker 0 is fully booked: every slot it can attend is taken.",
        ),
        ("both_booked", {}, "Whenever one side is free, the other is in another meeting."),
        ("negative_priority", {}, "Not selected: its priority is negative."),
        (
            "not_placed",
            {},
            "Not placed, although it still fits: the scheduler stopped before placing it.",
        ),
    ],
)
def test_every_code_has_its_sentence(fair, code, params, english):
    run = done_run(fair.expo, [entry(0, fair, code, **params)])
    assert [row.reason for row in left_out.phrased(fair.expo, left_out.entries(run))] == [english]


# The page ---------------------------------------------------------------------------------


def test_the_page_summarises_filters_and_links_the_exports(client, fair):
    run = mixed_run(fair)
    client.force_login(fair.organiser)
    page = client.get(schedule_url(fair.expo, run=run.pk))
    shown = page.context["left_out"]
    assert [(r.label, r.count, r.current) for r in shown.reasons] == [
        ("Tables full", "3", False),
        ("Maximum of meetings reached", "2", False),
        ("Interpreters busy", "1", False),
        ("Other (recorded before reasons had codes)", "1", False),
    ]
    assert [r.request for r in shown.rows] == [100, 101, 102, 103, 9, 104, 105]
    html = page.content.decode()
    assert "7 accepted requests could not be placed. By reason:" in html
    filtered = schedule_url(fair.expo, run=run.pk, reason="cap_reached")
    link = filtered.replace("&", "&amp;")
    assert f'<a xlink:href="{link}#left-out">' in html  # a bar of the chart (SVG link)
    assert f'action="{export_url(run, "csv")}"' in html
    assert 'name="reason"' not in html  # every reason

    page = client.get(filtered)
    shown = page.context["left_out"]
    assert [r.request for r in shown.rows] == [101, 104]
    assert [r.current for r in shown.reasons] == [False, True, False, False]
    html = page.content.decode()
    assert "Showing 2 left out for “Maximum of meetings reached”." in html
    assert f'action="{export_url(run, "xlsx")}"' in html
    assert '<input type="hidden" name="reason" value="cap_reached">' in html


def test_an_unknown_reason_shows_every_row(client, fair):
    run = mixed_run(fair)
    client.force_login(fair.organiser)
    page = client.get(schedule_url(fair.expo, run=run.pk, reason="no_room"))
    assert page.context["left_out"].reason == ""
    assert len(page.context["left_out"].rows) == 7


def test_htmx_swaps_in_the_partial_alone(client, fair):
    run = mixed_run(fair)
    client.force_login(fair.organiser)
    url = reverse("organiser:schedule_unscheduled", kwargs={"slug": fair.expo.slug})
    partial = client.get(f"{url}?run={run.pk}&reason=tables_full", HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert html.startswith('\n<div id="left-out" class="left-out">')
    assert [r.request for r in partial.context["left_out"].rows] == [100, 103, 105]
    assert client.get(url).status_code == 404  # which run?


def test_a_run_stored_before_codes_still_renders(client, fair, django_capture_on_commit_callbacks):
    run = done_run(fair.expo, OLD_SHAPE)
    client.force_login(fair.organiser)
    page = client.get(schedule_url(fair.expo, run=run.pk))
    assert page.status_code == 200
    assert "<td>Old Buyer</td><td>Old Maker</td><td>no slot left</td>" in page.content.decode()
    rows = csv.reader(
        io.StringIO(
            exported(client, django_capture_on_commit_callbacks, run, "csv").content.decode(
                "utf-8-sig"
            )
        )
    )
    assert list(rows)[1] == [
        "9",
        "Old Buyer",
        "Old Maker",
        "Other (recorded before reasons had codes)",
        "no slot left",
    ]


# Exports ----------------------------------------------------------------------------------


def test_csv_export_of_one_reason(client, fair, django_capture_on_commit_callbacks):
    run = mixed_run(fair)
    client.force_login(fair.organiser)
    response = exported(
        client, django_capture_on_commit_callbacks, run, "csv", reason="tables_full"
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="left-out-run-{run.pk}-tables_full.csv"'
    )
    full = "Every table is taken whenever both sides are free."
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Request,Buyer,Exhibitor,Reason,Why",
        f"100,Buyer 0,Maker 0,Tables full,{full} Sessions: Procurement.",
        f"103,Buyer 0,Maker 0,Tables full,{full} Sessions: Procurement.",
        f"105,Buyer 2,Maker 2,Tables full,{full}",
    ]


def test_xlsx_export_in_chinese(client, fair, django_capture_on_commit_callbacks):
    run = mixed_run(fair)
    client.force_login(fair.organiser)
    with translation.override("zh-hans"):
        response = exported(
            client, django_capture_on_commit_callbacks, run, "xlsx", reason="cap_reached"
        )
    assert response.wsgi_request.path.startswith("/zh-hans/")
    assert response["Content-Disposition"] == (
        f'attachment; filename="left-out-run-{run.pk}-cap_reached.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "未安排的请求"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["请求", "采购商", "展商", "理由", "原因"],
        [101, "采购商1", "制造商1", "已达洽谈上限", "制造商1已达洽谈上限（2 场）。"],
        [104, "采购商1", "制造商1", "已达洽谈上限", "制造商1已达洽谈上限（2 场）。"],
    ]


def test_xlsx_export_of_every_reason(client, fair, django_capture_on_commit_callbacks):
    run = mixed_run(fair)
    client.force_login(fair.organiser)
    sheet = load_workbook(
        io.BytesIO(exported(client, django_capture_on_commit_callbacks, run, "xlsx").content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Request", "Buyer", "Exhibitor", "Reason", "Why")
    assert [(r[0], r[3]) for r in rows[1:]] == [
        (100, "Tables full"),
        (101, "Maximum of meetings reached"),
        (102, "Interpreters busy"),
        (103, "Tables full"),
        (9, "Other (recorded before reasons had codes)"),
        (104, "Maximum of meetings reached"),
        (105, "Tables full"),
    ]


# Who may see it ---------------------------------------------------------------------------


@pytest.fixture
def other_staff(db) -> User:
    return make_other_staff()


def make_other_staff() -> User:
    """The organiser of another edition, ``other-expo``."""
    other = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        city="Kunming",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2025, 6, 1),
        end_date=dt.date(2025, 6, 5),
    )
    user = User.objects.create_user("staff@other.example")
    ExpoStaff.objects.create(user=user, expo=other)
    return user


@pytest.mark.parametrize("who", ["anonymous", "participant", "other_staff", "organiser"])
@pytest.mark.parametrize("name", ["partial", "csv", "xlsx"])
def test_only_the_editions_organisers_see_what_was_left_out(client, fair, other_staff, who, name):
    run = mixed_run(fair)
    users = {"participant": fair.buyers[0].user, "other_staff": other_staff}
    users["organiser"] = fair.organiser
    if who in users:
        client.force_login(users[who])
    if name == "partial":
        path = reverse("organiser:schedule_unscheduled", kwargs={"slug": fair.expo.slug})
        target = f"{path}?run={run.pk}"
        response = client.get(target)
    else:
        target = export_url(run, name)
        response = client.post(target)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == (
            f"{reverse('accounts:login')}?{urlencode({'next': target}, safe='/')}"
        )
    elif who == "organiser" and name != "partial":
        assert response.status_code == 302  # to the file's page
    else:
        assert response.status_code == (200 if who == "organiser" else 403)
    assert LeftOutExport.objects.exists() == (who == "organiser" and name != "partial")


def test_another_editions_run_is_a_404(client, fair, other_staff):
    run = mixed_run(fair)
    other = Expo.objects.get(slug="other-expo")
    client.force_login(other_staff)
    url = reverse("organiser:left_out_export_csv", kwargs={"slug": other.slug, "pk": run.pk})
    assert client.post(url).status_code == 404


# What the page costs ----------------------------------------------------------------------


def _run_with_reasons(fair: Fair, n: int) -> ScheduleRun:
    codes = ["tables_full", "both_booked", "no_common_slot"][:n]
    rows = [entry(i, fair, code, sessions=[fair.session.pk]) for i, code in enumerate(codes)]
    return done_run(fair.expo, rows)


@pytest.mark.parametrize("n", [1, 3])
def test_the_page_costs_the_same_queries_for_one_reason_or_three(
    client, fair, n, django_assert_num_queries
):
    run = _run_with_reasons(fair, n)
    client.force_login(fair.organiser)
    with django_assert_num_queries(QUERIES):
        page = client.get(schedule_url(fair.expo, run=run.pk))
    assert len(page.context["left_out"].reasons) == n
    partial = reverse("organiser:schedule_unscheduled", kwargs={"slug": fair.expo.slug})
    with django_assert_num_queries(PARTIAL_QUERIES):
        client.get(f"{partial}?run={run.pk}")


# The shown run's requests left out: counted by reason, counted as filtered, and one page.
QUERIES = 17
PARTIAL_QUERIES = 11
