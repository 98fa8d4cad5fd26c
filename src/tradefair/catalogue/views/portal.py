"""Self-service pages of both portals: the profile, the products (or needs), the trail.

Mounted under ``/<slug>/exhibitor/`` and ``/<slug>/buyer/``; ``role`` comes from the URL.
Every member may look; only the organisation's admins see the forms (the services refuse the
others too). The writes are ``services.profile`` and ``services.items``.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tradefair.accounts.services.roles import is_organisation_admin
from tradefair.catalogue.forms import ItemForm, PictureForm, ProfileForm, item_initial
from tradefair.catalogue.presentation import change_rows
from tradefair.catalogue.queries import (
    history,
    item_of,
    items_of,
    pending_changes,
    picture_of,
)
from tradefair.catalogue.services.audit import needs_review
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.items import (
    MAX_PICTURES,
    Item,
    add_picture,
    delete_item,
    item_values,
    remove_picture,
    save_item,
)
from tradefair.catalogue.services.profile import profile_values, update_profile
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.profiles import MEETING_ROLES
from tradefair.matchmaking.views.portal_access import acting_for, portal_page
from tradefair.organisations.models import Offer, Participation

Acting = tuple[Expo, Participation, Any, bool]


def _portal(request: HttpRequest, slug: str, role: str) -> Acting:
    """The edition, the participation, the user and whether they may edit (asked once)."""
    if role not in MEETING_ROLES:
        raise Http404("No self-service pages for this role.")
    expo, participation, user = acting_for(request, slug, role)
    may_edit = is_organisation_admin(user, participation.organisation_id)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied(
            _("Only your organisation's admins can change its profile and products.")
        )
    return expo, participation, user, may_edit


def _context(expo: Expo, participation: Participation, role: str, **extra: Any) -> dict[str, Any]:
    """What every page needs, including what the portal's own layout reads."""
    return {
        "expo": expo,
        "participation": participation,
        role: participation,
        "role": role,
        "layout": f"{role}/_layout.html",
        "products": role == Participation.Role.EXHIBITOR,
        "agenda_url": reverse("agenda:index", kwargs={"slug": expo.slug}),
        "settings_url": reverse(f"{role}:settings", kwargs={"slug": expo.slug}),
        "url_ns": f"{role}_catalogue",
        "pending": pending_changes(participation),
        **extra,
    }


def _saved(request: HttpRequest, pending: bool, saved: str) -> None:
    if pending:
        messages.info(
            request,
            _(
                "Your change waits for the organisers' approval; the public listing shows it "
                "once they approve it. The history of changes tells you how it went."
            ),
        )
    else:
        messages.success(request, saved)


