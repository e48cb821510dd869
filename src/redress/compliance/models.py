"""Compliance items (one per agreed action), the evidence sent for them, the officer's
verdicts, escalations to a manager, and public reports on non-compliance."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.conf import settings
from django.db import models

from redress.domain.compliance import ItemSource, ItemStatus, ReportStatus, ReviewVerdict
from redress.domain.remedies import RemedyKind


def _valid(
    field: str, values: Iterable[StrEnum], name: str, *, blank: bool = False
) -> models.CheckConstraint:
    condition = models.Q(**{f"{field}__in": [v.value for v in values]})
    if blank:
        condition |= models.Q(**{field: ""})
    return models.CheckConstraint(condition=condition, name=name)


class ComplianceItem(models.Model):
    """One agreed action being followed up until the organisation has done it.

    The follow-up fields (`reminder_sent_on`, `chasers_sent`, `escalated_at`) record what
    the daily run has already sent, so that it never sends anything twice.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="compliance_items", db_index=False
    )
    number = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=20, choices=ItemSource.choices())
    kind = models.CharField(max_length=32, choices=RemedyKind.choices(), blank=True)
    action = models.TextField()
    responsible = models.CharField(max_length=200)
    evidence_required = models.TextField(blank=True)
    amount = models.PositiveIntegerField(null=True, blank=True, help_text="Whole pounds.")
    decided_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=ItemStatus.choices(), default=ItemStatus.DUE)
    evidence_received_at = models.DateTimeField(null=True, blank=True)
    completed_on = models.DateField(
        null=True, blank=True, help_text="When the evidence that was accepted was sent."
    )
    satisfied_at = models.DateTimeField(null=True, blank=True)
    not_complied_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_on = models.DateField(null=True, blank=True)
    chasers_sent = models.PositiveSmallIntegerField(default=0)
    last_chased_on = models.DateField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="compliance_item_number"),
            _valid("status", ItemStatus, "compliance_item_status_valid"),
            _valid("source", ItemSource, "compliance_item_source_valid"),
            _valid("kind", RemedyKind, "compliance_item_kind_valid", blank=True),
            models.CheckConstraint(
                condition=~models.Q(status=ItemStatus.SATISFIED)
                | models.Q(satisfied_at__isnull=False, completed_on__isnull=False),
                name="compliance_item_satisfied_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="compliance_item_status_due"),
            models.Index(fields=["kind", "decided_on"], name="compliance_item_kind_decided"),
        ]

    def __str__(self) -> str:
        return f"Action {self.number}: {self.action[:60]}"

    @property
    def status_enum(self) -> ItemStatus:
        return ItemStatus(self.status)

    @property
    def kind_label(self) -> str:
        return RemedyKind(self.kind).label if self.kind else "Agreed action"


class EvidenceSubmission(models.Model):
    """What the organisation sent to show an action is done: an explanation and files."""

    item = models.ForeignKey(ComplianceItem, on_delete=models.PROTECT, related_name="submissions")
    text = models.TextField()
    documents = models.ManyToManyField("casework.Document", blank=True, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return f"Evidence for item {self.item_id} at {self.submitted_at:%d %b %Y}"


class ComplianceReview(models.Model):
    """A compliance officer's verdict on the evidence for an item."""

    item = models.ForeignKey(ComplianceItem, on_delete=models.PROTECT, related_name="reviews")
    verdict = models.CharField(max_length=20, choices=ReviewVerdict.choices())
    what_is_needed = models.TextField(blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            _valid("verdict", ReviewVerdict, "compliance_review_verdict_valid"),
            models.CheckConstraint(
                condition=~models.Q(verdict=ReviewVerdict.MORE_NEEDED)
                | ~models.Q(what_is_needed=""),
                name="compliance_review_says_what_is_needed",
            ),
        ]

    def __str__(self) -> str:
        return f"{ReviewVerdict(self.verdict).label} ({self.at:%d %b %Y})"


class Escalation(models.Model):
    """An overdue item passed to a manager; one per item."""

    item = models.OneToOneField(ComplianceItem, on_delete=models.PROTECT, related_name="escalation")
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    working_days_overdue = models.PositiveSmallIntegerField()
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Escalation of item {self.item_id}"


class PublicReport(models.Model):
    """A report on a case where the organisation did not comply, and its response.

    The organisation must consider the report and say within three months what it will do.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="public_reports"
    )
    items = models.ManyToManyField(ComplianceItem, related_name="reports")
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices(), default=ReportStatus.DRAFT
    )
    draft_text = models.TextField()
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    response_due_on = models.DateField(null=True, blank=True)
    response_text = models.TextField(blank=True)
    response_received_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-drafted_at", "-id"]
        constraints = [
            _valid("status", ReportStatus, "public_report_status_valid"),
            models.CheckConstraint(
                condition=models.Q(status=ReportStatus.DRAFT)
                | models.Q(sent_at__isnull=False, response_due_on__isnull=False),
                name="public_report_sent_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ReportStatus.RESPONDED)
                | models.Q(response_received_on__isnull=False),
                name="public_report_response_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"Public report on case {self.case_id}"
