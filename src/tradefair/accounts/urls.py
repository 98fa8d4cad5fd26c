from django.urls import URLPattern, URLResolver, path

from tradefair.accounts import views

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("portals/", views.portals, name="portals"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("invitations/<str:token>/", views.accept, name="accept"),
]
