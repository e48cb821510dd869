"""Read-only admin views: compliance records change only through their services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import ComplianceItem, ComplianceReview, Escalation, EvidenceSubmission, PublicReport


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ComplianceItem)
class ComplianceItemAdmin(ReadOnlyAdmin):
    list_display = ("case", "number", "kind", "status", "due_on", "completed_on")
    list_filter = ("status", "kind", "source")
    raw_id_fields = ("case",)


@admin.register(EvidenceSubmission)
class EvidenceSubmissionAdmin(ReadOnlyAdmin):
    list_display = ("item", "submitted_by", "submitted_at")


@admin.register(ComplianceReview)
class ComplianceReviewAdmin(ReadOnlyAdmin):
    list_display = ("item", "verdict", "officer", "at")
    list_filter = ("verdict",)


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ("item", "manager", "working_days_overdue", "at")


@admin.register(PublicReport)
class PublicReportAdmin(ReadOnlyAdmin):
    list_display = ("case", "status", "sent_at", "response_due_on", "response_received_on")
    list_filter = ("status",)
