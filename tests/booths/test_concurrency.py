"""Two organisers moving two booths onto the same free modules at once, on PostgreSQL: the
halls' lock lets one through and refuses the other with a clear message, never a module in
two booths. Same method as the meetings' race tests (threads with their own connections)."""

import pytest
from django.conf import settings

from tests.threads import in_threads, kinds
from tradefair.booths.services.errors import MoveRefused
from tradefair.booths.services.moves import Target, move_booth
from tradefair.booths.services.publishing import publish_run
from tradefair.booths.services.runs import allocate_now
from tradefair.floorplan.models import Module

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="row locks need PostgreSQL: SQLite serialises every writer, so there is no race "
        "to show (set DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_moves_onto_the_same_modules_one_wins(expo, hall, organiser, make_exhibitor):
    parties = [make_exhibitor(f"Maker {k}", modules=2) for k in range(2)]
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    target = Target(hall=hall, x=5, y=3, width=2)
    assert not Module.objects.filter(hall=hall, x__in=(5, 6), y=3, booth__isnull=False).exists()

    results = in_threads(
        2,
        lambda i: move_booth(
            participation=parties[i].participation, target=target, by_user=organiser
        ),
    )
    assert kinds(results) == ["MoveRefused", "Placed"]
    refused = next(r for r in results if isinstance(r, MoveRefused))
    assert "belongs to another booth" in str(refused)
    held = Module.objects.filter(hall=hall, x__in=(5, 6), y=3).values_list("booth_id", flat=True)
    assert len(set(held)) == 1 and None not in held
    per_booth = Module.objects.filter(booth__isnull=False).values_list("booth_id", flat=True)
    assert sorted(per_booth.distinct()) and len(list(per_booth)) == 4  # two booths of two
