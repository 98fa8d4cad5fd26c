"""Meeting requests: one side asks (usually the buyer), the other answers, either may cancel.

Invariants: at most one open (pending or accepted) request per buyer-exhibitor pair (the
partial unique constraint ``one_open_request_per_pair`` is the last guard); a declined or
cancelled request never reopens; answering twice changes nothing and sends no second e-mail.
Each action runs in one transaction and e-mails after commit.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.expos.names import one_full_stop
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.services import notifications
from tradefair.matchmaking.services.access import (
    require_acts_for,
    require_member_of,
    require_staff,
)
from tradefair.matchmaking.services.errors import (
    DuplicateRequest,
    InvalidRequest,
    InvalidTransition,
    NotAllowed,
)
from tradefair.organisations.models import Participation

Status = MeetingRequest.Status


def _check_pair(buyer: Participation, exhibitor: Participation) -> None:
    if buyer.role != Participation.Role.BUYER:
        raise InvalidRequest(_("Only buyers can request meetings."))
    if exhibitor.role != Participation.Role.EXHIBITOR:
        raise InvalidRequest(_("Meetings can only be requested with exhibitors."))
    if exhibitor.expo_id != buyer.expo_id:
        raise InvalidRequest(_("The exhibitor does not take part in this expo."))


def _open_request(buyer: Participation, exhibitor: Participation) -> MeetingRequest | None:
    return (
        MeetingRequest.objects.select_for_update()
        .filter(buyer=buyer, exhibitor=exhibitor, status__in=MeetingRequest.OPEN)
        .first()
    )


def request_meeting(
    *,
    buyer: Participation,
    exhibitor: Participation,
    message: str = "",
    priority: int = 1,
    from_exhibitor: bool = False,
    by_user: User,
) -> MeetingRequest:
    """Create a pending request and tell the side that answers it.

    The buyer asks the exhibitor, or with ``from_exhibitor`` the exhibitor asks the buyer;
    ``by_user`` must act for the side that asks.
    """
    _check_pair(buyer, exhibitor)
    asking, asked = (exhibitor, buyer) if from_exhibitor else (buyer, exhibitor)
    require_acts_for(by_user, asking)
    if not 1 <= priority <= 5:
        raise InvalidRequest(_("Priority must be between 1 and 5."))
    duplicate = DuplicateRequest(
        one_full_stop(
            _("You already have an open request to %(name)s.") % {"name": asked.organisation.name}
        )
    )
    with transaction.atomic():
        if _open_request(buyer, exhibitor) is not None:
            raise duplicate
        try:
            # The savepoint keeps the outer transaction usable when a concurrent twin wins.
            with transaction.atomic():
                request = MeetingRequest.objects.create(
                    expo_id=buyer.expo_id,
                    buyer=buyer,
                    exhibitor=exhibitor,
                    message=message,
                    priority=priority,
                    from_exhibitor=from_exhibitor,
                    requested_by=by_user,
                )
        except IntegrityError as exc:
            raise duplicate from exc
        notifications.request_arrived(request)
    return request


def _locked(request: MeetingRequest) -> MeetingRequest:
    # Only the request row: locking the joined expo and parties would serialise unrelated answers.
    return (
        MeetingRequest.objects.select_for_update(of=("self",))
        .select_related("expo", "buyer__organisation", "exhibitor__organisation")
        .get(pk=request.pk)
    )


def _refresh(request: MeetingRequest, current: MeetingRequest) -> MeetingRequest:
    """Copy the stored state onto the caller's instance so it sees what happened."""
    request.status = current.status
    request.decline_reason = current.decline_reason
    request.answered_at = current.answered_at
    request.must_meet = current.must_meet
    return current


def accept_request(*, request: MeetingRequest, by_user: User) -> MeetingRequest:
    """The asked side accepts; accepting an accepted request is a no-op."""
    with transaction.atomic():
        current = _locked(request)
        require_member_of(by_user, current.receiver)
        if current.status == Status.ACCEPTED:
            return _refresh(request, current)
        if current.status != Status.PENDING:
            raise InvalidTransition(
                _("This request was %(status)s and cannot be accepted.")
                % {"status": current.get_status_display()}
            )
        current.status = Status.ACCEPTED
        current.answered_at = timezone.now()
        current.save(update_fields=["status", "answered_at"])
        notifications.request_answered(current)
    return _refresh(request, current)


def decline_request(*, request: MeetingRequest, reason: str = "", by_user: User) -> MeetingRequest:
    """The asked side declines a pending request; declining again is a no-op.

    An accepted request is not declined (the buyer may already plan around it): cancel it.
    """
    with transaction.atomic():
        current = _locked(request)
        require_member_of(by_user, current.receiver)
        if current.status == Status.DECLINED:
            return _refresh(request, current)
        if current.status != Status.PENDING:
            raise InvalidTransition(
                _("This request was %(status)s and cannot be declined.")
                % {"status": current.get_status_display()}
            )
        current.status = Status.DECLINED
        current.decline_reason = reason
        current.answered_at = timezone.now()
        current.save(update_fields=["status", "decline_reason", "answered_at"])
        notifications.request_answered(current)
    return _refresh(request, current)


def cancel_request(*, request: MeetingRequest, by_user: User) -> MeetingRequest:
    """Either side (or an organiser) withdraws an open request; its meeting is removed.

    The side that did not cancel (both sides when organisers did) is told after commit.
    """
    with transaction.atomic():
        current = _locked(request)
        try:
            require_acts_for(by_user, current.buyer)
        except NotAllowed:
            require_acts_for(by_user, current.exhibitor)
        if current.status == Status.CANCELLED:
            return _refresh(request, current)
        if current.status not in MeetingRequest.OPEN:
            raise InvalidTransition(
                _("This request was %(status)s and cannot be cancelled.")
                % {"status": current.get_status_display()}
            )
        notifications.request_cancelled(current, by_user=by_user)  # names a published meeting
        Meeting.objects.filter(request=current).delete()
        current.status = Status.CANCELLED
        current.answered_at = current.answered_at or timezone.now()
        current.save(update_fields=["status", "answered_at"])
    return _refresh(request, current)


def add_must_meet(
    *, buyer: Participation, exhibitor: Participation, by_user: User
) -> MeetingRequest:
    """Organisers pair a buyer with an exhibitor: accepted on both sides' behalf.

    An open request of the pair is promoted rather than duplicated; doing it again is a no-op.
    """
    _check_pair(buyer, exhibitor)
    require_staff(by_user, buyer.expo)
    with transaction.atomic():
        current = _open_request(buyer, exhibitor)
        if current is None:
            return MeetingRequest.objects.create(
                expo_id=buyer.expo_id,
                buyer=buyer,
                exhibitor=exhibitor,
                status=Status.ACCEPTED,
                must_meet=True,
                requested_by=by_user,
                answered_at=timezone.now(),
            )
        if not current.must_meet or current.status != Status.ACCEPTED:
            current.must_meet = True
            current.status = Status.ACCEPTED
            current.answered_at = current.answered_at or timezone.now()
            current.save(update_fields=["must_meet", "status", "answered_at"])
    return current
