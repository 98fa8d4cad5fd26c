"""The self-service catalogue in the REST API: profiles, products (with pictures) and needs.

Anyone reads an exhibitor's products; a member's token reads its own organisation's entries;
an admin's token writes them. Every check is the forms' and the services' (a product's or
need's lists are typed into the edit form, ``forms.typed_item``; the profile's addresses are
read by the form's own fields in ``services.profile``), so the API refuses what the portal's
forms refuse, with the same words; the limits below are the forms' and the services' own.
"""

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from ninja.params.functions import Form as FormParam
from pydantic import ConfigDict, StringConstraints

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import require_organisation_of
from tradefair.catalogue.forms import CERTIFICATIONS_BOX, CODES_BOX, typed_item
from tradefair.catalogue.queries import item_of, items_of, picture_of
from tradefair.catalogue.services import items as services
from tradefair.catalogue.services.audit import needs_review
from tradefair.catalogue.services.errors import NotAllowed
from tradefair.catalogue.services.pictures import MAX_BYTES, MAX_PIXELS, MIN_SIDE
from tradefair.catalogue.services.profile import ProfileInput, profile_values, update_profile
from tradefair.expos.api_inputs import NO_NUL, ExpoSlug, RecordId, max_length, refusals
from tradefair.expos.api_outputs import Out
from tradefair.expos.languages import CODES
from tradefair.organisations.api import Message, expo_or_404
from tradefair.organisations.models import Offer, OfferPicture, Organisation, Participation

router = Router(tags=["catalogue"])

Role = Literal["exhibitor", "buyer"]
Text = Annotated[str, Field("", max_length=services.TEXT_LENGTH, pattern=NO_NUL)]
# Each entry is typed into the edit form's box or ticked in its choice (``forms.typed_item``),
# so the form, not a pattern here, refuses it, in the form's words.
Entry = Annotated[str, Field(pattern=NO_NUL)]
# Repeats count once, so a list of choices is bounded only as the form's is: Django reads no
# more values from one form (DATA_UPLOAD_MAX_NUMBER_FIELDS).
MAX_CHOSEN = 1000
REPEATS = "a repeated one counts once"
HS_CODES = (
    "2-, 4- or 6-digit HS codes (8479.50 is 847950), read as the form's box reads them: joined "
    f"with spaces into at most {CODES_BOX} characters, split at spaces, commas and semicolons; "
    f"at most {services.MAX_CODES} different codes, {REPEATS}."
)
SECTORS = f"Slugs of sectors the form offers; {REPEATS}."
MARKETS = f"Two-letter ISO 3166 codes in capitals (VN, TH) of countries the form offers; {REPEATS}."
CERTIFICATIONS = (
    "Names read as the form's box reads them: joined with commas into at most "
    f"{CERTIFICATIONS_BOX} characters, split at commas and semicolons; each at most "
    f"{services.CERTIFICATION_LENGTH} characters, at most {services.MAX_CERTIFICATIONS} "
    f"different names, {REPEATS}."
)
# Trimmed before it is measured, as the form's field trims it.
Caption = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    FormParam(
        "",
        max_length=services.CAPTION_LENGTH,
        pattern=NO_NUL,
        description=f"At most {services.CAPTION_LENGTH} characters without surrounding spaces.",
    ),
]
# Only the success status is declared, so ninja answers with it; the refusals are documented.
REFUSED = refusals(400, 401, 403, 404, 422)
READ_REFUSED = refusals(401, 403, 404, 422)
PICTURE = (
    f"JPEG, PNG, WebP or GIF of at most {MAX_BYTES} bytes, at least {MIN_SIDE} pixels on each "
    f"side and at most {MAX_PIXELS} pixels in all."
)
UPLOAD = {**REFUSED, "description": PICTURE}
# The descriptions replace the docstrings in the schema, so each states its endpoint's limits.
NEW_ITEM = {**REFUSED, "description": f"At most {services.MAX_ITEMS} per participation."}
NEW_PICTURE = {
    **REFUSED,
    "description": f"At most {services.MAX_PICTURES} pictures per product. {PICTURE}",
}


