"""Public reports on non-compliance: drafted, sent to the organisation, and its response.

The organisation must consider the report and say within three months what it will do;
the response's due date is set when the report is sent.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.models import Case
from redress.domain.compliance import ComplianceError, ItemStatus, ReportStatus, report_response_due

from .letters import organisation_letter
from .models import ComplianceItem, PublicReport
from .permissions import can_review_evidence

if TYPE_CHECKING:
    from redress.accounts.models import User

_FIELDS = ("status", "draft_text", "sent_at", "response_due_on", "response_text")


def _locked(report: PublicReport, expected_version: int) -> PublicReport:
    Case.objects.select_for_update().get(pk=report.case_id)
    locked = PublicReport.objects.select_for_update().get(pk=report.pk)
    if locked.version != expected_version:
        raise ComplianceError(
            "Someone else changed this report since you opened it. Check it and try again."
        )
    return locked


def report_draft(*, case: Case, text: str, actor: User) -> PublicReport:
    """Start a public report on the case's actions recorded as not complied."""
    if not can_review_evidence(actor, case):
        raise PermissionDenied("Your role cannot start a public report.")
    if not text.strip():
        raise ComplianceError("Write the draft report.")
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        items = list(ComplianceItem.objects.filter(case=locked, status=ItemStatus.NOT_COMPLIED))
        if not items:
            raise ComplianceError(
                "A public report needs at least one action recorded as not complied."
            )
        if PublicReport.objects.filter(case=locked, status=ReportStatus.DRAFT).exists():
            raise ComplianceError("This case already has a draft report: change that one.")
        report = PublicReport.objects.create(
            case=locked, draft_text=text.strip(), drafted_by=actor, drafted_at=timezone.now()
        )
        report.items.set(items)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=report,
            case_id=locked.pk,
            changes={
                "draft_text": [None, report.draft_text],
                "items": [None, [i.pk for i in items]],
            },
        )
    return report


def report_edit(
    *, report: PublicReport, expected_version: int, text: str, actor: User
) -> PublicReport:
    if not can_review_evidence(actor, report.case):
        raise PermissionDenied("Your role cannot change a public report.")
    if not text.strip():
        raise ComplianceError("Write the draft report.")
    with transaction.atomic():
        locked = _locked(report, expected_version)
        if locked.status != ReportStatus.DRAFT:
            raise ComplianceError("The report has been sent: it can no longer be changed.")
        before = snapshot(locked, ("draft_text",))
        locked.draft_text = text.strip()
        locked.version += 1
        locked.save(update_fields=["draft_text", "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=locked.case_id,
            changes=changes_between(before, snapshot(locked, before.keys())),
        )
    return locked


def report_send(*, report: PublicReport, expected_version: int, actor: User) -> PublicReport:
    """Send the report to the organisation; its response is due three months later."""
    if not can_review_evidence(actor, report.case):
        raise PermissionDenied("Your role cannot send a public report.")
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(report, expected_version)
        if locked.status != ReportStatus.DRAFT:
            raise ComplianceError("The report has already been sent.")
        before = snapshot(locked, _FIELDS)
        locked.status = ReportStatus.SENT
        locked.sent_at = now
        locked.response_due_on = report_response_due(timezone.localdate(now))
        locked.version += 1
        locked.save(update_fields=["status", "sent_at", "response_due_on", "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=locked.case_id,
            changes=changes_between(before, snapshot(locked, _FIELDS)),
            detail="Public report sent to the organisation",
        )
        if not organisation_letter(
            case=locked.case,
            subject="Our report on actions you agreed and have not done",
            template="compliance/letters/public_report.html",
            context={"report": locked},
            actor=actor,
        ):
            raise ComplianceError(
                "The organisation has no complaints contact address on file: add one first."
            )
    return locked


def report_response_record(
    *,
    report: PublicReport,
    expected_version: int,
    text: str,
    received_on: dt.date,
    actor: User,
) -> PublicReport:
    """Record what the organisation said it will do about the report."""
    if not can_review_evidence(actor, report.case):
        raise PermissionDenied("Your role cannot record the organisation's response.")
    if not text.strip():
        raise ComplianceError("Enter what the organisation said it will do.")
    if received_on > timezone.localdate():
        raise ComplianceError("The date the response was received cannot be in the future.")
    with transaction.atomic():
        locked = _locked(report, expected_version)
        if locked.status != ReportStatus.SENT:
            raise ComplianceError("Only a report that has been sent can have a response.")
        if locked.sent_at is not None and received_on < timezone.localdate(locked.sent_at):
            raise ComplianceError(
                "The response cannot have been received before the report was sent."
            )
        before = snapshot(locked, (*_FIELDS, "response_received_on"))
        locked.status = ReportStatus.RESPONDED
        locked.response_text = text.strip()
        locked.response_received_on = received_on
        locked.version += 1
        locked.save(update_fields=["status", "response_text", "response_received_on", "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=locked.case_id,
            changes=changes_between(before, snapshot(locked, before.keys())),
            detail="Organisation's response to the public report recorded",
        )
    return locked
