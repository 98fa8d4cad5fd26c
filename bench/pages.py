"""Page latency with the full demo loaded: the directory (ranked searches among them), profiles,
the home page, the floor plan's busiest hall, an agenda, the buyer's exhibitor search, the
programme and an activity's page, and the self-service pages where exhibitors and buyers keep
their listings.

Requests go through the whole middleware stack in-process (Django's test client), so the
figure is the server's own time without network noise. A bare view measured in the same run is
the baseline the pages are compared with.

The agenda is measured as the first demo buyer (``buyer1@caexpo.demo``), logged in. The demo
holds sessions and accepted requests but schedules nothing, so when that buyer has no published
meeting the bench places some through the same services the organisers use: it books the
buyer's accepted requests into the earliest slots that fit (``book_meeting``, under the locking
protocol, interpreters chosen as in production) and publishes them with ``publish_schedule``
on a run recorded as the bench's manual bookings. The scheduler itself is benchmarked apart.

The programme is measured on the demo's own activities: all days, the first published
activity's day, and that activity's page. A demo without a published activity skips them with
a note on stderr rather than inventing a programme.
"""

import datetime as dt
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings

from tradefair.accounts.models import Membership, User
from tradefair.accounts.tokens import issue_token
from tradefair.demo.accounts import DOMAIN, ensure_demo_accounts
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth
from tradefair.matchmaking.api.requests import PAGE_SIZE
from tradefair.matchmaking.models import Meeting, MeetingRequest, ScheduleRun, Slot
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.matchmaking.services.errors import MatchmakingError
from tradefair.matchmaking.services.publishing import publish_schedule
from tradefair.matchmaking.services.requests import add_must_meet
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Offer, Participation
from tradefair.programme.models import Activity
from tradefair.programme.queries.listing import PUBLIC_STATUSES, day_window
from tradefair.registration.models import Application

REPEATS = 60
WARMUP = 5


@dataclass(frozen=True)
class Latency:
    label: str
    url: str
    p50_ms: float
    p95_ms: float
    max_ms: float
    results: int | None = None
    api: bool = False


def _measure(client: Client, label: str, url: str, results: int | None = None) -> Latency:
    for _ in range(WARMUP):
        client.get(url)
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return Latency(label, url, statistics.median(samples), p95, samples[-1], results)


@dataclass(frozen=True)
class Case:
    label: str
    url: str
    user: User | None = None
    results: int | None = None
    api: bool = False  # called with the user's bearer token, as an API client calls it


AGENDA_MEETINGS = 12  # a busy buyer's fair: a dozen meetings over several days
BUYER_EMAIL = f"buyer1@{DOMAIN}"
EXHIBITOR_EMAIL = f"exhibitor1@{DOMAIN}"
ORGANISER_EMAIL = f"organiser@{DOMAIN}"
# Publishing e-mails both sides; the worker's stdout carries the figures, so keep mail in memory.
QUIET_MAIL = "django.core.mail.backends.locmem.EmailBackend"


def _ensure_slots(expo: Expo, organiser: User) -> None:
    """The demo brings its sessions; an older demo without any gets one through the service."""
    if Slot.objects.filter(expo=expo).exists():
        return
    create_session(
        expo=expo,
        name="Procurement negotiations",
        name_zh="采购洽谈",
        date=expo.start_date,
        start_time=dt.time(9, 0),
        end_time=dt.time(16, 0),
        slot_minutes=20,
        tables=1200,
        by_user=organiser,
    )


def _accepted_requests(buyer: Participation, organiser: User) -> list[MeetingRequest]:
    """The buyer's accepted requests without a meeting; new must-meet pairs if too few."""
    open_ = MeetingRequest.objects.filter(
        buyer=buyer, status=MeetingRequest.Status.ACCEPTED, meeting__isnull=True
    ).order_by("-priority", "pk")
    found = list(open_[: AGENDA_MEETINGS * 2])
    if len(found) >= AGENDA_MEETINGS:
        return found
    asked = MeetingRequest.objects.filter(buyer=buyer).values_list("exhibitor_id", flat=True)
    others = (
        Participation.objects.filter(expo_id=buyer.expo_id, role=Participation.Role.EXHIBITOR)
        .exclude(pk__in=asked)
        .select_related("organisation")
        .order_by("pk")[: AGENDA_MEETINGS * 2 - len(found)]
    )
    # Only the asked organisation answers a request; organisers pair the two sides instead.
    found += [add_must_meet(buyer=buyer, exhibitor=e, by_user=organiser) for e in others]
    return found


