"""Products (an exhibitor's offers) and sourcing needs (a buyer's), edited in the portals.

Both are ``TradeLine`` rows of the participation; a product also has a minimum order,
certifications and pictures. Codes, sectors and countries arrive as the identifiers people
see (``850760``, a sector's slug, ``VN``) and every unknown one is refused by name. Each
action either applies at once or, when the edition wants listing changes approved, records
a proposal that ``apply_proposal`` publishes later through the same writing functions.
"""

from dataclasses import asdict
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import audit, rules
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.rules import (
    CERTIFICATION_LENGTH,
    MAX_CERTIFICATIONS,
    MAX_CODES,
    TEXT_LENGTH,
    ItemInput,
)
from tradefair.catalogue.services.stored_files import (
    SIZES,
    delete_after_commit,
    delete_stored,
    store_product_picture,
)
from tradefair.expos.models import Country, HSCode, Sector
from tradefair.organisations.models import Need, Offer, OfferPicture, Participation

MAX_ITEMS = 200  # products (or needs) per participation
MAX_PICTURES = 8  # per product
CAPTION_LENGTH = 200
Item = Offer | Need
Subject = ProfileChange.Subject
Action = ProfileChange.Action
__all__ = ["CERTIFICATION_LENGTH", "MAX_CERTIFICATIONS", "MAX_CODES", "TEXT_LENGTH", "ItemInput"]


def item_model(participation: Participation) -> type[Item]:
    """Exhibitors list products, everyone else (buyers) what they source."""
    return Offer if participation.role == Participation.Role.EXHIBITOR else Need


def _subject(model: type[Item]) -> str:
    return Subject.PRODUCT if model is Offer else Subject.NEED


def item_values(item: Item) -> dict[str, Any]:
    """The item as the audit trail and the edit form read it (codes sorted, names shown)."""
    values: dict[str, Any] = {
        "title": item.title,
        "title_zh": item.title_zh,
        "text": item.text,
        "text_zh": item.text_zh,
        "hs_codes": sorted(h.pk for h in item.hs_codes.all()),
        "sectors": sorted(s.slug for s in item.sectors.all()),
        "markets": sorted(c.pk for c in item.markets.all()),
    }
    if isinstance(item, Offer):
        values["minimum_order"] = item.minimum_order
        values["certifications"] = list(item.certifications)
    return values


def _resolve(values: ItemInput) -> tuple[list[HSCode], list[Sector], list[Country]]:
    """The rows a checked item names."""
    return (
        list(HSCode.objects.filter(pk__in=rules.codes(values))),
        list(Sector.objects.filter(slug__in=set(values.sectors))),
        list(Country.objects.filter(pk__in=rules.countries(values))),
    )


def check_item(participation: Participation, values: ItemInput) -> None:
    """Refuse with the first problem :func:`rules.item_problems` finds."""
    problems = rules.item_problems(
        values, rules.Known.named_by([values]), product=item_model(participation) is Offer
    )
    if problems:
        field, message = problems[0]
        raise CatalogueError(message, field=field)


def _own(participation: Participation, item: Item | None) -> None:
    model = item_model(participation)
    if item is not None and (
        not isinstance(item, model) or item.participation_id != participation.pk
    ):
        raise CatalogueError(_("This item belongs to another organisation."))


def save_item(
    *,
    participation: Participation,
    by_user: User,
    values: ItemInput,
    item: Item | None = None,
    picture: UploadedFile | None = None,
    caption: str = "",
) -> Item | None:
    """Create (``item`` None) or change a product or need, with an optional first picture.

    Returns the saved item, or None when the change waits for an organiser's approval.
    """
    audit.require_editor(by_user, participation)
    _own(participation, item)
    check_item(participation, values)
    caption = _check_caption(caption)
    stored = store_product_picture(picture) if picture is not None else None
    if stored is not None:
        stored["caption"] = caption
    try:
        return _save(participation, by_user, values, item, stored)
    except Exception:
        if stored is not None:  # nothing will point at these files
            delete_stored(stored)
        raise


def _save(
    participation: Participation,
    by_user: User,
    values: ItemInput,
    item: Item | None,
    stored: dict[str, Any] | None,
) -> Item | None:
    model = item_model(participation)
    action = Action.CHANGED if item is not None else Action.CREATED
    with transaction.atomic():
        Participation.objects.select_for_update().filter(pk=participation.pk).first()
        if item is None and model.objects.filter(participation=participation).count() >= MAX_ITEMS:
            raise CatalogueError(
                _("You have %(max)s entries already; remove one before adding another.")
                % {"max": MAX_ITEMS}
            )
        before = item_values(item) if item is not None else {}
        if audit.needs_review(by_user, participation):
            proposed = _proposed_values(model, values)
            if stored is not None:
                proposed["pictures"] = (
                    len(item.pictures.all()) if isinstance(item, Offer) else 0
                ) + 1
            audit.record(
                participation=participation,
                user=by_user,
                subject=_subject(model),
                action=action,
                label=values.title.strip(),
                fields=audit.differences(before, proposed),
                proposal={
                    "values": asdict(values),
                    "item": item.pk if item is not None else None,
                    "picture": stored,
                },
            )
            return None
        target = write_item(participation, values, item, stored)
        after = item_values(target)
        if stored is not None and isinstance(target, Offer):
            after["pictures"] = target.pictures.count()
        audit.record(
            participation=participation,
            user=by_user,
            subject=_subject(model),
            action=action,
            label=target.title,
            fields=audit.differences(before, after),
        )
    return target


