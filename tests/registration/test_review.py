"""Deciding: the partner first for its delegation, then the organisers; an approval creates the
organisation (or attaches an existing one), the participation, the buyer's need and profile
and each person's invitation, all or nothing; bulk decisions all or none."""

import pytest
from django.core import mail

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import Invitation, Membership
from tradefair.expos.models import Country
from tradefair.matchmaking.models import Availability, MeetingProfile
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Need, Organisation, Participation
from tradefair.registration.models import Application
from tradefair.registration.queries.duplicates import duplicates
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.review import BulkRefused, decide, decide_many

pytestmark = pytest.mark.django_db
Status = Application.Status


def test_the_organisers_approval_admits_the_buyer(
    expo, organiser, apply, django_capture_on_commit_callbacks
):
    import datetime as dt

    for day in (17, 18, 19):
        create_session(
            expo=expo, name=f"Day {day}", date=dt.date(2025, 9, day),
            start_time=dt.time(9), end_time=dt.time(10), slot_minutes=30, tables=5,
            by_user=organiser,
        )  # fmt: skip
    application = apply()
    with django_capture_on_commit_callbacks(execute=True):
        decided = decide(application=application, decision="approve", by_user=organiser)
    assert decided.status == Status.APPROVED and decided.decided_by == organiser
    organisation = Organisation.objects.get(name="Mekong Fresh Trading Co., Ltd.")
    assert organisation.country_id == "VN" and organisation.email == "buying@mekongfresh.vn"
    participation = Participation.objects.get(organisation=organisation)
    assert participation.role == "buyer" and decided.participation == participation
    need = Need.objects.get(participation=participation)
    assert need.title == "Durian and dragon fruit"
    assert list(need.hs_codes.values_list("code", flat=True)) == ["0810"]
    assert MeetingProfile.objects.get(participation=participation).languages == ["en", "vi"]
    days = {
        a.slot.start.date().isoformat()
        for a in Availability.objects.filter(participation=participation).select_related("slot")
    }
    assert days == {"2025-09-17", "2025-09-18"}  # not the 19th: the buyer is not there
    invitations = Invitation.objects.filter(organisation=organisation).order_by("email")
    assert [(i.email, i.role) for i in invitations] == [
        ("an@mekongfresh.vn", "admin"),
        ("binh@mekongfresh.vn", "member"),
    ]
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["an@mekongfresh.vn", "binh@mekongfresh.vn", "buying@mekongfresh.vn"]
    welcome = next(m for m in mail.outbox if m.to == ["an@mekongfresh.vn"])
    invitation_path = "/accounts/invitations/"
    assert invitation_path in welcome.body


