"""The write actions the organiser console adds: deleting a session, the interpreter pool."""

import pytest

from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    NegotiationSession,
    ScheduleRun,
    Slot,
)
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.matchmaking.services.errors import InvalidRequest, InvalidTransition, NotAllowed
from tradefair.matchmaking.services.interpreters import (
    add_interpreter,
    remove_interpreter,
    update_interpreter,
)
from tradefair.matchmaking.services.sessions import delete_session
from tradefair.organisations.models import Participation

from .conftest import accepted, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sessions(expo, organiser):
    return make_session(expo, organiser, slots=2), make_session(expo, organiser, slots=1)


def test_a_session_is_deleted_with_its_slots(expo, organiser, two_sessions):
    kept, gone = two_sessions
    assert delete_session(session=gone, by_user=organiser) == 1
    assert list(NegotiationSession.objects.all()) == [kept]
    assert Slot.objects.filter(session=kept).count() == Slot.objects.count() == 2


def test_only_organisers_delete_sessions(expo, organiser, buyer, two_sessions):
    with pytest.raises(NotAllowed):
        delete_session(session=two_sessions[1], by_user=buyer.user)
    assert NegotiationSession.objects.count() == 2


def test_no_session_is_deleted_while_a_run_is_going_on(expo, organiser, two_sessions):
    ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.RUNNING)
    with pytest.raises(InvalidTransition, match="A scheduler run is in progress"):
        delete_session(session=two_sessions[1], by_user=organiser)
    assert NegotiationSession.objects.count() == 2


def test_a_session_that_is_someones_only_availability_stays(
    expo, organiser, buyer, exhibitor, two_sessions
):
    kept, gone = two_sessions
    only_here = gone.slots.get()
    Availability.objects.create(participation=buyer.participation, slot=only_here)
    # The exhibitor can come at other times too: losing this slot leaves them limited.
    Availability.objects.create(participation=exhibitor.participation, slot=only_here)
    Availability.objects.create(participation=exhibitor.participation, slot=kept.slots.first())
    with pytest.raises(
        InvalidTransition,
        match=r"^1 participant can attend only in this session's slots; change their",
    ):
        delete_session(session=gone, by_user=organiser)
    Availability.objects.filter(participation=buyer.participation).delete()
    assert delete_session(session=gone, by_user=organiser) == 1
    assert list(Availability.objects.values_list("participation_id", flat=True)) == [
        exhibitor.participation.pk
    ]


def test_a_session_that_is_an_interpreters_only_availability_stays(expo, organiser, two_sessions):
    interpreter = Interpreter.objects.create(expo=expo, name="Lan", languages=["vi", "zh"])
    interpreter.available_slots.set(two_sessions[1].slots.all())
    with pytest.raises(
        InvalidTransition,
        match=r"^1 interpreter is available only in this session's slots; change their",
    ):
        delete_session(session=two_sessions[1], by_user=organiser)
    assert NegotiationSession.objects.count() == 2


def test_a_session_with_meetings_stays(expo, organiser, buyer, exhibitor, two_sessions):
    book_meeting(
        request=accepted(buyer.participation, exhibitor.participation),
        slot=two_sessions[1].slots.get(),
    )
    with pytest.raises(InvalidTransition, match="has 1 meeting; move or remove it first"):
        delete_session(session=two_sessions[1], by_user=organiser)
    assert NegotiationSession.objects.count() == 2


# Interpreters ---------------------------------------------------------------------------------


def test_adding_an_interpreter_normalises_the_codes(expo, organiser):
    added = add_interpreter(
        expo=expo, name="  Ana ", email="ana@example.com", languages=["TH", "en"], by_user=organiser
    )
    assert (added.name, added.languages, added.expo) == ("Ana", ["en", "th"], expo)


@pytest.mark.parametrize(
    ("name", "languages", "message"),
    [
        ("", ["en", "th"], "The interpreter needs a name."),
        ("Ana", ["en", "xx"], "Unknown ISO 639-1 language codes: xx."),
        ("Ana", ["en"], "An interpreter speaks at least two languages."),
    ],
)
def test_a_bad_interpreter_is_refused(expo, organiser, name, languages, message):
    with pytest.raises(InvalidRequest) as refused:
        add_interpreter(expo=expo, name=name, languages=languages, by_user=organiser)
    assert str(refused.value) == message
    assert not Interpreter.objects.exists()


