"""E-mails reach each reader in their language, after commit, for every event of issue #4."""

import pytest

from tradefair.accounts.models import Membership, User
from tradefair.matchmaking.models import Availability, Meeting, MeetingRequest, ScheduleRun
from tradefair.matchmaking.services import scheduling
from tradefair.matchmaking.services.publishing import publish_schedule
from tradefair.matchmaking.services.requests import (
    accept_request,
    cancel_request,
    decline_request,
    request_meeting,
)
from tradefair.matchmaking.services.scheduling import start_schedule_run

from .conftest import Party, make_session

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


@pytest.fixture
def chinese_names(buyer: Party, exhibitor: Party) -> None:
    for party, name_zh in ((buyer, "一号采购商"), (exhibitor, "一号展商")):
        organisation = party.participation.organisation
        organisation.name_zh = name_zh
        organisation.save(update_fields=["name_zh"])


def colleague(party: Party, email: str, language: str) -> User:
    user = User.objects.create_user(email, language=language)
    Membership.objects.create(user=user, organisation=party.participation.organisation)
    return user


def by_recipient(outbox) -> dict[str, tuple[str, str]]:
    return {m.to[0]: (m.subject, m.body) for m in outbox if len(m.to) == 1}


def ask(buyer: Party, exhibitor: Party, capture, message: str = "") -> MeetingRequest:
    with capture(execute=True):
        return request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            message=message,
            priority=2,
            by_user=buyer.user,
        )


def test_each_language_of_an_organisation_gets_one_message_in_it(
    buyer, exhibitor, chinese_names, mailoutbox, django_capture_on_commit_callbacks
):
    colleague(exhibitor, "li@example.com", "zh-hans")
    colleague(exhibitor, "wang@example.com", "zh-hans")
    ask(buyer, exhibitor, django_capture_on_commit_callbacks, message="Cassava & starch")
    assert sorted((m.to, m.subject) for m in mailoutbox) == [
        (["exhibitor-one@example.com"], "New meeting request from Buyer One"),
        (["li@example.com", "wang@example.com"], "来自一号采购商的新洽谈请求"),
    ]
    english = next(m.body for m in mailoutbox if m.to == ["exhibitor-one@example.com"])
    assert english == (
        "Buyer One asks to meet you at Test Expo (priority 2).\n\n"
        "Cassava & starch\n\n"
        "Answer the request here:\n"
        f"{SITE}/test-expo/exhibitor/requests/\n"
    )
    chinese = next(m.body for m in mailoutbox if m.to[0] == "li@example.com")
    assert chinese == (
        "一号采购商 请求在测试博览会与您洽谈（优先级 2）。\n\n"
        "Cassava & starch\n\n"
        "在此答复请求：\n"
        f"{SITE}/zh-hans/test-expo/exhibitor/requests/\n"
    )


def test_answers_reach_the_asking_side_in_its_language(
    buyer, exhibitor, chinese_names, mailoutbox, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=buyer.user.pk).update(language="zh-hans")
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decline_request(request=request, reason="sold out", by_user=exhibitor.user)
    [message] = mailoutbox
    assert (message.to, message.subject) == (
        ["buyer-one@example.com"],
        "一号展商 拒绝了您的洽谈请求",
    )
    assert message.body == (
        "一号展商 拒绝在测试博览会与您洽谈。\n\n"
        "原因：sold out\n\n"
        "您的洽谈请求：\n"
        f"{SITE}/zh-hans/test-expo/buyer/requests/\n"
    )


