"""The only way an investigation changes: each function checks, writes and audits in one
transaction. Enquiries live in `enquiries.py`; pauses, delay notices and updates to the
parties in `timescales.py`; all are re-exported here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.models import Case, Document
from redress.domain.investigation import (
    InvestigationRuleError,
    issues_editable,
    renumbered,
)
from redress.domain.stages import Stage

from ._common import InvestigationError, lock, require_worker
from .enquiries import (
    enquiries_chase,
    enquiry_answer,
    enquiry_default_due_on,
    enquiry_send,
)
from .models import ComplaintIssue, EvidenceItem, EvidenceSource, StatementOfComplaint
from .timescales import clock_pause, clock_resume, delay_notice_send, party_update_record

if TYPE_CHECKING:
    from redress.accounts.models import User

_STATEMENT_FIELDS = ("period_from", "period_to", "not_investigated")


def statement_save(
    *,
    case: Case,
    period_from: dt.date,
    period_to: dt.date,
    not_investigated: str,
    actor: User,
) -> StatementOfComplaint:
    """Write or change the statement of complaint: the period covered and what is not
    investigated, and why."""
    require_worker(actor, case)
    if period_to < period_from:
        raise InvestigationError("The end of the period must be the same as or after its start.")
    with transaction.atomic():
        locked = lock(case)
        statement = StatementOfComplaint.objects.filter(case=locked).first()
        before = snapshot(statement, _STATEMENT_FIELDS) if statement else {}
        if statement is None:
            statement = StatementOfComplaint(case=locked, written_by=actor)
        statement.period_from = period_from
        statement.period_to = period_to
        statement.not_investigated = not_investigated.strip()
        after = snapshot(statement, _STATEMENT_FIELDS)
        if statement.pk is None:
            statement.save()
            action = AuditAction.CREATE
        else:
            if before == after:
                return statement
            statement.save(update_fields=[*_STATEMENT_FIELDS, "updated_at"])
            action = AuditAction.UPDATE
        audit_record(
            actor=actor,
            action=action,
            instance=statement,
            case_id=locked.pk,
            changes=changes_between(before, after),
        )
    return statement


def findings_exist(case: Case) -> bool:
    # Findings (decisions app) are made per issue and point at it.
    return ComplaintIssue.objects.filter(case=case, finding__isnull=False).exists()


def _require_issues_editable(case: Case) -> None:
    if not issues_editable(Stage(case.stage), findings_exist=findings_exist(case)):
        raise InvestigationError(
            "The issues cannot be changed once findings have been recorded or the draft "
            "decision has been started."
        )


def issue_add(*, case: Case, description: str, actor: User) -> ComplaintIssue:
    require_worker(actor, case)
    _require_issues_editable(case)
    if not description.strip():
        raise InvestigationError("Enter the issue.")
    with transaction.atomic():
        locked = lock(case)
        number = (locked.issues.aggregate(n=Max("number"))["n"] or 0) + 1
        issue = ComplaintIssue.objects.create(
            case=locked, number=number, description=description.strip()
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=issue,
            case_id=locked.pk,
            changes={"number": [None, number], "description": [None, issue.description]},
        )
    return issue


def issue_edit(*, issue: ComplaintIssue, description: str, actor: User) -> ComplaintIssue:
    require_worker(actor, issue.case)
    _require_issues_editable(issue.case)
    if not description.strip():
        raise InvestigationError("Enter the issue.")
    with transaction.atomic():
        lock(issue.case)
        before = snapshot(issue, ("description",))
        issue.description = description.strip()
        diff = changes_between(before, snapshot(issue, ("description",)))
        if diff:
            issue.save(update_fields=["description"])
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                instance=issue,
                case_id=issue.case_id,
                changes=diff,
            )
    return issue


def issues_reorder(*, case: Case, order: Sequence[int], actor: User) -> list[ComplaintIssue]:
    """Renumber the issues 1, 2, 3 ... in the order of `order` (issue ids)."""
    require_worker(actor, case)
    _require_issues_editable(case)
    with transaction.atomic():
        locked = lock(case)
        issues = {issue.pk: issue for issue in locked.issues.select_for_update()}
        try:
            wanted = renumbered(order, list(issues))
        except InvestigationRuleError as error:
            raise InvestigationError(str(error)) from error
        before = {str(pk): issue.number for pk, issue in issues.items()}
        # Out of the way first, so that the unique (case, number) holds at every step.
        offset = len(issues) + 1000
        for issue in issues.values():
            issue.number += offset
            issue.save(update_fields=["number"])
        for position, pk in enumerate(wanted, start=1):
            issues[pk].number = position
            issues[pk].save(update_fields=["number"])
        after = {str(pk): issues[pk].number for pk in wanted}
        if before != after:
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                instance=locked,
                case_id=locked.pk,
                changes={"issue_numbers": [before, after]},
                detail="Issues renumbered",
            )
        return [issues[pk] for pk in wanted]


def evidence_add(
    *,
    case: Case,
    source: EvidenceSource,
    received_on: dt.date,
    description: str,
    actor: User,
    issues: Sequence[ComplaintIssue] = (),
    document: Document | None = None,
) -> EvidenceItem:
    require_worker(actor, case)
    if not description.strip():
        raise InvestigationError("Enter what the evidence is.")
    if received_on > timezone.localdate():
        raise InvestigationError("The date received cannot be in the future.")
    if document is not None and document.case_id != case.pk:
        raise InvestigationError("Choose a document from this case.")
    if any(issue.case_id != case.pk for issue in issues):
        raise InvestigationError("Choose issues from this case.")
    with transaction.atomic():
        locked = lock(case)
        item = EvidenceItem.objects.create(
            case=locked,
            source=source,
            received_on=received_on,
            description=description.strip()[:500],
            document=document,
            recorded_by=actor,
        )
        item.issues.set(issues)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=item,
            case_id=locked.pk,
            changes={
                "source": [None, str(source)],
                "received_on": [None, received_on.isoformat()],
                "description": [None, item.description],
                "issues": [None, sorted(issue.number for issue in issues)],
            },
        )
    return item


__all__ = [
    "InvestigationError",
    "clock_pause",
    "clock_resume",
    "delay_notice_send",
    "enquiries_chase",
    "enquiry_answer",
    "enquiry_default_due_on",
    "enquiry_send",
    "evidence_add",
    "issue_add",
    "issue_edit",
    "issues_reorder",
    "party_update_record",
    "statement_save",
]