def prepare_agenda(slug: str) -> tuple[User, int]:
    """The demo buyer's user and how many published meetings its agenda shows."""
    ensure_demo_accounts(slug)
    user = User.objects.get(email=BUYER_EMAIL)
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    expo = Expo.objects.get(slug=slug)
    buyer = Participation.objects.get(
        expo=expo, role=Participation.Role.BUYER, organisation__memberships__user=user
    )
    published = Meeting.objects.filter(buyer=buyer, published=True)
    if published.exists():
        return user, published.count()
    with override_settings(EMAIL_BACKEND=QUIET_MAIL):
        _ensure_slots(expo, organiser)
        slots = list(Slot.objects.filter(expo=expo).order_by("start", "pk"))
        booked = 0
        for request in _accepted_requests(buyer, organiser):
            for slot in slots[booked * 3 :]:  # spread them out, as a scheduler would
                try:
                    book_meeting(request=request, slot=slot, by_user=organiser)
                except MatchmakingError:
                    continue  # the exhibitor is away, busy, or no interpreter is free
                booked += 1
                break
            if booked == AGENDA_MEETINGS:
                break
        with transaction.atomic():
            run = ScheduleRun.objects.create(
                expo=expo,
                status=ScheduleRun.Status.DONE,
                started_by=organiser,
                phase="bench: manual bookings",
                progress=1.0,
                finished_at=dt.datetime.now(dt.UTC),
            )
        publish_schedule(run=run, by_user=organiser)
    return user, published.count()


def agenda_cases(slug: str) -> list[Case]:
    user, meetings = prepare_agenda(slug)
    base = f"/{slug}/agenda/"
    return [
        Case(f"agenda of a buyer ({meetings} meetings)", base, user, meetings),
        Case("agenda in Chinese", f"/zh-hans{base}", user, meetings),
        Case("agenda, printable with QR code", f"{base}print/", user, meetings),
        Case("agenda as .ics", f"{base}agenda.ics", user, meetings),
    ]


def programme_cases(slug: str) -> list[Case]:
    """The programme (all days, one day, htmx, Chinese) and the first published activity."""
    expo = Expo.objects.get(slug=slug)
    public = Activity.objects.filter(expo=expo, status__in=PUBLIC_STATUSES)
    first = public.filter(status=Activity.Status.PUBLISHED).order_by("start", "pk").first()
    if first is None:
        print(
            f"pages: {slug} has no published activity; programme pages not measured",
            file=sys.stderr,
        )
        return []
    local_day = first.start.astimezone(ZoneInfo(expo.time_zone)).date()
    start, end = day_window(expo, local_day)
    everything = public.count()
    on_day = public.filter(start__gte=start, start__lt=end).count()
    day = local_day.isoformat()
    base = f"/{slug}/programme/"
    return [
        Case(f"programme, all days ({everything} activities)", base, results=everything),
        Case(f"programme, one day ({on_day} activities)", f"{base}?day={day}", results=on_day),
        Case("programme, htmx partial (one day, forums)", f"{base}?day={day}&kind=forum"),
        Case("programme in Chinese, one day", f"/zh-hans{base}?day={day}", results=on_day),
        Case("activity page", f"{base}{first.pk}/"),
        Case("activity page (Chinese)", f"/zh-hans{base}{first.pk}/"),
        Case("product launches", f"{base}launches/"),
    ]


def buyer_search_cases(slug: str) -> list[Case]:
    """The buyer portal's exhibitor search: the directory's ranked query plus the buyer's
    requests to each card's exhibitor."""
    ensure_demo_accounts(slug)
    user = User.objects.get(email=BUYER_EMAIL)
    base = f"/{slug}/buyer/search/"
    return [
        Case("buyer search, 'solar' ranked", f"{base}?q=solar", user),
        Case("buyer search, htmx partial, HS 8541", f"{base}?q=8541", user),
    ]


