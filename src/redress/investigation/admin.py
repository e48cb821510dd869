"""Read-only admin views of investigation records: changes go through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import ComplaintIssue, DelayNotice, Enquiry, EvidenceItem, StatementOfComplaint


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(StatementOfComplaint)
class StatementAdmin(_ReadOnly):
    list_display = ("case", "period_from", "period_to", "updated_at")


@admin.register(ComplaintIssue)
class IssueAdmin(_ReadOnly):
    list_display = ("case", "number", "description")


@admin.register(Enquiry)
class EnquiryAdmin(_ReadOnly):
    list_display = ("case", "number", "organisation", "sent_on", "due_on", "answered_at")
    list_select_related = ("case", "organisation")


@admin.register(EvidenceItem)
class EvidenceAdmin(_ReadOnly):
    list_display = ("case", "received_on", "source", "description")


@admin.register(DelayNotice)
class DelayNoticeAdmin(_ReadOnly):
    list_display = ("case", "sent_on", "clock", "expected_by")
