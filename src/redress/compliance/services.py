"""Opening compliance items, taking evidence, the officer's verdicts, and closing the case.

Every function checks who is acting, writes in one transaction with the case row locked,
and audits. The follow-up clocks of compliance are the items' own due dates: the daily
run (`chasing.py`) works them out from each item's recorded state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.documents import document_add
from redress.casework.models import Case, Document, DocumentSource
from redress.casework.services import case_move
from redress.domain.compliance import (
    FINAL_STATUSES,
    ComplianceError,
    ItemSource,
    ItemStatus,
    ReviewVerdict,
    check_change,
    status_after_more_needed,
)
from redress.domain.smart import RecommendedAction
from redress.domain.stages import Stage

from .letters import organisation_letter
from .models import ComplianceItem, ComplianceReview, EvidenceSubmission
from .permissions import (
    can_close_compliance,
    can_open_items,
    can_review_evidence,
    can_start_monitoring,
    can_submit_evidence,
)

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.assessment.models import EarlyResolutionAction as EarlyResolutionRow

MONITOR_REASON = "Monitor agreed actions"
CLOSE_REASON = "Close: actions completed"
_ITEM_FIELDS = ("number", "source", "kind", "action", "responsible", "due_on", "amount")


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _lock_item(item: ComplianceItem, expected_version: int | None = None) -> ComplianceItem:
    locked = ComplianceItem.objects.select_for_update().get(pk=item.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ComplianceError(
            "Someone else changed this action since you opened it. Check it and try again."
        )
    return locked


def early_action_as_recommended(row: EarlyResolutionRow) -> RecommendedAction:
    """An action agreed at early resolution, in the shape a decision's actions take.

    Early resolution records what, who and by when; there is no kind of remedy and no
    separate statement of evidence, so the item asks for evidence that it is done.
    """
    return RecommendedAction(
        kind=None,
        action=row.action,
        responsible=row.who,
        evidence="",
        due_on=row.due_on,
        decided_on=timezone.localdate(row.created_at),
    )


def compliance_items_open(
    *, case: Case, actions: Sequence[RecommendedAction], source: str, actor: User
) -> list[ComplianceItem]:
    """One compliance item (status due) per agreed action, numbered after any the case
    already has; then, if the case is at the final decision, on to compliance.

    Called inside the transaction of the decision or early resolution that agreed the
    actions. The move is made by `case_move` as `actor`; when the actor's role does not
    work decided cases (an investigator issuing the decision), the case waits at the
    final decision for a compliance officer to start monitoring it.
    """
    if not can_open_items(actor, case):
        raise PermissionDenied("Your role cannot set up agreed actions for compliance.")
    item_source = ItemSource(source)
    for action in actions:
        if action.due_on is None:
            raise ComplianceError(f"The action “{action.action[:60]}” has no due date.")
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(case)
        start = (
            ComplianceItem.objects.filter(case=locked).aggregate(last=Max("number"))["last"] or 0
        )
        items = [
            ComplianceItem(
                case=locked,
                number=start + offset,
                source=item_source,
                kind=action.kind.value if action.kind else "",
                action=action.action.strip(),
                responsible=action.responsible.strip()[:200],
                evidence_required=action.evidence.strip(),
                amount=action.amount,
                decided_on=action.decided_on,
                due_on=action.due_on,
                status=ItemStatus.DUE,
                opened_at=now,
                opened_by=actor,
            )
            for offset, action in enumerate(actions, start=1)
            if action.due_on is not None
        ]
        ComplianceItem.objects.bulk_create(items)
        created = list(ComplianceItem.objects.filter(case=locked, number__gt=start))
        for item in created:
            audit_record(
                actor=actor,
                action=AuditAction.CREATE,
                instance=item,
                case_id=locked.pk,
                changes=changes_between({}, snapshot(item, _ITEM_FIELDS)),
                detail=f"Compliance item opened from the {item_source.label.lower()}",
            )
        if created and locked.stage == Stage.DECIDED and can_start_monitoring(actor, locked):
            case_move(
                case=locked,
                expected_version=locked.version,
                target=Stage.COMPLIANCE,
                reason=MONITOR_REASON,
                actor=actor,
            )
    return created


def compliance_start(*, case: Case, actor: User) -> Case:
    """Move a decided case with open items on to compliance (a compliance officer's step
    when the person who issued the decision could not)."""
    if not can_start_monitoring(actor, case):
        raise PermissionDenied("Your role cannot start monitoring this case.")
    with transaction.atomic():
        locked = _lock(case)
        if locked.stage != Stage.DECIDED:
            raise ComplianceError("This case is not waiting to start compliance monitoring.")
        if not ComplianceItem.objects.filter(case=locked).exists():
            raise ComplianceError("There are no agreed actions to monitor on this case.")
        return case_move(
            case=locked,
            expected_version=locked.version,
            target=Stage.COMPLIANCE,
            reason=MONITOR_REASON,
            actor=actor,
        )


@dataclass(frozen=True)
class NewEvidence:
    """What the organisation sends: its explanation, and files as (name, content) pairs
    already read from the uploads (each is checked by content again when stored)."""

    text: str
    files: Sequence[tuple[str, bytes]] = ()


def evidence_submit(
    *, item: ComplianceItem, evidence: NewEvidence, actor: User
) -> EvidenceSubmission:
    """The organisation sends evidence that an action is done; the officer checks it next."""
    if not can_submit_evidence(actor, item.case):
        raise PermissionDenied("You cannot send evidence for this case.")
    if not evidence.text.strip():
        raise ComplianceError("Say what you have done and what the evidence shows.")
    stored: list[Document] = []
    try:
        with transaction.atomic():
            return _evidence_write(item=item, evidence=evidence, actor=actor, stored=stored)
    except Exception:
        # The rows were rolled back; the files stored for them must not outlive them.
        for document in stored:
            document.file.delete(save=False)
        raise


def _evidence_write(
    *, item: ComplianceItem, evidence: NewEvidence, actor: User, stored: list[Document]
) -> EvidenceSubmission:
    now = timezone.now()
    case = _lock(item.case)
    locked = _lock_item(item)
    status = ItemStatus(locked.status)
    if status in FINAL_STATUSES:
        raise ComplianceError(
            f"This action is already {status.label.lower()}: no more evidence is needed."
        )
    check_change(status, ItemStatus.EVIDENCE_RECEIVED)
    detail = f"Sent by {case.organisation.name}"
    for name, content in evidence.files:
        stored.append(
            document_add(
                case=case,
                name=name,
                content=content,
                source=DocumentSource.ORGANISATION,
                actor=actor,
                description=f"Evidence for agreed action {locked.number}",
                audit_detail=detail,
            )
        )
    submission = EvidenceSubmission.objects.create(
        item=locked, text=evidence.text.strip(), submitted_by=actor, submitted_at=now
    )
    if stored:
        submission.documents.set(stored)
    before = snapshot(locked, ("status", "evidence_received_at"))
    locked.status = ItemStatus.EVIDENCE_RECEIVED
    locked.evidence_received_at = now
    locked.version += 1
    locked.save(update_fields=["status", "evidence_received_at", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=submission,
        case_id=case.pk,
        changes={"text": [None, submission.text], "documents": [None, [d.pk for d in stored]]},
        detail=detail,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=locked,
        case_id=case.pk,
        changes=changes_between(before, snapshot(locked, before.keys())),
        detail=f"Evidence sent for action {locked.number}",
    )
    return submission


def evidence_review(
    *,
    item: ComplianceItem,
    expected_version: int,
    verdict: ReviewVerdict,
    what_is_needed: str,
    actor: User,
) -> ComplianceReview:
    """The compliance officer's verdict on the evidence: the action is done (satisfied), or
    the organisation is told in a letter exactly what more it must send."""
    if not can_review_evidence(actor, item.case):
        raise PermissionDenied("Your role cannot review evidence.")
    needed = what_is_needed.strip()
    if verdict == ReviewVerdict.MORE_NEEDED and not needed:
        raise ComplianceError("Say what the organisation still needs to send.")
    now = timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        case = _lock(item.case)
        locked = _lock_item(item, expected_version)
        if locked.status != ItemStatus.EVIDENCE_RECEIVED:
            raise ComplianceError("There is no evidence waiting to be reviewed for this action.")
        before = snapshot(locked, ("status", "satisfied_at", "completed_on"))
        if verdict == ReviewVerdict.SATISFIED:
            latest = locked.submissions.order_by("-submitted_at", "-id").first()
            locked.status = ItemStatus.SATISFIED
            locked.satisfied_at = now
            locked.completed_on = (
                timezone.localdate(latest.submitted_at) if latest is not None else today
            )
        else:
            locked.status = status_after_more_needed(locked.due_on, today)
        check_change(ItemStatus.EVIDENCE_RECEIVED, ItemStatus(locked.status))
        locked.version += 1
        locked.save(update_fields=["status", "satisfied_at", "completed_on", "version"])
        review = ComplianceReview.objects.create(
            item=locked,
            verdict=verdict,
            what_is_needed=needed if verdict == ReviewVerdict.MORE_NEEDED else "",
            officer=actor,
            at=now,
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=case.pk,
            changes=changes_between(before, snapshot(locked, before.keys())),
            detail=f"Evidence reviewed: {verdict.label}",
        )
        if verdict == ReviewVerdict.MORE_NEEDED:
            organisation_letter(
                case=case,
                subject="More evidence needed for an agreed action",
                template="compliance/letters/more_needed.html",
                context={"item": locked, "what_is_needed": needed},
                actor=actor,
            )
    return review


def item_not_complied(*, item: ComplianceItem, expected_version: int, actor: User) -> None:
    """Record that the organisation has not done an action (it may lead to a public report)."""
    if not can_review_evidence(actor, item.case):
        raise PermissionDenied("Your role cannot record that an action was not done.")
    now = timezone.now()
    with transaction.atomic():
        case = _lock(item.case)
        locked = _lock_item(item, expected_version)
        check_change(ItemStatus(locked.status), ItemStatus.NOT_COMPLIED)
        before = snapshot(locked, ("status", "not_complied_at"))
        locked.status = ItemStatus.NOT_COMPLIED
        locked.not_complied_at = now
        locked.version += 1
        locked.save(update_fields=["status", "not_complied_at", "version"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=case.pk,
            changes=changes_between(before, snapshot(locked, before.keys())),
            detail="Recorded as not complied",
        )


def compliance_close(*, case: Case, actor: User) -> Case:
    """Close the case once every agreed action is satisfied."""
    if not can_close_compliance(actor, case):
        raise PermissionDenied("Your role cannot close this case.")
    with transaction.atomic():
        locked = _lock(case)
        if locked.stage != Stage.COMPLIANCE:
            raise ComplianceError("Only a case being monitored for compliance can be closed here.")
        statuses = set(ComplianceItem.objects.filter(case=locked).values_list("status", flat=True))
        if not statuses or statuses != {ItemStatus.SATISFIED.value}:
            raise ComplianceError("Every agreed action must be satisfied before the case closes.")
        return case_move(
            case=locked,
            expected_version=locked.version,
            target=Stage.CLOSED,
            reason=CLOSE_REASON,
            actor=actor,
        )
