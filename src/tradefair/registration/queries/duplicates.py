"""Possible duplicates of applications: an organisation or another application of the edition
with the same name in the same country, or with the same e-mail or web domain.

Webmail domains say nothing about the organisation, so they never match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from tradefair.organisations.models import Organisation
from tradefair.registration.models import Application

# Per process: label → (the rows' version, domain → ids).
_indexes: dict[str, tuple[tuple[object, ...], dict[str, list[int]]]] = {}
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
    """Each undecided application's candidates, in a few queries whatever their number."""
    apps = [a for a in applications if a.status not in ("approved", "rejected")]
    if not apps:
        return {}
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_domain: dict[str, list[int]] = defaultdict(list)
    for a in apps:
        by_name[(a.name.strip().lower(), a.country_id)].append(a.pk)
        for domain in domains(a.email, a.website):
            by_domain[domain].append(a.pk)
    index = domain_index()
    ids = {pk for domain in by_domain for pk in index.get(domain, ())}
    fields = ("pk", "name", "country_id", "email", "website")
    found: dict[int, list[Candidate]] = defaultdict(list)
    # Names through the (lower(name), country) index; domains through the domain index.
    organisations = Organisation.objects.annotate(lowered=Lower("name")).filter(
        Q(lowered__in={name for name, _country in by_name}) | Q(pk__in=ids)
    )
    for o in organisations.only(*fields)[:LIMIT]:
        for pk, reason in _matches(o, by_name, by_domain).items():
            found[pk].append(Candidate(o.name, o.country_id, reason, organisation=o.pk))
    undecided = Application.objects.filter(expo_id=apps[0].expo_id).exclude(status="rejected")
    theirs = _domain_index(f"applications:{apps[0].expo_id}", undecided)
    others = undecided.annotate(lowered=Lower("name")).filter(
        Q(lowered__in={name for name, _country in by_name})
        | Q(pk__in={pk for domain in by_domain for pk in theirs.get(domain, ())})
    )
    for other in others.only(*fields)[:LIMIT]:
        for pk, reason in _matches(other, by_name, by_domain).items():
            if pk != other.pk:
                found[pk].append(
                    Candidate(other.name, other.country_id, reason, application=other.pk)
                )
    return dict(found)


def _matches(
    other: Organisation | Application,
    by_name: dict[tuple[str, str], list[int]],
    by_domain: dict[str, list[int]],
) -> dict[int, str]:
    """The applications ``other`` may duplicate, each with the reason (a name first)."""
    hits = dict.fromkeys(
        by_name.get((other.name.strip().lower(), other.country_id), ()),
        _("same name and country"),
    )
    for domain in sorted(domains(other.email, other.website)):
        for pk in by_domain.get(domain, ()):
            hits.setdefault(pk, _("same domain %(domain)s") % {"domain": domain})
    return hits


def domain_index() -> dict[str, list[int]]:
    """Every organisation's e-mail and web domains → their ids."""
    return _domain_index("organisations", Organisation.objects.all())


def _domain_index(label: str, rows: QuerySet[Any]) -> dict[str, list[int]]:
    """Domains → ids of ``rows``, rebuilt when a row is added or changed (their count, last id
    or last change moves). Reading 13,000 organisations takes tens of milliseconds; the check
    that the index is current, a few."""
    version = rows.aggregate(n=Count("pk"), last=Max("pk"), changed=Max("updated_at"))
    key = (version["n"], version["last"], version["changed"])
    cached = _indexes.get(label)
    if cached is None or cached[0] != key:
        index: dict[str, list[int]] = defaultdict(list)
        for pk, email, website in rows.values_list("pk", "email", "website"):
            for domain in domains(email, website):
                index[domain].append(pk)
        cached = _indexes[label] = (key, dict(index))
    return cached[1]
