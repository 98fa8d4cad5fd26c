"""What an approval creates: the organisation (or the existing one it is attached to), its
participation in the edition (in the partner's delegation), a buyer's sourcing need and
meeting profile, and an account invitation for each person. Runs inside the approval's
transaction: all of it or none."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError
from django.utils.translation import gettext as _

from tradefair.accounts.models import Invitation, Membership, User
from tradefair.accounts.services.invitations import accept_url, open_invitation
from tradefair.catalogue.services.items import write_item
from tradefair.catalogue.services.rules import ItemInput
from tradefair.matchmaking.models import Slot
from tradefair.matchmaking.services.profiles import update_meeting_profile
from tradefair.organisations.models import Organisation, Participation
from tradefair.organisations.services.search import refresh_search_text
from tradefair.registration.models import Application
from tradefair.registration.services.badges import issue_for_application
from tradefair.registration.services.errors import RegistrationError

ROLES = {
    Application.Kind.BUYER: Participation.Role.BUYER,
    Application.Kind.DELEGATE: Participation.Role.DELEGATE,
}


def admit(
    application: Application, *, organisation: Organisation | None, by_user: User
) -> list[tuple[str, str]]:
    """Create what the approval grants; returns each person's (e-mail, account link or "")."""
    created = organisation is None
    if organisation is None:
        organisation = _new_organisation(application)
    participation, new = Participation.objects.get_or_create(
        expo=application.expo,
        organisation=organisation,
        role=ROLES[Application.Kind(application.kind)],
        defaults={"delegation": application.link.delegation if application.link else None},
    )
    application.organisation = organisation
    application.participation = participation
    if new and application.kind == Application.Kind.BUYER:
        # An organisation already taking part keeps its own needs and meeting settings: the
        # approval adds its people, not a second profile over the one it keeps itself.
        _buyer(application, participation, by_user)
    refresh_search_text([participation.pk])
    issue_for_application(application)
    return _invite(application, organisation, admin_first=created, by_user=by_user)


def _new_organisation(application: Application) -> Organisation:
    if Organisation.objects.filter(
        name__iexact=application.name, country_id=application.country_id
    ).exists():
        raise RegistrationError(
            _(
                "An organisation named %(name)s in this country exists already: attach the "
                "application to it."
            )
            % {"name": application.name},
            field="organisation",
        )
    try:
        return Organisation.objects.create(
            name=application.name,
            name_zh=application.name_zh,
            kind=application.organisation_kind,
            country_id=application.country_id,
            website=application.website,
            email=application.email,
            phone=application.phone,
            description=application.description,
        )
    except IntegrityError as clash:  # created by someone else a moment ago
        raise RegistrationError(
            _("This organisation was just created by someone else: attach the application to it."),
            field="organisation",
        ) from clash


def _buyer(application: Application, participation: Participation, by_user: User) -> None:
    need = ItemInput(
        title=application.buys,
        text=application.buys_detail,
        hs_codes=list(application.hs_codes.values_list("code", flat=True)),
        sectors=list(application.sectors.values_list("slug", flat=True)),
        markets=list(application.markets.values_list("code", flat=True)),
    )
    write_item(participation, need, None, None)
    update_meeting_profile(
        participation=participation,
        languages=application.languages,
        max_meetings=None,
        slot_ids=_slots_on(application),
        by_user=by_user,
    )


def _slots_on(application: Application) -> list[int] | None:
    """The negotiation slots on the days the buyer attends; None (every slot) when that is
    all of them, so slots the organisers add later count too."""
    zone = ZoneInfo(application.expo.time_zone)
    days = {dt.date.fromisoformat(d) for d in application.days}
    slots = list(Slot.objects.filter(expo=application.expo).values_list("pk", "start"))
    kept = [pk for pk, start in slots if start.astimezone(zone).date() in days]
    return None if len(kept) == len(slots) or not kept else kept


def _invite(
    application: Application, organisation: Organisation, *, admin_first: bool, by_user: User
) -> list[tuple[str, str]]:
    members = {
        email.lower()
        for email in Membership.objects.filter(organisation=organisation).values_list(
            "user__email", flat=True
        )
    }
    invited = []
    for n, person in enumerate(application.people.all()):
        if person.email.lower() in members:
            invited.append((person.email, ""))
            continue
        role = Membership.Role.ADMIN if admin_first and n == 0 else Membership.Role.MEMBER
        # An older open invitation's link is only in its mail: this approval's mail replaces it.
        Invitation.objects.filter(
            organisation=organisation, email__iexact=person.email, accepted_at__isnull=True
        ).delete()
        _invitation, token = open_invitation(
            organisation=organisation, email=person.email, role=role, invited_by=by_user
        )
        assert token is not None
        invited.append((person.email, accept_url(settings.SITE_URL, token)))
    return invited
