from tradefair.registration.models.applications import (
    Application,
    ApplicationPerson,
    DelegationLink,
)
from tradefair.registration.models.badges import Badge, CheckIn, Lead

__all__ = ["Application", "ApplicationPerson", "Badge", "CheckIn", "DelegationLink", "Lead"]
