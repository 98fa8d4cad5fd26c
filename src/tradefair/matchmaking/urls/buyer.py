"""The buyer portal, mounted at ``/<slug>/buyer/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.matchmaking.views import buyer, buyer_requests
from tradefair.matchmaking.views.settings import meeting_settings

app_name = "buyer"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", buyer.home, name="home"),
    path("search/", buyer.search, name="search"),
    path("request/<int:exhibitor_pk>/", buyer.request_exhibitor, name="request"),
    path("requests/", buyer_requests.requests, name="requests"),
    path("requests/<int:pk>/cancel/", buyer_requests.cancel, name="cancel"),
    path("requests/<int:pk>/accept/", buyer_requests.accept, name="accept"),
    path("requests/<int:pk>/decline/", buyer_requests.decline, name="decline"),
    path("settings/", meeting_settings, {"role": "buyer"}, name="settings"),
]
