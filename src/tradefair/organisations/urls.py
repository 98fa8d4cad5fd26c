from django.urls import URLPattern, URLResolver, path

from tradefair.organisations import views

app_name = "organisations"
urlpatterns: list[URLPattern | URLResolver] = [
    path("<slug:slug>/", views.expo_home, name="expo_home"),
    path("<slug:slug>/exhibitors/", views.directory, name="directory"),
    path("<slug:slug>/exhibitors/<int:pk>/", views.exhibitor, name="exhibitor"),
]
