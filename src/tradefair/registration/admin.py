from django.contrib import admin

from tradefair.registration.models import Application, ApplicationPerson, DelegationLink


class PersonInline(admin.TabularInline):
    model = ApplicationPerson
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "status", "country", "expo", "created_at")
    list_filter = ("expo", "kind", "status")
    search_fields = ("name", "name_zh", "email")
    inlines = [PersonInline]
    raw_id_fields = ("organisation", "participation", "hs_codes", "link")


@admin.register(DelegationLink)
class DelegationLinkAdmin(admin.ModelAdmin):
    list_display = ("delegation", "quota", "is_open", "expo")
    list_filter = ("expo",)
