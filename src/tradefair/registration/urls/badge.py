from django.urls import path

from tradefair.registration.views import badge

app_name = "badge"
urlpatterns = [
    path("", badge.mine, name="mine"),
    path("badge.pdf", badge.pdf, name="pdf"),
    path("replace/", badge.replace, name="replace"),
]
