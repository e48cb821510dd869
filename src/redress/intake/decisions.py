"""Staff writes at intake: the intake decision with its letters, and logging a complaint.

`intake_decide` records what the officer made of each triage suggestion, moves the case
with `case_move` and sends the decision letters, all in one transaction: if any part
fails, nothing is kept and no letter goes out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.models import Case
from redress.casework.services import (
    case_move,
)
from redress.domain.stages import Outcome, ReasonCode, Stage
from redress.domain.triage import BODIES_BY_NAME, Suggestion, Verdict, VerdictError, check_verdicts
from redress.notifications.recipients import (
    PlannedLetter,
    complainant_side_letters,
    organisation_contact,
    planned_letter,
)
from redress.notifications.services import planned_letters_send

from .models import IntakeDecision
from .permissions import can_decide_at_intake
from .triage import suggestions_for

if TYPE_CHECKING:
    from redress.accounts.models import User


class IntakeDecisionError(ValueError):
    """A decision the rules refuse, with a message fit to show the person who made it."""


class DecisionKind(StrEnum):
    ASSESSMENT = "assessment"
    CLOSE = "close"


@dataclass(frozen=True)
class SuggestionVerdict:
    """What the officer said about one suggestion, named by the suggestion's key."""

    accepted: bool
    override_reason: str = ""


LETTER_SUBJECTS: dict[str, str] = {
    "assessment": "Your complaint: what happens next",
    Outcome.REFERRED_BACK.value: "Your complaint: please complain to the organisation first",
    Outcome.SIGNPOSTED.value: "Your complaint: who can help",
    Outcome.ADVICE_GIVEN.value: "Your complaint: our advice",
    Outcome.INCOMPLETE_INVALID.value: "Your complaint: we cannot take it forward",
    Outcome.WITHDRAWN.value: "Your complaint has been withdrawn",
}


def decision_letters(
    *, case: Case, outcome: Outcome | None, signposted_to: str, explanation: str
) -> list[PlannedLetter]:
    """The letters a decision sends: to the complainant's side, and when referred back, to
    the organisation's complaints contact. Used for the preview and for sending."""
    key = outcome.value if outcome is not None else "assessment"
    organisation = case.organisation
    context = {
        "organisation": organisation,
        "outcome": outcome,
        "explanation": explanation.strip(),
        "signposted_to": signposted_to.strip(),
        "body": BODIES_BY_NAME.get(signposted_to.strip()),
        "complainant": case.complainant,
        "representative": case.representative,
        "organisation_told": bool(
            organisation.complaints_email or organisation.complaints_address.strip()
        ),
    }
    letters = complainant_side_letters(
        case, subject=LETTER_SUBJECTS[key], template=f"intake/letters/{key}.html", context=context
    )
    if outcome is Outcome.REFERRED_BACK:
        letters.append(
            planned_letter(
                organisation_contact(case),
                subject=f"Complaint referred back for local resolution: {case.reference}",
                template="intake/letters/referred_back_organisation.html",
                context=context,
            )
        )
    return letters


def _verdicts(
    suggestions: Sequence[Suggestion], given: Mapping[str, SuggestionVerdict]
) -> list[Verdict]:
    verdicts = []
    for suggestion in suggestions:
        answer = given.get(suggestion.key)
        if answer is None:
            raise IntakeDecisionError(
                f"Say whether you accept the '{suggestion.code.label.lower()}' suggestion."
            )
        verdicts.append(Verdict(suggestion, answer.accepted, answer.override_reason.strip()))
    return verdicts


def _record(verdicts: Sequence[Verdict]) -> list[dict[str, Any]]:
    return [
        {
            "key": v.suggestion.key,
            "code": v.suggestion.code.value,
            "label": v.suggestion.code.label,
            "why": v.suggestion.why,
            "body": v.suggestion.body.name if v.suggestion.body else "",
            "duplicate_of": v.suggestion.duplicate_of,
            "accepted": v.accepted,
            "override_reason": v.override_reason,
        }
        for v in verdicts
    ]


def intake_decide(
    *,
    case: Case,
    expected_version: int,
    decision: DecisionKind,
    outcome: Outcome | None,
    reason_codes: Sequence[ReasonCode],
    signposted_to: str,
    explanation: str,
    suggestion_verdicts: Mapping[str, SuggestionVerdict],
    actor: User,
) -> tuple[IntakeDecision, list[PlannedLetter]]:
    """Record the intake decision, move the case and send the letters.

    Returns the decision and the letters that could not be sent (no address on file).
    Raises IntakeDecisionError, CaseConflictError or TransitionError, having written nothing.
    """
    if not can_decide_at_intake(actor, case):
        raise PermissionDenied("Your role cannot make intake decisions on this case.")
    if not explanation.strip():
        raise IntakeDecisionError("Explain the decision in plain words for the complainant.")
    to_assessment = decision == DecisionKind.ASSESSMENT
    if to_assessment:
        outcome, signposted_to = None, ""
    elif outcome is None:
        raise IntakeDecisionError("Choose an outcome for closing the case at intake.")
    if outcome is Outcome.SIGNPOSTED and not signposted_to.strip():
        raise IntakeDecisionError("Say which body you are signposting the complainant to.")
    if outcome is not Outcome.SIGNPOSTED:
        signposted_to = ""
    suggestions = suggestions_for(cases=[case], user=actor, today=timezone.localdate())[case.pk]
    verdicts = _verdicts(suggestions, suggestion_verdicts)
    try:
        codes = check_verdicts(
            verdicts, pass_to_assessment=to_assessment, reason_codes=reason_codes
        )
    except VerdictError as error:
        raise IntakeDecisionError(str(error)) from None
    letters = decision_letters(
        case=case, outcome=outcome, signposted_to=signposted_to, explanation=explanation
    )
    with transaction.atomic():
        moved = case_move(
            case=case,
            expected_version=expected_version,
            target=Stage.ASSESSMENT if to_assessment else Stage.CLOSED,
            reason=explanation,
            outcome=outcome,
            reason_codes=codes,
            actor=actor,
        )
        row = IntakeDecision.objects.create(
            case=moved,
            outcome=outcome.value if outcome else "",
            signposted_to=signposted_to.strip()[:200],
            suggestions=_record(verdicts),
            explanation=explanation.strip(),
            decided_by=actor,
            decided_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=row,
            case_id=moved.pk,
            changes=changes_between(
                {}, snapshot(row, ("outcome", "signposted_to", "suggestions", "explanation"))
            ),
        )
        unsent = planned_letters_send(case=moved, letters=letters, actor=actor)
    return row, unsent


def intake_decisions_of(*, case: Case) -> list[IntakeDecision]:
    """The intake decisions on a case the caller may already see, latest first."""
    return list(IntakeDecision.objects.filter(case=case).select_related("decided_by"))
