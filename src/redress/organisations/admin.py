from django.contrib import admin
from django.http import HttpRequest

from redress.accounts.models import User

from .models import Organisation


class LinkOfficerInline(admin.TabularInline):
    """The organisation's link officers; add and change them on the user pages."""

    model = User
    fk_name = "organisation"
    fields = ("username", "first_name", "last_name", "email", "is_active")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True
    verbose_name = "link officer"

    def has_add_permission(self, request: HttpRequest, obj: Organisation | None = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    inlines = (LinkOfficerInline,)
    list_display = ("name", "org_type", "region", "population")
    list_filter = ("org_type", "region")
    search_fields = ("name",)
