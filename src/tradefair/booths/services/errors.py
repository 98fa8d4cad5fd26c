"""Refusals a person can understand; views and the API show ``str(error)`` as it is."""


class BoothError(Exception):
    """Base of every refusal; nothing was changed when one is raised."""


class NotAllowed(BoothError):
    """Only the edition's organisers may run, publish or move."""


class RunNotReady(BoothError):
    """The run is not finished (or failed, or was published already): nothing to publish."""


class PlanChanged(BoothError):
    """The floor changed since the run (a booth moved or pinned by hand): run again."""


class MoveRefused(BoothError):
    """A booth cannot go there; ``field`` names the form field to correct."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
