"""Console actions: forms on the edition's clock, publishing with conflicts, cancelling, mail."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tests.programme.conftest import NANNING, at
from tradefair.accounts.models import User
from tradefair.expos.models import Sector
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.services.activities import cancel_activity, create_activity
from tradefair.programme.services.errors import InvalidActivity, NotAllowed
from tradefair.programme.services.registration import cancel as cancel_registration
from tradefair.programme.services.registration import register

pytestmark = pytest.mark.django_db


def url(expo, name: str, **kwargs: object) -> str:
    return reverse(f"programme_organiser:{name}", kwargs={"slug": expo.slug, **kwargs})


def activities() -> list[tuple[object, ...]]:
    return list(
        Activity.objects.values_list("pk", "title", "start", "end", "capacity", "status").order_by(
            "pk"
        )
    )


# Forms ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("server_zone", ["UTC", "America/New_York"])
def test_times_are_typed_and_shown_on_the_editions_clock(
    client, settings, expo, organiser, room, buyer, server_zone
):
    settings.TIME_ZONE = server_zone
    blue = Sector.objects.get(slug="blue-economy")
    client.force_login(organiser)
    response = client.post(
        url(expo, "activity_create"),
        {
            "title": "Blue Economy Roundtable",
            "title_zh": "蓝色经济圆桌会",
            "kind": "forum",
            "audience": "invitation",
            "start": "2025-09-19T09:00",
            "end": "2025-09-19T10:30",
            "room": room.pk,
            "capacity": "",
            "sectors": [blue.pk],
            "hosts": "buyer one\n",
            "invited_people": "BUYER-ONE@example.com",
        },
    )
    activity = Activity.objects.get(title="Blue Economy Roundtable")
    assert response["Location"] == url(expo, "activity_edit", pk=activity.pk)
    assert (activity.start, activity.end) == (
        dt.datetime(2025, 9, 19, 9, tzinfo=NANNING),
        dt.datetime(2025, 9, 19, 10, 30, tzinfo=NANNING),
    )
    assert activity.start == dt.datetime(2025, 9, 19, 1, tzinfo=dt.UTC)
    assert (activity.status, activity.capacity, activity.seats) == ("draft", None, 100)
    assert list(activity.sectors.all()) == [blue]
    assert list(activity.hosts.all()) == [buyer.participation.organisation]
    assert list(activity.invited_people.all()) == [buyer.user]
    html = client.get(url(expo, "activity_edit", pk=activity.pk)).content.decode()
    assert 'name="start" value="2025-09-19T09:00"' in html
    assert 'name="end" value="2025-09-19T10:30"' in html


def test_a_refused_form_names_each_field_and_changes_nothing(client, expo, organiser, room):
    client.force_login(organiser)
    before = activities()
    response = client.post(
        url(expo, "activity_create"),
        {
            "title": "Too late",
            "kind": "forum",
            "audience": "registration",
            "start": "2025-09-22T10:00",
            "end": "2025-09-22T09:00",
            "capacity": "0",
            "hosts": "Nobody Ltd\nBuyer One",
            "invited_people": "ghost@example.com",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "start": ["Choose a time between 17 Sept 2025 and 21 Sept 2025, the expo's days."],
        "end": [
            "The activity must end after it starts.",
            "Choose a time between 17 Sept 2025 and 21 Sept 2025, the expo's days.",
        ],
        "capacity": ["Capacity must be at least 1; leave it empty to use the room's capacity."],
        "hosts": [
            "No single organisation is registered under “Nobody Ltd”, “Buyer One”; check the "
            "spelling or register the organisation first."
        ],
        "invited_people": [
            "No account uses ghost@example.com; invite them once they have signed up."
        ],
    }
    assert 'value="Too late"' in response.content.decode()
    assert activities() == before


def test_the_services_keep_the_same_limits(expo, organiser, room):
    common = {"expo": expo, "by_user": organiser, "kind": "forum", "title": "X"}
    refusals = []
    for start, end, capacity in [
        (at(11), at(10), None),
        (at(23, day=21), at(0, 30, day=22), None),
        (at(10), at(11), 0),
    ]:
        with pytest.raises(InvalidActivity) as refused:
            create_activity(**common, start=start, end=end, capacity=capacity)
        refusals.append(str(refused.value))
    assert refusals == [
        "end: the activity must end after it starts.",
        "start, end: an activity takes place between 17 Sept 2025 and 21 Sept 2025.",
        "capacity: at least 1, or leave it empty to use the room's capacity.",
    ]
    participant = User.objects.create_user("someone@example.com")
    with pytest.raises(NotAllowed):
        create_activity(**{**common, "by_user": participant}, start=at(10), end=at(11))
    assert Activity.objects.count() == 0


def test_speakers_are_added_linked_edited_and_removed(client, expo, organiser, buyer, forum):
    client.force_login(organiser)
    client.post(
        url(expo, "speaker_add", pk=forum.pk),
        {
            "speaker-name": "Li Wei",
            "speaker-name_zh": "李伟",
            "speaker-position": "Director",
            "speaker-organisation": "Buyer One",
            "speaker-email": "Buyer-One@example.com",
            "speaker-role": "moderator",
            "speaker-order": "1",
        },
    )
    client.post(
        url(expo, "speaker_add", pk=forum.pk),
        {
            "speaker-name": "Ana Cruz",
            "speaker-organisation": "Ministry of Trade",
            "speaker-role": "guest_of_honour",
            "speaker-order": "0",
        },
    )
    rows = list(
        Speaker.objects.order_by("order").values_list(
            "name", "name_zh", "organisation__name", "organisation_name", "user__email", "role"
        )
    )
    assert rows == [
        ("Ana Cruz", "", None, "Ministry of Trade", None, "guest_of_honour"),
        ("Li Wei", "李伟", "Buyer One", "", "buyer-one@example.com", "moderator"),
    ]
    li = Speaker.objects.get(name="Li Wei")
    response = client.post(
        url(expo, "speaker_edit", pk=forum.pk, speaker_pk=li.pk),
        {"name": "Li Wei", "email": "nobody@example.com", "role": "speaker", "order": "1"},
    )
    assert response.context["form"].errors == {
        "email": [
            "No account uses nobody@example.com; leave the field empty or ask the person to "
            "sign up first."
        ]
    }
    client.post(
        url(expo, "speaker_edit", pk=forum.pk, speaker_pk=li.pk),
        {"name": "Li Wei", "role": "speaker", "order": "3"},
    )
    li.refresh_from_db()
    assert (li.user, li.organisation, li.role, li.order) == (None, None, "speaker", 3)
    client.post(url(expo, "speaker_remove", pk=forum.pk, speaker_pk=li.pk))
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Ana Cruz"]


def test_a_refused_speaker_comes_back_on_the_activity_page(client, expo, organiser, forum):
    client.force_login(organiser)
    response = client.post(url(expo, "speaker_add", pk=forum.pk), {"speaker-role": "speaker"})
    assert response.status_code == 200
    assert response.context["speaker_form"].errors == {
        "name": ["This field is required."],
        "order": ["This field is required."],
    }
    assert Speaker.objects.count() == 0


def test_rooms_are_added_and_their_names_kept_unique(client, expo, organiser, room, halls):
    client.force_login(organiser)
    client.post(
        url(expo, "rooms"),
        {"name": "Auditorium", "name_zh": "大会堂", "capacity": "800", "hall": halls[0].pk},
    )
    added = Room.objects.get(name="Auditorium")
    assert (added.name_zh, added.capacity, added.hall) == ("大会堂", 800, halls[0])
    response = client.post(
        url(expo, "room_edit", pk=added.pk), {"name": "Forum Room 1", "capacity": "0"}
    )
    assert response.context["form"].errors == {"capacity": ["A room holds at least 1 person."]}
    response = client.post(
        url(expo, "room_edit", pk=added.pk), {"name": "Forum Room 1", "capacity": "10"}
    )
    assert response.context["form"].non_field_errors() == [
        "name: this expo already has a room called “Forum Room 1”; choose another name."
    ]
    assert list(Room.objects.order_by("pk").values_list("name", "capacity")) == [
        ("Forum Room 1", 100),
        ("Auditorium", 800),
    ]


def test_a_larger_room_seats_those_waiting(
    client, expo, organiser, room, make_activity, make_party
):
    Room.objects.filter(pk=room.pk).update(capacity=1)
    forum = make_activity()
    first, second = make_party("Guest 1").user, make_party("Guest 2").user
    register(activity=forum, user=first)
    register(activity=forum, user=second)
    client.force_login(organiser)
    client.post(url(expo, "room_edit", pk=room.pk), {"name": "Forum Room 1", "capacity": "2"})
    assert list(Registration.objects.order_by("pk").values_list("status", "seat")) == [
        ("registered", 1),
        ("registered", 2),
    ]


# Publishing -----------------------------------------------------------------------------------


def test_publishing_without_conflicts(client, expo, organiser, make_activity):
    draft = make_activity(status=Activity.Status.DRAFT)
    client.force_login(organiser)
    page = client.get(url(expo, "activity_publish", pk=draft.pk))
    assert page.context["conflicts"] == []
    response = client.post(url(expo, "activity_publish", pk=draft.pk))
    assert response["Location"] == url(expo, "activities")
    draft.refresh_from_db()
    assert draft.status == "published"


def test_publishing_with_conflicts_asks_first(client, expo, organiser, make_activity):
    taken = make_activity(title="Taken")
    draft = make_activity(title="Double", status=Activity.Status.DRAFT)
    client.force_login(organiser)
    page = client.get(url(expo, "activity_publish", pk=draft.pk))
    assert [c.activity_ids for c in page.context["conflicts"]] == [(taken.pk, draft.pk)]
    assert "Forum Room 1 is booked twice" in page.content.decode()
    asked = client.post(url(expo, "activity_publish", pk=draft.pk))
    assert asked.status_code == 200
    assert [c.kind for c in asked.context["conflicts"]] == ["room"]
    assert "Publish anyway" in asked.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"
    client.post(url(expo, "activity_publish", pk=draft.pk), {"confirmed": "1"})
    draft.refresh_from_db()
    assert draft.status == "published"


def test_only_a_draft_is_published(client, expo, organiser, forum):
    client.force_login(organiser)
    response = client.post(url(expo, "activity_publish", pk=forum.pk), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Only a draft can be published; this activity is published."
    ]


# Cancelling -----------------------------------------------------------------------------------


def test_cancelling_tells_every_live_registrant_in_their_language(
    client, expo, organiser, make_activity, make_party, django_capture_on_commit_callbacks
):
    forum = make_activity(capacity=1)
    seated, waiting, gone, also_waiting = (make_party(f"Guest {n}").user for n in (1, 2, 3, 4))
    User.objects.filter(pk=waiting.pk).update(language="zh-hans")
    for user in (seated, waiting, gone, also_waiting):
        register(activity=forum, user=user)
    Registration.objects.filter(user=gone).update(status="cancelled")
    before = list(Registration.objects.order_by("pk").values_list("user_id", "status", "seat"))
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(expo, "activity_cancel", pk=forum.pk), follow=True)
    forum.refresh_from_db()
    assert forum.status == "cancelled"
    assert [str(m) for m in response.context["messages"]] == [
        "“Forum on the Blue Economy” is cancelled; 3 registrants are told by e-mail."
    ]
    assert list(Registration.objects.order_by("pk").values_list("user_id", "status", "seat")) == (
        before
    )
    sent = sorted(mail.outbox, key=lambda m: m.to)
    # Strangers who share a language still get a message each: nobody sees another's address.
    assert [(m.to, m.subject) for m in sent] == [
        (["guest-1@example.com"], "Cancelled: Forum on the Blue Economy"),
        (["guest-2@example.com"], chinese("Cancelled: %(title)s") % {"title": "蓝色经济论坛"}),
        (["guest-4@example.com"], "Cancelled: Forum on the Blue Economy"),
    ]
    assert "“Forum on the Blue Economy” has been cancelled" in sent[0].body
    assert "18 Sept 2025, 10:00" in sent[0].body
    assert "All times are Nanning time (UTC+8)." in sent[0].body
    assert "蓝色经济论坛" in sent[1].body
    assert "2025年9月18日 10:00" in sent[1].body


def test_the_plain_text_notices_print_titles_as_written(
    expo, organiser, make_activity, make_party, django_capture_on_commit_callbacks
):
    """A plain-text e-mail is no HTML: "R&D" must not arrive as "R&amp;D"."""
    forum = make_activity(capacity=1, title='R&D Forum: "Smart" Ports', title_zh="")
    seated, waiting = (make_party(f"Guest {n}").user for n in (1, 2))
    for user in (seated, waiting):
        register(activity=forum, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(activity=forum, user=seated)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_activity(activity=forum, by_user=organiser)
    bodies = [m.body for m in mail.outbox]
    assert len(bodies) == 2  # the promotion of the one waiting, then the cancellation
    for body in bodies:
        assert '“R&D Forum: "Smart" Ports”' in body
        assert "&amp;" not in body and "&quot;" not in body


def chinese(message: str) -> str:
    """The message as a Chinese reader gets it (whatever the translation pass made of it)."""
    from django.utils import translation

    with translation.override("zh-hans"):
        return translation.gettext(message)


def test_a_cancelled_activity_sends_nothing_twice(
    expo, organiser, forum, buyer, django_capture_on_commit_callbacks
):
    register(activity=forum, user=buyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_activity(activity=forum, by_user=organiser) == 1
    assert [m.to for m in mail.outbox] == [["buyer-one@example.com"]]
    rows = list(Registration.objects.values_list("pk", "status", "seat"))
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(InvalidActivity, match="already cancelled"),
    ):
        cancel_activity(activity=forum, by_user=organiser)
    assert callbacks == []
    assert len(mail.outbox) == 1
    assert list(Registration.objects.values_list("pk", "status", "seat")) == rows


def test_nothing_is_sent_when_cancelling_rolls_back(
    expo, organiser, forum, buyer, django_capture_on_commit_callbacks
):
    from django.db import transaction

    register(activity=forum, user=buyer.user)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                cancel_activity(activity=forum, by_user=organiser)
                raise RuntimeError("the rest of the request failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []
    forum.refresh_from_db()
    assert forum.status == "published"


def test_a_stranger_cannot_cancel(expo, forum, buyer, django_capture_on_commit_callbacks):
    register(activity=forum, user=buyer.user)
    rows = list(Registration.objects.values_list("pk", "status", "seat"))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotAllowed):
        cancel_activity(activity=forum, by_user=buyer.user)
    forum.refresh_from_db()
    assert forum.status == "published"
    assert list(Registration.objects.values_list("pk", "status", "seat")) == rows
    assert mail.outbox == []
