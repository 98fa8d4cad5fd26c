from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "tradefair.organisations"
