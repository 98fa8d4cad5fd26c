"""The negotiation area's plan: tables in rows of whole blocks of ten with an aisle after
every tenth, the meeting's table highlighted, linked from the agenda; public."""

import pytest
from django.urls import reverse

from tests.matchmaking.agenda_fair import AgendaFair, book, build_fair, publish
from tradefair.matchmaking.queries.table_plan import AISLE, PITCH_X, per_row, table_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(expo, organiser) -> AgendaFair:
    return build_fair(expo, organiser)


def test_rows_are_whole_blocks_and_an_aisle_follows_every_tenth():
    assert [per_row(n) for n in (1, 20, 200, 1200)] == [10, 10, 30, 60]


def test_the_layout_numbers_tables_in_reading_order(fair):
    session = fair.early[0].session
    session.tables = 25
    plan = table_plan(session, highlight=12)
    xs = {t.number: t.x for t in plan.tables}
    assert xs[2] - xs[1] == PITCH_X
    assert xs[11] == xs[1]  # a new row after ten tables
    assert [t.number for t in plan.tables if t.highlighted] == [12]
    assert plan.width > 10 * PITCH_X and AISLE > 0


def test_the_agenda_links_each_meeting_to_its_table_on_the_plan(client, fair):
    buyer = fair.buyer
    book(buyer.participation, fair.exhibitors[0].participation, fair.early[0], table=2)
    publish(fair.expo, fair.organiser)
    client.force_login(buyer.user)
    agenda = client.get(reverse("agenda:index", args=[fair.expo.slug])).content.decode()
    session = fair.early[0].session
    link = f"/{fair.expo.slug}/agenda/tables/{session.pk}/?table=2"
    assert link in agenda
    client.logout()
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200 and "<h1>Table 2</h1>" in html
    assert 'id="table-2" class="booth highlighted"' in html and "Hall B" in html
    chinese = client.get(f"/zh-hans{link}").content.decode()
    assert "B馆" in chinese


def test_unknown_sessions_and_tables(client, fair, expo):
    session = fair.early[0].session
    url = reverse("agenda:tables", args=[expo.slug, session.pk])
    assert "highlighted" not in client.get(url, {"table": "x"}).content.decode().split("<svg")[1]
    assert client.get(url, {"table": 99999}).status_code == 200
    assert client.get(reverse("agenda:tables", args=[expo.slug, 999999])).status_code == 404