def catalogue_cases(slug: str) -> list[Case]:
    """The self-service pages: an exhibitor's profile form, product list and a product's form,
    a buyer's profile and sourcing list, and the organisers' review of listing changes."""
    ensure_demo_accounts(slug)
    exhibitor = User.objects.get(email=EXHIBITOR_EMAIL)
    buyer = User.objects.get(email=BUYER_EMAIL)
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    offer = (
        Offer.objects.filter(
            participation__expo__slug=slug,
            participation__organisation__memberships__user=exhibitor,
        )
        .order_by("pk")
        .first()
    )
    portal = f"/{slug}/exhibitor/"
    cases = [
        Case("exhibitor's profile form", f"{portal}profile/", exhibitor),
        Case("exhibitor's profile form (Chinese)", f"/zh-hans{portal}profile/", exhibitor),
        Case("exhibitor's products", f"{portal}products/", exhibitor),
        Case("buyer's profile form", f"/{slug}/buyer/profile/", buyer),
        Case("buyer's sourcing list", f"/{slug}/buyer/sourcing/", buyer),
        Case("organiser's listing changes", f"/{slug}/organiser/listings/", organiser),
    ]
    if offer is not None:
        cases.insert(
            3, Case("exhibitor's product form", f"{portal}products/{offer.pk}/", exhibitor)
        )
    return cases


def api_cases(slug: str) -> list[Case]:
    """Every read endpoint of the API as its clients call it: the buyer's and the exhibitor's
    own lists with their bearer token, the public ones without."""
    ensure_demo_accounts(slug)
    buyer = User.objects.get(email=BUYER_EMAIL)
    exhibitor = User.objects.get(email=EXHIBITOR_EMAIL)
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    api = f"/api/v1/expos/{slug}"
    first = (
        Participation.objects.filter(expo__slug=slug, role=Participation.Role.EXHIBITOR)
        .order_by("pk")
        .first()
    )
    activity = (
        Activity.objects.filter(expo__slug=slug, status=Activity.Status.PUBLISHED)
        .order_by("start", "pk")
        .first()
    )
    cases = [
        Case("API: who am I", "/api/v1/me", buyer),
        Case("API: exhibitors, first page", f"{api}/exhibitors"),
        Case("API: exhibitors, page 20", f"{api}/exhibitors?page=20"),
        Case("API: exhibitors, search 'solar'", f"{api}/exhibitors?q=solar"),
        Case("API: exhibitors, country VN", f"{api}/exhibitors?country=VN"),
        Case("API: recommendations of a buyer", f"{api}/recommendations", buyer),
        Case("API: meeting requests of a buyer", f"{api}/meeting-requests", buyer),
        Case("API: meeting requests of an exhibitor", f"{api}/meeting-requests", exhibitor),
        Case("API: agenda of a buyer", f"{api}/agenda", buyer),
        Case("API: agenda as .ics", f"{api}/agenda.ics", buyer),
        Case("API: programme", f"{api}/programme"),
        Case("API: buyer's needs", f"{api}/buyer/needs", buyer),
        Case("API: exhibitor's own products", f"{api}/exhibitor/products", exhibitor),
        Case("API: exhibitor's profile", f"{api}/exhibitor/profile", exhibitor),
        Case("API: deals of a buyer", f"{api}/deals", buyer),
        Case("API: deals, organiser", f"{api}/deals", organiser),
        Case("API: bulletin", f"{api}/bulletin"),
    ]
    if first is not None:
        cases.insert(
            5, Case("API: an exhibitor's products", f"{api}/exhibitors/{first.pk}/products")
        )
    if activity is not None:
        cases.insert(-5, Case("API: an activity", f"{api}/programme/{activity.pk}"))
    return [replace(case, api=True) for case in cases]


