"""The pages' own CSS and the vendored htmx are served by staticfiles, never from a CDN."""

from django.contrib.staticfiles import finders


def test_css_and_vendored_htmx_are_found_by_staticfiles():
    missing = [
        path
        for path in ("css/tradefair.css", "vendor/htmx/htmx.min.js", "vendor/htmx/LICENSE")
        if finders.find(path) is None
    ]
    assert missing == [], 'settings.STATICFILES_DIRS needs BASE_DIR / "static"'


def test_pages_load_nothing_from_other_hosts(client, expo):
    html = client.get("/test-expo/").content.decode()
    assert '<script src="/static/vendor/htmx/htmx.min.js" defer></script>' in html
    assert "https://" not in html and "//cdn" not in html
