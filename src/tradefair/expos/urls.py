from django.urls import URLPattern, URLResolver, path

from tradefair.expos import views

app_name = "expos"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.expo_list, name="list"),
]
