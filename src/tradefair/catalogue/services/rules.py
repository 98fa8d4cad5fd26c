"""What makes a product or a sourcing need valid, for every way of writing one.

The portal's forms, the API and the file import all ask :func:`item_problems`, so each refuses
exactly what the others refuse and says it with the same words; only how a problem is handed
back differs (a field error, a 400, a ``line N: column: reason``).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tradefair.expos.formatting import number
from tradefair.expos.models import Country, HSCode, Sector

TITLE_LENGTH = 200
TEXT_LENGTH = 4000  # a description, in each language
MINIMUM_ORDER_LENGTH = 120
MAX_CODES = 50  # HS codes per item
MAX_CERTIFICATIONS = 20
CERTIFICATION_LENGTH = 60


@dataclass(frozen=True)
class ItemInput:
    title: str
    title_zh: str = ""
    text: str = ""
    text_zh: str = ""
    hs_codes: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    markets: list[str] = field(default_factory=list)
    minimum_order: str = ""  # products only
    certifications: list[str] = field(default_factory=list)  # products only


def codes(values: ItemInput) -> set[str]:
    """HS codes as stored: '8479.50' is 847950."""
    return {c.strip().replace(".", "") for c in values.hs_codes if c.strip()}


def countries(values: ItemInput) -> set[str]:
    return {c.strip().upper() for c in values.markets if c.strip()}


def certifications(values: ItemInput) -> list[str]:
    """Trimmed, in the order given, each once."""
    seen: list[str] = []
    for name in (c.strip() for c in values.certifications):
        if name and name not in seen:
            seen.append(name)
    return seen


@dataclass(frozen=True)
class Known:
    """The reference data an item may name."""

    hs_codes: frozenset[str]
    sectors: frozenset[str]
    countries: frozenset[str]

    @classmethod
    def named_by(cls, items: Iterable[ItemInput]) -> "Known":
        """Only the rows the items name: three small queries whatever their number."""
        listed = list(items)
        return cls(
            frozenset(
                HSCode.objects.filter(pk__in=set().union(*(codes(v) for v in listed))).values_list(
                    "code", flat=True
                )
            ),
            frozenset(
                Sector.objects.filter(
                    slug__in=set().union(*(set(v.sectors) for v in listed))
                ).values_list("slug", flat=True)
            ),
            frozenset(
                Country.objects.filter(
                    pk__in=set().union(*(countries(v) for v in listed))
                ).values_list("code", flat=True)
            ),
        )


def item_problems(values: ItemInput, known: Known, *, product: bool) -> list[tuple[str, str]]:
    """Every (field, message) wrong with ``values``; empty when it may be written."""
    found: list[tuple[str, str]] = []
    if not values.title.strip():
        found.append(("title", _("Give a name in English.")))
    for name in ("title", "title_zh"):
        if len(getattr(values, name).strip()) > TITLE_LENGTH:
            found.append(
                (
                    name,
                    _("Keep the name within %(max)s characters.") % {"max": number(TITLE_LENGTH)},
                )
            )
    for name in ("text", "text_zh"):
        if len(getattr(values, name)) > TEXT_LENGTH:
            message = _("Keep the description within %(max)s characters.")
            found.append((name, message % {"max": number(TEXT_LENGTH)}))
    wanted = codes(values)
    if len(wanted) > MAX_CODES:
        message = _("Give at most %(max)s HS codes; the most specific ones find the right buyers.")
        found.append(("hs_codes", message % {"max": number(MAX_CODES)}))
    elif missing := wanted - known.hs_codes:
        message = _(
            "Unknown HS codes: %(codes)s. Give 2-, 4- or 6-digit codes of the Harmonized System."
        )
        found.append(("hs_codes", message % {"codes": ", ".join(sorted(missing))}))
    if missing := set(values.sectors) - known.sectors:
        message = _("Unknown sectors: %(codes)s. Pick sectors from the list.")
        found.append(("sectors", message % {"codes": ", ".join(sorted(missing))}))
    if missing := countries(values) - known.countries:
        message = _("Unknown countries: %(codes)s. Use two-letter ISO 3166 codes, e.g. VN, TH.")
        found.append(("markets", message % {"codes": ", ".join(sorted(missing))}))
    if not product:
        return found
    if len(values.minimum_order.strip()) > MINIMUM_ORDER_LENGTH:
        message = _("Keep the minimum order within %(max)s characters.")
        found.append(("minimum_order", message % {"max": number(MINIMUM_ORDER_LENGTH)}))
    listed = certifications(values)
    if long := next((c for c in listed if len(c) > CERTIFICATION_LENGTH), None):
        message = _("“%(name)s…” is longer than %(max)s characters; shorten it or separate it.")
        found.append(
            ("certifications", message % {"name": long[:20], "max": number(CERTIFICATION_LENGTH)})
        )
    elif len(listed) > MAX_CERTIFICATIONS:
        message = _("List at most %(max)s certifications.")
        found.append(("certifications", message % {"max": number(MAX_CERTIFICATIONS)}))
    return found
