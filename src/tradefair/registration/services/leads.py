"""Leads: an exhibitor's staff scan a visitor's badge and keep notes and a rating. Contact
details (the person's e-mail, the organisation's telephone and website) appear only when the
visitor agreed to share them when applying; without that, the lead holds the name, the
organisation and the country, which the badge shows anyway.

Scanning the same badge again opens the same lead (a unique constraint per exhibitor and
badge); only people acting for the exhibitor see or change its leads.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import require_organisation_of
from tradefair.expos import spreadsheets
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.names import country_name
from tradefair.organisations.models import Participation
from tradefair.registration.models import Lead
from tradefair.registration.services.badges import verify
from tradefair.registration.services.errors import RegistrationError

NOTES_LENGTH = 4000


def exhibitor_of(user: User, expo: Expo) -> Participation:
    return require_organisation_of(user, expo, Participation.Role.EXHIBITOR)


def scan_lead(*, expo: Expo, code: str, by_user: User) -> tuple[Lead, bool]:
    """The lead of the scanned badge for the user's exhibitor; new or the one there."""
    exhibitor = exhibitor_of(by_user, expo)
    badge = verify(expo, code)
    if badge.participation_id == exhibitor.pk:
        raise RegistrationError(_("This is a colleague's badge, not a visitor's."), field="code")
    existing = Lead.objects.filter(exhibitor=exhibitor, badge=badge).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Lead.objects.create(
                expo=expo, exhibitor=exhibitor, badge=badge, scanned_by=by_user
            ), True
    except IntegrityError:  # a colleague scanned the same visitor a moment ago
        return Lead.objects.get(exhibitor=exhibitor, badge=badge), False


def update_lead(*, lead: Lead, notes: str, rating: int | None, by_user: User) -> Lead:
    exhibitor = exhibitor_of(by_user, lead.exhibitor.expo)
    if lead.exhibitor_id != exhibitor.pk:
        raise RegistrationError(_("This lead belongs to another exhibitor."))
    if rating is not None and not 1 <= rating <= 5:
        raise RegistrationError(_("Rate from 1 (cold) to 5 (hot)."), field="rating")
    if len(notes) > NOTES_LENGTH:
        raise RegistrationError(
            _("Keep the notes within %(max)s characters.") % {"max": number(NOTES_LENGTH)},
            field="notes",
        )
    lead.notes, lead.rating = notes.strip(), rating
    lead.save(update_fields=["notes", "rating", "updated_at"])
    return lead


@dataclass(frozen=True)
class LeadRow:
    lead: Lead
    name: str
    name_latin: str
    job_title: str
    organisation: str
    country: str
    email: str  # empty unless shared
    phone: str
    website: str
    shared: bool


def lead_rows(exhibitor: Participation, language: str) -> list[LeadRow]:
    rows = []
    for lead in (
        Lead.objects.filter(exhibitor=exhibitor)
        .select_related("badge__participation__organisation")
        .order_by("-created_at", "-pk")
    ):
        badge = lead.badge
        organisation = badge.participation.organisation
        shared = badge.share_contact
        rows.append(
            LeadRow(
                lead,
                badge.name,
                badge.name_latin,
                badge.job_title,
                organisation.display_name,
                country_name(organisation.country_id, language, organisation.country_id),
                badge.email if shared else "",
                organisation.phone if shared else "",
                organisation.website if shared else "",
                shared,
            )
        )
    return rows


def export_leads(exhibitor: Participation, language: str, kind: str) -> bytes:
    """The exhibitor's leads as CSV or XLSX (``kind``), contact columns empty where not shared;
    scan times in the edition's time zone."""
    zone = ZoneInfo(exhibitor.expo.time_zone)
    headers = [
        _("Name"), _("Name in Latin letters"), _("Job title"), _("Organisation"), _("Country"),
        _("E-mail"), _("Telephone"), _("Website"), _("Rating"), _("Notes"), _("Scanned at"),
    ]  # fmt: skip
    rows = [
        [
            r.name,
            r.name_latin,
            r.job_title,
            r.organisation,
            r.country,
            r.email,
            r.phone,
            r.website,
            r.lead.rating or "",
            r.lead.notes,
            r.lead.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        ]
        for r in lead_rows(exhibitor, language)
    ]
    if kind == "xlsx":
        return spreadsheets.xlsx_bytes(_("Leads"), headers, rows, numeric={8})
    return spreadsheets.csv_bytes(headers, rows)