def _limit(field: str, model: type = Offer) -> int:
    return max_length(model, field)


class ItemIn(Schema):
    """A product (exhibitors) or a sourcing need (buyers); needs ignore nothing: the product
    fields are refused on a need rather than dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # as the form

    title: str = Field(..., min_length=1, max_length=_limit("title"), pattern=NO_NUL)
    title_zh: str = Field("", max_length=_limit("title_zh"), pattern=NO_NUL)
    text: Text = ""
    text_zh: Text = ""
    hs_codes: list[Entry] = Field(default_factory=list, description=HS_CODES)
    sectors: list[Entry] = Field(default_factory=list, max_length=MAX_CHOSEN, description=SECTORS)
    markets: list[Entry] = Field(default_factory=list, max_length=MAX_CHOSEN, description=MARKETS)


class ProductIn(ItemIn):
    minimum_order: str = Field("", max_length=_limit("minimum_order"), pattern=NO_NUL)
    certifications: list[Entry] = Field(default_factory=list, description=CERTIFICATIONS)


class PictureOut(Out):
    id: int
    caption: str
    width: int
    height: int
    large: str = Field(..., description="Up to 1,600 pixels on the longer side (WebP).")
    medium: str = Field(..., description="Up to 640 pixels.")
    thumb: str = Field(..., description="Up to 200 pixels.")


class ItemOut(Out):
    id: int
    title: str
    title_zh: str
    text: str
    text_zh: str
    hs_codes: list[str]
    sectors: list[str]
    markets: list[str]


class ProductOut(ItemOut):
    minimum_order: str
    certifications: list[str]
    pictures: list[PictureOut]


class ProfileIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # as the form

    name: str = Field(..., min_length=1, max_length=_limit("name", Organisation), pattern=NO_NUL)
    name_zh: str = Field("", max_length=_limit("name_zh", Organisation), pattern=NO_NUL)
    name_local: str = Field(
        "",
        max_length=_limit("name_local", Organisation),
        pattern=NO_NUL,
        description="The name in the organisation's own language and script.",
    )
    name_local_language: str = Field(
        "",
        pattern=r"^([a-z]{2})?$",
        description="The ISO 639-1 code of name_local's language; given with it or not at all.",
        json_schema_extra={"enum": ["", *sorted(CODES)]},
    )
    description: Text = ""
    description_zh: Text = ""
    website: str = Field(
        "",
        max_length=_limit("website", Organisation),
        pattern=NO_NUL,
        description="A web address (http or https; https is assumed when none is given, "
        "//gxr.example is https://gxr.example, but gxr.example:8080 needs its https://) of at "
        f"most {_limit('website', Organisation)} characters with it, read by the portal's form "
        "field.",
    )
    email: str = Field(
        "",
        max_length=_limit("email", Organisation),
        pattern=NO_NUL,
        description="An e-mail address, read by the portal's form field.",
    )
    phone: str = Field("", max_length=_limit("phone", Organisation), pattern=NO_NUL)
    contact_person: str = Field(
        "", max_length=_limit("contact_person", Organisation), pattern=NO_NUL
    )


class ProfileOut(ProfileIn):
    model_config = ConfigDict(extra="ignore")

    logo: str | None


def _picture(request: HttpRequest, p: OfferPicture) -> PictureOut:
    url = request.build_absolute_uri
    return PictureOut(
        id=p.pk,
        caption=p.caption,
        width=p.width,
        height=p.height,
        large=url(p.large.url),
        medium=url(p.medium.url),
        thumb=url(p.thumb.url),
    )


def _out(request: HttpRequest, item: services.Item) -> ItemOut | ProductOut:
    values = services.item_values(item)
    if isinstance(item, Offer):
        pictures = [_picture(request, p) for p in item.pictures.all()]
        return ProductOut(id=item.pk, **values, pictures=pictures)
    return ItemOut(id=item.pk, **values)


def _token_user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def _acting(request: HttpRequest, slug: str, role: str) -> tuple[Participation, User]:
    expo = expo_or_404(slug, request)
    user = _token_user(request)
    participation = require_organisation_of(user, expo, role)
    participation.expo = expo
    return participation, user


def _own(participation: Participation, pk: int) -> services.Item:
    item = item_of(participation, pk)
    if item is None:
        raise HttpError(404, _("Your organisation has no entry %(id)s.") % {"id": pk})
    return item


def _profile_out(request: HttpRequest, org: Organisation) -> ProfileOut:
    logo = request.build_absolute_uri(org.logo.url) if org.logo else None
    return ProfileOut(**profile_values(org).__dict__, logo=logo)


@router.get(
    "/expos/{slug}/exhibitors/{id}/products",
    response={200: list[ProductOut], 404: Message, 422: Message},
    auth=None,
)
def exhibitor_products(
    request: HttpRequest, slug: ExpoSlug, id: RecordId
) -> list[ItemOut | ProductOut]:
    """An exhibitor's products with their pictures' addresses, as its profile page shows them."""
    expo = expo_or_404(slug, request)
    exhibitor = Participation.objects.filter(
        expo=expo, pk=id, role=Participation.Role.EXHIBITOR
    ).first()
    if exhibitor is None:
        raise HttpError(404, _("There is no exhibitor %(id)s at this expo.") % {"id": id})
    return [_out(request, item) for item in items_of(exhibitor)]


@router.get("/expos/{slug}/{role}/profile", response={200: ProfileOut}, openapi_extra=READ_REFUSED)
def my_profile(request: HttpRequest, slug: ExpoSlug, role: Role) -> ProfileOut:
    """The profile of the organisation the token's user acts for in ``role``."""
    participation, _user = _acting(request, slug, role)
    return _profile_out(request, participation.organisation)


