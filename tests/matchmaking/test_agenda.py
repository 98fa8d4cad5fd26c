"""The agenda query: published meetings only, by local day, seen from either side."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.matchmaking.agenda_fair import AgendaFair, book, build_fair, publish
from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import ExpoStaff
from tradefair.matchmaking.models import Meeting
from tradefair.matchmaking.queries.agenda import agenda_of, my_sides
from tradefair.matchmaking.services.booking import mark_no_show
from tradefair.organisations.models import Participation

Role = Participation.Role
NANNING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def fair(expo, organiser) -> AgendaFair:
    return build_fair(expo, organiser)


def test_meetings_are_grouped_by_the_expos_local_day(fair):
    buyer = fair.buyer.participation
    one, two, three = (p.participation for p in fair.exhibitors)
    book(buyer, three, fair.late[1])
    book(buyer, one, fair.early[0], table=3)
    book(buyer, two, fair.early[2])
    publish(fair.expo, fair.organiser)

    agenda = agenda_of(buyer)

    # 07:00 in Nanning is 23:00 UTC on the 17th, yet it belongs to the 18th's page.
    assert fair.early[0].start == dt.datetime(2025, 9, 17, 23, 0, tzinfo=dt.UTC)
    assert [day.date for day in agenda.days] == [dt.date(2025, 9, 18), dt.date(2025, 9, 19)]
    assert [
        [(m.start.time(), m.counterpart.name) for m in day.meetings] for day in agenda.days
    ] == [
        [(dt.time(7, 0), "Exhibitor 1"), (dt.time(7, 40), "Exhibitor 2")],
        [(dt.time(14, 20), "Exhibitor 3")],
    ]
    first = agenda.days[0].meetings[0]
    assert (first.start, first.end) == (
        dt.datetime(2025, 9, 18, 7, 0, tzinfo=NANNING),
        dt.datetime(2025, 9, 18, 7, 20, tzinfo=NANNING),
    )
    assert (first.start.utcoffset(), first.table_number) == (dt.timedelta(hours=8), 3)


def test_only_published_meetings_are_shown(fair):
    buyer = fair.buyer.participation
    one, two, _ = (p.participation for p in fair.exhibitors)
    shown = book(buyer, one, fair.early[0])
    assert publish(fair.expo, fair.organiser) == 1
    book(buyer, two, fair.early[1])  # booked after publishing: not announced yet

    assert [m.pk for m in agenda_of(buyer).meetings] == [shown.pk]
    assert [m.pk for m in agenda_of(two).meetings] == []
    assert Meeting.objects.filter(published=False).count() == 1


def test_buyer_sees_the_exhibitor_with_its_booth_and_the_interpreter(fair):
    buyer, exhibitor = fair.buyer.participation, fair.exhibitors[1].participation
    meeting = book(buyer, exhibitor, fair.early[1], table=2, interpreter=fair.interpreter)
    publish(fair.expo, fair.organiser)

    [row] = agenda_of(buyer).meetings

    assert (row.pk, row.reference, row.table_number) == (meeting.pk, f"M-{meeting.pk}", 2)
    assert (row.session, row.hall_code, row.hall, row.location) == (
        "Morning talks",
        "B",
        "Hall B",
        "Hall B",  # the name already says which hall
    )
    assert (row.interpreter, row.interpreter_languages) == ("Lan Nguyen", ("vi",))
    assert row.counterpart.participation_id == exhibitor.pk
    assert (row.counterpart.role, row.counterpart.name, row.counterpart.booth) == (
        "exhibitor",
        "Exhibitor 2",
        "B-02",
    )
    assert (row.counterpart.country_code, row.counterpart.country) == ("CN", "China")
    assert (row.status, row.status_label) == ("scheduled", "scheduled")
    fair.hall.name = "Exhibition Centre"
    fair.hall.save()
    assert [m.location for m in agenda_of(buyer).meetings] == ["B Exhibition Centre"]


def test_exhibitor_sees_the_buyer_without_a_booth(fair):
    buyer, exhibitor = fair.buyer.participation, fair.exhibitors[0].participation
    meeting = book(buyer, exhibitor, fair.late[0])
    publish(fair.expo, fair.organiser)
    mark_no_show(meeting=meeting, by_user=fair.organiser)

    agenda = agenda_of(exhibitor)

    assert agenda.side == "exhibitor"
    [row] = agenda.meetings
    assert (row.counterpart.participation_id, row.counterpart.name) == (buyer.pk, "Buyer One")
    assert (row.counterpart.role, row.counterpart.booth, row.interpreter) == ("buyer", "", "")
    assert (row.status, row.status_label) == ("no_show", "no-show")


def test_names_follow_the_readers_language(fair):
    buyer = fair.buyer.participation
    book(buyer, fair.exhibitors[0].participation, fair.early[0])
    publish(fair.expo, fair.organiser)

    with translation.override("zh-hans"):
        [row] = agenda_of(buyer).meetings

    assert (row.session, row.hall, row.counterpart.country) == (
        "Morning talks（中文）",
        "B馆",
        "中国",
    )


@pytest.mark.parametrize("meetings", [1, 3])
def test_query_count_does_not_grow_with_the_meetings(fair, meetings, django_assert_num_queries):
    buyer = fair.buyer.participation
    for n in range(meetings):
        book(
            buyer,
            fair.exhibitors[n].participation,
            fair.early[n],
            interpreter=fair.interpreter,
        )
    publish(fair.expo, fair.organiser)
    exhibitor = Participation.objects.get(pk=fair.exhibitors[0].participation.pk)
    buyer = Participation.objects.select_related("expo").get(pk=buyer.pk)
    exhibitor.expo = buyer.expo

    # The meetings, the exhibitors' booths, then registrations confirmed despite a clash.
    with django_assert_num_queries(3):
        assert len(agenda_of(buyer).meetings) == meetings
    with django_assert_num_queries(2):  # a buyer has no booth to look up
        assert len(agenda_of(exhibitor).meetings) == 1


def test_my_sides_lists_the_buyer_and_exhibitor_the_user_acts_for(fair, expo, organiser):
    buyer_party = fair.buyer
    org = buyer_party.participation.organisation
    also_exhibits = Participation.objects.create(expo=expo, organisation=org, role=Role.EXHIBITOR)
    delegate = make_party_in(expo, "Trade Office", Role.DELEGATE)

    assert my_sides(buyer_party.user, expo) == {
        "buyer": buyer_party.participation,
        "exhibitor": also_exhibits,
    }
    assert my_sides(fair.exhibitors[0].user, expo) == {
        "exhibitor": fair.exhibitors[0].participation
    }
    assert my_sides(delegate.user, expo) == {}
    ExpoStaff.objects.get_or_create(user=organiser, expo=expo)
    assert my_sides(organiser, expo) == {}
