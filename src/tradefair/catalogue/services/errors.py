"""Refusals of the self-service portal; ``field`` names the form field at fault, if one is."""


class CatalogueError(Exception):
    """Nothing was changed when one is raised; ``str()`` is the message for the person."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotAllowed(CatalogueError):
    """The user may not edit this organisation's profile or catalogue."""
