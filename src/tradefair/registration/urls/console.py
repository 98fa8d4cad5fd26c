from django.urls import path

from tradefair.registration.views import batches, checkin, console, figures, partners_console

app_name = "registration_console"
urlpatterns = [
    path("", console.applications, name="applications"),
    path("partners/", partners_console.partners, name="partners"),
    path("check-in/", checkin.scan, name="scan"),
    path("attendance/", figures.figures, name="figures"),
    path("badges/", batches.batches, name="batches"),
    path("badges/<int:pk>.pdf", batches.batch_pdf, name="batch_pdf"),
    path("<int:pk>/", console.application, name="application"),
]
