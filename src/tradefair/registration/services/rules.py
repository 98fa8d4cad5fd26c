"""What makes an application valid, for the public form and any other way of sending one.

Every problem is returned with the field it concerns, so a form shows each beside its field
and an API can name them all; nothing is written while one remains.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from tradefair.catalogue.services.items import ItemInput
from tradefair.catalogue.services.rules import Known, item_problems
from tradefair.expos.formatting import day, day_span, number
from tradefair.expos.languages import CODES
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Organisation
from tradefair.registration.models import Application

NAME_LENGTH = 200
PERSON_NAME_LENGTH = 150
MAX_PEOPLE = 10
TEXT_LENGTH = 4000


@dataclass(frozen=True)
class PersonInput:
    name: str
    name_latin: str
    email: str
    job_title: str = ""
    share_contact: bool = False


@dataclass(frozen=True)
class ApplicationInput:
    kind: str
    name: str
    country: str
    organisation_kind: str
    email: str
    people: list[PersonInput]
    days: list[dt.date]
    name_zh: str = ""
    website: str = ""
    phone: str = ""
    description: str = ""
    buys: str = ""
    buys_detail: str = ""
    hs_codes: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    markets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    language: str = "en"

    def need(self) -> ItemInput:
        """What a buyer buys, as the sourcing need its approval creates."""
        return ItemInput(
            title=self.buys,
            text=self.buys_detail,
            hs_codes=self.hs_codes,
            sectors=self.sectors,
            markets=self.markets,
        )


# The need's fields under the application's names.
_NEED_FIELDS = {"title": "buys", "text": "buys_detail"}


def expo_days(expo: Expo) -> list[dt.date]:
    count = (expo.end_date - expo.start_date).days + 1
    return [expo.start_date + dt.timedelta(days=n) for n in range(count)]


def is_latin(text: str) -> bool:
    """Letters of the Latin script only (with their accents), besides spaces and punctuation."""
    return all(
        "LATIN" in unicodedata.name(ch, "") for ch in text if unicodedata.category(ch)[0] == "L"
    )


def application_problems(expo: Expo, values: ApplicationInput) -> list[tuple[str, str]]:
    """Every (field, message) wrong with ``values``; people's fields are ``people-N-name``."""
    found: list[tuple[str, str]] = []
    if values.kind not in Application.Kind.values:
        found.append(("kind", _("Apply as a buyer or as a summit delegate.")))
    if not values.name.strip():
        found.append(("name", _("Give the organisation's name in English.")))
    for name in ("name", "name_zh"):
        if len(getattr(values, name).strip()) > NAME_LENGTH:
            found.append(
                (name, _("Keep the name within %(max)s characters.") % {"max": number(NAME_LENGTH)})
            )
    if not Country.objects.filter(pk=values.country.upper()).exists():
        found.append(("country", _("Choose the organisation's country from the list.")))
    if values.organisation_kind not in Organisation.Kind.values:
        found.append(("organisation_kind", _("Choose the kind of organisation from the list.")))
    if not _email_ok(values.email):
        found.append(("email", _("Enter a valid e-mail address.")))
    if len(values.description) > TEXT_LENGTH:
        message = _("Keep the description within %(max)s characters.")
        found.append(("description", message % {"max": number(TEXT_LENGTH)}))
    if values.kind == Application.Kind.BUYER:
        found += _buying_problems(values)
    if unknown := sorted(set(values.languages) - CODES):
        message = _("Unknown language codes: %(codes)s. Choose languages from the list.")
        found.append(("languages", message % {"codes": ", ".join(unknown)}))
    found += _days_problems(expo, values.days)
    if values.language not in dict(settings.LANGUAGES):
        found.append(("language", _("Choose the language of e-mails from the list.")))
    found += _people_problems(values.people)
    return found


def _email_ok(email: str) -> bool:
    try:
        validate_email(email.strip())
    except ValidationError:
        return False
    return True


def _buying_problems(values: ApplicationInput) -> list[tuple[str, str]]:
    need = values.need()
    found = [
        (_NEED_FIELDS.get(name, name), message)
        for name, message in item_problems(need, Known.named_by([need]), product=False)
    ]
    if found and found[0][0] == "buys":
        found[0] = ("buys", _("Say what you buy, e.g. solar modules or durian."))
    if not need.hs_codes and not need.sectors:
        message = _("Give at least one HS code or sector, so exhibitors can find you.")
        found.append(("hs_codes", message))
    return found


def _days_problems(expo: Expo, days: list[dt.date]) -> list[tuple[str, str]]:
    if not days:
        return [("days", _("Choose at least one day you attend."))]
    valid = set(expo_days(expo))
    if outside := sorted(d for d in set(days) if d not in valid):
        message = _("%(days)s is not a day of the expo; choose days from %(span)s.")
        span = day_span(expo.start_date, expo.end_date)
        return [("days", message % {"days": ", ".join(day(d) for d in outside), "span": span})]
    return []


def _people_problems(people: list[PersonInput]) -> list[tuple[str, str]]:
    if not people:
        return [("people", _("Name at least one person who comes."))]
    if len(people) > MAX_PEOPLE:
        message = _("At most %(max)s people per application; send another for the rest.")
        return [("people", message % {"max": number(MAX_PEOPLE)})]
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for n, person in enumerate(people):
        prefix = f"people-{n}-"
        if not person.name.strip():
            found.append((prefix + "name", _("Give the person's name.")))
        if not person.name_latin.strip():
            found.append((prefix + "name_latin", _("Give the name in Latin letters too.")))
        elif not is_latin(person.name_latin):
            message = _(
                "Write this name in Latin letters, as on the passport (e.g. Nguyen Van An)."
            )
            found.append((prefix + "name_latin", message))
        for name in ("name", "name_latin"):
            if len(getattr(person, name).strip()) > PERSON_NAME_LENGTH:
                message = _("Keep the name within %(max)s characters.")
                found.append((prefix + name, message % {"max": number(PERSON_NAME_LENGTH)}))
        email = person.email.strip().lower()
        if not _email_ok(email):
            found.append((prefix + "email", _("Enter a valid e-mail address.")))
        elif email in seen:
            found.append((prefix + "email", _("Each person needs an e-mail address of their own.")))
        seen.add(email)
    return found
