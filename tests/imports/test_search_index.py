"""The directory's search text follows every change an organiser makes."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from tradefair.accounts.models import User
from tradefair.expos.models import Sector
from tradefair.organisations.models import Offer, Participation
from tradefair.organisations.services.imports import import_participants

from .files import EXHIBITOR_HEADER, EXHIBITORS, csv_file


def _import(expo) -> Participation:
    import_participants(
        expo_slug=expo.slug,
        kind="exhibitors",
        filename="exhibitors.csv",
        content=csv_file(EXHIBITOR_HEADER, EXHIBITORS[:1]),
    )
    return Participation.objects.get()


def test_deleting_an_offer_in_the_admin_removes_its_terms(client, expo, pavilions):
    participation = _import(expo)
    assert "854143" in participation.search_text
    client.force_login(User.objects.create_superuser("staff@example.org", "pw"))
    offer = Offer.objects.get()

    response = client.post(
        reverse("admin:organisations_offer_delete", args=[offer.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    participation.refresh_from_db()
    assert "854143" not in participation.search_text
    assert "saigon solar" in participation.search_text


def test_reindex_picks_up_a_renamed_sector(expo, pavilions):
    participation = _import(expo)
    Sector.objects.filter(slug="green-economy").update(name="Green and low-carbon economy")
    out = StringIO()

    call_command("reindex", "--expo", expo.slug, stdout=out)

    participation.refresh_from_db()
    assert "green and low-carbon economy" in participation.search_text
    assert out.getvalue().strip() == f"Reindexed 1 participations of {expo.slug}."
