"""The organisers' review of listing changes, when the edition asks for it.

Approving publishes a pending change through the same writing functions an immediate edit
uses, checked again (an HS code, a name or the product itself may have changed since);
rejecting keeps the public listing as it was and deletes the files the change had stored.
Either way the change keeps who decided, when and why, and the participant sees it in the
history of changes.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, require_role
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import audit, items, profile
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.stored_files import delete_stored
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.models import Offer, OfferPicture

Subject = ProfileChange.Subject
Action = ProfileChange.Action
Status = ProfileChange.Status
NOTE_LENGTH = 1000


def _pending(expo: Expo, change_id: int) -> ProfileChange:
    change = (
        ProfileChange.objects.select_for_update()
        .select_related("participation__organisation", "participation__expo")
        .filter(pk=change_id, participation__expo=expo)
        .first()
    )
    if change is None:
        raise CatalogueError(_("There is no such change in this edition."))
    if change.status != Status.PENDING:
        raise CatalogueError(
            _("This change was already %(status)s.") % {"status": change.get_status_display()}
        )
    return change


def _item(change: ProfileChange) -> items.Item | None:
    pk = change.proposal.get("item")
    if pk is None:
        return None
    model = items.item_model(change.participation)
    found = model.objects.filter(pk=pk, participation=change.participation).first()
    if found is None:
        raise CatalogueError(
            _("“%(name)s” was removed meanwhile; reject this change.") % {"name": change.label}
        )
    return found


def _apply(change: ProfileChange) -> None:
    proposal, participation = change.proposal, change.participation
    if change.subject == Subject.PROFILE:
        profile.apply_proposal(change)
    elif change.subject == Subject.PICTURE and change.action == Action.CREATED:
        offer = _item(change)
        assert isinstance(offer, Offer)
        items.attach_picture(offer, proposal["picture"])
    elif change.subject == Subject.PICTURE:
        picture = OfferPicture.objects.filter(
            pk=proposal["picture"], offer__participation=participation
        ).first()
        if picture is not None:  # already gone: the proposal's end is reached
            items.drop_picture(picture)
    elif change.action == Action.DELETED:
        found = _item(change)
        assert found is not None
        items.remove_item(found)
    else:
        values = items.ItemInput(**proposal["values"])
        items.write_item(participation, values, _item(change), proposal.get("picture"))


def approve_change(*, expo: Expo, change_id: int, by_user: User) -> ProfileChange:
    """Publish a pending change; refused (nothing written) when it no longer applies."""
    require_role(by_user, expo, ORGANISER)
    with transaction.atomic():
        change = _pending(expo, change_id)
        change.participation.expo = expo
        _apply(change)
        change.status, change.reviewed_by, change.reviewed_at = (
            Status.APPROVED,
            by_user,
            timezone.now(),
        )
        change.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        audit.published(change.participation)
    return change


def reject_change(*, expo: Expo, change_id: int, by_user: User, note: str) -> ProfileChange:
    """Keep the listing as it is; ``note`` tells the participant why."""
    require_role(by_user, expo, ORGANISER)
    note = note.strip()
    if not note:
        raise CatalogueError(_("Say why, so that they can correct it."), field="note")
    if len(note) > NOTE_LENGTH:
        raise CatalogueError(
            _("Keep the reason within %(max)s characters.") % {"max": number(NOTE_LENGTH)},
            field="note",
        )
    with transaction.atomic():
        change = _pending(expo, change_id)
        change.status, change.reviewed_by, change.reviewed_at, change.review_note = (
            Status.REJECTED,
            by_user,
            timezone.now(),
            note,
        )
        change.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        stored = change.proposal.get("picture")
        if isinstance(stored, dict):
            transaction.on_commit(lambda: delete_stored(stored))
        if change.subject == Subject.PROFILE:
            profile.discard_proposal(change)
    return change


def set_approval(*, expo: Expo, required: bool, by_user: User) -> None:
    """Turn the review of listing changes on or off; changes already pending stay pending."""
    require_role(by_user, expo, ORGANISER)
    Expo.objects.filter(pk=expo.pk).update(listing_changes_need_approval=required)
    expo.listing_changes_need_approval = required
