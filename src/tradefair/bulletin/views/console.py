"""The organisers' bulletin: the live figures, publishing them as the next bulletin, and the
bulletins published so far."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tradefair.accounts.gates import acting_user, organiser_page
from tradefair.bulletin.figures import bulletin_data
from tradefair.bulletin.presentation import bulletin_view
from tradefair.bulletin.queries import published
from tradefair.bulletin.services import publish_bulletin
from tradefair.expos.models import Expo
from tradefair.expos.presentation import language_links
from tradefair.expos.recent import recent, remember


@require_http_methods(["GET", "HEAD", "POST"])
@organiser_page
def console_page(request: HttpRequest, expo: Expo) -> HttpResponse:
    key = f"bulletin-live:{expo.pk}"
    if request.method == "POST":
        bulletin = publish_bulletin(expo=expo, by_user=acting_user(request))
        remember(key, bulletin.data)  # the page shows what was just published
        messages.success(
            request,
            _("Bulletin no. %(n)d is published; its PDFs are drawn in the background.")
            % {"n": bulletin.number},
        )
        return redirect("bulletin_console:index", expo.slug)
    # Every figure of the edition, summed (0.3 s at the reference size on SQLite): counted at
    # most once a minute, and the page says when. Publishing counts afresh.
    live = recent(key, lambda: bulletin_data(expo))
    context = {
        "expo": expo,
        "counted_at": live.at,
        "view": bulletin_view(live.value),
        "bulletins": published(expo).only("number", "published_at", "expo_id"),
        "language_links": language_links(request),
    }
    return render(request, "bulletin/console.html", context)
