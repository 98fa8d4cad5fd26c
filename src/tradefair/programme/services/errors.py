"""Refusals a person can understand; views and the API show ``str(error)`` as it is."""

from tradefair.programme.timeline import Busy


class ProgrammeError(Exception):
    """Base of every refusal; nothing was changed when one is raised."""


class NotAllowed(ProgrammeError):
    """The person may not register for this activity (invitation only, not their organisation)."""


class Closed(ProgrammeError):
    """The activity is not open for registration (a draft or cancelled) or the place is final."""


class AlreadyRegistered(ProgrammeError):
    """The person already holds a place or a place on the waiting list."""


class NotRegistered(ProgrammeError):
    """There is no registration to cancel."""


class SeatTaken(ProgrammeError):
    """The database's seat constraint fired: someone took the seat at the same moment."""


class Clash(ProgrammeError):
    """The activity overlaps something already on the person's timeline; they may confirm."""

    def __init__(self, message: str, clashes: list[Busy]) -> None:
        super().__init__(message)
        self.clashes = clashes


class InvalidActivity(ProgrammeError):
    """An activity, room or speaker with values the programme cannot hold."""
