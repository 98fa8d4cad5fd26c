"""E-mails about the programme, in each reader's language, sent after commit."""

from __future__ import annotations

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.expos.formatting import clock_note, moment
from tradefair.expos.services.mailing import compose, people_by_language, plain_text, send_on_commit
from tradefair.programme.models import Activity, Registration


def activity_url(activity: Activity) -> str:
    """An absolute link to the activity's page, else the edition's home page."""
    try:
        path = reverse("programme:activity", kwargs={"slug": activity.expo.slug, "pk": activity.pk})
    except NoReverseMatch:
        path = reverse("organisations:expo_home", kwargs={"slug": activity.expo.slug})
    return settings.SITE_URL + path


def _context(activity: Activity) -> dict[str, object]:
    return {
        "activity": activity,
        "title": activity.display_title,
        "when": moment(activity.start, activity.expo.time_zone),
        "room": activity.room.display_name if activity.room else "",
        "clock": clock_note(activity.expo),
        "url": activity_url(activity),
    }


def promoted(registration: Registration, activity: Activity) -> None:
    """Tell a person on the waiting list that a seat is now theirs."""

    def render() -> tuple[str, str]:
        subject = _("A seat is yours: %(title)s") % {"title": activity.display_title}
        body = plain_text("programme/email/promoted.txt", _context(activity))
        return subject, body

    send_on_commit(compose(people_by_language([registration.user]), render))


def activity_cancelled(activity: Activity, people: list[User]) -> None:
    """Tell everyone who held or waited for a place that the activity will not take place."""

    def render() -> tuple[str, str]:
        subject = _("Cancelled: %(title)s") % {"title": activity.display_title}
        body = plain_text("programme/email/cancelled.txt", _context(activity))
        return subject, body

    send_on_commit(compose(people_by_language(people), render, separately=True))
