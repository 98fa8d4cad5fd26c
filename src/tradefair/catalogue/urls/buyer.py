"""The buyer's profile and what it sources, mounted at ``/<slug>/buyer/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.catalogue.views import portal

ROLE = {"role": "buyer"}
app_name = "buyer_catalogue"
urlpatterns: list[URLPattern | URLResolver] = [
    path("profile/", portal.profile, ROLE, name="profile"),
    path("profile/history/", portal.changes, ROLE, name="history"),
    path("sourcing/", portal.items, ROLE, name="items"),
    path("sourcing/new/", portal.item_edit, ROLE, name="item_new"),
    path("sourcing/<int:pk>/", portal.item_edit, ROLE, name="item"),
    path("sourcing/<int:pk>/delete/", portal.item_delete, ROLE, name="item_delete"),
]
