"""Writes for findings and the draft decision: record a finding, override the outcome,
assemble and edit the draft, share it with both parties.

Each function checks its predicate, locks the case, writes and audits in one transaction;
letters and PDFs go out only once that transaction commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.calendars import scheme_calendar
from redress.casework.clocks import deadline_set
from redress.casework.models import Case, Document
from redress.casework.services import case_move
from redress.domain.clocks import ClockKind, due_date
from redress.domain.decision_text import CaseFacts, IssueFacts, Section, assemble_draft
from redress.domain.decision_text import name_in_decision as _name
from redress.domain.findings import (
    EDITABLE_STATUSES,
    OPEN_STATUSES,
    Causation,
    DecisionStatus,
    Fault,
    FindingError,
    check_override,
    derive_outcome,
    finding_problems,
)
from redress.domain.findings import Finding as FindingFacts
from redress.domain.stages import Outcome, Stage
from redress.investigation.models import ComplaintIssue
from redress.remedies.builder_selectors import agreed_action_text, remedy_problems

from .letters import letters_to_both_parties
from .models import SECTION_FIELDS, Decision, Finding
from .permissions import can_override_outcome, can_record_findings
from .tasks import decision_pdf_store

if TYPE_CHECKING:
    from redress.accounts.models import User


class DecisionError(ValueError):
    """Input the rules refuse; `problems` maps form fields to messages fit to show."""

    def __init__(self, message: str, problems: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = dict(problems or {})


class DecisionConflictError(Exception):
    """Someone else saved the decision after this person opened it."""

    def __init__(self, current: Decision) -> None:
        super().__init__("The decision was changed by someone else.")
        self.current = current


def lock_case(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def open_decision(case: Case) -> Decision | None:
    return Decision.objects.filter(case=case, status__in=[s.value for s in OPEN_STATUSES]).first()


def _open_or_new(case: Case, actor: User) -> Decision:
    """The decision being worked on, or a new one (carrying over the text of one that went
    back to investigation, so that no writing is lost)."""
    current = open_decision(case)
    if current is not None:
        return current
    earlier = (
        Decision.objects.filter(case=case, status=DecisionStatus.SUPERSEDED)
        .order_by("-created_at", "-id")
        .first()
    )
    text = {name: getattr(earlier, name) for name in SECTION_FIELDS} if earlier else {}
    decision = Decision.objects.create(case=case, created_at=timezone.now(), **text)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=decision,
        case_id=case.pk,
        changes={"status": [None, decision.status]},
    )
    return decision


def decision_being_written(case: Case, actor: User) -> Decision:
    """The decision being worked on, started if there is none (call with the case locked);
    the remedy builder adds its actions to it."""
    return _open_or_new(case, actor)


def _check_editable(decision: Decision | None) -> None:
    if decision is not None and decision.status_enum not in EDITABLE_STATUSES:
        raise DecisionError(
            f"The decision cannot be changed now: {decision.status_enum.label.lower()}."
        )


def case_issues(case: Case) -> list[ComplaintIssue]:
    return list(
        ComplaintIssue.objects.filter(case=case).select_related("finding").order_by("number")
    )


def finding_facts(finding: Finding) -> FindingFacts:
    return FindingFacts(
        what_happened=finding.what_happened,
        what_should_have_happened=finding.what_should_have_happened,
        fault=Fault(finding.fault),
        injustice_kinds=finding.kinds,
        injustice=finding.injustice,
        causation=Causation(finding.causation) if finding.causation else None,
    )


def finding_of(issue: ComplaintIssue) -> Finding | None:
    try:
        return issue.finding
    except Finding.DoesNotExist:
        return None


def derived_outcome(case: Case) -> Outcome:
    """The outcome the findings give; raises FindingError while any issue lacks one."""
    findings = []
    for issue in case_issues(case):
        row = finding_of(issue)
        findings.append(finding_facts(row) if row is not None else None)
    return derive_outcome(findings)


def decision_outcome(decision: Decision) -> Outcome:
    """The outcome the decision will give: the manager's override, else the findings'."""
    return decision.override_enum or derived_outcome(decision.case)


_FINDING_FIELDS = (
    "what_happened",
    "what_should_have_happened",
    "fault",
    "injustice_kinds",
    "injustice",
    "causation",
)


def finding_record(*, issue: ComplaintIssue, facts: FindingFacts, actor: User) -> Finding:
    """Record or change the finding on one issue. Raises DecisionError with the problems."""
    case = issue.case
    if not can_record_findings(actor, case):
        raise PermissionDenied("You cannot record findings on this case.")
    problems = finding_problems(facts)
    if problems:
        raise DecisionError("The finding is not complete.", problems)
    with transaction.atomic():
        locked = lock_case(case)
        _check_editable(open_decision(locked))
        row = Finding.objects.filter(issue=issue).first()
        before = snapshot(row, _FINDING_FIELDS) if row is not None else {}
        if row is None:
            row = Finding(issue=issue, case=locked, recorded_by=actor)
        row.what_happened = facts.what_happened.strip()
        row.what_should_have_happened = facts.what_should_have_happened.strip()
        row.fault = facts.fault.value
        row.injustice_kinds = [kind.value for kind in facts.injustice_kinds]
        row.injustice = facts.injustice.strip()
        row.causation = facts.causation.value if facts.causation else ""
        row.recorded_by = actor
        row.updated_at = timezone.now()
        diff = changes_between(before, snapshot(row, _FINDING_FIELDS))
        if not diff and before:
            return row
        row.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE if before else AuditAction.CREATE,
            instance=row,
            case_id=locked.pk,
            changes=diff,
            detail=f"Finding on issue {issue.number}",
        )
    return row


def outcome_override(*, case: Case, outcome: Outcome | None, reason: str, actor: User) -> Decision:
    """A manager sets the decision's outcome against the findings (with a reason), or
    removes an override (`outcome=None`) so the findings decide again."""
    if not can_override_outcome(actor, case):
        raise PermissionDenied("Only a manager can override the outcome.")
    with transaction.atomic():
        locked = lock_case(case)
        decision = _open_or_new(locked, actor)
        _check_editable(decision)
        if outcome is not None:
            try:
                check_override(derived=derived_outcome(locked), chosen=outcome, reason=reason)
            except FindingError as error:
                raise DecisionError(str(error)) from None
        fields = ("override_outcome", "override_reason", "overridden_by", "overridden_at")
        before = snapshot(decision, fields)
        decision.override_outcome = outcome.value if outcome else ""
        decision.override_reason = reason.strip() if outcome else ""
        decision.overridden_by = actor if outcome else None
        decision.overridden_at = timezone.now() if outcome else None
        decision.version += 1
        decision.save(update_fields=[*fields, "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=decision,
            case_id=locked.pk,
            changes=changes_between(before, snapshot(decision, fields)),
            detail="Outcome overridden" if outcome else "Outcome override removed",
        )
    return decision


def _facts(case: Case) -> CaseFacts:
    person = case.complainant
    statement = getattr(case, "statement_of_complaint", None)
    period = ""
    not_investigated = ""
    if statement is not None:
        period = f"{statement.period_from:%B %Y} to {statement.period_to:%B %Y}"
        not_investigated = statement.not_investigated
    return CaseFacts(
        complainant=_name(
            title=person.title, first_name=person.first_name, last_name=person.last_name
        ),
        organisation=case.organisation.name,
        summary=case.summary,
        outcome_sought=case.outcome_sought,
        not_investigated=not_investigated,
        period=period,
    )


def draft_assemble(*, case: Case, actor: User) -> Decision:
    """Write every section of the draft afresh from the case's facts and the findings
    (replacing what is there: the old text stays in the audit trail)."""
    if not can_record_findings(actor, case):
        raise PermissionDenied("You cannot write the decision on this case.")
    with transaction.atomic():
        locked = lock_case(case)
        decision = _open_or_new(locked, actor)
        _check_editable(decision)
        issues = case_issues(locked)
        try:
            outcome = decision.override_enum or derived_outcome(locked)
        except FindingError as error:
            raise DecisionError(str(error)) from None
        facts = [
            IssueFacts(issue.number, issue.description, finding_facts(issue.finding))
            for issue in issues
        ]
        text = assemble_draft(
            facts=_facts(locked),
            issues=facts,
            outcome=outcome,
            agreed_action=agreed_action_text(decision, timezone.localdate()),
        )
        before = snapshot(decision, SECTION_FIELDS)
        for section, value in text.items():
            setattr(decision, section.value, value)
        decision.assembled_at = timezone.now()
        decision.version += 1
        decision.save(update_fields=[*SECTION_FIELDS, "assembled_at", "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=decision,
            case_id=locked.pk,
            changes=changes_between(before, snapshot(decision, SECTION_FIELDS)),
            detail="Draft assembled from the findings",
        )
    return decision


def refuse_unsmart_remedies(decision: Decision, today: dt.date) -> None:
    """The parties never see a remedy that could not be monitored."""
    problems = remedy_problems(decision, today)
    if problems:
        raise DecisionError(
            "Every remedy action must be SMART before the decision goes out. " + " ".join(problems)
        )


def lock_decision(decision: Decision, expected_version: int) -> Decision:
    locked = Decision.objects.select_for_update().select_related("case").get(pk=decision.pk)
    if locked.version != expected_version:
        raise DecisionConflictError(locked)
    return locked


def draft_edit(
    *, decision: Decision, expected_version: int, sections: Mapping[Section, str], actor: User
) -> Decision:
    """Change sections of the draft; every change is audited with old and new text."""
    if not can_record_findings(actor, decision.case):
        raise PermissionDenied("You cannot write the decision on this case.")
    with transaction.atomic():
        lock_case(decision.case)
        locked = lock_decision(decision, expected_version)
        _check_editable(locked)
        names = [section.value for section in sections]
        before = snapshot(locked, names)
        for section, text in sections.items():
            setattr(locked, section.value, text.strip())
        diff = changes_between(before, snapshot(locked, names))
        if not diff:
            return locked
        locked.version += 1
        locked.save(update_fields=[*diff.keys(), "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=locked.case_id,
            changes=diff,
            detail="Draft edited",
        )
    return locked


def decision_advance(
    *, decision: Decision, case: Case, values: Mapping[str, Any], detail: str, actor: User
) -> None:
    """Move a locked decision on (shared, issued): write `values`, bump its version and
    audit the change, inside the caller's transaction."""
    fields = tuple(values)
    before = snapshot(decision, fields)
    for name, value in values.items():
        setattr(decision, name, value)
    decision.version += 1
    decision.save(update_fields=[*fields, "version"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=decision,
        case_id=case.pk,
        changes=changes_between(before, snapshot(decision, fields)),
        detail=detail,
    )


def document_record_view(*, document: Document, actor: User) -> None:
    """Every view of a case's personal data is audited, a decision's PDF included."""
    audit_record(actor=actor, action=AuditAction.VIEW, instance=document, case_id=document.case_id)


def comments_default_due(today: dt.date) -> dt.date:
    """The comment deadline a shared draft gets unless staff choose another."""
    return due_date(ClockKind.DRAFT_COMMENTS, today, scheme_calendar(today))


def draft_share(
    *,
    decision: Decision,
    expected_version: int,
    case_version: int,
    actor: User,
    comments_due_on: dt.date | None = None,
) -> Decision:
    """Share the draft with both parties: the case moves to draft decision, the comments
    clock starts and each party gets the draft by letter or email (a PDF is kept)."""
    case = decision.case
    if not can_record_findings(actor, case):
        raise PermissionDenied("You cannot share the decision on this case.")
    now = timezone.now()
    today = timezone.localdate(now)
    due = comments_due_on or comments_default_due(today)
    if due <= today:
        raise DecisionError(
            "The comment deadline must be after today.", {"comments_due_on": "Enter a later date"}
        )
    with transaction.atomic():
        # The case first, then the decision: the same order as every other write here.
        lock_case(decision.case)
        locked = lock_decision(decision, expected_version)
        if locked.status_enum != DecisionStatus.DRAFTING:
            raise DecisionError("This draft has already been shared.")
        if not all(text.strip() for _, text in locked.sections):
            raise DecisionError("Write every section of the draft before sharing it.")
        refuse_unsmart_remedies(locked, today)
        try:
            outcome = locked.override_enum or derived_outcome(locked.case)
        except FindingError as error:
            raise DecisionError(str(error)) from None
        moved = case_move(
            case=locked.case,
            expected_version=case_version,
            target=Stage.DRAFT_DECISION,
            reason=f"Draft decision shared for comments by {due:%d %B %Y}",
            actor=actor,
        )
        deadline_set(case=moved, kind=ClockKind.DRAFT_COMMENTS, due_on=due)
        moved.save(update_fields=["next_due_on", "next_due_kind"])
        decision_advance(
            decision=locked,
            case=moved,
            values={
                "status": DecisionStatus.SHARED,
                "shared_outcome": outcome.value,
                "shared_at": now,
                "shared_by": actor,
                "comments_due_on": due,
            },
            detail="Draft decision shared",
            actor=actor,
        )
        letters_to_both_parties(
            case=moved,
            subject="Our draft decision on the complaint: please comment",
            template="decisions/letters/draft_shared.html",
            context={"decision": locked, "due_on": due},
            actor=actor,
        )
        decision_id = locked.pk
        transaction.on_commit(lambda: decision_pdf_store.enqueue(decision_id, "draft"))
    return locked
