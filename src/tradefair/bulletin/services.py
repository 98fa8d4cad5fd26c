"""Publishing a bulletin: freeze the live figures as the next numbered, dated bulletin.

Organisers only. The PDFs (one per language of the site) are drawn by the worker after
commit, since WeasyPrint takes about a second a document; the page links them when ready.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.bulletin.figures import bulletin_data
from tradefair.bulletin.models import BulletinDocument, PublishedBulletin
from tradefair.expos.models import Expo


class NotAllowed(Exception):
    """Only the edition's organisers publish its bulletin."""


def publish_bulletin(*, expo: Expo, by_user: User | None) -> PublishedBulletin:
    """The next bulletin of the edition with today's figures; ``by_user`` None is a command."""
    if by_user is not None and not has_role(by_user, expo, ORGANISER):
        raise NotAllowed(_("Only the organisers of this expo may publish its bulletin."))
    from tradefair.bulletin.tasks import render_documents

    with transaction.atomic():
        # Numbers follow one another even when two organisers publish at once.
        Expo.objects.select_for_update().filter(pk=expo.pk).first()
        last = PublishedBulletin.objects.filter(expo=expo).aggregate(n=Max("number"))["n"]
        bulletin = PublishedBulletin.objects.create(
            expo=expo,
            number=(last or 0) + 1,
            published_at=timezone.now(),
            published_by=by_user,
            data=bulletin_data(expo),
        )
        transaction.on_commit(lambda: render_documents.delay(bulletin.pk), robust=True)
    return bulletin


def render_bulletin_documents(bulletin_id: int) -> list[str]:
    """Draw the PDF of a published bulletin in every language; returns the languages drawn."""
    from tradefair.bulletin.printing import bulletin_pdf

    bulletin = PublishedBulletin.objects.select_related("expo").filter(pk=bulletin_id).first()
    if bulletin is None:
        return []
    drawn = []
    for language, _name in settings.LANGUAGES:
        pdf = bulletin_pdf(bulletin.expo, bulletin.data, bulletin, language)
        BulletinDocument.objects.update_or_create(
            bulletin=bulletin, language=language, defaults={"pdf": pdf}
        )
        drawn.append(language)
    return drawn