def test_only_organisers_manage_the_pool(expo, organiser, buyer):
    interpreter = Interpreter.objects.create(expo=expo, name="Lan", languages=["vi", "zh"])
    with pytest.raises(NotAllowed):
        add_interpreter(expo=expo, name="Ana", languages=["en", "th"], by_user=buyer.user)
    with pytest.raises(NotAllowed):
        update_interpreter(
            interpreter=interpreter, name="X", languages=["en", "th"], by_user=buyer.user
        )
    with pytest.raises(NotAllowed):
        remove_interpreter(interpreter=interpreter, by_user=buyer.user)
    assert list(Interpreter.objects.values_list("name", "languages")) == [("Lan", ["vi", "zh"])]


@pytest.fixture
def interpreted(expo, organiser, make_party, slots):
    """A Vietnamese-speaking buyer meets a Chinese-speaking maker through Lan."""
    lan = Interpreter.objects.create(expo=expo, name="Lan", languages=["vi", "zh"])
    buyer = make_party("Hanoi Foods", Participation.Role.BUYER, languages=["vi"])
    maker = make_party("Nanning Tea", Participation.Role.EXHIBITOR, languages=["zh"])
    meeting = book_meeting(
        request=accepted(buyer.participation, maker.participation), slot=slots[0]
    )
    assert meeting.interpreter == lan
    return lan, meeting


def test_a_language_a_meeting_needs_is_kept(organiser, interpreted):
    lan, _ = interpreted
    with pytest.raises(InvalidTransition, match="interprets 1 scheduled meetings"):
        update_interpreter(interpreter=lan, name="Lan", languages=["zh", "en"], by_user=organiser)
    lan.refresh_from_db()
    assert lan.languages == ["vi", "zh"]
    update_interpreter(
        interpreter=lan, name="Lan N.", languages=["en", "vi", "zh"], by_user=organiser
    )
    lan.refresh_from_db()
    assert (lan.name, lan.languages) == ("Lan N.", ["en", "vi", "zh"])


def test_removing_takes_the_unpublished_meetings_along(organiser, interpreted):
    lan, _ = interpreted
    assert remove_interpreter(interpreter=lan, by_user=organiser) == 1
    assert not Interpreter.objects.exists() and not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"published": True}, "assigned to published meetings"),
        ({"status": Meeting.Status.HELD}, "already recorded as held or missed"),
    ],
)
def test_an_interpreter_with_a_record_stays(organiser, interpreted, change, message):
    lan, meeting = interpreted
    Meeting.objects.filter(pk=meeting.pk).update(**change)
    with pytest.raises(InvalidTransition, match=message):
        remove_interpreter(interpreter=lan, by_user=organiser)
    assert Interpreter.objects.filter(pk=lan.pk).exists()
    assert Meeting.objects.get().interpreter_id == lan.pk


def test_availability_is_set_and_keeps_the_slots_meetings_need(organiser, interpreted, slots):
    lan, _ = interpreted
    with pytest.raises(InvalidTransition) as refused:
        update_interpreter(
            interpreter=lan,
            name="Lan",
            languages=["vi", "zh"],
            available_slots=slots[1:],
            by_user=organiser,
        )
    assert str(refused.value) == (
        "Lan interprets 1 scheduled meetings in slots you left out; move those meetings first "
        "or keep the slots."
    )
    assert list(lan.available_slots.all()) == []
    update_interpreter(
        interpreter=lan,
        name="Lan",
        languages=["vi", "zh"],
        available_slots=slots[:2],
        by_user=organiser,
    )
    assert list(lan.available_slots.order_by("start")) == slots[:2]


def test_availability_is_in_the_interpreters_own_expo(expo, organiser, other_expo_slot):
    with pytest.raises(InvalidRequest) as refused:
        add_interpreter(
            expo=expo,
            name="Ana",
            languages=["en", "th"],
            available_slots=[other_expo_slot],
            by_user=organiser,
        )
    assert str(refused.value) == "Some of the chosen slots belong to another expo."
    assert not Interpreter.objects.exists()


@pytest.fixture
def other_expo_slot(expo):
    other = Expo.objects.create(
        slug="other",
        name="Other",
        city="Kunming",
        host_country=expo.host_country,
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    staff = User.objects.create_user("staff@other.example")
    ExpoStaff.objects.create(user=staff, expo=other)
    return make_session(other, staff, slots=1).slots.get()