def _proposed_values(model: type[Item], values: ItemInput) -> dict[str, Any]:
    """The values as ``item_values`` would read them once written, for the reviewer's diff."""
    shown: dict[str, Any] = {
        "title": values.title.strip(),
        "title_zh": values.title_zh.strip(),
        "text": values.text.strip(),
        "text_zh": values.text_zh.strip(),
        "hs_codes": sorted(rules.codes(values)),
        "sectors": sorted(set(values.sectors)),
        "markets": sorted(rules.countries(values)),
    }
    if model is Offer:
        shown["minimum_order"] = values.minimum_order.strip()
        shown["certifications"] = rules.certifications(values)
    return shown


def write_item(
    participation: Participation,
    values: ItemInput,
    item: Item | None,
    picture: dict[str, Any] | None,
) -> Item:
    """Write checked values (and a stored picture) to a new or existing item."""
    hs, sectors, markets = _resolve(values)
    target = item if item is not None else item_model(participation)(participation=participation)
    for name in ("title", "title_zh", "text", "text_zh"):
        setattr(target, name, getattr(values, name).strip())
    if isinstance(target, Offer):
        target.minimum_order = values.minimum_order.strip()
        target.certifications = rules.certifications(values)
    target.save()
    target.hs_codes.set(hs)
    target.sectors.set(sectors)
    target.markets.set(markets)
    if picture is not None and isinstance(target, Offer):
        attach_picture(target, picture)
    return target


def attach_picture(offer: Offer, stored: dict[str, Any]) -> OfferPicture:
    """A row for stored picture files; refused past the eighth."""
    count = offer.pictures.count()
    if count >= MAX_PICTURES:
        raise CatalogueError(
            _("A product has at most %(max)s pictures; remove one first.") % {"max": MAX_PICTURES},
            field="picture",
        )
    picture = OfferPicture(
        offer=offer,
        caption=stored.get("caption", ""),
        position=count,
        width=stored["width"],
        height=stored["height"],
    )
    for size in SIZES:
        getattr(picture, size).name = stored[size]
    picture.save()
    return picture


def delete_item(*, participation: Participation, by_user: User, item: Item) -> None:
    """Remove a product or need (or propose to); its pictures' files go after commit."""
    audit.require_editor(by_user, participation)
    _own(participation, item)
    with transaction.atomic():
        before = item_values(item)
        gone = {name: None for name in before}
        review = audit.needs_review(by_user, participation)
        audit.record(
            participation=participation,
            user=by_user,
            subject=_subject(type(item)),
            action=Action.DELETED,
            label=item.title,
            fields=audit.differences(before, gone),
            proposal={"item": item.pk} if review else None,
        )
        if not review:
            remove_item(item)


def remove_item(item: Item) -> None:
    names = _picture_names(item) if isinstance(item, Offer) else []
    item.delete()
    delete_after_commit(names)


def _check_caption(caption: str) -> str:
    if len(caption.strip()) > CAPTION_LENGTH:
        raise CatalogueError(
            _("Keep the caption within %(max)s characters.") % {"max": CAPTION_LENGTH},
            field="caption",
        )
    return caption.strip()


def add_picture(
    *,
    participation: Participation,
    by_user: User,
    offer: Offer,
    upload: UploadedFile,
    caption: str = "",
) -> OfferPicture | None:
    """Add a picture to a product; None when it waits for an organiser's approval."""
    audit.require_editor(by_user, participation)
    _own(participation, offer)
    stored = {**store_product_picture(upload), "caption": _check_caption(caption)}
    try:
        return _add_picture(participation, by_user, offer, stored)
    except Exception:
        delete_stored(stored)
        raise


def _add_picture(
    participation: Participation, by_user: User, offer: Offer, stored: dict[str, Any]
) -> OfferPicture | None:
    with transaction.atomic():
        Offer.objects.select_for_update().filter(pk=offer.pk).first()
        if audit.needs_review(by_user, participation):
            if offer.pictures.count() >= MAX_PICTURES:
                raise CatalogueError(
                    _("A product has at most %(max)s pictures; remove one first.")
                    % {"max": MAX_PICTURES},
                    field="picture",
                )
            audit.record(
                participation=participation,
                user=by_user,
                subject=Subject.PICTURE,
                action=Action.CREATED,
                label=offer.title,
                fields={"picture": [None, stored["caption"] or stored["large"]]},
                proposal={"item": offer.pk, "picture": stored},
            )
            return None
        picture = attach_picture(offer, stored)
        audit.record(
            participation=participation,
            user=by_user,
            subject=Subject.PICTURE,
            action=Action.CREATED,
            label=offer.title,
            fields={"picture": [None, picture.caption or picture.large.name]},
        )
    return picture


def remove_picture(*, participation: Participation, by_user: User, picture: OfferPicture) -> None:
    audit.require_editor(by_user, participation)
    if picture.offer.participation_id != participation.pk:
        raise CatalogueError(_("This item belongs to another organisation."))
    with transaction.atomic():
        review = audit.needs_review(by_user, participation)
        audit.record(
            participation=participation,
            user=by_user,
            subject=Subject.PICTURE,
            action=Action.DELETED,
            label=picture.offer.title,
            fields={"picture": [picture.caption or picture.large.name, None]},
            proposal={"picture": picture.pk} if review else None,
        )
        if not review:
            drop_picture(picture)


def drop_picture(picture: OfferPicture) -> None:
    names = [getattr(picture, size).name for size in SIZES]
    picture.delete()
    delete_after_commit(names)


def _picture_names(offer: Offer) -> list[str]:
    return [getattr(p, size).name for p in offer.pictures.all() for size in SIZES]
