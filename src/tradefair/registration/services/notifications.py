"""What applicants and their people hear, in the language they applied in, after the commit.

The applicant's private link (status, answering a question) is the application's id signed
with the secret key: every mail can carry it again, and nobody can make one for another id.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tradefair.expos.services.mailing import compose, plain_text, send_on_commit
from tradefair.registration.models import Application

LINK_SALT = "tradefair.registration.application"


def link_token(application: Application) -> str:
    """The same for every mail about the application (no timestamp), so each link works."""
    return signing.Signer(salt=LINK_SALT).sign(str(application.pk))


def status_url(application: Application) -> str:
    path = reverse(
        "apply:status", kwargs={"slug": application.expo.slug, "token": link_token(application)}
    )
    return f"{settings.SITE_URL}{path}"


def _tell(application: Application, template: str, subject: str, **context: object) -> None:
    def render() -> tuple[str, str]:
        body = plain_text(
            f"registration/email/{template}",
            {
                "application": application,
                "expo": application.expo.display_name,
                "url": status_url(application),
                "partner": _partner_name(application),
                **context,
            },
        )
        return _(subject) % {"expo": application.expo.display_name}, body

    send_on_commit(compose({application.language: [application.email]}, render))


def _partner_name(application: Application) -> str:
    if application.link_id is None:
        return ""
    return application.link.delegation.partner.organisation.display_name  # type: ignore[union-attr]


def received(application: Application) -> None:
    """The application (or its answer) has arrived; who reviews it next."""
    _tell(application, "received.txt", gettext_noop("Your application to %(expo)s has arrived"))


def decided(application: Application, invited: list[tuple[str, str]] | None = None) -> None:
    """Approved (each person's account link: ``invited`` as (e-mail, url or "" for someone
    who already has an account)), rejected
    with the reason, or a question to answer through the private link."""
    subjects = {
        Application.Status.APPROVED: gettext_noop("Your application to %(expo)s is approved"),
        Application.Status.REJECTED: gettext_noop("Your application to %(expo)s"),
        Application.Status.MORE_INFO: gettext_noop("Your application to %(expo)s: a question"),
    }
    _tell(application, "decided.txt", subjects[Application.Status(application.status)])
    for person, url in invited or []:
        _welcome(application, person, url)


def _welcome(application: Application, email: str, url: str) -> None:
    def render() -> tuple[str, str]:
        body = plain_text(
            "registration/email/welcome.txt",
            {
                "expo": application.expo.display_name,
                "organisation": application.organisation.display_name
                if application.organisation
                else application.name,
                "url": url,
                "login": f"{settings.SITE_URL}{reverse('accounts:login')}",
            },
        )
        return _("Your account for %(expo)s") % {"expo": application.expo.display_name}, body

    send_on_commit(compose({application.language: [email]}, render, separately=True))