def _waiting() -> Status[Message]:
    """202: the change is recorded and waits for the organisers' approval."""
    return Status(
        202,
        Message(
            detail=_(
                "Your change waits for the organisers' approval; the public listing shows it "
                "once they approve it. The history of changes tells you how it went."
            )
        ),
    )


@router.put(
    "/expos/{slug}/{role}/profile",
    response={200: ProfileOut, 202: Message},
    openapi_extra=REFUSED,
)
def put_profile(request: HttpRequest, slug: ExpoSlug, role: Role, body: ProfileIn) -> Status[Any]:
    """Replace the profile (admins of the organisation only); audited like the portal's form."""
    participation, user = _acting(request, slug, role)
    change = update_profile(
        participation=participation, by_user=user, values=ProfileInput(**body.dict())
    )
    if change is not None and change.status == change.Status.PENDING:
        return _waiting()
    return Status(
        200, _profile_out(request, Organisation.objects.get(pk=participation.organisation_id))
    )


@router.post(
    "/expos/{slug}/{role}/profile/logo",
    response={200: ProfileOut, 202: Message},
    openapi_extra=UPLOAD,
)
def post_logo(
    request: HttpRequest, slug: ExpoSlug, role: Role, logo: File[UploadedFile]
) -> Status[Any]:
    """Replace the logo; it is stored re-encoded as WebP, at most 400 pixels wide."""
    participation, user = _acting(request, slug, role)
    org = participation.organisation
    change = update_profile(
        participation=participation, by_user=user, values=profile_values(org), logo=logo
    )
    if change is not None and change.status == change.Status.PENDING:
        return _waiting()
    return Status(200, _profile_out(request, Organisation.objects.get(pk=org.pk)))


@router.get(
    "/expos/{slug}/exhibitor/products", response={200: list[ProductOut]}, openapi_extra=READ_REFUSED
)
def my_products(request: HttpRequest, slug: ExpoSlug) -> list[ItemOut | ProductOut]:
    participation, _user = _acting(request, slug, "exhibitor")
    return [_out(request, item) for item in items_of(participation)]


def _save(request: HttpRequest, slug: str, role: str, body: ItemIn, pk: int | None) -> Status[Any]:
    participation, user = _acting(request, slug, role)
    item = _own(participation, pk) if pk is not None else None
    values = typed_item(body.dict(), product=isinstance(body, ProductIn))
    saved = services.save_item(participation=participation, by_user=user, values=values, item=item)
    if saved is None:
        return _waiting()
    return Status(201 if item is None else 200, _out(request, _own(participation, saved.pk)))


