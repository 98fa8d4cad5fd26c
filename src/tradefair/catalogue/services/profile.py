"""An organisation's public profile, edited by its admins in the exhibitor or buyer portal."""

from dataclasses import asdict, dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import audit
from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.items import TEXT_LENGTH
from tradefair.catalogue.services.pictures import PictureRefused, logo_file, read_picture
from tradefair.organisations.models import Organisation, Participation


@dataclass(frozen=True)
class ProfileInput:
    name: str
    name_zh: str = ""
    description: str = ""
    description_zh: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    contact_person: str = ""


def profile_values(organisation: Organisation) -> ProfileInput:
    """What the edit form starts from."""
    return ProfileInput(**{name: getattr(organisation, name) for name in _fields()})


def _fields() -> tuple[str, ...]:
    return tuple(ProfileInput.__dataclass_fields__)


def update_profile(
    *,
    participation: Participation,
    by_user: User,
    values: ProfileInput,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
) -> ProfileChange | None:
    """Save the profile and audit it; returns the change, or None when nothing changed.

    The English name identifies the organisation with its country: a name another
    organisation of the same country holds is refused rather than merged.
    """
    audit.require_editor(by_user, participation)
    name = values.name.strip()
    if not name:
        raise CatalogueError(_("Give the organisation's name in English."), field="name")
    for field in ("description", "description_zh"):
        if len(getattr(values, field)) > TEXT_LENGTH:
            raise CatalogueError(
                _("Keep the description within %(max)s characters.") % {"max": TEXT_LENGTH},
                field=field,
            )
    if not (logo is None or remove_logo):
        try:
            stored = logo_file(read_picture(logo))
        except PictureRefused as exc:
            raise CatalogueError(str(exc), field="logo") from exc
    with transaction.atomic():
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
        before = {**asdict(profile_values(org)), "logo": org.logo.name}
        for field, value in asdict(values).items():
            setattr(org, field, value.strip() if isinstance(value, str) else value)
        old_logo = org.logo.name
        if remove_logo:
            org.logo = ""  # type: ignore[assignment]
        elif logo is not None:
            org.logo.save(stored.file.name or "logo.webp", stored.file, save=False)
        org.save()
        after = {**asdict(profile_values(org)), "logo": org.logo.name}
        if old_logo and old_logo != org.logo.name:
            storage = org.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
        return audit.record(
            participation=participation,
            user=by_user,
            subject=ProfileChange.Subject.PROFILE,
            action=ProfileChange.Action.CHANGED,
            label=org.name,
            fields=audit.differences(before, after),
        )
