"""Refusals a person can understand; views and the API show ``str(error)`` as it is."""


class MatchmakingError(Exception):
    """Base of every refusal; nothing was changed when one is raised."""


class NotAllowed(MatchmakingError):
    """The acting user may not do this for this organisation or edition."""


class InvalidRequest(MatchmakingError):
    """Wrong roles, wrong edition or bad values."""


class DuplicateRequest(MatchmakingError):
    """The buyer already has an open request to this exhibitor."""


class InvalidTransition(MatchmakingError):
    """The request or meeting is in a state that forbids the action (e.g. accept a decline)."""


class SlotTaken(MatchmakingError):
    """The slot has no free table, or a participant or interpreter is busy then."""


class Unavailable(MatchmakingError):
    """A participant or interpreter cannot attend the slot, or is at their maximum."""
