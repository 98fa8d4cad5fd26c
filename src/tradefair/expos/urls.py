app_name = "expos"
urlpatterns: list = []
