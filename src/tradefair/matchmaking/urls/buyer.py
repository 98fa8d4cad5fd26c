from django.urls import URLPattern, URLResolver

app_name = "buyer"
urlpatterns: list[URLPattern | URLResolver] = []
