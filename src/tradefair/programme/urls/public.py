"""Routes of the programme (public); see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver, path

from tradefair.programme.views import public, registration

app_name = "programme"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.programme, name="index"),
    path("launches/", public.launches, name="launches"),
    path("<int:pk>/", public.activity, name="activity"),
    path("<int:pk>/register/", registration.register_view, name="register"),
    path("<int:pk>/cancel/", registration.cancel_view, name="cancel"),
]
