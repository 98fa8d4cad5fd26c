from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path

from tradefair.accounts.languages import choose as choose_language
from tradefair.expos.views import media_file

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/choose/<str:code>/", choose_language, name="choose_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("tradefair.api.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("tradefair.accounts.urls")),
    path("", include("tradefair.expos.urls")),
    path("", include("tradefair.organisations.urls")),
    path("<slug:slug>/buyer/", include("tradefair.matchmaking.urls.buyer")),
    path("<slug:slug>/buyer/", include("tradefair.catalogue.urls.buyer")),
    path("<slug:slug>/exhibitor/leads/", include("tradefair.registration.urls.leads")),
    path("<slug:slug>/exhibitor/", include("tradefair.matchmaking.urls.exhibitor")),
    path("<slug:slug>/exhibitor/", include("tradefair.catalogue.urls.exhibitor")),
    path(
        "<slug:slug>/organiser/programme/import/",
        include("tradefair.programme.urls.organiser_import"),
    ),
    path("<slug:slug>/organiser/programme/", include("tradefair.programme.urls.organiser")),
    path("<slug:slug>/organiser/bulletin/", include("tradefair.bulletin.urls.console")),
    path("<slug:slug>/organiser/deals/", include("tradefair.deals.urls.console")),
    path("<slug:slug>/organiser/listings/", include("tradefair.catalogue.urls.console")),
    path("<slug:slug>/organiser/booths/", include("tradefair.booths.urls.console")),
    path("<slug:slug>/organiser/applications/", include("tradefair.registration.urls.console")),
    path("<slug:slug>/organiser/", include("tradefair.matchmaking.urls.organiser")),
    path("<slug:slug>/programme/", include("tradefair.programme.urls.public")),
    path("<slug:slug>/bulletin/", include("tradefair.bulletin.urls.public")),
    path("<slug:slug>/deals/", include("tradefair.deals.urls.portal")),
    path("<slug:slug>/agenda/", include("tradefair.matchmaking.urls.agenda")),
    path("<slug:slug>/map/", include("tradefair.booths.urls.public")),
    path("<slug:slug>/apply/", include("tradefair.registration.urls.public")),
    path("<slug:slug>/partner/", include("tradefair.registration.urls.partner")),
    path("<slug:slug>/badge/", include("tradefair.registration.urls.badge")),
    prefix_default_language=False,
)
if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    # The embedded default serves its own uploads (re-encoded pictures only); with a bucket
    # the storage's own URLs point elsewhere.
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", media_file)]
if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
