"""The letters an assessment decision sends, planned before they are recorded.

To the complainant's side (see `complainant_side` for who that is); for an early
resolution, also to the organisation's complaints contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from redress.domain.assessment import AgreedAction, OutcomeKind
from redress.domain.stages import ReasonCode
from redress.domain.triage import BODIES_BY_NAME
from redress.notifications.recipients import (
    PlannedLetter,
    complainant_side_letters,
    organisation_contact,
    planned_letter,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from redress.accounts.models import Team, User
    from redress.casework.models import Case

SUBJECTS: dict[OutcomeKind, str] = {
    OutcomeKind.CLOSE: "Your complaint: our decision",
    OutcomeKind.REMEDY_PROVIDED: "Your complaint: our decision",
    OutcomeKind.EARLY_RESOLUTION: "Your complaint: what the organisation has agreed to do",
    OutcomeKind.ALLOCATE: "Your complaint: we are going to investigate",
}
TEMPLATES: dict[OutcomeKind, str] = {
    OutcomeKind.CLOSE: "assessment/letters/closed.html",
    OutcomeKind.REMEDY_PROVIDED: "assessment/letters/remedy_provided.html",
    OutcomeKind.EARLY_RESOLUTION: "assessment/letters/early_resolution.html",
    OutcomeKind.ALLOCATE: "assessment/letters/allocated.html",
}

# Each reason for not investigating, as the complainant reads it.
LETTER_REASONS: dict[ReasonCode, str] = {
    ReasonCode.LATE: (
        "You complained to us more than 12 months after you knew about the problem, and we "
        "have not seen a good reason to look at it so late."
    ),
    ReasonCode.ALT_TRIBUNAL: (
        "You can appeal to a tribunal, and it is reasonable to expect you to do that."
    ),
    ReasonCode.ALT_COURT: (
        "A court can decide this and give you a remedy, and it is reasonable to expect you "
        "to go to court."
    ),
    ReasonCode.COURT_PROCEEDINGS: (
        "It is about starting or running a court case, which the law does not let us look at."
    ),
    ReasonCode.ALREADY_APPEALED: (
        "You have already taken this to a tribunal or court, so the law does not let us look at it."
    ),
    ReasonCode.PREMATURE: (
        "The organisation has not yet had the chance to answer your complaint and put things right."
    ),
    ReasonCode.NO_FAULT_LIKELY: (
        "We have not seen enough to suggest the organisation did something wrong."
    ),
    ReasonCode.INJUSTICE_NOT_SIGNIFICANT: (
        "We do not think what happened affected you badly enough for us to be involved."
    ),
    ReasonCode.REMEDY_ALREADY_ADEQUATE: (
        "What the organisation has already offered or done to put things right is fair."
    ),
    ReasonCode.CANNOT_ACHIEVE: (
        "We cannot get the outcome you want: for example we cannot make an organisation "
        "discipline its staff or change a tribunal's decision."
    ),
    ReasonCode.COMPLAINT_HANDLING_ONLY: (
        "Your complaint is only about how the organisation dealt with your complaint, or "
        "only asks for an apology. We do not usually look at that on its own."
    ),
    ReasonCode.MERITS_ONLY: (
        "You disagree with a decision the organisation made, but it made it in the right "
        "way. We cannot question a decision just because someone disagrees with it."
    ),
    ReasonCode.OUT_OF_JURISDICTION: "The law does not let us look at this kind of complaint.",
}


@dataclass(frozen=True)
class LetterFacts:
    """What a decision letter says beyond the case itself."""

    kind: OutcomeKind
    explanation: str
    reason_codes: Sequence[ReasonCode] = ()
    signposted_to: str = ""
    remedy_provided: str = ""
    actions: Sequence[AgreedAction] = ()
    investigator: User | None = None
    team: Team | None = None


def _context(case: Case, facts: LetterFacts) -> dict[str, Any]:
    signposted = facts.signposted_to.strip()
    return {
        "kind": facts.kind.value,
        "organisation": case.organisation,
        "complainant": case.complainant,
        "representative": case.representative,
        "explanation": facts.explanation.strip(),
        "reasons": [LETTER_REASONS[code] for code in facts.reason_codes],
        "signposted_to": signposted,
        "body": BODIES_BY_NAME.get(signposted),
        "court_route": ReasonCode.ALT_COURT in facts.reason_codes and not signposted,
        "remedy_provided": facts.remedy_provided.strip(),
        "actions": list(facts.actions),
        "investigator": facts.investigator,
        "team": facts.team,
    }


def decision_letters(*, case: Case, facts: LetterFacts) -> list[PlannedLetter]:
    """Every letter the decision sends, whether or not there is a way to send it."""
    context = _context(case, facts)
    letters = complainant_side_letters(
        case, subject=SUBJECTS[facts.kind], template=TEMPLATES[facts.kind], context=context
    )
    if facts.kind is OutcomeKind.EARLY_RESOLUTION:
        letters.append(
            planned_letter(
                organisation_contact(case),
                subject=f"Early resolution agreed: our reference {case.reference}",
                template="assessment/letters/early_resolution_organisation.html",
                context=context,
            )
        )
    return letters