def _delete(request: HttpRequest, slug: str, role: str, pk: int) -> Status[Any]:
    participation, user = _acting(request, slug, role)
    pending = needs_review(user, participation)
    services.delete_item(participation=participation, by_user=user, item=_own(participation, pk))
    return _waiting() if pending else Status(204, None)


@router.post(
    "/expos/{slug}/exhibitor/products",
    response={201: ProductOut, 202: Message},
    openapi_extra=NEW_ITEM,
)
def add_product(request: HttpRequest, slug: ExpoSlug, body: ProductIn) -> Status[Any]:
    """Add a product; 202 when the edition's organisers approve listing changes first."""
    return _save(request, slug, "exhibitor", body, None)


@router.put(
    "/expos/{slug}/exhibitor/products/{id}",
    response={200: ProductOut, 202: Message},
    openapi_extra=REFUSED,
)
def put_product(request: HttpRequest, slug: ExpoSlug, id: RecordId, body: ProductIn) -> Status[Any]:
    return _save(request, slug, "exhibitor", body, id)


@router.delete(
    "/expos/{slug}/exhibitor/products/{id}",
    response={204: None, 202: Message},
    openapi_extra=REFUSED,
)
def delete_product(request: HttpRequest, slug: ExpoSlug, id: RecordId) -> Status[Any]:
    return _delete(request, slug, "exhibitor", id)


@router.post(
    "/expos/{slug}/exhibitor/products/{id}/pictures",
    response={201: PictureOut, 202: Message},
    openapi_extra=NEW_PICTURE,
)
def add_product_picture(
    request: HttpRequest,
    slug: ExpoSlug,
    id: RecordId,
    picture: File[UploadedFile],
    caption: Caption = "",
) -> Status[Any]:
    """Add a picture (at most eight per product), stored in three sizes."""
    participation, user = _acting(request, slug, "exhibitor")
    item = _own(participation, id)
    if not isinstance(item, Offer):
        raise NotAllowed(_("Only products have pictures."))
    stored = services.add_picture(
        participation=participation, by_user=user, offer=item, upload=picture, caption=caption
    )
    return _waiting() if stored is None else Status(201, _picture(request, stored))


@router.delete(
    "/expos/{slug}/exhibitor/pictures/{id}",
    response={204: None, 202: Message},
    openapi_extra=REFUSED,
)
def delete_product_picture(request: HttpRequest, slug: ExpoSlug, id: RecordId) -> Status[Any]:
    participation, user = _acting(request, slug, "exhibitor")
    picture = picture_of(participation, id)
    if picture is None:
        raise HttpError(404, _("Your organisation has no picture %(id)s.") % {"id": id})
    pending = needs_review(user, participation)
    services.remove_picture(participation=participation, by_user=user, picture=picture)
    return _waiting() if pending else Status(204, None)


@router.get("/expos/{slug}/buyer/needs", response={200: list[ItemOut]}, openapi_extra=READ_REFUSED)
def my_needs(request: HttpRequest, slug: ExpoSlug) -> list[ItemOut | ProductOut]:
    participation, _user = _acting(request, slug, "buyer")
    return [_out(request, item) for item in items_of(participation)]


@router.post(
    "/expos/{slug}/buyer/needs", response={201: ItemOut, 202: Message}, openapi_extra=NEW_ITEM
)
def add_need(request: HttpRequest, slug: ExpoSlug, body: ItemIn) -> Status[Any]:
    return _save(request, slug, "buyer", body, None)


@router.put(
    "/expos/{slug}/buyer/needs/{id}", response={200: ItemOut, 202: Message}, openapi_extra=REFUSED
)
def put_need(request: HttpRequest, slug: ExpoSlug, id: RecordId, body: ItemIn) -> Status[Any]:
    return _save(request, slug, "buyer", body, id)


@router.delete(
    "/expos/{slug}/buyer/needs/{id}", response={204: None, 202: Message}, openapi_extra=REFUSED
)
def delete_need(request: HttpRequest, slug: ExpoSlug, id: RecordId) -> Status[Any]:
    return _delete(request, slug, "buyer", id)
