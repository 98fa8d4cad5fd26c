"""The public bulletin: the latest published one (or an earlier one by number) and its PDF.

The public sees only what the organisers published; the live figures are the console's.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from tradefair.bulletin.models import PublishedBulletin
from tradefair.bulletin.presentation import published_body
from tradefair.bulletin.queries import document, has_document, published
from tradefair.expos.presentation import language_links
from tradefair.expos.queries import public_expo


def _language() -> str:
    return get_language() or "en"


@require_safe
def bulletin_page(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    expo = public_expo(slug)
    bulletins = list(published(expo).only("pk", "number", "published_at", "expo_id"))
    bulletin: PublishedBulletin | None = None
    if bulletins:
        chosen = (
            bulletins[0]
            if number is None
            else next((b for b in bulletins if b.number == number), None)
        )
        if chosen is None:
            raise Http404("No bulletin of this number.")
        bulletin = PublishedBulletin.objects.get(pk=chosen.pk)
    elif number is not None:
        raise Http404("No bulletin of this number.")
    context = {
        "expo": expo,
        "bulletin": bulletin,
        "body": published_body(bulletin) if bulletin else "",
        "has_pdf": bulletin is not None and has_document(bulletin, _language()),
        "earlier": [b for b in bulletins if bulletin is None or b.number != bulletin.number],
        "language_links": language_links(request),
    }
    return render(request, "bulletin/public.html", context)


@require_safe
def bulletin_pdf(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    expo = public_expo(slug)
    bulletin = published(expo).filter(number=number).first()
    pdf = document(bulletin, _language()) if bulletin else None
    if bulletin is None or pdf is None:
        raise Http404("This bulletin has no PDF in this language yet.")
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{expo.slug}-bulletin-{bulletin.number}-{_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
