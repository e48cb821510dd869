"""Writes after the draft is shared: comments and responses, the quality check, issuing
the final decision, and returning the case to investigation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.clocks import deadline_meet
from redress.casework.models import Case, Person
from redress.casework.services import case_move
from redress.compliance.services import compliance_items_open
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.findings import (
    CommentParty,
    CommentState,
    DecisionStatus,
    FindingError,
    QualityCheckReason,
    QualityCheckResult,
    final_decision_blockers,
    quality_check_reasons,
    takes_comments,
)
from redress.domain.reviews import ReviewKind, ReviewOutcome
from redress.domain.stages import Outcome, Stage
from redress.remedies.action_services import remedy_actions_finalise

from .letters import letters_to_both_parties
from .models import Decision, DraftComment, QualityCheck, ReviewRequest
from .permissions import can_quality_check, can_record_findings
from .services import (
    DecisionError,
    decision_advance,
    derived_outcome,
    lock_case,
    lock_decision,
    refuse_unsmart_remedies,
)
from .tasks import decision_pdf_store

if TYPE_CHECKING:
    from redress.accounts.models import User


def _comment_create(
    *,
    decision: Decision,
    party: CommentParty,
    channel: Channel,
    text: str,
    received_at: dt.datetime,
    recorded_by: User | None,
    person: Person | None = None,
    audit_detail: str = "",
) -> DraftComment:
    if not text.strip():
        raise DecisionError("Enter the comment.", {"text": "Enter the comment"})
    if received_at > timezone.now():
        raise DecisionError(
            "The date received cannot be in the future.",
            {"received_on": "The date received cannot be in the future"},
        )
    with transaction.atomic():
        case = lock_case(decision.case)
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if not takes_comments(locked.status_enum, Stage(case.stage)):
            raise DecisionError("The draft is not open for comments.")
        comment = DraftComment.objects.create(
            decision=locked,
            party=party,
            channel=channel,
            text=text.strip(),
            received_at=received_at,
            from_person=person,
            recorded_by=recorded_by,
        )
        parties = set(locked.comments.values_list("party", flat=True))
        if parties >= {p.value for p in CommentParty}:
            # Both parties have answered: nothing more is awaited from them.
            deadline_meet(case=case, kind=ClockKind.DRAFT_COMMENTS)
            case.save(update_fields=["next_due_on", "next_due_kind"])
        audit_record(
            actor=recorded_by,
            action=AuditAction.CREATE,
            instance=comment,
            case_id=case.pk,
            changes=changes_between({}, snapshot(comment, ("party", "channel", "text"))),
            detail=audit_detail,
        )
    return comment


def comment_record(
    *,
    decision: Decision,
    party: CommentParty,
    channel: Channel,
    text: str,
    received_at: dt.datetime,
    actor: User,
) -> DraftComment:
    """Staff record a comment that came by letter, email or phone."""
    if not can_record_findings(actor, decision.case):
        raise PermissionDenied("You cannot record comments on this case.")
    return _comment_create(
        decision=decision,
        party=party,
        channel=channel,
        text=text,
        received_at=received_at,
        recorded_by=actor,
    )


def comment_from_organisation(*, decision: Decision, text: str, user: User) -> DraftComment:
    """A link officer comments in the organisation portal (their scope is checked by the
    view, which found the case through `organisation_case_or_404`)."""
    if user.organisation_id is None or not (
        decision.case.organisation_id == user.organisation_id
        or decision.case.other_organisations.filter(pk=user.organisation_id).exists()
    ):
        raise PermissionDenied("This draft is not about your organisation.")
    return _comment_create(
        decision=decision,
        party=CommentParty.ORGANISATION,
        channel=Channel.PORTAL,
        text=text,
        received_at=timezone.now(),
        recorded_by=user,
        audit_detail=f"Comment sent in the organisation portal by {user}",
    )


def comment_from_complainant(*, decision: Decision, text: str, person: Person) -> DraftComment:
    """The complainant or their representative comments in the complainant portal."""
    case = decision.case
    if person.pk not in (case.complainant_id, case.representative_id):
        raise PermissionDenied("This draft is not about your complaint.")
    return _comment_create(
        decision=decision,
        party=CommentParty.COMPLAINANT,
        channel=Channel.PORTAL,
        text=text,
        received_at=timezone.now(),
        recorded_by=None,
        person=person,
        audit_detail=f"Comment sent in the portal by person {person.pk}",
    )


def comment_respond(*, comment: DraftComment, response: str, actor: User) -> DraftComment:
    """Record how the scheme answered a comment (changing an earlier answer is audited)."""
    decision = comment.decision
    if not can_record_findings(actor, decision.case):
        raise PermissionDenied("You cannot respond to comments on this case.")
    if not response.strip():
        raise DecisionError("Enter the response.", {"response": "Enter the response"})
    with transaction.atomic():
        lock_case(decision.case)
        fields = ("response", "responded_by", "responded_at")
        before = snapshot(comment, fields)
        comment.response = response.strip()
        comment.responded_by = actor
        comment.responded_at = timezone.now()
        comment.save(update_fields=list(fields))
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=comment,
            case_id=decision.case_id,
            changes=changes_between(before, snapshot(comment, fields)),
        )
    return comment


def check_reasons(decision: Decision) -> tuple[QualityCheckReason, ...]:
    """Why this decision needs a manager's check before it is issued (empty: it does not)."""
    case = decision.case
    try:
        outcome = decision.override_enum or derived_outcome(case)
    except FindingError:
        outcome = None
    reopened = ReviewRequest.objects.filter(
        case=case, kind=ReviewKind.REVIEW, outcome=ReviewOutcome.UPHELD
    ).exclude(reopened_at="")
    shared = Outcome(decision.shared_outcome) if decision.shared_outcome else None
    return quality_check_reasons(
        overridden=bool(decision.override_outcome),
        sensitive=case.sensitive,
        reopened_after_review=reopened.exists(),
        shared_outcome=shared,
        final_outcome=outcome or shared or Outcome.NOT_UPHELD,
    )


