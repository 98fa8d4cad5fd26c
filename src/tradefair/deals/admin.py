from django.contrib import admin

from tradefair.deals.models import Deal, DealParty, ExchangeRate


class PartyInline(admin.TabularInline):
    model = DealParty
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Deal)
class DealAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "kind", "stage", "value", "currency", "review", "public"]
    list_filter = ["expo", "kind", "stage", "review", "public", "online"]
    search_fields = ["reference", "title", "title_zh"]
    raw_id_fields = ["activity", "delegation", "partner", "meetings", "reported_by", "hs_codes"]
    inlines = [PartyInline]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["expo", "currency", "usd", "cny", "as_of"]
    list_filter = ["expo"]
