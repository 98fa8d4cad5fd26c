"""Import exhibitors' products from a CSV or XLSX file, all or nothing.

Invariants:
- A file with any bad cell writes nothing; every bad cell is reported as ``line N: column:
  reason`` (docs/formats/products-import.md), with the words the portal's form would use
  (``rules.item_problems``).
- A product is identified by its exhibitor and its English name (any case): a row for a
  stored product updates it, so importing the same file twice changes nothing the second
  time. Products the file does not name are left alone.
- What the organisers import is theirs: it goes public at once and is audited under the
  importing user (none from the command line); search text, the directory's options and the
  recommendations follow once, for the whole file.
- A ``pictures`` cell names files of a folder or ZIP file (``picture_sources``); each is
  decoded at check time as an upload would be, one at a time. A product's pictures then become
  exactly the named ones, in order: a picture stored from the same bytes before stays (its
  files are named after their SHA-256), others are stored, the rest removed. Files stored by
  an import that fails are deleted again.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradefair.accounts.models import User
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import audit, items, rules
from tradefair.catalogue.services.picture_sources import (
    PictureProblem,
    PictureSource,
    check_picture,
    is_stored_as,
    relative_name,
    store_picture,
)
from tradefair.catalogue.services.stored_files import delete_stored
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.recommendations import queue_refresh_after_edit
from tradefair.organisations.models import Offer, OfferPicture, Participation
from tradefair.organisations.queries.directory import forget_filter_choices
from tradefair.organisations.queries.names import OrganisationNames
from tradefair.organisations.services.import_files import (
    ImportCounts,
    InRequestLimits,
    RowError,
    bounded_table,
    control_character,
    rows_as_dicts,
    split_list,
)
from tradefair.organisations.services.search import refresh_search_text

__all__ = ["COLUMNS", "MAX_BYTES", "MAX_ROWS", "ImportResult", "import_products"]

COLUMNS = [
    "exhibitor",
    "title",
    "title_zh",
    "text",
    "text_zh",
    "hs_codes",
    "sectors",
    "markets",
    "minimum_order",
    "certifications",
    "pictures",
]
ITEM_COLUMNS = COLUMNS[1:-1]  # what rules.ItemInput holds
REQUIRED = ["exhibitor", "title"]
LISTS = {"hs_codes", "sectors", "markets", "certifications"}
MAX_ROWS = 20_000
MAX_BYTES = 8 * 2**20
LIMITS = InRequestLimits(
    kind=gettext_lazy("products"),
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS,
    columns=COLUMNS,
    required=REQUIRED,
)
Progress = Callable[[str, int, int], None]


@dataclass
class ImportResult(ImportCounts):
    def summary(self) -> str:
        return _(
            "Products of %(expo)s: %(created)s created, %(updated)s updated, "
            "%(unchanged)s unchanged."
        ) % {
            "expo": self.expo,
            "created": number(self.created),
            "updated": number(self.updated),
            "unchanged": number(self.unchanged),
        }


@dataclass(frozen=True)
class Row:
    line: int
    exhibitor: int  # participation id
    values: rules.ItemInput  # what the file says; blank for columns it leaves out
    given: frozenset[str]  # the columns the file has
    pictures: tuple[tuple[str, str], ...] | None = None  # (name, key); None: column left out

    def merged(self, stored: dict[str, Any]) -> rules.ItemInput:
        """The row over the stored product: a column the file leaves out keeps its value."""
        kept = {k: v for k, v in stored.items() if k not in self.given}
        return rules.ItemInput(**{**self.values.__dict__, **kept})


def _exhibitors(expo: Expo) -> tuple[OrganisationNames, dict[int, int]]:
    """Exhibitors' names, and each organisation's exhibitor participation."""
    found = Participation.objects.filter(expo=expo, role=Participation.Role.EXHIBITOR)
    rows = list(
        found.values_list(
            "organisation_id",
            "organisation__name",
            "organisation__name_zh",
            "organisation__country_id",
        )
    )
    participation = dict(found.values_list("organisation_id", "pk"))
    return OrganisationNames(rows), participation


class _Abandoned(Exception):
    """The import stops while writing, for the reason ``error`` gives the organiser."""

    def __init__(self, error: RowError) -> None:
        super().__init__(str(error))
        self.error = error


def _pictures(
    line: int,
    cell: str,
    source: PictureSource | None,
    checked: dict[str, str | PictureProblem],
    errors: list[RowError],
) -> tuple[tuple[str, str], ...]:
    """The pictures a cell names as (name, key), each file decoded once per import."""
    names = split_list(cell)
    if not names:
        return ()
    if source is None:
        errors.append(
            RowError(
                line,
                "pictures",
                _(
                    "the row names pictures but no folder or ZIP file holding them was given; "
                    "add --pictures PATH"
                ),
            )
        )
        return ()
    if len(names) > items.MAX_PICTURES:
        errors.append(
            RowError(
                line,
                "pictures",
                _("%(count)d pictures; a product has at most %(max)d")
                % {"count": len(names), "max": items.MAX_PICTURES},
            )
        )
    found: dict[str, str] = {}  # key to name
    for name in names:
        if relative_name(name) is None:
            errors.append(
                RowError(
                    line,
                    "pictures",
                    _(
                        "'%(name)s' is not a name inside %(source)s; give names relative to it, "
                        "without '..'"
                    )
                    % {"name": name, "source": source.label},
                )
            )
            continue
        if name in found.values():
            errors.append(
                RowError(line, "pictures", _("'%(name)s' is named twice") % {"name": name})
            )
            continue
        if name not in checked:
            try:
                checked[name] = check_picture(source, name)
            except PictureProblem as problem:
                checked[name] = problem
        key = checked[name]
        if isinstance(key, PictureProblem):
            errors.append(RowError(line, "pictures", str(key)))
        elif key in found:
            errors.append(
                RowError(
                    line,
                    "pictures",
                    _("'%(name)s' is the same picture as '%(other)s'")
                    % {"name": name, "other": found[key]},
                )
            )
        else:
            found[key] = name
    return tuple((name, key) for key, name in found.items())


def _read(
    expo: Expo,
    table: list[tuple[int, list[str]]],
    source: PictureSource | None,
    progress: Progress | None,
) -> tuple[list[Row], list[RowError]]:
    names, participation_of = _exhibitors(expo)
    rows: list[Row] = []
    errors: list[RowError] = []
    seen: dict[tuple[int, str], int] = {}
    checked: dict[str, str | PictureProblem] = {}
    for done, (line, cells, extra) in enumerate(rows_as_dicts(table), start=1):
        if progress is not None and source is not None:
            progress("checking pictures", done, len(table) - 1)
        if not any(v.strip() for v in cells.values()) and not any(v.strip() for v in extra):
            continue
        if any(v.strip() for v in extra):
            errors.append(RowError(line, "row", _("cells outside the header's columns")))
        for column, value in cells.items():
            if bad := control_character(value):
                errors.append(RowError(line, column, _("control character U+%04X") % ord(bad)))
        organisation, why = names.find(cells.get("exhibitor", "").strip())
        if organisation is None:
            errors.append(
                RowError(
                    line,
                    "exhibitor",
                    why
                    or _("no exhibitor of this edition is called '%(name)s'")
                    % {"name": cells.get("exhibitor", "").strip()},
                )
            )
        pictures = (
            _pictures(line, cells["pictures"], source, checked, errors)
            if "pictures" in cells
            else None
        )
        if organisation is None:
            continue
        given: dict[str, Any] = {
            name: split_list(cells[name]) if name in LISTS else cells[name]
            for name in ITEM_COLUMNS
            if name in cells
        }
        values = rules.ItemInput(**given)
        key = (participation_of[organisation], values.title.strip().casefold())
        if key in seen:
            errors.append(
                RowError(
                    line, "title", _("the same product as line %(line)d") % {"line": seen[key]}
                )
            )
        seen[key] = line
        rows.append(Row(line, participation_of[organisation], values, frozenset(given), pictures))
    known = rules.Known.named_by(r.values for r in rows)
    for row in rows:
        for column, message in rules.item_problems(row.values, known, product=True):
            errors.append(RowError(row.line, column, message))
    return rows, errors


def import_products(
    *,
    expo: Expo,
    filename: str,
    content: bytes,
    progress: Progress | None = None,
    by_user: User | None = None,
    pictures: PictureSource | None = None,
) -> ImportResult:
    """Check the whole file, then write it in one transaction only if every cell is good.

    ``pictures`` holds the files the ``pictures`` column names.
    """
    result = ImportResult(expo=expo.slug)
    table, result.errors = bounded_table(content=content, filename=filename, limits=LIMITS)
    if result.errors:
        return result
    rows, result.errors = _read(expo, table, pictures, progress)
    if result.errors:
        return result
    stored_now: list[dict[str, Any]] = []  # picture files this import wrote
    try:
        _write(expo, rows, pictures, result, progress, by_user, stored_now)
    except _Abandoned as abandoned:
        _delete(stored_now)
        result.errors = [abandoned.error]
    except BaseException:
        _delete(stored_now)
        raise
    return result


def _delete(stored: list[dict[str, Any]]) -> None:
    for files in stored:
        delete_stored(files)


def _write(
    expo: Expo,
    rows: list[Row],
    source: PictureSource | None,
    result: ImportResult,
    progress: Progress | None,
    by_user: User | None,
    stored_now: list[dict[str, Any]],
) -> None:
    touched: set[int] = set()
    with transaction.atomic():
        # Registered first, so it runs first on commit: from then on rows own the files, and
        # a later commit callback that fails must not delete them.
        transaction.on_commit(stored_now.clear)
        Expo.objects.select_for_update().filter(pk=expo.pk).first()  # one import at a time
        participations = {
            p.pk: p for p in Participation.objects.filter(pk__in={r.exhibitor for r in rows})
        }
        related = ["hs_codes", "sectors", "markets"]
        if any(r.pictures is not None for r in rows):
            related.append("pictures")
        stored: dict[tuple[int, str], Offer] = {
            (o.participation_id, o.title.casefold()): o
            for o in Offer.objects.filter(participation_id__in=participations).prefetch_related(
                *related
            )
        }
        for done, row in enumerate(rows, start=1):
            offer = stored.get((row.exhibitor, row.values.title.strip().casefold()))
            before = items.item_values(offer) if offer is not None else {}
            participation = participations[row.exhibitor]
            written = items.write_item(participation, row.merged(before), offer, None)
            changed = audit.differences(before, items.item_values(written))
            if row.pictures is not None and isinstance(written, Offer):
                try:
                    shown = _set_pictures(written, row.pictures, source, stored_now)
                except PictureProblem as problem:
                    raise _Abandoned(RowError(row.line, "pictures", str(problem))) from problem
                if shown is not None:
                    changed["pictures"] = shown
            if offer is not None and not changed:
                result.unchanged += 1
            else:
                result.created += offer is None
                result.updated += offer is not None
                touched.add(row.exhibitor)
                ProfileChange.objects.create(
                    participation=participation,
                    user=by_user,
                    subject=ProfileChange.Subject.PRODUCT,
                    action=ProfileChange.Action.CHANGED if offer else ProfileChange.Action.CREATED,
                    label=written.title[:200],
                    fields=changed,
                )
            if progress is not None and (done % 200 == 0 or done == len(rows)):
                progress("writing", done, len(rows))
        if touched:
            refresh_search_text(touched)
            transaction.on_commit(lambda: forget_filter_choices(expo.pk))
            queue_refresh_after_edit(expo=expo)


def _set_pictures(
    offer: Offer,
    wanted: tuple[tuple[str, str], ...],
    source: PictureSource | None,
    stored_now: list[dict[str, Any]],
) -> list[Any] | None:
    """Make ``offer``'s pictures exactly ``wanted``, in order; the audit's [before, after]
    (the number of pictures before, the file names after), or None when nothing changed."""
    current: list[OfferPicture] = list(offer.pictures.all())
    keys = [key for _name, key in wanted]
    if len(current) == len(keys) and all(map(is_stored_as, current, keys)):
        return None
    kept: dict[str, OfferPicture] = {}
    for old in current:
        match = next((k for k in keys if k not in kept and is_stored_as(old, k)), None)
        if match is None:
            items.drop_picture(old)  # its files go after commit
        else:
            kept[match] = old
    for position, (name, key) in enumerate(wanted):
        picture = kept.get(key)
        if picture is None:
            assert source is not None  # a row naming pictures without a source was refused
            stored_now.append(store_picture(source, name, key))
            picture = items.attach_picture(offer, stored_now[-1])
        if picture.position != position:
            picture.position = position
            picture.save(update_fields=["position"])
    return [len(current) or None, [name for name, _key in wanted] or None]
