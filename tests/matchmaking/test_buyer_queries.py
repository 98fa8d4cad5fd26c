"""The buyer dashboard's figures count only what the buyer may already see."""

import pytest

from tradefair.matchmaking.models import Meeting, Slot
from tradefair.matchmaking.queries.buyer import request_counts
from tradefair.matchmaking.services.booking import book_meeting

from .conftest import Party, accepted

pytestmark = pytest.mark.django_db


def test_unpublished_meetings_are_not_counted(
    buyer: Party, exhibitor: Party, slots: list[Slot]
) -> None:
    book_meeting(request=accepted(buyer.participation, exhibitor.participation), slot=slots[0])
    assert request_counts(buyer.participation).meetings == 0
    Meeting.objects.update(published=True)
    assert request_counts(buyer.participation).meetings == 1
