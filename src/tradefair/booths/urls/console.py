"""Routes of the organisers' booth pages; see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver, path

from tradefair.booths.views import console

app_name = "booths_console"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", console.home, name="home"),
    path("move/", console.move, name="move"),
    path("grid/", console.grid, name="grid"),
    path("grid/import/", console.plan_import, name="plan_import"),
    path("grid/<str:hall>.geojson", console.plan_export, name="plan_export"),
    path("pin/", console.pin, name="pin"),
    path("runs/<int:pk>/", console.run, name="run"),
    path("runs/<int:pk>/progress/", console.run_progress, name="run_progress"),
    path("runs/<int:pk>/publish/", console.publish, name="publish"),
]
