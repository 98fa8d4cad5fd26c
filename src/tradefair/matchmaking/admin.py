"""Back-office views of matchmaking data, for inspection and repair.

Big foreign keys (participations, requests, slots) are raw ids: an edition has thousands.
Schedules are written by the scheduler and ``services.booking``, which hold the locks; the
admin edits rows directly, so its changes bypass the checks (the constraints still hold).
"""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tradefair.expos.admin_lists import LargeTableAdmin
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    MeetingProfile,
    MeetingRequest,
    NegotiationSession,
    Recommendation,
    ScheduleRun,
    Slot,
)


class SlotInline(admin.TabularInline):
    model = Slot
    fields = ("start", "end", "tables")
    extra = 0
    show_change_link = True


@admin.register(NegotiationSession)
class NegotiationSessionAdmin(admin.ModelAdmin):
    list_display = ("name", "expo", "date", "start_time", "end_time", "slot_minutes", "tables")
    list_filter = ("expo", "date")
    search_fields = ("name", "name_zh")
    raw_id_fields = ("hall",)
    inlines = [SlotInline]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("start", "end", "tables", "session", "expo")
    list_filter = ("expo", "session")
    date_hierarchy = "start"
    raw_id_fields = ("session",)
    list_select_related = ("session", "expo")


@admin.register(Interpreter)
class InterpreterAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "languages", "expo")
    list_filter = ("expo",)
    search_fields = ("name", "email")
    filter_horizontal = ("available_slots",)


@admin.register(MeetingProfile)
class MeetingProfileAdmin(admin.ModelAdmin):
    list_display = ("participation", "languages", "max_meetings")
    list_filter = ("participation__expo", "participation__role")
    search_fields = ("participation__organisation__name", "participation__organisation__name_zh")
    raw_id_fields = ("participation",)
    list_select_related = ("participation__organisation", "participation__expo")


@admin.register(Availability)
class AvailabilityAdmin(admin.ModelAdmin):
    list_display = ("participation", "slot")
    list_filter = ("participation__expo",)
    search_fields = ("participation__organisation__name",)
    raw_id_fields = ("participation", "slot")
    list_select_related = ("participation__organisation", "participation__expo", "slot")


@admin.register(MeetingRequest)
class MeetingRequestAdmin(LargeTableAdmin):
    list_display = ("pk", "buyer", "exhibitor", "status", "priority", "must_meet", "created_at")
    list_filter = ("expo", "status", "must_meet", "priority")
    search_fields = (
        "buyer__organisation__name",
        "buyer__organisation__name_zh",
        "exhibitor__organisation__name",
        "exhibitor__organisation__name_zh",
    )
    raw_id_fields = ("buyer", "exhibitor", "requested_by")
    readonly_fields = ("created_at", "answered_at")
    list_select_related = (
        "buyer__organisation",
        "buyer__expo",
        "exhibitor__organisation",
        "exhibitor__expo",
    )
    ordering = ("-pk",)  # newest first, by an index: the model's order (created_at) has none


@admin.register(Meeting)
class MeetingAdmin(LargeTableAdmin):
    list_display = (
        "slot",
        "table_number",
        "buyer",
        "exhibitor",
        "interpreter",
        "status",
        "published",
    )
    list_filter = ("expo", "status", "published")
    search_fields = ("buyer__organisation__name", "exhibitor__organisation__name")
    raw_id_fields = ("request", "slot", "buyer", "exhibitor", "interpreter")
    readonly_fields = ("updated_at",)
    # the request too: each row's label (its checkbox's) names it, a query a row without it
    list_select_related = (
        "request",
        "slot",
        "interpreter",
        "buyer__organisation",
        "buyer__expo",
        "exhibitor__organisation",
        "exhibitor__expo",
    )
    ordering = ("-pk",)  # newest first, by an index: the slot's start is another table's


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    list_display = ("pk", "expo", "status", "phase", "progress", "created_at", "published_at")
    list_filter = ("expo", "status")
    raw_id_fields = ("started_by",)
    readonly_fields = (
        "status",
        "phase",
        "progress",
        "stats",
        "requests_left_out",
        "error",
        "created_at",
        "finished_at",
        "published_at",
    )

    @admin.display(description=_("Requests left out"))
    def requests_left_out(self, run: ScheduleRun) -> int:
        """How many; the console's schedule page lists them with their reasons."""
        return run.left_out.count()


@admin.register(Recommendation)
class RecommendationAdmin(LargeTableAdmin):
    """Read-only: ``services.recommendations`` replaces an edition's rows as a whole."""

    list_display = ("buyer", "exhibitor", "score", "buyer_rank", "exhibitor_rank", "expo")
    list_filter = ("expo",)
    search_fields = ("buyer__organisation__name", "exhibitor__organisation__name")
    list_select_related = (
        "buyer__organisation",
        "buyer__expo",
        "exhibitor__organisation",
        "exhibitor__expo",
        "expo",
    )
    ordering = ("buyer", "buyer_rank")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
