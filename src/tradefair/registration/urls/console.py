from django.urls import path

from tradefair.registration.views import console, partners_console

app_name = "registration_console"
urlpatterns = [
    path("", console.applications, name="applications"),
    path("partners/", partners_console.partners, name="partners"),
    path("<int:pk>/", console.application, name="application"),
]
