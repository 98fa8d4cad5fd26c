from django.urls import URLPattern, URLResolver

app_name = "expos"
urlpatterns: list[URLPattern | URLResolver] = []
