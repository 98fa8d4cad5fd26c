"""Possible duplicates of applications: an organisation or another application of the edition
with the same name in the same country, or with the same e-mail or web domain.

Webmail domains say nothing about the organisation, so they never match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db.models import Q
from django.utils.translation import gettext as _

from tradefair.organisations.models import Organisation
from tradefair.registration.models import Application

LIMIT = 500  # candidates read per query: a page of applications never needs more
WEBMAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "icloud.com",
        "qq.com",
        "163.com",
        "126.com",
        "sina.com",
        "sohu.com",
        "foxmail.com",
        "aliyun.com",
        "yeah.net",
        "139.com",
        "proton.me",
        "protonmail.com",
        "mail.com",
        "gmx.com",
        "yandex.com",
    ]
)


@dataclass(frozen=True)
class Candidate:
    """An organisation (``organisation`` set) or an application this one may duplicate."""

    name: str
    country: str
    reason: str
    organisation: int | None = None
    application: int | None = None


def domains(email: str, website: str) -> set[str]:
    found = set()
    if "@" in email:
        found.add(email.rsplit("@", 1)[1].lower())
    if website:
        host = urlsplit(website if "//" in website else f"//{website}").hostname or ""
        found.add(host.lower().removeprefix("www."))
    return {d for d in found if d and d not in WEBMAIL}


def duplicates(applications: Iterable[Application]) -> dict[int, list[Candidate]]:
    """Each undecided application's candidates, in two queries whatever their number."""
    apps = [a for a in applications if a.status not in ("approved", "rejected")]
    if not apps:
        return {}
    keys = {a.pk: (a.name.strip().lower(), a.country_id) for a in apps}
    owned = {a.pk: domains(a.email, a.website) for a in apps}
    query = _query(set(keys.values()), set().union(*owned.values()))
    fields = ("pk", "name", "country_id", "email", "website")
    found: dict[int, list[Candidate]] = defaultdict(list)
    for o in Organisation.objects.filter(query).only(*fields)[:LIMIT]:
        for a in apps:
            if reason := _reason(keys[a.pk], owned[a.pk], o):
                found[a.pk].append(Candidate(o.name, o.country_id, reason, organisation=o.pk))
    others = Application.objects.filter(query, expo_id=apps[0].expo_id).exclude(status="rejected")
    for other in others.only(*fields)[:LIMIT]:
        for a in apps:
            if other.pk != a.pk and (reason := _reason(keys[a.pk], owned[a.pk], other)):
                found[a.pk].append(
                    Candidate(other.name, other.country_id, reason, application=other.pk)
                )
    return dict(found)


def _query(names: set[tuple[str, str]], wanted: set[str]) -> Q:
    query = Q(pk__in=[])
    for name, country in names:
        query |= Q(name__iexact=name, country_id=country)
    for domain in wanted:
        query |= Q(email__iendswith=f"@{domain}") | Q(website__icontains=domain)
    return query


def _reason(mine: tuple[str, str], my_domains: set[str], other: Organisation | Application) -> str:
    if mine == (other.name.strip().lower(), other.country_id):
        return _("same name and country")
    if shared := my_domains & domains(other.email, other.website):
        return _("same domain %(domain)s") % {"domain": min(shared)}
    return ""
