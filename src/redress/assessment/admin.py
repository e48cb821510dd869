"""Assessments in the admin are for reading: they change only through the workspace."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Assessment, AssessmentAnswer, EarlyResolutionAction


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AnswerInline(admin.TabularInline):
    model = AssessmentAnswer
    fields = ("question", "answer", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(_ReadOnly):
    list_display = ("case", "decision", "decided_at", "updated_at")
    list_filter = ("decision",)
    list_select_related = ("case",)
    search_fields = ("case__reference",)
    inlines = [AnswerInline]


@admin.register(EarlyResolutionAction)
class EarlyResolutionActionAdmin(_ReadOnly):
    list_display = ("case", "number", "who", "due_on")
    list_select_related = ("case",)
    search_fields = ("case__reference",)
