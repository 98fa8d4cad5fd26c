"""Import exhibitors or buyers of one expo from a CSV or XLSX file, all or nothing.

Invariants:
- A file with any bad row writes nothing; every bad row is reported as ``line N: column: reason``.
- An organisation is identified by its English name (case-insensitive) and country; a row for a
  known organisation updates it, and its participation in the expo is created if missing.
- The row's sectors and HS codes live in one trade line per participation (an ``Offer`` for
  exhibitors, a ``Need`` for buyers): the participation's first one, created when needed.
- Re-importing identical data writes nothing at all, so ``updated_at`` does not move.
- Every participation whose searchable text may have changed gets ``refresh_search_text``.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.models import Need, Offer, Organisation, Participation
from tradefair.organisations.queries.directory import forget_filter_choices
from tradefair.organisations.services.import_files import (
    FileRejected,
    ImportCounts,
    RowError,
    read_table,
)
from tradefair.organisations.services.imports_parse import (
    Kind,
    ParsedRow,
    check_header,
    organisation_key,
    parse_rows,
)
from tradefair.organisations.services.search import refresh_search_text

__all__ = ["ImportResult", "Kind", "Progress", "RowError", "import_participants"]

ROLES: dict[Kind, Participation.Role] = {
    Kind.EXHIBITORS: Participation.Role.EXHIBITOR,
    Kind.BUYERS: Participation.Role.BUYER,
}
TRADE_LINES: dict[Kind, type[Offer] | type[Need]] = {Kind.EXHIBITORS: Offer, Kind.BUYERS: Need}
ORGANISATION_FIELDS = (
    "name",
    "name_zh",
    "name_local",
    "name_local_language",
    "website",
    "email",
    "description",
)

# Called as progress(phase, done, total) so a command can draw a bar for large files.
Progress = Callable[[str, int, int], None]

_CHUNK = 500
T = TypeVar("T")


@dataclass
class ImportResult(ImportCounts):
    """What an exhibitor or buyer import did: the counts of every file import, and its kind."""

    kind: Kind = field(kw_only=True)

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        return _(
            "%(kind)s of %(expo)s: %(created)s created, %(updated)s updated, "
            "%(unchanged)s unchanged"
        ) % {
            "kind": capfirst(self.kind.label),
            "expo": self.expo,
            "created": number(self.created),
            "updated": number(self.updated),
            "unchanged": number(self.unchanged),
        }


def import_participants(
    *,
    expo_slug: str,
    kind: Kind | str,
    filename: str,
    content: bytes,
    progress: Progress | None = None,
) -> ImportResult:
    """Check the whole file, then write it in one transaction only if every row is good."""
    kind = Kind(kind)
    result = ImportResult(kind=kind, expo=expo_slug)
    expo = Expo.objects.filter(slug=expo_slug).first()
    if expo is None:
        known = ", ".join(Expo.objects.order_by("slug").values_list("slug", flat=True))
        result.errors.append(
            RowError(
                None,
                "expo",
                _("unknown expo '%(expo)s' (known expos: %(known)s)")
                % {"expo": expo_slug, "known": known or _("none")},
            )
        )
        return result
    try:
        table = read_table(content=content, filename=filename)
    except FileRejected as rejected:
        result.errors.append(rejected.error)
        return result
    result.errors += check_header(table[0][1], kind)
    if result.errors:
        return result
    rows, errors = parse_rows(expo=expo, kind=kind, rows=table)
    if errors:
        result.errors = sorted(errors, key=lambda e: e.line or 0)
        return result
    try:
        with transaction.atomic():
            _Writer(expo, kind, result, progress).write(rows)
            transaction.on_commit(lambda: forget_filter_choices(expo.pk))
    except IntegrityError as exc:
        # Another import or an edit in the admin created the same row meanwhile.
        result.created = result.updated = result.unchanged = 0
        result.errors.append(
            RowError(
                None,
                "database",
                _("a concurrent change conflicted (%(why)s); import again") % {"why": exc},
            )
        )
    return result


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    """The values a row gives; a blank cell keeps what is stored.

    An organisation may hold several roles, and its details may have been completed in the
    admin: a sparse buyers file must not wipe what the exhibitor side recorded.
    """
    return {name: value for name, value in values.items() if value not in ("", None)}


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """Runs of at most ``_CHUNK`` rows, so no query carries thousands of parameters."""
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class _Writer:
    """Upserts the checked rows with a fixed number of queries per few hundred rows."""

    def __init__(
        self, expo: Expo, kind: Kind, result: ImportResult, progress: Progress | None
    ) -> None:
        self.expo = expo
        self.role = ROLES[kind]
        # Offer and Need share every field; Any spares a union through each generic manager.
        self.line_model: Any = TRADE_LINES[kind]
        # The through tables name their owner after the model: offer_id or need_id.
        self.owner = f"{self.line_model._meta.model_name}_id"
        self.sector_through: Any = self.line_model.sectors.through
        self.hs_through: Any = self.line_model.hs_codes.through
        self.result = result
        self.progress = progress

    def _tick(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def write(self, rows: list[ParsedRow]) -> None:
        organisations, changed_organisations = self._organisations(rows)
        participations, new_ids, changed_ids = self._participations(rows, organisations)
        changed_lines = self._trade_lines(rows, participations)
        touched = new_ids | changed_ids | changed_lines
        for row in rows:
            participation = participations[row.key]
            if participation.pk in new_ids:
                self.result.created += 1
            elif participation.pk in touched or row.key in changed_organisations:
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        org_ids = [organisations[key].pk for key in changed_organisations]
        refresh = set(touched)
        for chunk in chunks(org_ids):
            refresh.update(
                Participation.objects.filter(organisation_id__in=chunk).values_list("id", flat=True)
            )
        ordered = sorted(refresh)
        for done, chunk in enumerate(chunks(ordered), start=1):
            refresh_search_text(chunk)
            self._tick("index", min(done * _CHUNK, len(ordered)), len(ordered))

    def _organisations(
        self, rows: list[ParsedRow]
    ) -> tuple[dict[tuple[str, str], Organisation], set[tuple[str, str]]]:
        countries = {row.country for row in rows}
        known = {
            organisation_key(org.name, org.country_id): org
            for org in Organisation.objects.filter(country_id__in=countries).order_by("pk")
        }
        now = timezone.now()
        found: dict[tuple[str, str], Organisation] = {}
        new: list[Organisation] = []
        changed: list[Organisation] = []
        for done, row in enumerate(rows, start=1):
            values = {name: getattr(row, name) for name in ORGANISATION_FIELDS}
            org = known.get(row.key)
            if org is None:
                org = Organisation(country_id=row.country, **values)
                new.append(org)
            elif assign_changed(org, _filled(values)):
                org.updated_at = now
                changed.append(org)
            found[row.key] = org
            if done % _CHUNK == 0:
                self._tick("organisations", done, len(rows))
        Organisation.objects.bulk_create(new, batch_size=_CHUNK)
        Organisation.objects.bulk_update(
            changed, [*ORGANISATION_FIELDS, "updated_at"], batch_size=_CHUNK
        )
        self._tick("organisations", len(rows), len(rows))
        changed_keys = {organisation_key(org.name, org.country_id) for org in changed}
        return found, changed_keys

    def _participations(
        self, rows: list[ParsedRow], organisations: dict[tuple[str, str], Organisation]
    ) -> tuple[dict[tuple[str, str], Participation], set[int], set[int]]:
        known = {
            p.organisation_id: p
            for p in Participation.objects.filter(expo=self.expo, role=self.role)
        }
        found: dict[tuple[str, str], Participation] = {}
        new: list[Participation] = []
        changed: list[Participation] = []
        for row in rows:
            values = {"pavilion_id": row.pavilion_id, "booth_area_m2": row.booth_area_m2}
            organisation = organisations[row.key]
            participation = known.get(organisation.pk)
            if participation is None:
                participation = Participation(
                    expo=self.expo, organisation=organisation, role=self.role, **values
                )
                new.append(participation)
            elif assign_changed(participation, _filled(values)):
                changed.append(participation)
            found[row.key] = participation
        Participation.objects.bulk_create(new, batch_size=_CHUNK)
        Participation.objects.bulk_update(
            changed, ["pavilion_id", "booth_area_m2"], batch_size=_CHUNK
        )
        self._tick("participations", len(rows), len(rows))
        return found, {p.pk for p in new}, {p.pk for p in changed}

    def _trade_lines(
        self, rows: list[ParsedRow], participations: dict[tuple[str, str], Participation]
    ) -> set[int]:
        """Set each managed trade line's sectors and HS codes; return participations changed."""
        lines = self.line_model.objects.filter(
            participation__expo=self.expo, participation__role=self.role
        ).order_by("-id")
        # Ordered newest first so the dict keeps each participation's first (oldest) line.
        managed: dict[int, int] = {line.participation_id: line.pk for line in lines}
        sectors = self._current(self.sector_through, "sector_id")
        hs_codes = self._current(self.hs_through, "hscode_id")

        new_lines = []
        wanted: dict[int, tuple[frozenset[int], frozenset[str]]] = {}
        stale: list[int] = []
        changed: set[int] = set()
        for row in rows:
            participation = participations[row.key]
            line_id = managed.get(participation.pk)
            if line_id is None:
                if not row.sector_ids and not row.hs_codes:
                    continue
                line = self.line_model(participation=participation)
                new_lines.append((line, row))
                changed.add(participation.pk)
                continue
            current = (sectors.get(line_id, frozenset()), hs_codes.get(line_id, frozenset()))
            if current != (row.sector_ids, row.hs_codes):
                stale.append(line_id)
                wanted[line_id] = (row.sector_ids, row.hs_codes)
                changed.add(participation.pk)
        self.line_model.objects.bulk_create([line for line, _ in new_lines], batch_size=_CHUNK)
        for line, row in new_lines:
            wanted[line.pk] = (row.sector_ids, row.hs_codes)
        for chunk in chunks(stale):
            for through in (self.sector_through, self.hs_through):
                through.objects.filter(**{f"{self.owner}__in": chunk}).delete()
        self._add_links(wanted)
        self._tick("offers and needs", len(rows), len(rows))
        return changed

    def _current(self, through: Any, target: str) -> dict[int, frozenset[Any]]:
        links: dict[int, set[Any]] = {}
        pairs = through.objects.filter(
            **{
                f"{self.line_model._meta.model_name}__participation__expo": self.expo,
                f"{self.line_model._meta.model_name}__participation__role": self.role,
            }
        ).values_list(self.owner, target)
        for owner, value in pairs:
            links.setdefault(owner, set()).add(value)
        return {owner: frozenset(values) for owner, values in links.items()}

    def _add_links(self, wanted: dict[int, tuple[frozenset[int], frozenset[str]]]) -> None:
        sector_through, hs_through = self.sector_through, self.hs_through
        sector_links = [
            sector_through(**{self.owner: line_id, "sector_id": sector_id})
            for line_id, (sector_ids, _) in wanted.items()
            for sector_id in sorted(sector_ids)
        ]
        hs_links = [
            hs_through(**{self.owner: line_id, "hscode_id": code})
            for line_id, (_, codes) in wanted.items()
            for code in sorted(codes)
        ]
        sector_through.objects.bulk_create(sector_links, batch_size=_CHUNK)
        hs_through.objects.bulk_create(hs_links, batch_size=_CHUNK)


def assign_changed(instance: Any, values: dict[str, Any]) -> bool:
    """Set the fields that differ; True if any did. Decimal('36') == Decimal('36.00')."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed
