"""The organiser's admin: import and export pages, and changelists that stay a few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tradefair.accounts.models import User
from tradefair.organisations.models import ImportJob, Organisation, Participation
from tradefair.organisations.services.imports import import_participants

from .files import EXHIBITOR_HEADER, EXHIBITORS, csv_file, table_counts, upload

IMPORT_URL = "admin:organisations_participation_import"
EXPORT_URL = "admin:organisations_participation_export"


def test_the_import_form_requires_a_file(client, staff, expo):
    client.force_login(staff)
    response = client.post(reverse(IMPORT_URL), {"expo": expo.slug, "kind": "buyers"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["This field is required."]}
    assert Organisation.objects.count() == 0
    assert ImportJob.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login_page(client, expo, pavilions):
    counts = table_counts()
    response = client.post(
        reverse(IMPORT_URL),
        {
            "expo": expo.slug,
            "kind": "exhibitors",
            "file": upload(csv_file(EXHIBITOR_HEADER, EXHIBITORS)),
        },
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert table_counts() == counts
    assert ImportJob.objects.count() == 0
    assert client.get(reverse(EXPORT_URL)).status_code == 302


def test_staff_without_import_permissions_are_refused(client, expo, pavilions):
    viewer = User.objects.create_user("viewer@example.org", "pw", is_staff=True)
    client.force_login(viewer)
    counts = table_counts()

    response = client.post(
        reverse(IMPORT_URL),
        {
            "expo": expo.slug,
            "kind": "exhibitors",
            "file": upload(csv_file(EXHIBITOR_HEADER, EXHIBITORS)),
        },
    )

    assert response.status_code == 403
    assert table_counts() == counts
    assert ImportJob.objects.count() == 0


def test_staff_download_the_export(client, staff, expo, pavilions):
    import_participants(
        expo_slug=expo.slug,
        kind="exhibitors",
        filename="e.csv",
        content=csv_file(EXHIBITOR_HEADER, EXHIBITORS),
    )
    client.force_login(staff)

    form = client.get(reverse(EXPORT_URL))
    response = client.get(
        reverse(EXPORT_URL), {"expo": expo.slug, "kind": "exhibitors", "format": ".csv"}
    )

    assert form.status_code == 200
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="test-expo-exhibitors.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join([*EXHIBITOR_HEADER, "name_local", "name_local_language"])
    assert len(lines) == 4


def test_the_participation_changelist_links_to_import_and_export(client, staff, expo):
    client.force_login(staff)
    page = client.get(reverse("admin:organisations_participation_changelist")).content.decode()
    assert f'href="{reverse(IMPORT_URL)}"' in page
    assert f'href="{reverse(EXPORT_URL)}"' in page


CHANGELISTS = [
    ("organisation", "q=solar&kind__exact=enterprise"),
    ("participation", "role__exact=exhibitor&sector=green-economy&q=saigon"),
    ("offer", "q=8541"),
]


@pytest.mark.parametrize(("model", "query"), CHANGELISTS)
def test_changelists_cost_the_same_queries_for_one_or_many_rows(
    client, expo, pavilions, model, query
):
    client.force_login(User.objects.create_superuser("admin@example.org", "pw"))
    url = reverse(f"admin:organisations_{model}_changelist") + f"?{query}"
    queries = []
    for size in (1, 21):
        rows = [
            [f"Saigon Solar {n}", "", "VN", "green-economy", "8541", "vn", "9", "", "", ""]
            for n in range(size)
        ]
        import_participants(
            expo_slug=expo.slug,
            kind="exhibitors",
            filename="e.csv",
            content=csv_file(EXHIBITOR_HEADER, rows),
        )
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == size
        queries.append(len(captured))
    assert queries[0] == queries[1]


@pytest.mark.parametrize("model", ["organisation", "participation", "offer", "need", "delegation"])
def test_every_changelist_and_add_page_opens(client, expo, model):
    client.force_login(User.objects.create_superuser("admin@example.org", "pw"))
    assert client.get(reverse(f"admin:organisations_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:organisations_{model}_add")).status_code == 200


@pytest.mark.parametrize("role", ["exhibitor", "buyer"])
def test_a_participation_page_shows_its_offers_or_needs(client, expo, pavilions, role):
    client.force_login(User.objects.create_superuser("admin@example.org", "pw"))
    org = Organisation.objects.create(name="Kuala Lumpur Trading", country_id="MY")
    participation = Participation.objects.create(expo=expo, organisation=org, role=role)

    page = client.get(
        reverse("admin:organisations_participation_change", args=[participation.pk])
    ).content.decode()

    assert ("offers-group" in page) is (role == "exhibitor")
    assert ("needs-group" in page) is (role == "buyer")


def test_an_upload_over_the_size_limit_is_refused_before_reading(client, staff, expo, monkeypatch):
    monkeypatch.setattr("tradefair.organisations.forms.MAX_IMPORT_BYTES", 100)
    before = table_counts()
    client.force_login(staff)
    response = client.post(
        reverse(IMPORT_URL),
        {
            "expo": expo.slug,
            "kind": "exhibitors",
            "file": upload(csv_file(EXHIBITOR_HEADER, EXHIBITORS)),
        },
    )

    assert response.status_code == 200
    assert "imports are limited to 0 MB" in response.content.decode()
    assert table_counts() == before
    assert ImportJob.objects.count() == 0


def test_the_import_help_text_is_translated_per_request(client, staff, expo):
    client.force_login(staff)
    english = client.get(reverse(IMPORT_URL)).content.decode()
    chinese = client.get("/zh-hans" + reverse(IMPORT_URL)).content.decode()
    assert "CSV (UTF-8) or XLSX. Exhibitors: name,name_zh,country" in english
    assert "CSV (UTF-8) or XLSX" not in chinese
    assert "展商：name,name_zh,country" in chinese
