"""Routes of the organisers' deals; mounted at ``/<slug>/organiser/deals/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.deals.views import console

app_name = "deals_console"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", console.register, name="register"),
    path("new/", console.record, name="record"),
    path("import/", console.upload, name="import"),
    path("rates/", console.exchange_rates, name="rates"),
    path("export.<str:suffix>", console.download, name="export"),
    path("<int:pk>/<str:action>/", console.review, name="review"),
]
