"""Refusals a person can understand; nothing was changed when one is raised."""


class DealError(Exception):
    """Base of every refusal; ``field`` names what to fix ("" for the deal as a whole)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotAllowed(DealError):
    """The person may not record or change this deal."""


class InvalidDeal(DealError):
    """A value the deal registry cannot hold; ``field`` says which."""
