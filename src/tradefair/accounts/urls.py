from django.urls import URLPattern, URLResolver, path

from tradefair.accounts import views

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("invitations/<str:token>/", views.accept, name="accept"),
]
