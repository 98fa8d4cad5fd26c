"""The page benchmark's cases answer on a small expo cut from the demo, so `make bench` does not
find a moved page, a changed permission or a service's new rule only when it runs for minutes
at the reference size."""

import pytest

from bench import pages
from tests.demo.conftest import small_cut
from tradefair.bulletin.services import publish_bulletin
from tradefair.demo.loader import load_demo
from tradefair.demo.records import DemoExpo
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting, MeetingRequest

pytestmark = pytest.mark.django_db
SLUG = "bench-caexpo"


@pytest.fixture(scope="module")
def small(demo: DemoExpo) -> DemoExpo:
    return small_cut(demo, SLUG)


def load(small: DemoExpo) -> None:
    """The small expo as `tradefair demo` leaves the full one: loaded, its bulletin published."""
    load_demo(small)
    publish_bulletin(expo=Expo.objects.get(slug=SLUG), by_user=None)


@pytest.fixture
def once(monkeypatch: pytest.MonkeyPatch) -> None:
    """One request a page: the test is about answers, not times."""
    monkeypatch.setattr(pages, "REPEATS", 1)
    monkeypatch.setattr(pages, "WARMUP", 0)


def test_every_page_the_bench_measures_answers_and_the_busiest_exhibitor_is_measured(small, once):
    load(small)
    measured = pages.run(SLUG, lambda: None)  # raises on any answer but 200
    labels = [latency.label for latency in measured]
    assert labels[0] == "bare Django view (baseline)"
    assert f"agenda of a buyer ({pages.AGENDA_MEETINGS} meetings)" in labels
    assert {"organiser's applications", "API: deals, organiser", "API: bulletin"} <= set(labels)
    # The buyer's agenda was filled through the services, with pairs the organisers made.
    agenda = Meeting.objects.filter(
        expo__slug=SLUG,
        published=True,
        buyer__organisation__memberships__user__email=pages.BUYER_EMAIL,
    )
    assert agenda.count() == pages.AGENDA_MEETINGS

    # The pages measured after a run; the bench's manual bookings are a finished run here.
    cases = pages.after_run_cases(SLUG)
    measured = pages.run(SLUG, lambda: None, cases)
    assert [m.label for m in measured] == [c.label for c in cases]
    requests = MeetingRequest.objects.filter(expo__slug=SLUG)
    busiest = max(
        requests.values_list("exhibitor", flat=True),
        key=lambda pk: requests.filter(exhibitor=pk).count(),
    )
    asked = requests.filter(exhibitor=busiest).count()
    (portal,) = [c for c in cases if c.label.startswith("busiest exhibitor's portal")]
    assert portal.label == f"busiest exhibitor's portal ({asked} requests)"
    assert portal.user is not None
    membership = portal.user.memberships.get()
    assert membership.organisation.participations.get(expo__slug=SLUG).pk == busiest
    # Made once: asking again finds the same log-in.
    assert pages.busiest_exhibitor(SLUG) == (portal.user, asked)
