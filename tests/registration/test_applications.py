"""Sending an application: every rule named by its field, nothing written while one is broken,
a partner's quota held under its lock, the applicant told in their language."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import translation

from tests.registration.conftest import buyer_values
from tradefair.registration.models import Application, ApplicationPerson
from tradefair.registration.services.applications import (
    answer_application,
    find_application,
    submit_application,
)
from tradefair.registration.services.errors import InvalidApplication, RegistrationError
from tradefair.registration.services.notifications import link_token
from tradefair.registration.services.rules import PersonInput, application_problems

pytestmark = pytest.mark.django_db


def test_a_buyer_application_is_written_with_its_people(expo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application, token = submit_application(expo=expo, values=buyer_values(), link=None)
    assert application.status == Application.Status.SUBMITTED
    assert application.country_id == "VN" and application.days == ["2025-09-17", "2025-09-18"]
    assert list(application.hs_codes.values_list("code", flat=True)) == ["0810"]
    assert list(application.markets.values_list("code", flat=True)) == ["TH"]
    assert [(p.name, p.name_latin, p.share_contact) for p in application.people.all()] == [
        ("Nguyễn Văn An", "Nguyen Van An", True),
        ("Trần Thị Bình", "Tran Thi Binh", False),
    ]
    assert find_application(expo, token) == application
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["buying@mekongfresh.vn"]
    assert f"/test-expo/apply/status/{token}/" in mail.outbox[0].body


def test_every_broken_rule_is_named_and_nothing_is_written(expo):
    values = buyer_values(
        name=" ",
        country="XX",
        buys="",
        hs_codes=["9876"],
        languages=["xx"],
        days=[dt.date(2025, 10, 1)],
        people=[
            PersonInput("阮文安", "阮文安", "an@example.com"),
            PersonInput("Someone", "Someone", "AN@example.com"),
        ],
    )
    with pytest.raises(InvalidApplication) as refused:
        submit_application(expo=expo, values=values, link=None)
    fields = [field for field, _message in refused.value.problems]
    assert fields == [
        "name", "country", "buys", "hs_codes", "languages", "days",
        "people-0-name_latin", "people-1-email",
    ]  # fmt: skip
    messages = dict(refused.value.problems)
    assert messages["days"] == (
        "1 Oct 2025 is not a day of the expo; choose days from 17\u2009–\u200921 Sept 2025."
    )
    assert "Latin letters" in messages["people-0-name_latin"]
    assert not Application.objects.exists() and not ApplicationPerson.objects.exists()


def test_a_vietnamese_reader_gets_the_limit_and_the_days_written_their_way(expo):
    """Vietnamese groups thousands with a dot and writes its own dates: not "4000", not ISO."""
    values = buyer_values(description="x" * 4001, days=[dt.date(2025, 10, 1)])
    with translation.override("vi"):
        messages = dict(application_problems(expo, values))
    assert messages["description"] == "Mô tả không được dài quá 4.000 ký tự."
    assert messages["days"] == (
        "1 thg 10, 2025 không phải là ngày diễn ra hội chợ; "
        "hãy chọn các ngày trong khoảng 17\u2009–\u200921 thg 9, 2025."
    )


def test_a_buyer_names_a_code_or_a_sector_and_a_delegate_needs_neither(expo):
    problems = application_problems(expo, buyer_values(hs_codes=[], sectors=[]))
    assert problems == [
        ("hs_codes", "Give at least one HS code or sector, so exhibitors can find you.")
    ]
    delegate = buyer_values(kind="delegate", buys="", hs_codes=[], markets=[])
    assert application_problems(expo, delegate) == []


def test_an_expo_that_takes_no_applications_refuses_them(expo):
    expo.takes_applications = False
    expo.save()
    with pytest.raises(RegistrationError, match="takes no applications"):
        submit_application(expo=expo, values=buyer_values(), link=None)


def test_through_a_link_the_partner_reviews_first_and_the_quota_holds(expo, link, apply):
    first = apply(link)
    assert first.status == Application.Status.WITH_PARTNER and first.link == link
    apply(link, name="Second Co")
    with pytest.raises(RegistrationError, match=r"full \(2 places\)"):
        apply(link, name="Third Co")
    Application.objects.filter(pk=first.pk).update(status=Application.Status.REJECTED)
    assert apply(link, name="Third Co").status == Application.Status.WITH_PARTNER  # freed
    link.is_open = False
    link.save()
    with pytest.raises(RegistrationError, match="link is closed"):
        apply(link, name="Fourth Co")
    assert Application.objects.count() == 3


def test_a_forged_or_altered_private_link_finds_nothing(expo, apply):
    application = apply()
    token = link_token(application)
    assert find_application(expo, token) == application
    assert find_application(expo, token[:-2] + "xx") is None
    assert find_application(expo, "1:forged") is None


def test_the_answer_to_a_question_goes_back_to_whoever_asked(expo, link, apply):
    application = apply(link)
    Application.objects.filter(pk=application.pk).update(
        status=Application.Status.MORE_INFO, asked_by_partner=True, message="Which fruit?"
    )
    application.refresh_from_db()
    answered = answer_application(
        application=application, values=buyer_values(buys="Durian, dragon fruit and mangosteen")
    )
    assert answered.status == Application.Status.WITH_PARTNER
    assert answered.buys == "Durian, dragon fruit and mangosteen"
    with pytest.raises(RegistrationError, match="not waiting for an answer"):
        answer_application(application=answered, values=buyer_values())
