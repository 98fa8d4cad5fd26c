"""The exhibitor portal, mounted at ``/<slug>/exhibitor/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.matchmaking.views import (
    exhibitor,
    exhibitor_answers,
    exhibitor_booth,
    exhibitor_buyers,
)
from tradefair.matchmaking.views.settings import meeting_settings

app_name = "exhibitor"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", exhibitor.home, name="home"),
    path("requests/", exhibitor.requests, name="requests"),
    path("requests/<int:pk>/accept/", exhibitor_answers.accept, name="accept"),
    path("requests/<int:pk>/decline/", exhibitor_answers.decline, name="decline"),
    path("requests/<int:pk>/cancel/", exhibitor_answers.cancel, name="cancel"),
    path("buyers/", exhibitor_buyers.buyers, name="buyers"),
    path("invite/<int:buyer_pk>/", exhibitor_buyers.invite, name="invite"),
    path("booth/competitors/", exhibitor_booth.competitor, name="competitor"),
    path("settings/", meeting_settings, {"role": "exhibitor"}, name="settings"),
]
