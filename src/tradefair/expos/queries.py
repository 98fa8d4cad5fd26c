"""Named read queries about editions."""

from django.shortcuts import get_object_or_404

from tradefair.expos.models import Expo


def public_expo(slug: str) -> Expo:
    """A public edition by slug, or 404: drafts are not shown to the public."""
    return get_object_or_404(Expo.objects.select_related("host_country"), slug=slug, is_public=True)
