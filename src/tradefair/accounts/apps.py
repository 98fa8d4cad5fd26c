from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tradefair.accounts"
