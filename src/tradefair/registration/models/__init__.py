from tradefair.registration.models.applications import (
    Application,
    ApplicationPerson,
    DelegationLink,
)

__all__ = ["Application", "ApplicationPerson", "DelegationLink"]