def _refused(form: Form, error: CatalogueError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error))


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, slug: str, role: str) -> HttpResponse:
    expo, participation, user, may_edit = _portal(request, slug, role)
    org = participation.organisation
    initial = profile_values(org).__dict__
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            change = update_profile(
                participation=participation,
                by_user=user,
                values=form.values(),
                logo=form.cleaned_data["logo"] or None,
                remove_logo=form.cleaned_data["remove_logo"],
            )
        except CatalogueError as exc:
            _refused(form, exc)
        else:
            if change is None:
                messages.info(request, _("Nothing was changed."))
            else:
                _saved(request, change.status == change.Status.PENDING, _("Your profile is saved."))
            return redirect(request.path)
    context = _context(expo, participation, role, form=form, may_edit=may_edit, org=org)
    status = 400 if request.method == "POST" else 200
    return portal_page(request, "catalogue/profile.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def items(request: HttpRequest, slug: str, role: str) -> HttpResponse:
    expo, participation, _user, may_edit = _portal(request, slug, role)
    context = _context(
        expo,
        participation,
        role,
        items=list(items_of(participation)),
        may_edit=may_edit,
    )
    return portal_page(request, "catalogue/items.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, slug: str, role: str, pk: int | None = None) -> HttpResponse:
    expo, participation, user, may_edit = _portal(request, slug, role)
    item = None
    if pk is not None and (item := item_of(participation, pk)) is None:
        raise Http404("No such entry in your catalogue.")
    product = role == Participation.Role.EXHIBITOR
    form = ItemForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        product=product,
        new=item is None,
        initial=item_initial(item_values(item)) if item is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_item(
                participation=participation,
                by_user=user,
                values=form.values(),
                item=item,
                picture=form.cleaned_data.get("picture") or None,
                caption=form.cleaned_data.get("caption", ""),
            )
        except CatalogueError as exc:
            _refused(form, exc)
        else:
            name = form.cleaned_data["title"]
            _saved(request, saved is None, _("“%(name)s” is saved.") % {"name": name})
            if product and item is None and saved is not None:
                return redirect(f"{role}_catalogue:item", slug=expo.slug, pk=saved.pk)
            return redirect(f"{role}_catalogue:items", slug=expo.slug)
    picture_form = PictureForm() if product and item is not None else None
    status = 400 if request.method == "POST" else 200
    return _item_page(
        request, (expo, participation, user, may_edit), role, form, item, picture_form, status
    )


def _item_page(
    request: HttpRequest,
    acting: Acting,
    role: str,
    form: ItemForm,
    item: Item | None,
    picture_form: PictureForm | None,
    status: int,
) -> HttpResponse:
    """The product (or need) page: its form, and a product's pictures with their own form."""
    expo, participation, _user, may_edit = acting
    context = _context(
        expo,
        participation,
        role,
        form=form,
        item=item,
        may_edit=may_edit,
        picture_form=picture_form,
        max_pictures=MAX_PICTURES,
    )
    return portal_page(request, "catalogue/item.html", context, status=status)


@login_required
@require_POST
def item_delete(request: HttpRequest, slug: str, role: str, pk: int) -> HttpResponse:
    expo, participation, user, _may_edit = _portal(request, slug, role)
    item = item_of(participation, pk)
    if item is None:
        raise Http404("No such entry in your catalogue.")
    pending = needs_review(user, participation)
    try:
        delete_item(participation=participation, by_user=user, item=item)
    except CatalogueError as exc:
        messages.error(request, str(exc))
    else:
        _saved(request, pending, _("“%(name)s” is removed.") % {"name": item.title})
    return redirect(f"{role}_catalogue:items", slug=expo.slug)


@login_required
@require_http_methods(["POST"])
def picture_add(request: HttpRequest, slug: str, role: str, pk: int) -> HttpResponse:
    expo, participation, user, may_edit = _portal(request, slug, role)
    item = item_of(participation, pk)
    if not isinstance(item, Offer):
        raise Http404("No such product in your catalogue.")
    form = PictureForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = add_picture(
                participation=participation,
                by_user=user,
                offer=item,
                upload=form.cleaned_data["picture"],
                caption=form.cleaned_data["caption"],
            )
        except CatalogueError as exc:
            _refused(form, exc)
        else:
            _saved(request, added is None, _("The picture is added."))
            return redirect(f"{role}_catalogue:item", slug=expo.slug, pk=item.pk)
    item_form = ItemForm(product=True, new=False, initial=item_initial(item_values(item)))
    return _item_page(
        request, (expo, participation, user, may_edit), role, item_form, item, form, 400
    )


@login_required
@require_POST
def picture_delete(request: HttpRequest, slug: str, role: str, pk: int) -> HttpResponse:
    expo, participation, user, _may_edit = _portal(request, slug, role)
    picture = picture_of(participation, pk)
    if picture is None:
        raise Http404("No such picture in your catalogue.")
    pending = needs_review(user, participation)
    try:
        remove_picture(participation=participation, by_user=user, picture=picture)
    except CatalogueError as exc:
        messages.error(request, str(exc))
    else:
        _saved(request, pending, _("The picture is removed."))
    return redirect(f"{role}_catalogue:item", slug=expo.slug, pk=picture.offer_id)


@login_required
@require_http_methods(["GET"])
def changes(request: HttpRequest, slug: str, role: str) -> HttpResponse:
    expo, participation, _user, _may_edit = _portal(request, slug, role)
    page = history(participation, request.GET.get("page", 1))
    context = _context(expo, participation, role, page=page, rows=change_rows(page))
    return portal_page(request, "catalogue/history.html", context)
