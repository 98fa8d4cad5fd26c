"""Routes of the programme import; src/tradefair/urls.py says where they are mounted."""

from django.urls import URLPattern, URLResolver, path

from tradefair.programme.views import organiser_import

app_name = "programme_import"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", organiser_import.upload, name="upload"),
    path("sample.csv", organiser_import.sample, {"suffix": ".csv"}, name="sample_csv"),
    path("sample.xlsx", organiser_import.sample, {"suffix": ".xlsx"}, name="sample_xlsx"),
]
