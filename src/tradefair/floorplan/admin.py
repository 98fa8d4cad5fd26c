from django.contrib import admin
from django.db.models import Count, QuerySet, Sum
from django.http import HttpRequest

from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module, Pavilion


@admin.register(Hall)
class HallAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_zh", "expo", "area_m2", "pavilion_area_m2")
    list_filter = ("expo",)
    search_fields = ("code", "name", "name_zh")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Hall]:
        return (
            super()
            .get_queryset(request)
            .select_related("expo")
            .annotate(_pav=Sum("pavilions__area_m2"))
        )

    @admin.display(description="pavilions (m²)")
    def pavilion_area_m2(self, obj: Hall) -> int:
        return getattr(obj, "_pav", 0) or 0


@admin.register(Pavilion)
class PavilionAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "name_zh",
        "kind",
        "country",
        "hall",
        "area_m2",
        "exhibitor_count",
    )
    list_filter = ("expo", "kind", "hall", "country")
    search_fields = ("code", "name", "name_zh")
    autocomplete_fields = ("country", "sector")
    list_select_related = ("hall", "country")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Pavilion]:
        return super().get_queryset(request).annotate(_exhibitors=Count("exhibitors"))

    @admin.display(description="exhibitors")
    def exhibitor_count(self, obj: Pavilion) -> int:
        return getattr(obj, "_exhibitors", 0)


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ("hall", "x", "y", "pavilion", "premium", "booth", "x_m", "y_m", "size_m")
    list_filter = ("hall__expo", "hall", "pavilion")
    list_select_related = ("hall", "pavilion", "booth")
    raw_id_fields = ("hall", "pavilion", "booth")


class BoothAssignmentInline(admin.TabularInline):
    model = BoothAssignment
    raw_id_fields = ("participation",)
    extra = 0


@admin.register(Booth)
class BoothAdmin(admin.ModelAdmin):
    list_display = ("number", "pavilion", "area_m2", "pinned", "holder")
    list_filter = ("expo", "pavilion")
    search_fields = ("number", "assignment__participation__organisation__name")
    list_select_related = ("pavilion", "assignment__participation__organisation")
    inlines = [BoothAssignmentInline]

    @admin.display(description="held by")
    def holder(self, obj: Booth) -> str:
        assignment = getattr(obj, "assignment", None)
        return assignment.participation.organisation.name if assignment else "—"


@admin.register(BoothAssignment)
class BoothAssignmentAdmin(admin.ModelAdmin):
    list_display = ("booth", "participation", "assigned_at")
    list_filter = ("booth__expo", "booth__pavilion")
    search_fields = ("booth__number", "participation__organisation__name")
    raw_id_fields = ("booth", "participation")
    list_select_related = ("booth", "participation__organisation", "participation__expo")