def comment_state(decision: Decision, today: dt.date) -> CommentState:
    comments = list(decision.comments.all())
    return CommentState(
        due_on=decision.comments_due_on or today,
        today=today,
        parties_replied=frozenset(CommentParty(c.party) for c in comments),
        unanswered=sum(1 for c in comments if not c.response.strip()),
    )


def issue_blockers(decision: Decision, today: dt.date) -> list[str]:
    blockers = final_decision_blockers(
        comments=comment_state(decision, today),
        check_needed=bool(check_reasons(decision)),
        check_approved=decision.status_enum == DecisionStatus.APPROVED,
    )
    try:
        derived_outcome(decision.case)
    except FindingError as error:
        blockers.insert(0, str(error))
    return blockers


def quality_check_request(*, decision: Decision, expected_version: int, actor: User) -> Decision:
    """Send the decision to a manager for its quality check; it cannot change meanwhile."""
    if not can_record_findings(actor, decision.case):
        raise PermissionDenied("You cannot ask for a check on this case.")
    with transaction.atomic():
        lock_case(decision.case)
        locked = lock_decision(decision, expected_version)
        if locked.status_enum not in (DecisionStatus.SHARED, DecisionStatus.CHECK_RETURNED):
            raise DecisionError("The decision cannot be sent for a check now.")
        _set_status(locked, DecisionStatus.AWAITING_CHECK, actor, "Quality check asked for")
    return locked


def quality_check_record(
    *,
    decision: Decision,
    expected_version: int,
    result: QualityCheckResult,
    notes: str,
    actor: User,
) -> QualityCheck:
    """A manager approves the decision or returns it with notes (notes stay internal)."""
    if not can_quality_check(actor, decision):
        raise PermissionDenied("A manager other than the author checks the decision.")
    if result == QualityCheckResult.RETURNED and not notes.strip():
        raise DecisionError("Say what needs to change.", {"notes": "Enter what needs to change"})
    with transaction.atomic():
        lock_case(decision.case)
        locked = lock_decision(decision, expected_version)
        if locked.status_enum != DecisionStatus.AWAITING_CHECK:
            raise DecisionError("This decision is not waiting for a check.")
        check = QualityCheck.objects.create(
            decision=locked, result=result, notes=notes.strip(), checker=actor, at=timezone.now()
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=check,
            case_id=locked.case_id,
            changes={"result": [None, check.result]},
        )
        target = (
            DecisionStatus.APPROVED
            if result == QualityCheckResult.APPROVED
            else DecisionStatus.CHECK_RETURNED
        )
        _set_status(locked, target, actor, f"Quality check: {result.label.lower()}")
    return check


