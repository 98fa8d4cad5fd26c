from django.apps import AppConfig


class FloorplanConfig(AppConfig):
    name = "tradefair.floorplan"
