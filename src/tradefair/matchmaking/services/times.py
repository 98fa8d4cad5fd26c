"""A slot's start as people read it, for the services' refusals (``tradefair.expos.formatting``)."""

from tradefair.expos.formatting import moment
from tradefair.matchmaking.models import Slot


def slot_start(slot: Slot) -> str:
    """E.g. "18 Sept 2025, 09:20" in English, "2025年9月18日 09:20" in Chinese.

    Evaluated at raise time, so in the language active then; the stored start is UTC, which
    nobody at the expo reads.
    """
    return moment(slot.start, slot.expo.time_zone)