def test_an_approval_in_chinese_is_told_in_chinese(
    expo, organiser, apply, django_capture_on_commit_callbacks
):
    application = apply(language="zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        decide(application=application, decision="reject", message="名额已满", by_user=organiser)
    (told,) = mail.outbox
    assert told.subject == "您申请参加测试博览会"
    assert "名额已满" in told.body and "很抱歉" in told.body


def test_the_partner_reviews_first(expo, organiser, partner, link, apply):
    application = apply(link)
    with pytest.raises(RegistrationError, match="partner reviews this application first"):
        decide(application=application, decision="approve", by_user=organiser)
    stranger = make_party_in(expo, "Other Council", Participation.Role.PARTNER).user
    with pytest.raises(RegistrationError, match="partner reviews"):
        decide(application=application, decision="approve", by_user=stranger)
    forwarded = decide(application=application, decision="approve", by_user=partner.user)
    assert forwarded.status == Status.SUBMITTED and forwarded.partner_approved_at is not None
    assert not Participation.objects.filter(role="buyer").exists()  # only the organisers admit
    with pytest.raises(RegistrationError, match="Only the organisers"):
        decide(application=application, decision="reject", message="no", by_user=partner.user)
    approved = decide(application=application, decision="approve", by_user=organiser)
    assert approved.participation.delegation == link.delegation


def test_a_rejection_needs_a_reason_and_a_question_its_text(expo, organiser, apply):
    application = apply()
    for decision in ("reject", "ask"):
        with pytest.raises(RegistrationError) as refused:
            decide(application=application, decision=decision, message=" ", by_user=organiser)
        assert refused.value.field == "message"
    asked = decide(
        application=application, decision="ask", message="Which fruit?", by_user=organiser
    )
    assert asked.status == Status.MORE_INFO and not asked.asked_by_partner
    with pytest.raises(RegistrationError, match="waits for the applicant"):
        decide(application=application, decision="approve", by_user=organiser)
    rejected = decide(application=application, decision="reject", message="Late", by_user=organiser)
    with pytest.raises(RegistrationError, match="decided already"):
        decide(application=rejected, decision="approve", by_user=organiser)


def test_a_duplicate_is_flagged_and_attached_instead_of_created(expo, organiser, apply):
    known = Organisation.objects.create(
        name="Mekong Fresh Group", country=Country.objects.get(code="VN"),
        website="https://mekongfresh.vn",
    )  # fmt: skip
    same_name = Organisation.objects.create(
        name="Mekong Fresh Trading Co., Ltd.", country=Country.objects.get(code="VN")
    )
    webmail = apply(name="Solo Trader", email="solo@gmail.com", website="")
    application = apply()
    found = duplicates([application, webmail])
    assert {(c.name, c.reason) for c in found[application.pk]} == {
        ("Mekong Fresh Group", "same domain mekongfresh.vn"),
        ("Mekong Fresh Trading Co., Ltd.", "same name and country"),
    }
    assert webmail.pk not in found  # gmail.com says nothing about an organisation
    with pytest.raises(RegistrationError, match="exists already: attach") as refused:
        decide(application=application, decision="approve", by_user=organiser)
    assert refused.value.field == "organisation"
    assert (
        not Participation.objects.exists() and not Invitation.objects.exists()
    )  # nothing half-done
    approved = decide(
        application=application, decision="approve", organisation=same_name, by_user=organiser
    )
    assert approved.organisation == same_name and Organisation.objects.count() == 2
    assert Invitation.objects.get(email="an@mekongfresh.vn").role == "member"  # not its admin
    assert known.pk != same_name.pk


def test_bulk_decisions_are_all_or_none(expo, organiser, partner, link, apply):
    direct = [apply(name=f"Buyer {n}", email=f"b@buyer{n}.com") for n in range(3)]
    waiting = apply(link, name="Partner's Buyer", email="p@partnerbuyer.com")
    with pytest.raises(BulkRefused) as refused:
        decide_many(
            expo=expo, ids=[a.pk for a in [*direct, waiting]], decision="approve", by_user=organiser
        )
    assert refused.value.refusals == [
        ("Partner's Buyer", "The partner reviews this application first.")
    ]
    assert set(Application.objects.values_list("status", flat=True)) == {
        Status.SUBMITTED, Status.WITH_PARTNER
    }  # fmt: skip
    assert not Participation.objects.filter(role="buyer").exists()
    done = decide_many(expo=expo, ids=[a.pk for a in direct], decision="approve", by_user=organiser)
    assert [a.status for a in done] == [Status.APPROVED] * 3
    assert Participation.objects.filter(role="buyer").count() == 3
    assert Membership.objects.count() == 1  # the partner's: people join by accepting


def test_a_bulk_decision_takes_at_most_two_pages_of_applications(expo, organiser, apply):
    """Each approval admits a company in one transaction holding the write lock: a hand-made
    request naming thousands of applications is refused before any is touched."""
    from tradefair.registration.services.errors import RegistrationError
    from tradefair.registration.services.review import MAX_AT_ONCE

    first = apply(name="Buyer 0", email="b@buyer0.com")
    ids = [first.pk, *range(10_000, 10_000 + MAX_AT_ONCE)]
    with pytest.raises(RegistrationError, match="Decide at most 100 applications at a time"):
        decide_many(expo=expo, ids=ids, decision="approve", by_user=organiser)
    first.refresh_from_db()
    assert first.status == Status.SUBMITTED


def test_attached_to_a_buyer_already_taking_part_its_settings_stay(expo, organiser, apply):
    existing = make_party_in(expo, "Mekong Fresh Trading Co., Ltd.", Participation.Role.BUYER)
    organisation = existing.participation.organisation
    Organisation.objects.filter(pk=organisation.pk).update(country_id="VN")
    Need.objects.create(participation=existing.participation, title="Rambutan")
    MeetingProfile.objects.create(participation=existing.participation, languages=["vi"])
    approved = decide(
        application=apply(), decision="approve", organisation=organisation, by_user=organiser
    )
    assert approved.participation == existing.participation
    assert list(Need.objects.values_list("title", flat=True)) == ["Rambutan"]
    assert MeetingProfile.objects.get().languages == ["vi"]
    assert Invitation.objects.filter(organisation=organisation).count() == 2  # its people join
