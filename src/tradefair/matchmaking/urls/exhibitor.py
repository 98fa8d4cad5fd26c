from django.urls import URLPattern, URLResolver

app_name = "exhibitor"
urlpatterns: list[URLPattern | URLResolver] = []
