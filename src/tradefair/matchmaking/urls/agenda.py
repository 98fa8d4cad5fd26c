"""The participant's agenda, mounted at ``/<slug>/agenda/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.matchmaking.views import agenda as views

app_name = "agenda"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("print/", views.print_view, name="print"),
    path("agenda.ics", views.ics, name="ics"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("tables/<int:session>/", views.tables, name="tables"),
]
