"""Filter options are cached per edition and language, and an import forgets them at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tradefair.organisations.services.imports import import_participants

HEADER = "name,name_zh,country,sectors,hs_codes,pavilion,booth_area_m2,website,email,description\n"


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_options_are_cached_and_an_import_refreshes_them(
    client, expo, add_exhibitor, django_capture_on_commit_callbacks
):
    add_exhibitor("Nanning Vision Co., Ltd.", country="CN", hs=("8525",))
    url = f"/{expo.slug}/exhibitors/"
    first = _queries(client, url)
    assert _queries(client, url) == first - 5  # the five option queries are served from cache
    assert 'value="TH"' not in client.get(url).content.decode()

    csv = HEADER + "Bangkok Durian Export Co.,,TH,agriculture-food,0810,food,18,,,\n"
    with django_capture_on_commit_callbacks(execute=True):
        result = import_participants(
            expo_slug=expo.slug, kind="exhibitors", filename="new.csv", content=csv.encode()
        )
    assert result.errors == []
    page = client.get(url).content.decode()
    assert 'value="TH"' in page  # Thailand is offered as a country at once
    assert 'value="08"' in page  # and HS chapter 08 (fruit)


@pytest.mark.django_db
def test_each_language_has_its_own_cached_labels(client, expo, add_exhibitor):
    add_exhibitor("Saigon Robotics JSC", country="VN", pavilion="vn", hs=("8479",))
    url = f"/{expo.slug}/exhibitors/"
    assert ">Vietnam</option>" in client.get(url).content.decode()
    assert ">越南</option>" in client.get(f"/zh-hans{url}").content.decode()
