from django.urls import path

from tradefair.registration.views import partner

app_name = "partner"
urlpatterns = [
    path("", partner.home, name="home"),
    path("applications/<int:pk>/", partner.application, name="application"),
]
