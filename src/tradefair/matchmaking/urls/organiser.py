from django.urls import URLPattern, URLResolver

app_name = "organiser"
urlpatterns: list[URLPattern | URLResolver] = []
