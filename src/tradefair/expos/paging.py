"""Pages of a list for the console's and portals' tables: the page, and the numbers to link.

Every list that grows with the edition is paged the same way; ``paginate_ids`` is for lists
whose rows need joins that would otherwise be sorted with the whole table.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PAGE_SIZE = 50


@dataclass(frozen=True)
class Listing:
    """One page of a list and the page numbers to link to."""

    page: Page
    page_range: list[int | str]

    @property
    def rows(self) -> list[Any]:
        return list(self.page.object_list)


def paginate(rows: QuerySet[Any] | list[Any], number: str | None, size: int = PAGE_SIZE) -> Listing:
    """A page of ``rows`` (a bad or too large page number gives the nearest page)."""
    paginator = Paginator(rows, size)
    page = paginator.get_page(number)
    return Listing(
        page, list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    )


def paginate_ids(
    rows: QuerySet[Any],
    fetch: Callable[[list[int]], list[Any]],
    number: str | None,
    size: int = PAGE_SIZE,
) -> Listing:
    """A page of ``rows`` read in two steps: the page's ids, sorted and filtered without the
    joins a row shows, then ``fetch`` of those ids alone, put back in the list's order."""
    listing = paginate(rows.values_list("pk", flat=True), number, size)
    ids = list(listing.page.object_list)
    found = {row.pk: row for row in fetch(ids)}
    listing.page.object_list = [found[pk] for pk in ids if pk in found]
    return listing
