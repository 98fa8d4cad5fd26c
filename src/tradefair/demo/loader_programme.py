"""Write the demo's programme: rooms, activities, speakers, launched products, delegates, seats.

Called by ``loader._Writer`` inside the demo's one transaction, after the participations and
before the directory is indexed (the delegate participations it adds are indexed with the
rest). Registrations are bulk data written directly, keeping every constraint of the model: one
live registration per person and activity, seats numbered 1…n within capacity, a seat exactly
when seated. Delegates get an unusable password (hashing 1,000 passwords would take minutes).
``register_demo_accounts`` then puts some demo log-ins into activities through the
registration service, after ``ensure_demo_accounts`` made them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.demo.accounts import DOMAIN
from tradefair.demo.programme_people import DELEGATE_DOMAIN
from tradefair.demo.programme_records import DemoProgramme
from tradefair.demo.records import OrgKey
from tradefair.expos.formatting import moment
from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall
from tradefair.matchmaking.models import Availability, MeetingProfile, Slot
from tradefair.organisations.models import Organisation, Participation
from tradefair.programme.models import Activity, LaunchedProduct, Registration, Room, Speaker
from tradefair.programme.models.registrations import LIVE
from tradefair.programme.services.errors import ProgrammeError
from tradefair.programme.services.registration import register

BATCH = 2000
Step = Callable[[str, int], None]
# The demo log-ins that sit in activities while negotiations run, and how many each.
BUSY_ACCOUNTS = (("buyer", 1, 2), ("buyer", 2, 2), ("buyer", 3, 1), ("exhibitor", 1, 1))
BUSY_KINDS = ("main_event", "forum", "promotion", "launch", "concurrent")


def rows(programme: DemoProgramme) -> int:
    """Rows the progress bar counts: delegate organisations count thrice, as in ``total_rows``
    (created, taking part, indexed for the directory)."""
    return (
        3 * len(programme.organisations)
        + len(programme.rooms)
        + len(programme.activities)
        + len(programme.products)
        + 2 * len(programme.people)
        + len(programme.registrations)
    )


class ProgrammeWriter:
    def __init__(
        self,
        expo: Expo,
        programme: DemoProgramme,
        org_ids: dict[OrgKey, int],
        participation_ids: dict[tuple[OrgKey, str], int],
        advance: Step,
    ) -> None:
        self.expo = expo
        self.programme = programme
        self.org_ids = org_ids
        self.participation_ids = participation_ids  # the loader's: delegates are added to it
        self.advance = advance

    def write(self) -> None:
        self._delegate_organisations()
        room_ids = self._rooms()
        activity_ids = self._activities(room_ids)
        self.activity_ids = activity_ids  # the deals signed at ceremonies refer to them
        self._products(activity_ids)
        user_ids = self._people()
        self._registrations(activity_ids, user_ids)

    def _delegate_organisations(self) -> None:
        """Reuse organisations already known (same country and name), as the loader does."""
        wanted = self.programme.organisations
        known = {
            (country, name.lower()): pk
            for pk, country, name in Organisation.objects.filter(
                country_id__in={o.country for o in wanted}
            ).values_list("id", "country_id", "name")
        }
        new = []
        for org in wanted:
            pk = known.get((org.country, org.name.lower()))
            if pk is not None:
                self.org_ids[org.key] = pk
            else:
                new.append(
                    Organisation(
                        name=org.name,
                        name_zh=org.name_zh,
                        kind=org.kind,
                        country_id=org.country,
                        website=org.website,
                        email=org.email,
                        description=org.description,
                        description_zh=org.description_zh,
                    )
                )
        for created in Organisation.objects.bulk_create(new):
            self.org_ids[(created.country_id, created.name)] = created.pk
        participations = Participation.objects.bulk_create(
            Participation(
                expo=self.expo,
                organisation_id=self.org_ids[o.key],
                role=Participation.Role.DELEGATE,
            )
            for o in wanted
        )
        for org, participation in zip(wanted, participations, strict=True):
            self.participation_ids[(org.key, Participation.Role.DELEGATE)] = participation.pk
        self.advance(_("Invited delegations"), 2 * len(wanted))

    def _rooms(self) -> dict[str, int]:
        halls = dict(Hall.objects.filter(expo=self.expo).values_list("code", "id"))
        demo_rooms = self.programme.rooms
        rooms = Room.objects.bulk_create(
            Room(
                expo=self.expo,
                name=r.name,
                name_zh=r.name_zh,
                capacity=r.capacity,
                hall_id=halls.get(r.hall) if r.hall else None,
            )
            for r in demo_rooms
        )
        return {r.key: room.pk for r, room in zip(demo_rooms, rooms, strict=True)}

    def _activities(self, room_ids: dict[str, int]) -> dict[str, int]:
        demo_activities = self.programme.activities
        activities = Activity.objects.bulk_create(
            Activity(
                expo=self.expo,
                kind=a.kind,
                title=a.title,
                title_zh=a.title_zh,
                description=a.description,
                description_zh=a.description_zh,
                start=a.start,
                end=a.end,
                room_id=room_ids[a.room] if a.room else None,
                capacity=a.capacity,
                audience=a.audience,
                status=Activity.Status.PUBLISHED,
            )
            for a in demo_activities
        )
        ids = {a.key: obj.pk for a, obj in zip(demo_activities, activities, strict=True)}
        sector_ids = dict(Sector.objects.values_list("slug", "id"))
        hosts, sectors, invited = (
            Activity.hosts.through,
            Activity.sectors.through,
            Activity.invited_organisations.through,
        )
        orgs = self.org_ids
        hosts.objects.bulk_create(
            hosts(activity_id=ids[a.key], organisation_id=orgs[key])
            for a in demo_activities
            for key in dict.fromkeys(a.hosts)
        )
        sectors.objects.bulk_create(
            sectors(activity_id=ids[a.key], sector_id=sector_ids[slug])
            for a in demo_activities
            for slug in a.sectors
        )
        invited.objects.bulk_create(
            (
                invited(activity_id=ids[a.key], organisation_id=orgs[key])
                for a in demo_activities
                for key in dict.fromkeys(a.invited)
            ),
            batch_size=BATCH,
        )
        Speaker.objects.bulk_create(
            Speaker(
                activity_id=ids[a.key],
                name=s.name,
                name_zh=s.name_zh,
                position=s.position,
                organisation_id=orgs[s.organisation] if s.organisation else None,
                organisation_name=s.organisation_name,
                role=s.role,
                order=order,
            )
            for a in demo_activities
            for order, s in enumerate(a.speakers, start=1)
        )
        self.advance(_("Planned the programme"), len(self.programme.rooms) + len(demo_activities))
        return ids

    def _products(self, activity_ids: dict[str, int]) -> None:
        products = self.programme.products
        LaunchedProduct.objects.bulk_create(
            LaunchedProduct(
                expo=self.expo,
                exhibitor_id=self.participation_ids[(p.exhibitor, Participation.Role.EXHIBITOR)],
                activity_id=activity_ids[p.activity],
                name=p.name,
                name_zh=p.name_zh,
                hs_code_id=p.hs_code,
                description=p.description,
                description_zh=p.description_zh,
                first_launch=p.first_launch,
            )
            for p in products
        )
        self.advance(_("Listed launched products"), len(products))

    def _people(self) -> list[int]:
        people = self.programme.people
        unusable = make_password(None)  # no hashing: nobody logs in as a generated delegate
        users = User.objects.bulk_create(
            (
                User(
                    email=p.email, first_name=p.first_name, last_name=p.last_name, password=unusable
                )
                for p in people
            ),
            batch_size=BATCH,
        )
        Membership.objects.bulk_create(
            (
                Membership(user_id=user.pk, organisation_id=self.org_ids[p.organisation])
                for p, user in zip(people, users, strict=True)
            ),
            batch_size=BATCH,
        )
        self.advance(_("Registered delegates"), 2 * len(people))
        return [user.pk for user in users]

    def _registrations(self, activity_ids: dict[str, int], user_ids: list[int]) -> None:
        people = self.programme.people
        registrations = self.programme.registrations
        for start in range(0, len(registrations), BATCH):
            chunk = registrations[start : start + BATCH]
            Registration.objects.bulk_create(
                Registration(
                    activity_id=activity_ids[r.activity],
                    user_id=user_ids[r.person],
                    participation_id=self.participation_ids[
                        (people[r.person].organisation, people[r.person].role)
                    ],
                    status=(
                        Registration.Status.REGISTERED
                        if r.seat is not None
                        else Registration.Status.WAITLISTED
                    ),
                    seat=r.seat,
                )
                for r in chunk
            )
            self.advance(_("Seated delegates"), len(chunk))


def unload_programme(expo: Expo) -> None:
    """Delete the edition's programme and its generated delegates (activities protect rooms)."""
    Registration.objects.filter(activity__expo=expo).delete()
    LaunchedProduct.objects.filter(expo=expo).delete()
    Activity.objects.filter(expo=expo).delete()
    Room.objects.filter(expo=expo).delete()
    delegates = User.objects.filter(email__endswith=f"@{expo.slug}.{DELEGATE_DOMAIN}")
    Membership.objects.filter(user__in=delegates).delete()
    delegates.delete()


