"""The site before the portals exist: e-mail links must fall back to the edition's home page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = i18n_patterns(
    path("accounts/", include("tradefair.accounts.urls")),
    path("", include("tradefair.organisations.urls")),
    prefix_default_language=False,
)
