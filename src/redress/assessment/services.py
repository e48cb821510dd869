"""Writes at assessment: saving the assessment as it is worked, and recording the decision.

`assessment_decide` records the decision, moves the case with `case_move` (setting the
officer and team first when allocating) and sends the letters, all in one transaction: if
any part fails, nothing is kept and no letter goes out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.models import Case
from redress.casework.services import case_move, case_update_details
from redress.compliance.services import compliance_items_open, early_action_as_recommended
from redress.domain.assessment import (
    AgreedAction,
    Answer,
    AssessmentError,
    OutcomeKind,
    OutcomeRequest,
    Question,
    check_outcome,
    option_for,
)
from redress.domain.stages import ReasonCode, Stage
from redress.notifications.services import planned_letters_send

from .letters import LetterFacts, PlannedLetter, decision_letters
from .models import Assessment, AssessmentAnswer, EarlyResolutionAction
from .permissions import can_work_assessment
from .selectors import investigators_for, recorded, teams_for

if TYPE_CHECKING:
    from redress.accounts.models import Team, User


class AssessmentConflictError(Exception):
    """Someone else saved the assessment after this person opened it."""

    def __init__(self, current: Assessment) -> None:
        super().__init__("The assessment was changed by someone else.")
        self.current = current


@dataclass(frozen=True)
class Draft:
    """What the assessor has given for one question so far (either part may be blank)."""

    answer: Answer | None
    note: str = ""


def _answers_snapshot(assessment: Assessment) -> dict[str, Any]:
    rows = assessment.answers.order_by("question")
    return {
        f"answer:{row.question}": [row.answer, row.note] for row in rows if row.answer or row.note
    }


def assessment_save(
    *,
    case: Case,
    expected_version: int,
    drafts: Mapping[Question, Draft],
    notes: str,
    actor: User,
) -> Assessment:
    """Save the answers and notes as they stand; nothing needs to be complete.

    `expected_version` is the assessment's version the person saw (0 before the first save).
    Raises AssessmentConflictError if it has moved on, AssessmentError for an answer the
    question does not offer.
    """
    if not can_work_assessment(actor, case):
        raise PermissionDenied("Your role cannot work on this assessment.")
    for question, draft in drafts.items():
        if draft.answer is not None:
            option_for(question, draft.answer)
    with transaction.atomic():
        # Locking the case makes two first saves take turns instead of both creating a row.
        locked = Case.objects.select_for_update().only("id", "stage").get(pk=case.pk)
        if locked.stage != Stage.ASSESSMENT:
            raise AssessmentError("The case has left assessment since you opened it.")
        assessment = Assessment.objects.filter(case=case).first()
        creating = assessment is None
        if assessment is None:
            if expected_version != 0:
                raise AssessmentError("The assessment could not be found: open it again.")
            assessment = Assessment.objects.create(case=case, updated_by=actor, version=0)
        elif assessment.version != expected_version:
            raise AssessmentConflictError(assessment)
        before = {**_answers_snapshot(assessment), **snapshot(assessment, ("notes",))}
        for question, draft in drafts.items():
            answer = draft.answer.value if draft.answer is not None else ""
            note = draft.note.strip()
            if answer or note:
                AssessmentAnswer.objects.update_or_create(
                    assessment=assessment,
                    question=question.value,
                    defaults={"answer": answer, "note": note},
                )
            else:
                AssessmentAnswer.objects.filter(
                    assessment=assessment, question=question.value
                ).delete()
        assessment.notes = notes.strip()
        after = {**_answers_snapshot(assessment), **snapshot(assessment, ("notes",))}
        diff = changes_between(before, after)
        for name in before.keys() - after.keys():
            diff[name] = [before[name], None]
        if not diff and not creating:
            return assessment
        assessment.version += 1
        assessment.updated_by = actor
        assessment.save(update_fields=["notes", "version", "updated_by", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.CREATE if creating else AuditAction.UPDATE,
            instance=assessment,
            case_id=case.pk,
            changes=diff,
            detail="Assessment saved",
        )
    return assessment


@dataclass(frozen=True)
class Decision:
    kind: OutcomeKind
    explanation: str
    reason_codes: Sequence[ReasonCode] = ()
    signposted_to: str = ""
    remedy_provided: str = ""
    actions: Sequence[AgreedAction] = ()
    investigator: User | None = None
    team: Team | None = None


def _allocation(actor: User, case: Case, decision: Decision) -> tuple[User | None, Team | None]:
    """The investigator and team to allocate to, checked against whom this person may pick."""
    investigator, team = decision.investigator, decision.team
    if team is not None and not teams_for(user=actor, case=case).filter(pk=team.pk).exists():
        raise AssessmentError(f"You cannot allocate cases to {team.name}.")
    if investigator is not None:
        allowed = investigators_for(user=actor, case=case).filter(pk=investigator.pk).exists()
        if not allowed:
            raise AssessmentError(f"You cannot allocate cases to {investigator}.")
        if team is not None and investigator.team_id != team.pk:
            raise AssessmentError(f"{investigator} is not in {team.name}: choose their team.")
        team = investigator.team
    return investigator, team


def decision_check(
    *, case: Case, decision: Decision, actor: User
) -> tuple[User | None, Team | None]:
    """Check a decision against the recorded answers; return the allocation it makes."""
    investigator: User | None = None
    team: Team | None = None
    if decision.kind is OutcomeKind.ALLOCATE:
        investigator, team = _allocation(actor, case, decision)
    assessment = Assessment.objects.filter(case=case).prefetch_related("answers").first()
    check_outcome(
        OutcomeRequest(
            kind=decision.kind,
            answers=recorded(assessment).answers,
            explanation=decision.explanation,
            today=timezone.localdate(),
            reason_codes=tuple(decision.reason_codes),
            remedy_provided=decision.remedy_provided,
            actions=tuple(decision.actions),
            investigator_chosen=investigator is not None,
            team_chosen=team is not None,
        )
    )
    return investigator, team


def letters_for(*, case: Case, decision: Decision) -> list[PlannedLetter]:
    return decision_letters(
        case=case,
        facts=LetterFacts(
            kind=decision.kind,
            explanation=decision.explanation,
            reason_codes=decision.reason_codes,
            signposted_to=decision.signposted_to if decision.kind is OutcomeKind.CLOSE else "",
            remedy_provided=decision.remedy_provided,
            actions=decision.actions,
            investigator=decision.investigator,
            team=decision.team,
        ),
    )


def _reason(decision: Decision, investigator: User | None, team: Team | None) -> str:
    if decision.kind is OutcomeKind.ALLOCATE:
        to = str(investigator) if investigator is not None else "the team"
        where = f" ({team.name})" if team is not None else ""
        return f"Allocated to {to}{where}. {decision.explanation.strip()}"
    return decision.explanation.strip()


def assessment_decide(
    *, case: Case, expected_version: int, decision: Decision, actor: User
) -> tuple[Assessment, list[PlannedLetter]]:
    """Record the decision, move the case and send the letters.

    `expected_version` is the case's version the person saw. Returns the assessment and the
    letters that could not be sent (no address on file). Raises AssessmentError,
    CaseConflictError or TransitionError, having written nothing.
    """
    if not can_work_assessment(actor, case):
        raise PermissionDenied("Your role cannot decide this assessment.")
    investigator, team = decision_check(case=case, decision=decision, actor=actor)
    decision = replace(decision, investigator=investigator, team=team)
    now = timezone.now()
    with transaction.atomic():
        current = case
        if decision.kind is OutcomeKind.ALLOCATE:
            current = case_update_details(
                case=case,
                expected_version=expected_version,
                changes={"officer": investigator, "team": team},
                actor=actor,
            )
            expected_version = current.version
        moved = case_move(
            case=current,
            expected_version=expected_version,
            target=decision.kind.target,
            reason=_reason(decision, investigator, team),
            outcome=decision.kind.outcome,
            reason_codes=decision.reason_codes,
            actor=actor,
        )
        assessment, created = Assessment.objects.select_for_update().get_or_create(
            case=moved, defaults={"updated_by": actor}
        )
        before = snapshot(assessment, _DECISION_FIELDS)
        assessment.decision = decision.kind.value
        assessment.reason_codes = [code.value for code in decision.reason_codes]
        assessment.signposted_to = (
            decision.signposted_to.strip()[:200] if decision.kind is OutcomeKind.CLOSE else ""
        )
        assessment.remedy_provided = decision.remedy_provided.strip()
        assessment.explanation = decision.explanation.strip()
        assessment.allocated_to = investigator
        assessment.allocated_team = team
        assessment.decided_by = actor
        assessment.decided_at = now
        assessment.version += 0 if created else 1
        assessment.save(update_fields=[*_DECISION_FIELDS, "decided_by", "decided_at", "version"])
        agreed = EarlyResolutionAction.objects.bulk_create(
            EarlyResolutionAction(
                assessment=assessment,
                case=moved,
                number=number,
                action=action.action.strip(),
                who=action.who.strip()[:200],
                due_on=action.due_on,
                created_at=now,
            )
            for number, action in enumerate(decision.actions, start=1)
            if action.due_on is not None
        )
        if agreed:
            compliance_items_open(
                case=moved,
                actions=[early_action_as_recommended(row) for row in agreed],
                source="early_resolution",
                actor=actor,
            )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=assessment,
            case_id=moved.pk,
            changes={
                **changes_between(before, snapshot(assessment, _DECISION_FIELDS)),
                **_actions_change(decision.actions),
            },
            detail=f"Assessment decided: {decision.kind.label}",
        )
        unsent = planned_letters_send(
            case=moved, letters=letters_for(case=moved, decision=decision), actor=actor
        )
    return assessment, unsent


_DECISION_FIELDS = (
    "decision",
    "reason_codes",
    "signposted_to",
    "remedy_provided",
    "explanation",
    "allocated_to",
    "allocated_team",
)


def _actions_change(actions: Sequence[AgreedAction]) -> dict[str, list[Any]]:
    if not actions:
        return {}
    rows = [
        {"action": a.action.strip(), "who": a.who.strip(), "due_on": str(a.due_on)} for a in actions
    ]
    return {"agreed_actions": [None, rows]}
