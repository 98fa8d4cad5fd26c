from django.contrib import admin
from django.http import HttpRequest

from tradefair.booths.models import AllocationRun, SpaceBooking


@admin.register(SpaceBooking)
class SpaceBookingAdmin(admin.ModelAdmin):
    list_display = ("participation", "points", "sector")
    list_filter = ("participation__expo",)
    search_fields = ("participation__organisation__name", "participation__organisation__name_zh")
    raw_id_fields = ("participation", "competitors")
    autocomplete_fields = ("sector",)
    list_select_related = ("participation__organisation", "participation__expo", "sector")


@admin.register(AllocationRun)
class AllocationRunAdmin(admin.ModelAdmin):
    """Read-only: runs are made and published from the organiser console."""

    list_display = ("expo", "status", "created_at", "finished_at", "published_at")
    list_filter = ("expo", "status")
    # Not the allocations: thousands of ids, which the console shows on the plan instead.
    readonly_fields = tuple(
        f.name for f in AllocationRun._meta.fields if f.name not in ("id", "allocations")
    )
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
