from django.urls import path

from tradefair.registration.views import public

app_name = "apply"
urlpatterns = [
    path("", public.start, name="start"),
    path("status/<str:token>/", public.status, name="status"),
    path("<str:kind>/", public.apply, name="form"),
]
