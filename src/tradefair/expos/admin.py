from django.contrib import admin

from tradefair.expos.models import Country, CountryGroup, Expo, HSCode, Sector


@admin.register(Expo)
class ExpoAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "city", "start_date", "end_date", "is_public")
    list_filter = ("is_public", "host_country")
    search_fields = ("slug", "name", "name_zh", "city")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("host_country",)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "alpha3", "name")
    list_filter = ("groups",)
    search_fields = ("code", "alpha3", "name")


@admin.register(CountryGroup)
class CountryGroupAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "name_zh", "member_count")
    search_fields = ("slug", "name", "name_zh")
    filter_horizontal = ("countries",)

    @admin.display(description="members")
    def member_count(self, obj: CountryGroup) -> int:
        return obj.countries.count()


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "name_zh")
    search_fields = ("slug", "name", "name_zh")
    autocomplete_fields = ("hs_codes",)


@admin.register(HSCode)
class HSCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "level", "section", "description")
    list_filter = ("level", "section")
    search_fields = ("code", "description")
    raw_id_fields = ("parent", "chapter")
    list_per_page = 100
