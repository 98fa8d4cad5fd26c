"""The exhibitor's profile and products, mounted at ``/<slug>/exhibitor/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.catalogue.views import portal

ROLE = {"role": "exhibitor"}
app_name = "exhibitor_catalogue"
urlpatterns: list[URLPattern | URLResolver] = [
    path("profile/", portal.profile, ROLE, name="profile"),
    path("profile/history/", portal.changes, ROLE, name="history"),
    path("products/", portal.items, ROLE, name="items"),
    path("products/new/", portal.item_edit, ROLE, name="item_new"),
    path("products/<int:pk>/", portal.item_edit, ROLE, name="item"),
    path("products/<int:pk>/delete/", portal.item_delete, ROLE, name="item_delete"),
    path("products/<int:pk>/pictures/", portal.picture_add, ROLE, name="picture_add"),
    path("pictures/<int:pk>/delete/", portal.picture_delete, ROLE, name="picture_delete"),
]
