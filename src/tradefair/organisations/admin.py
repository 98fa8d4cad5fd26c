"""The organiser's back office for organisations, their roles in an expo and what they trade.

With 13,000+ organisations and 6,939 HS codes every foreign key to them is an autocomplete, and
every changelist selects its related rows up front so a page costs the same few queries.
"""

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _

from tradefair.expos.models import Sector
from tradefair.organisations.forms import ExportForm, ImportForm
from tradefair.organisations.models import (
    Delegation,
    ImportJob,
    Need,
    Offer,
    Organisation,
    Participation,
)
from tradefair.organisations.queries import import_progress
from tradefair.organisations.services.exports import export_participants
from tradefair.organisations.services.import_jobs import give_up_on_dead_imports, queue_import
from tradefair.organisations.services.search import refresh_search_text

IMPORT_PERMISSIONS = [
    "organisations.add_organisation",
    "organisations.change_organisation",
    "organisations.add_participation",
    "organisations.change_participation",
]
IMPORT_POLL_EVERY = "1s"


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ("expo", "role", "pavilion", "booth_area_m2", "delegation")
    autocomplete_fields = ("pavilion", "delegation")
    show_change_link = True
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "name_zh", "country", "kind", "website", "updated_at")
    list_filter = (
        "kind",
        "participations__expo",
        "participations__role",
        ("country", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("name", "name_zh", "email", "website")
    list_select_related = ("country",)
    autocomplete_fields = ("country",)
    readonly_fields = ("created_at", "updated_at")
    inlines = [ParticipationInline]
    # A website typed without a scheme is https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Names and descriptions feed every participation's directory search text.
        refresh_search_text(form.instance.participations.values_list("id", flat=True))


class SectorFilter(admin.SimpleListFilter):
    """Participations whose offers or needs name a sector (one EXISTS each, no duplicates)."""

    title = _("sector")
    parameter_name = "sector"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(sector.slug, sector.display_name) for sector in Sector.objects.all()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        offers = Offer.sectors.through.objects.filter(
            offer__participation=OuterRef("pk"), sector__slug=self.value()
        )
        needs = Need.sectors.through.objects.filter(
            need__participation=OuterRef("pk"), sector__slug=self.value()
        )
        return queryset.filter(Q(Exists(offers)) | Q(Exists(needs)))


class TradeLineInline(admin.StackedInline):
    fields = (("title", "title_zh"), ("text", "text_zh"), "sectors", "hs_codes", "markets")
    autocomplete_fields = ("sectors", "hs_codes", "markets")
    extra = 0


class OfferInline(TradeLineInline):
    model = Offer


class NeedInline(TradeLineInline):
    model = Need


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = (
        "organisation",
        "country",
        "role",
        "expo",
        "pavilion",
        "booth_area_m2",
        "created_at",
    )
    list_filter = (
        "expo",
        "role",
        ("organisation__country", admin.RelatedOnlyFieldListFilter),
        ("pavilion", admin.RelatedOnlyFieldListFilter),
        SectorFilter,
    )
    search_fields = ("organisation__name", "organisation__name_zh", "organisation__email")
    list_select_related = ("organisation", "expo", "pavilion")
    autocomplete_fields = ("organisation", "pavilion", "delegation")
    readonly_fields = ("search_text", "created_at")

    @admin.display(description=_("country"), ordering="organisation__country_id")
    def country(self, obj: Participation) -> str:
        return obj.organisation.country_id

    def get_inlines(self, request: HttpRequest, obj: Participation | None) -> list[Any]:
        if obj is None:
            return []
        return [OfferInline] if obj.role == Participation.Role.EXHIBITOR else [NeedInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        refresh_search_text([form.instance.pk])

    def get_urls(self) -> list[Any]:
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        own: list[URLPattern] = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{name}_import",
            ),
            path(
                "import/<int:pk>/",
                self.admin_site.admin_view(self.import_job_view),
                name=f"{name}_import_job",
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name=f"{name}_export",
            ),
        ]
        return own + super().get_urls()

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a file; a worker imports it, the job's page shows progress and the result."""
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                job = queue_import(
                    expo=form.cleaned_data["expo"],
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["file"],
                    by_user=request.user,
                )
                opts = self.model._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_import_job", args=[job.pk])
                return HttpResponseRedirect(url)
        else:
            form = ImportForm(initial=request.GET.dict())
        return TemplateResponse(
            request,
            "admin/organisations/participation/import.html",
            self._context(request, _("Import exhibitors / buyers"), form=form),
        )

    def import_job_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """An upload's job: the page, or (htmx) its progress panel, which reloads the page
        once the job has ended so the result or every bad row shows."""
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        give_up_on_dead_imports()
        job = get_object_or_404(ImportJob.objects.select_related("expo", "uploaded_by"), pk=pk)
        activity = import_progress.activity(job)
        context = {"job": job, "activity": activity, "poll_every": IMPORT_POLL_EVERY}
        if request.headers.get("HX-Request"):
            response = TemplateResponse(
                request, "admin/organisations/participation/_import_progress.html", context
            )
            if activity is None:
                response["HX-Refresh"] = "true"
            return response
        return TemplateResponse(
            request,
            "admin/organisations/participation/import_job.html",
            self._context(
                request,
                _("Import of %(name)s") % {"name": job.original_name},
                wall_time=import_progress.wall_time(job),
                **context,
            ),
        )

    def export_view(self, request: HttpRequest) -> HttpResponse:
        """Download the import's columns for one expo and kind (GET, so the link can be shared)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ExportForm(request.GET or None)
        if form.is_valid():
            data = form.cleaned_data
            expo = data["expo"]
            result = export_participants(
                expo_slug=expo.slug,
                kind=data["kind"],
                filename=f"{expo.slug}-{data['kind']}{data['format']}",
            )
            response = HttpResponse(result.content, content_type=result.content_type)
            response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
            return response
        return TemplateResponse(
            request,
            "admin/organisations/participation/export.html",
            self._context(request, _("Export exhibitors / buyers"), form=form),
        )

    def _context(self, request: HttpRequest, title: Any, **extra: Any) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ("name", "name_zh", "expo", "partner", "member_count")
    list_filter = ("expo",)
    search_fields = ("name", "name_zh", "partner__organisation__name")
    list_select_related = ("expo", "partner__organisation", "partner__expo")
    autocomplete_fields = ("partner",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Delegation]:
        return super().get_queryset(request).annotate(members_count=Count("members"))

    @admin.display(description=_("members"), ordering="members_count")
    def member_count(self, obj: Any) -> int:
        return int(obj.members_count)


class TradeLineAdmin(admin.ModelAdmin):
    list_display = ("__str__", "organisation", "expo")
    list_filter = ("participation__expo", "sectors")
    search_fields = (
        "title",
        "title_zh",
        "participation__organisation__name",
        "participation__organisation__name_zh",
        "=hs_codes__code",
    )
    list_select_related = ("participation__organisation", "participation__expo")
    autocomplete_fields = ("participation", "sectors", "hs_codes", "markets")

    @admin.display(description=_("organisation"), ordering="participation__organisation__name")
    def organisation(self, obj: Offer | Need) -> str:
        return obj.participation.organisation.name

    @admin.display(description=_("expo"), ordering="participation__expo__slug")
    def expo(self, obj: Offer | Need) -> str:
        return obj.participation.expo.slug

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # A line moved to another participation changes what both are found by.
        moved_from = form.initial.get("participation")
        refresh_search_text({form.instance.participation_id, *([moved_from] if moved_from else [])})

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        participation_id = obj.participation_id
        super().delete_model(request, obj)
        refresh_search_text([participation_id])

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        participation_ids = set(queryset.values_list("participation_id", flat=True))
        super().delete_queryset(request, queryset)
        refresh_search_text(participation_ids)


@admin.register(Offer)
class OfferAdmin(TradeLineAdmin):
    pass


@admin.register(Need)
class NeedAdmin(TradeLineAdmin):
    pass
