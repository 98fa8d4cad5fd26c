from tradefair.registration.models.applications import (
    Application,
    ApplicationPerson,
    DelegationLink,
)
from tradefair.registration.models.badges import Badge, BadgeBatch, CheckIn, Lead

__all__ = [
    "Application",
    "ApplicationPerson",
    "Badge",
    "BadgeBatch",
    "CheckIn",
    "DelegationLink",
    "Lead",
]