@dataclass(frozen=True)
class BusyAccount:
    email: str
    activity: str
    start: str  # on the edition's clock, e.g. "17 Sep 14:00"


def register_demo_accounts(slug: str) -> list[BusyAccount]:
    """Seat some demo log-ins in activities that overlap negotiation slots they could meet in.

    Each is made the only meeting attendee of their organisation, so a scheduling run must
    leave those slots free for them: the demo shows the one-timeline rule at work. Idempotent:
    an account already registered for anything in the edition is left as it is.
    """
    expo = Expo.objects.get(slug=slug)
    slots = list(Slot.objects.filter(expo=expo).values_list("id", "start", "end"))
    candidates = list(
        Activity.objects.filter(
            expo=expo,
            status=Activity.Status.PUBLISHED,
            kind__in=BUSY_KINDS,
            room__isnull=False,
        )
        .exclude(audience=Activity.Audience.INVITATION)
        .select_related("room")
        .order_by("start", "pk")
    )
    found: list[BusyAccount] = []
    for index, (role, number, wanted) in enumerate(BUSY_ACCOUNTS):
        user = User.objects.filter(email=f"{role}{number}@{DOMAIN}").first()
        participation = (
            Participation.objects.filter(expo=expo, role=role, organisation__memberships__user=user)
            .order_by("pk")
            .first()
        )
        if user is None or participation is None:
            continue
        if Registration.objects.filter(activity__expo=expo, user=user, status__in=LIVE).exists():
            continue
        with transaction.atomic():
            profile = MeetingProfile.objects.filter(participation=participation).first()
            if profile is not None:
                profile.attendees.set([user])
            available = set(
                Availability.objects.filter(participation=participation).values_list(
                    "slot_id", flat=True
                )
            )
            open_slots = [(s, e) for pk, s, e in slots if not available or pk in available]
            rotated = candidates[7 * index :] + candidates[: 7 * index]
            taken: list[Activity] = []
            for activity in rotated:
                if len(taken) == wanted:
                    break
                if not any(activity.start < e and activity.end > s for s, e in open_slots):
                    continue
                if any(activity.start < t.end and activity.end > t.start for t in taken):
                    continue
                if activity.seats is not None and _seated(activity) >= activity.seats:
                    continue
                try:
                    register(activity=activity, user=user, participation=participation)
                except ProgrammeError:
                    continue
                taken.append(activity)
                found.append(BusyAccount(user.email, activity.title, _clock(activity, expo)))
    return found


def _seated(activity: Activity) -> int:
    return Registration.objects.filter(activity=activity, seat__isnull=False).count()


def _clock(activity: Activity, expo: Expo) -> str:
    """When, in the edition's clock and the operator's language ("17 Sept 2025, 10:30")."""
    return moment(activity.start, expo.time_zone)