def _set_status(decision: Decision, status: DecisionStatus, actor: User, detail: str) -> None:
    before = snapshot(decision, ("status",))
    decision.status = status
    decision.version += 1
    decision.save(update_fields=["status", "version"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=decision,
        case_id=decision.case_id,
        changes=changes_between(before, snapshot(decision, ("status",))),
        detail=detail,
    )


def decision_issue(
    *, decision: Decision, expected_version: int, case_version: int, actor: User
) -> Decision:
    """Issue the final decision: the case moves to decided with the outcome, both parties
    get it by letter or email, and its PDF is kept on the case."""
    case = decision.case
    if not can_record_findings(actor, case):
        raise PermissionDenied("You cannot issue the decision on this case.")
    now = timezone.now()
    with transaction.atomic():
        lock_case(decision.case)
        locked = lock_decision(decision, expected_version)
        blockers = issue_blockers(locked, timezone.localdate(now))
        if blockers:
            raise DecisionError(blockers[0])
        refuse_unsmart_remedies(locked, timezone.localdate(now))
        if locked.status_enum not in (
            DecisionStatus.SHARED,
            DecisionStatus.CHECK_RETURNED,
            DecisionStatus.APPROVED,
        ):
            raise DecisionError("The decision cannot be issued now.")
        outcome = locked.override_enum or derived_outcome(locked.case)
        moved = case_move(
            case=locked.case,
            expected_version=case_version,
            target=Stage.DECIDED,
            reason="Final decision issued",
            outcome=outcome,
            actor=actor,
        )
        deadline_meet(case=moved, kind=ClockKind.DRAFT_COMMENTS, at=now)
        moved.save(update_fields=["next_due_on", "next_due_kind"])
        agreed = remedy_actions_finalise(
            decision=locked, issued_on=timezone.localdate(now), actor=actor
        )
        decision_advance(
            decision=locked,
            case=moved,
            values={
                "status": DecisionStatus.ISSUED,
                "issued_outcome": outcome.value,
                "issued_at": now,
                "issued_by": actor,
            },
            detail="Final decision issued",
            actor=actor,
        )
        letters_to_both_parties(
            case=moved,
            subject="Our final decision on the complaint",
            template="decisions/letters/final_decision.html",
            context={"decision": locked, "outcome": outcome},
            actor=actor,
        )
        if agreed:
            # The agreed actions become compliance items; the case moves on to compliance
            # when the person issuing may move it there.
            compliance_items_open(case=moved, actions=agreed, source="decision", actor=actor)
        decision_id = locked.pk
        transaction.on_commit(lambda: decision_pdf_store.enqueue(decision_id, "final"))
    return locked


def decision_return_to_investigation(
    *, decision: Decision, case_version: int, reason: str, actor: User
) -> Case:
    """Send the case back to investigation after comments; this draft is set aside and
    its text carried into the next one."""
    if not can_record_findings(actor, decision.case):
        raise PermissionDenied("You cannot move this case.")
    with transaction.atomic():
        lock_case(decision.case)
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if locked.status_enum in (DecisionStatus.ISSUED, DecisionStatus.SUPERSEDED):
            raise DecisionError("This decision can no longer go back to investigation.")
        moved = case_move(
            case=locked.case,
            expected_version=case_version,
            target=Stage.INVESTIGATION,
            reason=reason,
            actor=actor,
        )
        deadline_meet(case=moved, kind=ClockKind.DRAFT_COMMENTS)
        moved.save(update_fields=["next_due_on", "next_due_kind"])
        _set_status(locked, DecisionStatus.SUPERSEDED, actor, "Returned to investigation")
    return moved


__all__ = [
    "check_reasons",
    "comment_from_complainant",
    "comment_from_organisation",
    "comment_record",
    "comment_respond",
    "comment_state",
    "decision_issue",
    "decision_return_to_investigation",
    "issue_blockers",
    "quality_check_record",
    "quality_check_request",
]
