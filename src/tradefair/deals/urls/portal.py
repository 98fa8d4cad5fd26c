"""Routes of the parties' deals page; mounted at ``/<slug>/deals/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.deals.views import portal

app_name = "deals_portal"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", portal.mine, name="mine"),
    path("report/<int:meeting_id>/", portal.report, name="report"),
    path("<int:pk>/confirm/", portal.confirm, name="confirm"),
]
