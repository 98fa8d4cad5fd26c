"""The trail of changes as people read it: field labels in their language, lists joined."""

from dataclasses import dataclass
from typing import Any

from django.core.files.storage import default_storage
from django.core.paginator import Page
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tradefair.catalogue.models import ProfileChange
from tradefair.expos.formatting import number

FIELD_LABELS: dict[str, Promise] = {
    "name": _("Name in English"),
    "name_zh": _("Name in Chinese"),
    "description": _("Description in English"),
    "description_zh": _("Description in Chinese"),
    "website": _("Website"),
    "email": _("E-mail"),
    "phone": _("Telephone"),
    "contact_person": _("Contact person"),
    "logo": _("Logo"),
    "title": _("Name in English"),
    "title_zh": _("Name in Chinese"),
    "text": _("Description in English"),
    "text_zh": _("Description in Chinese"),
    "hs_codes": _("HS codes"),
    "sectors": _("Sectors"),
    "markets": _("Markets"),
    "minimum_order": _("Minimum order"),
    "certifications": _("Certifications"),
    "pictures": _("Pictures"),
    "picture": _("Picture"),
}
SHOWN_CHARACTERS = 160


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ProposedPicture:
    thumb: str
    large: str


@dataclass(frozen=True)
class ChangeRow:
    change: ProfileChange
    fields: list[FieldChange]
    picture: ProposedPicture | None = None


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    text = str(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def _proposed_picture(change: ProfileChange) -> ProposedPicture | None:
    """The picture or logo a pending change would publish, for the reviewer to look at."""
    if change.status != ProfileChange.Status.PENDING:
        return None
    stored = change.proposal.get("picture")
    if isinstance(stored, dict):
        return ProposedPicture(
            default_storage.url(stored["thumb"]), default_storage.url(stored["large"])
        )
    logo = change.proposal.get("logo")
    if logo:
        return ProposedPicture(default_storage.url(logo), default_storage.url(logo))
    return None


def change_rows(page: Page[ProfileChange]) -> list[ChangeRow]:
    return [
        ChangeRow(
            change,
            [
                FieldChange(str(FIELD_LABELS.get(name, name)), _shown(pair[0]), _shown(pair[1]))
                for name, pair in change.fields.items()
            ],
            _proposed_picture(change),
        )
        for change in page.object_list
    ]