def test_an_acceptance_in_english_links_the_buyers_requests(
    buyer, exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept_request(request=request, by_user=exhibitor.user)
    assert [(m.to, m.subject, m.body) for m in mailoutbox] == [
        (
            ["buyer-one@example.com"],
            "Exhibitor One accepted your meeting request",
            "Exhibitor One will meet you at Test Expo; the schedule follows.\n\n"
            f"Your meeting requests:\n{SITE}/test-expo/buyer/requests/\n",
        )
    ]


@pytest.mark.urls("tests.matchmaking.urls_without_portals")
def test_links_fall_back_to_the_editions_home_page(
    buyer, exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    assert mailoutbox[0].body.endswith(f"Answer the request here:\n{SITE}/test-expo/\n")


def test_the_site_url_setting_prefixes_links(
    buyer, exhibitor, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://expo.example"
    ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    assert mailoutbox[0].body.endswith("https://expo.example/test-expo/exhibitor/requests/\n")


def test_a_buyer_cancelling_tells_the_exhibitor_only_after_commit(
    buyer, exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_request(request=request, by_user=buyer.user)
        assert mailoutbox == []
    assert [(m.to, m.subject, m.body) for m in mailoutbox] == [
        (
            ["exhibitor-one@example.com"],
            "Meeting request with Buyer One cancelled",
            "Buyer One cancelled the meeting request between your organisations at Test Expo."
            f"\n\nYour meeting requests:\n{SITE}/test-expo/exhibitor/requests/\n",
        )
    ]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_request(request=request, by_user=buyer.user)  # again: a no-op
    assert mailoutbox == []


def test_an_exhibitor_cancelling_tells_the_buyer(
    buyer, exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_request(request=request, by_user=exhibitor.user)
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["buyer-one@example.com"], "Meeting request with Exhibitor One cancelled")
    ]


def test_organisers_cancelling_a_published_meeting_tell_both_sides_when_it_was(
    buyer, exhibitor, organiser, chinese_names, mailoutbox, django_capture_on_commit_callbacks
):
    make_session(buyer.participation.expo, organiser, tables=1, slots=1)
    User.objects.filter(pk=exhibitor.user.pk).update(language="zh-hans")
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    accept_request(request=request, by_user=exhibitor.user)
    run = run_schedule(buyer.participation.expo, organiser, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish_schedule(run=run, by_user=organiser)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_request(request=request, by_user=organiser)
    assert by_recipient(mailoutbox) == {
        "buyer-one@example.com": (
            "Meeting request with Exhibitor One cancelled",
            "The organisers of Test Expo cancelled the meeting request between you and "
            "Exhibitor One.\n\n"
            "The meeting on 18 Sept 2025, 09:00 at table 1 will not take place.\n"
            "All times are Nanning time (UTC+8).\n\n"
            f"Your meeting requests:\n{SITE}/test-expo/buyer/requests/\n",
        ),
        "exhibitor-one@example.com": (
            "与一号采购商的洽谈请求已取消",
            "测试博览会的主办方取消了您与一号采购商之间的洽谈请求。\n\n"
            "原定于2025年9月18日 09:00在 1 号桌的洽谈将不再举行。\n"
            "所有时间均为南宁时间（UTC+8）。\n\n"
            f"您的洽谈请求：\n{SITE}/zh-hans/test-expo/exhibitor/requests/\n",
        ),
    }


def test_a_refused_cancellation_sends_nothing(
    buyer, exhibitor, make_party, mailoutbox, django_capture_on_commit_callbacks
):
    from tradefair.matchmaking.services.errors import NotAllowed

    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    stranger = make_party("Stranger")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotAllowed):
        cancel_request(request=request, by_user=stranger.user)
    assert mailoutbox == [] and MeetingRequest.objects.get().status == "pending"


def run_schedule(expo, organiser, capture) -> ScheduleRun:
    with capture(execute=True):
        started = start_schedule_run(expo=expo, by_user=organiser)
    return ScheduleRun.objects.get(pk=started.pk)


@pytest.fixture
def published(expo, organiser, buyer, exhibitor, chinese_names, django_capture_on_commit_callbacks):
    """One published meeting of Buyer One and Exhibitor One in the first of three slots."""
    slots = list(make_session(expo, organiser, tables=1, slots=3).slots.order_by("start"))
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    accept_request(request=request, by_user=exhibitor.user)
    # Both can meet only in the first slot, so the first run places the meeting there.
    for party in (buyer, exhibitor):
        Availability.objects.create(participation=party.participation, slot=slots[0])
    run = run_schedule(expo, organiser, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish_schedule(run=run, by_user=organiser)
    meeting = Meeting.objects.get()
    assert (meeting.slot_id, meeting.published) == (slots[0].pk, True)
    return meeting, slots


def test_publishing_lists_each_sides_meetings_in_its_language(
    expo, organiser, buyer, exhibitor, chinese_names, mailoutbox, django_capture_on_commit_callbacks
):
    make_session(expo, organiser, tables=1, slots=1)
    User.objects.filter(pk=buyer.user.pk).update(language="zh-hans")
    request = ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    accept_request(request=request, by_user=exhibitor.user)
    run = run_schedule(expo, organiser, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish_schedule(run=run, by_user=organiser)
    assert by_recipient(mailoutbox) == {
        "buyer-one@example.com": (
            "您在测试博览会的洽谈日程",
            "您在测试博览会的洽谈：\n\n"
            "2025年9月18日 09:00，1 号桌：一号展商\n\n"
            "所有时间均为南宁时间（UTC+8）。\n\n"
            f"您的日程：\n{SITE}/zh-hans/test-expo/agenda/\n",
        ),
        "exhibitor-one@example.com": (
            "Your meeting schedule at Test Expo",
            "Your meetings at Test Expo:\n\n"
            "18 Sept 2025, 09:00, table 1: Buyer One\n\n"
            "All times are Nanning time (UTC+8).\n\n"
            f"Your agenda:\n{SITE}/test-expo/agenda/\n",
        ),
    }


def test_a_rerun_that_must_move_a_published_meeting_keeps_it_published_and_tells_both(
    expo, organiser, buyer, exhibitor, published, mailoutbox, django_capture_on_commit_callbacks
):
    meeting, slots = published
    Availability.objects.filter(slot=slots[0]).update(slot=slots[2])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        started = start_schedule_run(expo=expo, by_user=organiser)
    stats = ScheduleRun.objects.get(pk=started.pk).stats
    assert (stats["kept"], stats["created"], stats["moved_published"]) == (0, 0, 1)
    moved = Meeting.objects.get()
    assert (moved.pk, moved.slot_id, moved.published) == (meeting.pk, slots[2].pk, True)
    assert by_recipient(mailoutbox) == {
        "buyer-one@example.com": (
            "A meeting at Test Expo has moved",
            "These meetings at Test Expo have moved. Their new times and tables:\n\n"
            "18 Sept 2025, 09:40, table 1: Exhibitor One\n\n"
            "All times are Nanning time (UTC+8).\n\n"
            f"Your agenda:\n{SITE}/test-expo/agenda/\n",
        ),
        "exhibitor-one@example.com": (
            "A meeting at Test Expo has moved",
            "These meetings at Test Expo have moved. Their new times and tables:\n\n"
            "18 Sept 2025, 09:40, table 1: Buyer One\n\n"
            "All times are Nanning time (UTC+8).\n\n"
            f"Your agenda:\n{SITE}/test-expo/agenda/\n",
        ),
    }
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_schedule(run=ScheduleRun.objects.get(pk=started.pk), by_user=organiser) == 0
    assert mailoutbox == []  # already announced as moved


def test_a_rerun_that_drops_a_published_meeting_tells_both_sides_once_after_commit(
    expo, organiser, buyer, exhibitor, published, mailoutbox, django_capture_on_commit_callbacks
):
    _meeting, slots = published
    User.objects.filter(pk=exhibitor.user.pk).update(language="zh-hans")
    # They can no longer meet: each is free only when the other is not.
    Availability.objects.filter(participation=buyer.participation).update(slot=slots[1])
    Availability.objects.filter(participation=exhibitor.participation).update(slot=slots[2])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        started = start_schedule_run(expo=expo, by_user=organiser)
        assert mailoutbox == []
    assert ScheduleRun.objects.get(pk=started.pk).stats["dropped_published"] == 1
    assert not Meeting.objects.exists()
    assert MeetingRequest.objects.get().status == "accepted"
    assert by_recipient(mailoutbox) == {
        "buyer-one@example.com": (
            "A meeting at Test Expo was cancelled",
            "These meetings at Test Expo were cancelled by the organisers' re-schedule:\n\n"
            "18 Sept 2025, 09:00, table 1: Exhibitor One\n\n"
            "All times are Nanning time (UTC+8).\n"
            "Your requests stay accepted: a later schedule may place them again.\n\n"
            f"Your agenda:\n{SITE}/test-expo/agenda/\n",
        ),
        "exhibitor-one@example.com": (
            "您在测试博览会的一场洽谈已取消",
            "以下您在测试博览会的洽谈因主办方重新排程而取消：\n\n"
            "2025年9月18日 09:00，1 号桌：一号采购商\n\n"
            "所有时间均为南宁时间（UTC+8）。\n"
            "您的洽谈请求仍为已接受：之后的排程可能会重新安排。\n\n"
            f"您的日程：\n{SITE}/zh-hans/test-expo/agenda/\n",
        ),
    }


def test_a_rerun_that_rolls_back_tells_nobody(
    expo,
    organiser,
    buyer,
    published,
    monkeypatch,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    meeting, slots = published
    Availability.objects.filter(participation=buyer.participation).update(slot=slots[1])

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(scheduling, "_unscheduled", broken)  # fails after the write-back
    queued = ScheduleRun.objects.create(expo=expo)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        scheduling.execute_schedule_run(run_id=queued.pk)
    assert mailoutbox == []
    assert list(Meeting.objects.values_list("pk", "slot_id", "published")) == [
        (meeting.pk, slots[0].pk, True)
    ]
    assert ScheduleRun.objects.get(pk=queued.pk).status == "failed"


def test_a_message_the_server_refuses_is_logged_and_the_others_still_go(
    buyer, exhibitor, monkeypatch, caplog, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.mail.backends.locmem import EmailBackend

    colleague(exhibitor, "li@example.com", "zh-hans")
    real = EmailBackend.send_messages

    def picky(self, messages):
        if messages[0].to == ["exhibitor-one@example.com"]:
            raise ConnectionError("mailbox unavailable")
        return real(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", picky)
    ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [["li@example.com"]]
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "e-mail to exhibitor-one@example.com failed"
    ]
    assert MeetingRequest.objects.get().status == "pending"


def test_the_request_queues_its_mail_for_the_worker_and_sends_none_itself(
    buyer, exhibitor, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    """A slow mail server must not hold a web request: the action hands the composed
    messages to the worker as plain values, and the worker's task sends the same messages."""
    from tradefair.expos import tasks

    colleague(exhibitor, "li@example.com", "zh-hans")
    queued = []
    monkeypatch.setattr(tasks.send_messages, "delay", queued.append)
    ask(buyer, exhibitor, django_capture_on_commit_callbacks, message="Robots")
    assert mailoutbox == []
    (values,) = queued
    assert sorted(v["to"][0] for v in values) == ["exhibitor-one@example.com", "li@example.com"]
    assert all(isinstance(v["subject"], str) and isinstance(v["body"], str) for v in values)

    assert tasks.send_messages(values) == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["exhibitor-one@example.com", "li@example.com"]
    assert {m.subject for m in mailoutbox} == {v["subject"] for v in values}


def test_nothing_is_queued_when_the_action_rolls_back(
    buyer, exhibitor, monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from tradefair.expos import tasks

    queued = []
    monkeypatch.setattr(tasks.send_messages, "delay", queued.append)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            message="",
            priority=2,
            by_user=buyer.user,
        )
        raise RuntimeError("the rest of the action failed")
    assert callbacks == [] and queued == []
    assert not MeetingRequest.objects.exists()


def test_a_thai_reader_gets_it_in_thai_with_the_thai_name_of_a_thai_company(
    buyer, exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = buyer.participation.organisation
    organisation.name_local, organisation.name_local_language = "บริษัท ผู้ซื้อหนึ่ง จำกัด", "th"
    organisation.save(update_fields=["name_local", "name_local_language"])
    colleague(exhibitor, "somchai@example.com", "th")
    ask(buyer, exhibitor, django_capture_on_commit_callbacks)
    subjects = by_recipient(mailoutbox)
    assert subjects["somchai@example.com"][0] == "คำขอนัดเจรจาใหม่จาก บริษัท ผู้ซื้อหนึ่ง จำกัด"
    assert subjects["exhibitor-one@example.com"][0] == "New meeting request from Buyer One"
    thai = next(m.body for m in mailoutbox if m.to == ["somchai@example.com"])
    assert thai.endswith(f"{SITE}/th/test-expo/exhibitor/requests/\n")
