from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from . import authenticators
from .models import Authenticator, Team, User


class AuthenticatorInline(admin.StackedInline):
    """Whether an organisation user has set up their authenticator app; never the secret."""

    model = Authenticator
    can_delete = False
    extra = 0
    max_num = 0
    fields = ("confirmed_at", "failed_attempts", "locked_until", "created_at")
    readonly_fields = fields
    verbose_name = "authenticator app"

    def has_add_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False


@admin.register(User)
class StaffAdmin(UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Casework", {"fields": ("role", "team", "organisation")}),
    )
    add_fieldsets = (
        *(UserAdmin.add_fieldsets or ()),
        (
            "Casework",
            {
                "fields": ("first_name", "last_name", "email", "role", "team", "organisation"),
                "description": "Organisation users (link officers) need their organisation.",
            },
        ),
    )
    list_display = (
        "username",
        "first_name",
        "last_name",
        "role",
        "team",
        "organisation",
        "is_active",
    )
    list_filter = ("role", "team", "organisation", "is_active")
    inlines = (AuthenticatorInline,)
    actions = ("reset_authenticator",)

    @admin.action(description="Reset authenticator app (they set it up again at next sign-in)")
    def reset_authenticator(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        actor = request.user
        if not isinstance(actor, User):
            return
        try:
            for user in queryset:
                authenticators.authenticator_reset(user=user, actor=actor)
        except PermissionError as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return
        self.message_user(
            request,
            f"Reset the authenticator app of {queryset.count()} account(s). They will set "
            "up their app again the next time they sign in.",
            messages.SUCCESS,
        )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    search_fields = ("name",)
