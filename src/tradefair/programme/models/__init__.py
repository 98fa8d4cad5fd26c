from tradefair.programme.models.activities import Activity, Speaker
from tradefair.programme.models.launches import LaunchedProduct
from tradefair.programme.models.registrations import Registration
from tradefair.programme.models.rooms import Room

__all__ = ["Activity", "LaunchedProduct", "Registration", "Room", "Speaker"]
