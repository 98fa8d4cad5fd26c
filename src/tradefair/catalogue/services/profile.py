"""An organisation's public profile, edited by its admins in the exhibitor or buyer portal."""

from dataclasses import asdict, dataclass, replace
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import audit
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.rules import TEXT_LENGTH
from tradefair.catalogue.services.stored_files import delete_after_commit, store_logo
from tradefair.expos.api_inputs import max_length
from tradefair.organisations.local_names import local_name_error
from tradefair.organisations.models import Organisation, Participation


@dataclass(frozen=True)
class ProfileInput:
    name: str
    name_zh: str = ""
    name_local: str = ""
    name_local_language: str = ""
    description: str = ""
    description_zh: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    contact_person: str = ""


def profile_values(organisation: Organisation) -> ProfileInput:
    """What the edit form starts from."""
    return ProfileInput(
        **{name: getattr(organisation, name) for name in ProfileInput.__dataclass_fields__}
    )


def _check(values: ProfileInput) -> ProfileInput:
    cleaned = ProfileInput(**{k: v.strip() for k, v in asdict(values).items()})
    if not cleaned.name:
        raise CatalogueError(_("Give the organisation's name in English."), field="name")
    refused = local_name_error(cleaned.name_local, cleaned.name_local_language)
    if refused:
        raise CatalogueError(refused[1], field=refused[0])
    for field in ("description", "description_zh"):
        if len(getattr(cleaned, field)) > TEXT_LENGTH:
            raise CatalogueError(
                _("Keep the description within %(max)s characters.") % {"max": TEXT_LENGTH},
                field=field,
            )
    return _addresses(cleaned)


class WebsiteField(forms.URLField):
    """Web addresses only: Django's URL check without its ftp and ftps."""

    default_validators = [URLValidator(schemes=["http", "https"])]


def website_field(**options: Any) -> forms.URLField:
    """The website as the portal's form declares it and every way in reads it (the API, a
    proposal, a logo upload): ``https://`` assumed as Django assumes it, the model's length."""
    limit = max_length(Organisation, "website")
    return WebsiteField(required=False, assume_scheme="https", max_length=limit, **options)


def email_field(**options: Any) -> forms.EmailField:
    """The e-mail address, likewise: Django's check, the model's length."""
    return forms.EmailField(required=False, max_length=max_length(Organisation, "email"), **options)


def _addresses(values: ProfileInput) -> ProfileInput:
    """The website and e-mail cleaned by the form's own fields, refused with their words."""
    cleaned: dict[str, str] = {}
    for name, field in (("website", website_field()), ("email", email_field())):
        try:
            cleaned[name] = field.clean(getattr(values, name))
        except ValidationError as refused:
            raise CatalogueError(refused.messages[0], field=name) from refused
    return replace(values, **cleaned)


def _locked(participation: Participation, name: str) -> Organisation:
    """The organisation, locked; a name another organisation of its country holds is refused
    (the English name identifies an organisation with its country)."""
    org = Organisation.objects.select_for_update().get(pk=participation.organisation_id)
    taken = (
        Organisation.objects.annotate(lower=Lower("name"))
        .filter(lower=name.lower(), country_id=org.country_id)
        .exclude(pk=org.pk)
    )
    if taken.exists():
        raise CatalogueError(
            _("Another organisation of your country is already called “%(name)s”.")
            % {"name": name},
            field="name",
        )
    return org


def _shown(org: Organisation) -> dict[str, Any]:
    return {**asdict(profile_values(org)), "logo": org.logo.name}


def update_profile(
    *,
    participation: Participation,
    by_user: User,
    values: ProfileInput,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
) -> ProfileChange | None:
    """Save the profile (or propose it for review) and audit it; None when nothing changed."""
    audit.require_editor(by_user, participation)
    values = _check(values)
    logo_name = store_logo(logo) if logo is not None and not remove_logo else None
    try:
        return _update(participation, by_user, values, logo_name, remove_logo)
    except Exception:
        if logo_name:  # refused: nothing will point at the stored logo
            default_storage.delete(logo_name)
        raise


def _update(
    participation: Participation,
    by_user: User,
    values: ProfileInput,
    logo_name: str | None,
    remove_logo: bool,
) -> ProfileChange | None:
    with transaction.atomic():
        org = _locked(participation, values.name)
        before = _shown(org)
        if audit.needs_review(by_user, participation):
            proposed = {**asdict(values), "logo": "" if remove_logo else logo_name or org.logo.name}
            return audit.record(
                participation=participation,
                user=by_user,
                subject=ProfileChange.Subject.PROFILE,
                action=ProfileChange.Action.CHANGED,
                label=values.name,
                fields=audit.differences(before, proposed),
                proposal={"values": asdict(values), "logo": logo_name, "remove_logo": remove_logo},
            )
        write_profile(org, values, logo_name=logo_name, remove_logo=remove_logo)
        return audit.record(
            participation=participation,
            user=by_user,
            subject=ProfileChange.Subject.PROFILE,
            action=ProfileChange.Action.CHANGED,
            label=org.name,
            fields=audit.differences(before, _shown(org)),
        )


def write_profile(
    org: Organisation, values: ProfileInput, *, logo_name: str | None, remove_logo: bool
) -> None:
    """Put ``values`` (checked) on the locked organisation; the replaced logo goes after commit."""
    for field, value in asdict(values).items():
        setattr(org, field, value)
    old_logo = org.logo.name
    if remove_logo:
        org.logo.name = ""
    elif logo_name:
        org.logo.name = logo_name
    org.save()
    if old_logo and old_logo != org.logo.name:
        delete_after_commit([old_logo])


def apply_proposal(change: ProfileChange) -> None:
    """Publish a pending profile change (checked again: a name may have been taken since)."""
    proposal = change.proposal
    values = _check(ProfileInput(**proposal["values"]))
    org = _locked(change.participation, values.name)
    write_profile(
        org, values, logo_name=proposal.get("logo"), remove_logo=bool(proposal.get("remove_logo"))
    )


def discard_proposal(change: ProfileChange) -> None:
    """A rejected profile change leaves no file behind."""
    if change.proposal.get("logo"):
        delete_after_commit([change.proposal["logo"]])