def map_cases(slug: str) -> list[Case]:
    """The floor plan: the halls' overview and search, the hall with the most booths (its plan
    and list), in Chinese and with a search highlighted, and the organisers' booths console
    whose plan links every free module to the move form."""
    ensure_demo_accounts(slug)
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    busiest = (
        Booth.objects.filter(expo__slug=slug)
        .values("pavilion__hall__code")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if busiest is None:
        print(f"pages: {slug} has no booths; floor plan pages not measured", file=sys.stderr)
        return []
    hall, booths = busiest["pavilion__hall__code"], busiest["n"]
    base = f"/{slug}/map/"
    return [
        Case("floor plan, halls overview", base),
        Case("floor plan, search across halls 'solar'", f"{base}?q=solar"),
        Case(f"hall map, busiest hall ({booths} booths)", f"{base}{hall}/", results=booths),
        Case("hall map in Chinese", f"/zh-hans{base}{hall}/", results=booths),
        Case("hall map, 'solar' highlighted", f"{base}{hall}/?q=solar", results=booths),
        Case(
            "organiser's booths console with a hall's plan",
            f"/{slug}/organiser/booths/?hall={hall}",
            organiser,
        ),
    ]


def registration_cases(slug: str) -> list[Case]:
    """Applying, reviewing, the partner's portal, a badge, the attendance figures and leads."""
    ensure_demo_accounts(slug)
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    buyer = User.objects.get(email=BUYER_EMAIL)
    exhibitor = User.objects.get(email=EXHIBITOR_EMAIL)
    partner = User.objects.filter(email=f"partner1@{DOMAIN}").first()
    application = Application.objects.filter(expo__slug=slug).order_by("pk").first()
    console = f"/{slug}/organiser/applications/"
    cases = [
        Case("application form (buyer)", f"/{slug}/apply/buyer/"),
        Case("application form in Chinese", f"/zh-hans/{slug}/apply/buyer/"),
        Case("organiser's applications", console, organiser),
        Case("organiser's attendance figures", f"{console}attendance/", organiser),
        Case("organiser's check-in page", f"{console}check-in/", organiser),
        Case("buyer's badge", f"/{slug}/badge/", buyer),
        Case("exhibitor's leads", f"/{slug}/exhibitor/leads/", exhibitor),
        Case("API: badge of a buyer", f"/api/v1/expos/{slug}/badge", buyer, api=True),
    ]
    if application is not None:
        cases.insert(
            3, Case("organiser's application page", f"{console}{application.pk}/", organiser)
        )
    if partner is not None:
        cases.append(Case("partner's portal", f"/{slug}/partner/", partner))
    return cases


BUSIEST_EXHIBITOR_EMAIL = "bench-busiest-exhibitor@bench.invalid"


def busiest_exhibitor(slug: str) -> tuple[User, int]:
    """A log-in for the exhibitor asked most often (made once), and how many requests it has:
    the portal pages whose cost grows with an exhibitor's requests are measured at their worst."""
    expo = Expo.objects.get(slug=slug)
    top = (
        MeetingRequest.objects.filter(expo=expo)
        .values("exhibitor")
        .annotate(n=Count("pk"))
        .order_by("-n", "exhibitor")
        .first()
    )
    assert top is not None, f"{slug} has no meeting requests"
    exhibitor = Participation.objects.select_related("organisation").get(pk=top["exhibitor"])
    user, _ = User.objects.get_or_create(email=BUSIEST_EXHIBITOR_EMAIL)
    Membership.objects.get_or_create(
        user=user, organisation=exhibitor.organisation, defaults={"role": Membership.Role.ADMIN}
    )
    return user, top["n"]


def after_run_cases(slug: str) -> list[Case]:
    """The pages that read the edition's meetings and requests, measured once a scheduling run
    has written its meetings back (``bench.writeback``): the console's overview, bulletin,
    schedule, left-out list, meetings and pairs, the busiest exhibitor's portal, and the API's
    requests as organisers page through them."""
    ensure_demo_accounts(slug)
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    expo = Expo.objects.get(slug=slug)
    meetings = Meeting.objects.filter(expo=expo).count()
    requests = MeetingRequest.objects.filter(expo=expo).count()
    busiest, asked = busiest_exhibitor(slug)
    console = f"/{slug}/organiser/"
    last_page = max(1, -(-requests // PAGE_SIZE))
    cases = [
        Case("organiser's overview with charts", console, organiser),
        Case("organiser's overview, exhibitors' side", f"{console}?side=exhibitor", organiser),
        Case("organiser's overview in Chinese", f"/zh-hans{console}", organiser),
        Case("organiser's live bulletin", f"{console}bulletin/", organiser),
        Case("organiser's schedule and runs", f"{console}schedule/", organiser),
        Case(f"organiser's meetings ({meetings})", f"{console}meetings/", organiser, meetings),
        Case("organiser's meetings, page 100", f"{console}meetings/?page=100", organiser),
        Case("organiser's must-meet pairs", f"{console}must-meet/", organiser),
        Case("organiser's sessions", f"{console}sessions/", organiser),
        Case("organiser's programme", f"{console}programme/", organiser),
        Case("organiser's deals", f"{console}deals/", organiser),
        Case(f"busiest exhibitor's portal ({asked} requests)", f"/{slug}/exhibitor/", busiest),
        Case("busiest exhibitor's requests", f"/{slug}/exhibitor/requests/", busiest),
    ]
    run = (
        ScheduleRun.objects.filter(expo=expo, status=ScheduleRun.Status.DONE)
        .exclude(left_out=None)
        .order_by("-pk")
        .first()
    )
    if run is not None:
        left_out = run.left_out.count()
        cases[5:5] = [
            Case(
                f"organiser's run with its requests left out ({left_out})",
                f"{console}schedule/?run={run.pk}",
                organiser,
                left_out,
            ),
            Case(
                "requests left out, htmx partial, page 50",
                f"{console}schedule/left-out/?run={run.pk}&page=50",
                organiser,
            ),
        ]
    api = f"/api/v1/expos/{slug}/meeting-requests"
    cases += [
        Case(f"API: meeting requests, organiser ({requests})", api, organiser, api=True),
        Case(
            f"API: meeting requests, organiser, last page ({last_page})",
            f"{api}?page={last_page}",
            organiser,
            api=True,
        ),
        Case("API: meeting requests of the busiest exhibitor", api, busiest, api=True),
    ]
    return cases


def page_cases(slug: str) -> list[Case]:
    exhibitors = Participation.objects.filter(expo__slug=slug, role="exhibitor").order_by("id")
    first, middle = exhibitors.first(), exhibitors[exhibitors.count() // 2]
    assert first is not None
    base = f"/{slug}/exhibitors/"
    exact_name = urllib.parse.urlencode({"q": first.organisation.name})
    public = [
        ("bare Django view (baseline)", "/bench/bare/"),
        ("home page with figures and chart", f"/{slug}/"),
        ("directory, no filter", base),
        ("directory, search 'solar'", f"{base}?q=solar"),
        ("directory, search '光伏' (Chinese)", f"{base}?q=%E5%85%89%E4%BC%8F"),
        ("directory, two-term search", f"{base}?q=coffee+vietnam"),
        ("directory, search an exact name", f"{base}?{exact_name}"),
        ("directory, search HS heading 8541", f"{base}?q=8541"),
        ("directory, search HS chapter 85", f"{base}?q=85"),
        ("directory, search a word part 'co' (most rows)", f"{base}?q=co"),
        ("directory, search 'solar', alphabetical", f"{base}?q=solar&sort=name"),
        ("directory, search 'solar', page 3", f"{base}?q=solar&page=3"),
        ("directory, country VN", f"{base}?country=VN"),
        ("directory, group ASEAN + sector", f"{base}?group=asean&sector=agriculture-food"),
        ("directory, HS chapter 85 + search", f"{base}?hs=85&q=module"),
        ("directory, page 20", f"{base}?page=20"),
        ("directory, htmx partial", f"{base}?q=machine"),
        ("directory in Chinese", f"/zh-hans{base}?country=TH"),
        ("exhibitor profile", f"{base}{first.pk}/"),
        ("exhibitor profile (Chinese)", f"/zh-hans{base}{middle.pk}/"),
    ]
    return (
        [Case(label, url) for label, url in public]
        + programme_cases(slug)
        + map_cases(slug)
        + registration_cases(slug)
        + agenda_cases(slug)
        + buyer_search_cases(slug)
        + catalogue_cases(slug)
        + api_cases(slug)
    )


def run(slug: str, progress: Callable[[], None], cases: list[Case] | None = None) -> list[Latency]:
    results = []
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["testserver"]):
        for case in page_cases(slug) if cases is None else cases:
            headers = {"HX-Request": "true"} if "htmx" in case.label else {}
            if case.api and case.user is not None:
                headers["Authorization"] = f"Bearer {issue_token(case.user)}"
            client = Client(headers=headers)
            if case.user is not None and not case.api:
                client.force_login(case.user)
            latency = _measure(client, case.label, case.url, case.results)
            results.append(replace(latency, api=case.api))
            progress()
    return results
