"""Read-only admin views: decisions and reviews change only through their services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Decision, DraftComment, Finding, QualityCheck, ReviewRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    list_display = ("issue", "case", "fault", "causation", "updated_at")
    list_filter = ("fault",)


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("case", "status", "override_outcome", "shared_at", "issued_at")
    list_filter = ("status",)


@admin.register(DraftComment)
class DraftCommentAdmin(ReadOnlyAdmin):
    list_display = ("decision", "party", "channel", "received_at", "responded_at")


@admin.register(QualityCheck)
class QualityCheckAdmin(ReadOnlyAdmin):
    list_display = ("decision", "result", "checker", "at")


@admin.register(ReviewRequest)
class ReviewRequestAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "received_on", "due_on", "outcome")
    list_filter = ("kind", "outcome")
