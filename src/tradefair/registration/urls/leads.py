from django.urls import path

from tradefair.registration.views import leads

app_name = "leads"
urlpatterns = [
    path("", leads.leads, name="list"),
    path("<int:pk>/", leads.edit, name="edit"),
    path("leads.csv", leads.export, {"kind": "csv"}, name="export_csv"),
    path("leads.xlsx", leads.export, {"kind": "xlsx"}, name="export_xlsx"),
]
