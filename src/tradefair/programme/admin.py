from django.contrib import admin

from tradefair.programme.models import Activity, LaunchedProduct, Registration, Room, Speaker


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "name_zh", "hall", "capacity", "expo"]
    list_filter = ["expo"]
    search_fields = ["name", "name_zh"]


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0
    autocomplete_fields = ["organisation", "user"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start", "end", "room", "audience", "status"]
    list_filter = ["expo", "kind", "status", "audience"]
    search_fields = ["title", "title_zh"]
    autocomplete_fields = ["hosts", "invited_organisations", "invited_people"]
    inlines = [SpeakerInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["activity", "user", "participation", "status", "seat", "arrived_at"]
    list_filter = ["status", "activity__expo"]
    search_fields = ["user__email", "activity__title"]
    raw_id_fields = ["activity", "user", "participation"]


@admin.register(LaunchedProduct)
class LaunchedProductAdmin(admin.ModelAdmin):
    list_display = ["name", "exhibitor", "activity", "hs_code", "first_launch"]
    list_filter = ["expo", "first_launch"]
    search_fields = ["name", "name_zh"]
    raw_id_fields = ["exhibitor", "activity", "hs_code"]
