from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tradefair.accounts.models import ExpoStaff, Invitation, Membership, User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name", "language")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "created_at")
    list_filter = ("role",)
    list_select_related = ("user", "organisation")
    search_fields = ("user__email", "organisation__name", "organisation__name_zh")
    autocomplete_fields = ("user", "organisation")


@admin.register(ExpoStaff)
class ExpoStaffAdmin(admin.ModelAdmin):
    list_display = ("user", "expo")
    list_filter = ("expo",)
    list_select_related = ("user", "expo")
    search_fields = ("user__email", "expo__slug", "expo__name")
    autocomplete_fields = ("user", "expo")


class OpenListFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, "StrOrPromise"]]:
        return [("open", _("open")), ("accepted", _("accepted"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in {"open", "accepted"}:
            return queryset.filter(accepted_at__isnull=self.value() == "open")
        return queryset


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read and withdraw only: inviting goes through the service, which checks and sends mail."""

    list_display = ("email", "organisation", "role", "invited_by", "created_at", "accepted_at")
    list_filter = (OpenListFilter, "role")
    list_select_related = ("organisation", "invited_by")
    search_fields = ("email", "organisation__name", "organisation__name_zh")
    readonly_fields = ("organisation", "email", "role", "invited_by", "created_at", "accepted_at")
    exclude = ("token",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
