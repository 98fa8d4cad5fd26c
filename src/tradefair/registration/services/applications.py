"""Sending an application and answering the organisers' or the partner's question.

Invariants:

- nothing is written while a rule of ``rules.application_problems`` is broken;
- through a partner's link, the application is credited to its delegation and waits for the
  partner; at most the link's quota of applications stand (not rejected) at once, counted
  under the link's row lock so two last-minute applicants cannot both take the last place;
- the applicant's private link carries the application's id signed with the secret key, so
  every mail about it can carry the link again and a forged or altered one finds nothing;
- the applicant hears in the language they chose, after the commit.
"""

from __future__ import annotations

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.catalogue.services.rules import codes
from tradefair.expos.models import Country, Expo, HSCode, Sector
from tradefair.expos.parsing import whole_number
from tradefair.registration.models import Application, ApplicationPerson, DelegationLink
from tradefair.registration.services import notifications
from tradefair.registration.services.errors import InvalidApplication, RegistrationError
from tradefair.registration.services.rules import ApplicationInput, application_problems


def find_link(expo: Expo, token: str) -> DelegationLink | None:
    return (
        DelegationLink.objects.filter(expo=expo, token=token)
        .select_related("delegation__partner__organisation")
        .first()
    )


def find_application(expo: Expo, token: str) -> Application | None:
    """The application behind an applicant's private link; None for a forged one."""
    try:
        pk = signing.Signer(salt=notifications.LINK_SALT).unsign(token)
    except signing.BadSignature:
        return None
    found = whole_number(pk)
    return None if found is None else Application.objects.filter(expo=expo, pk=found).first()


def is_open(expo: Expo) -> bool:
    """Applications are taken while the edition is public and its organisers take them."""
    return expo.is_public and expo.takes_applications


def submit_application(
    *, expo: Expo, values: ApplicationInput, link: DelegationLink | None
) -> tuple[Application, str]:
    """Write the application with its people; returns it and its private link's token."""
    if not is_open(expo):
        raise RegistrationError(_("This expo takes no applications now."))
    if problems := application_problems(expo, values):
        raise InvalidApplication(problems)
    with transaction.atomic():
        if link is not None:
            _take_place(link)
        application = Application(
            expo=expo,
            kind=values.kind,
            status=Application.Status.WITH_PARTNER if link else Application.Status.SUBMITTED,
            link=link,
        )
        _write(application, values)
        notifications.received(application)
    return application, notifications.link_token(application)


def _take_place(link: DelegationLink) -> None:
    locked = DelegationLink.objects.select_for_update().get(pk=link.pk)
    if not locked.is_open:
        raise RegistrationError(_("This invitation link is closed; ask the partner for another."))
    standing = locked.applications.exclude(status=Application.Status.REJECTED).count()
    if standing >= locked.quota:
        raise RegistrationError(
            _("This delegation is full (%(quota)s places); ask the partner about another.")
            % {"quota": locked.quota}
        )


def answer_application(*, application: Application, values: ApplicationInput) -> Application:
    """The applicant's corrected application, after a question; it goes back to whoever asked."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != Application.Status.MORE_INFO:
            raise RegistrationError(_("This application is not waiting for an answer."))
        if values.kind != locked.kind:
            raise RegistrationError(_("An application keeps its kind."), field="kind")
        if problems := application_problems(locked.expo, values):
            raise InvalidApplication(problems)
        locked.status = (
            Application.Status.WITH_PARTNER
            if locked.asked_by_partner
            else Application.Status.SUBMITTED
        )
        _write(locked, values)
        notifications.received(locked)
    return locked


def _write(application: Application, values: ApplicationInput) -> None:
    for name in (
        "name", "name_zh", "organisation_kind", "website", "email", "phone", "description",
        "buys", "buys_detail",
    ):  # fmt: skip
        setattr(application, name, getattr(values, name).strip())
    application.country_id = values.country.upper()
    application.languages = sorted(set(values.languages))
    application.days = sorted({d.isoformat() for d in values.days})
    application.language = values.language
    application.save()
    application.hs_codes.set(HSCode.objects.filter(pk__in=codes(values.need())))
    application.sectors.set(Sector.objects.filter(slug__in=values.sectors))
    application.markets.set(Country.objects.filter(pk__in=[m.upper() for m in values.markets]))
    application.people.all().delete()
    ApplicationPerson.objects.bulk_create(
        ApplicationPerson(
            application=application,
            name=p.name.strip(),
            name_latin=p.name_latin.strip(),
            email=p.email.strip().lower(),
            job_title=p.job_title.strip(),
            share_contact=p.share_contact,
            position=n,
        )
        for n, p in enumerate(values.people)
    )
