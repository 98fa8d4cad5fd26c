from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "tradefair.demo"
    verbose_name = "Demo edition"
