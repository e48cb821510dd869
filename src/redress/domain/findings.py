"""Findings on each issue of a complaint, and the decision's outcome drawn from them.

For every numbered issue the investigator records what happened, what should have
happened (the law, guidance or policy), whether there was fault, what injustice the
person suffered and whether the fault caused it. The case's outcome follows from the
findings; a manager may override it, always with a recorded reason.

Quality check rule (written from the scheme's quality standards: "line manager quality
checks" sit beside post-decision reviews as the checks behind a decision). A manager
checks the final decision before it is issued when any of these holds:

- the outcome was overridden, so it no longer follows from the findings;
- the case is sensitive;
- the case was reopened after an upheld post-decision review (the scheme's own earlier
  decision was found wanting, so the new one gets a second pair of eyes);
- the outcome changed after the draft was shared (the parties commented on a different
  decision from the one about to be issued).

Otherwise the investigator issues the decision without a check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .stages import LabelledEnum, Outcome, Stage


class Fault(LabelledEnum):
    YES = "yes", "Yes, there was fault"
    PARTLY = "partly", "Partly: fault in some of what happened"
    NO = "no", "No fault"


class InjusticeKind(LabelledEnum):
    """The kinds of injustice the scheme remedies (DOMAIN.md §5)."""

    FINANCIAL_LOSS = "financial_loss", "Financial loss"
    LOST_SERVICE = "lost_service", "Lost service"
    DISTRESS = "distress", "Distress"
    LOST_OPPORTUNITY = "lost_opportunity", "Lost opportunity"
    UNCERTAINTY = "uncertainty", "Uncertainty"
    TIME_AND_TROUBLE = "time_and_trouble", "Time and trouble"
    OUTRAGE = "outrage", "Outrage"


class Causation(LabelledEnum):
    CAUSED = "caused", "The fault caused the injustice"
    PARTLY_CAUSED = "partly_caused", "The fault caused some of the injustice"
    NOT_CAUSED = "not_caused", "The injustice was not caused by the fault"


FAULT_FOUND = frozenset({Fault.YES, Fault.PARTLY})
CAUSED = frozenset({Causation.CAUSED, Causation.PARTLY_CAUSED})
DECISION_OUTCOMES = (
    Outcome.UPHELD_FAULT_INJUSTICE,
    Outcome.UPHELD_FAULT_NO_INJUSTICE,
    Outcome.NOT_UPHELD,
)


@dataclass(frozen=True)
class Finding:
    """What the investigator found on one issue."""

    what_happened: str
    what_should_have_happened: str
    fault: Fault
    injustice_kinds: tuple[InjusticeKind, ...] = ()
    injustice: str = ""
    causation: Causation | None = None


def finding_problems(finding: Finding) -> dict[str, str]:
    """What is wrong with a finding, by field, in words fit to show; empty if it is sound."""
    problems: dict[str, str] = {}
    if not finding.what_happened.strip():
        problems["what_happened"] = "Enter what happened"
    if not finding.what_should_have_happened.strip():
        problems["what_should_have_happened"] = (
            "Enter what should have happened: the law, guidance or policy that applies"
        )
    if len(set(finding.injustice_kinds)) != len(finding.injustice_kinds):
        problems["injustice_kinds"] = "Choose each kind of injustice only once"
    if finding.fault == Fault.NO:
        # Injustice is remedied only when fault caused it; with no fault there is nothing
        # to link it to, so none is recorded.
        if finding.injustice_kinds:
            problems["injustice_kinds"] = (
                "Do not choose any injustice when there was no fault: we only find "
                "injustice caused by fault"
            )
        if finding.causation is not None:
            problems["causation"] = "Do not say whether fault caused injustice when there was none"
        return problems
    if finding.injustice_kinds:
        if not finding.injustice.strip():
            problems["injustice"] = "Describe the injustice and its effect on the person"
        if finding.causation is None:
            problems["causation"] = "Select whether the fault caused the injustice"
    elif finding.causation is not None:
        problems["causation"] = "Choose the kind of injustice before saying what caused it"
    return problems


class FindingError(ValueError):
    """Findings that do not support a decision, with the reason in plain English."""


def issue_outcome(finding: Finding) -> Outcome:
    """The outcome one issue would have on its own."""
    if finding.fault not in FAULT_FOUND:
        return Outcome.NOT_UPHELD
    if finding.injustice_kinds and finding.causation in CAUSED:
        return Outcome.UPHELD_FAULT_INJUSTICE
    return Outcome.UPHELD_FAULT_NO_INJUSTICE


_SEVERITY = {outcome: rank for rank, outcome in enumerate(reversed(DECISION_OUTCOMES))}


def derive_outcome(findings: Iterable[Finding | None]) -> Outcome:
    """The case's outcome: upheld if any issue found fault, with injustice if any fault
    caused injustice; not upheld if no issue found fault.

    Every issue needs a finding (None stands for an issue without one).
    """
    given = list(findings)
    if not given:
        raise FindingError("There are no issues to decide: agree the statement of complaint.")
    if any(finding is None for finding in given):
        raise FindingError("Record a finding on every issue before deciding the outcome.")
    outcomes = [issue_outcome(finding) for finding in given if finding is not None]
    return max(outcomes, key=_SEVERITY.__getitem__)


def check_override(*, derived: Outcome, chosen: Outcome, reason: str) -> None:
    """A manager's override must name a decision outcome that differs, and say why."""
    if chosen not in DECISION_OUTCOMES:
        raise FindingError(f"'{chosen.label}' is not an outcome of an investigation.")
    if chosen == derived:
        raise FindingError("That is the outcome the findings give: there is nothing to override.")
    if not reason.strip():
        raise FindingError("Give the reason for overriding the outcome.")


class QualityCheckReason(LabelledEnum):
    OVERRIDDEN = "overridden", "The outcome was overridden"
    SENSITIVE = "sensitive", "The case is sensitive"
    REOPENED = "reopened", "The case was reopened after an upheld review"
    CHANGED_AFTER_DRAFT = (
        "changed_after_draft",
        "The outcome changed after the draft was shared",
    )


def quality_check_reasons(
    *,
    overridden: bool,
    sensitive: bool,
    reopened_after_review: bool,
    shared_outcome: Outcome | None,
    final_outcome: Outcome,
) -> tuple[QualityCheckReason, ...]:
    """Why a manager must check the decision before it is issued; empty when no check is
    needed (see the module's docstring for the rule)."""
    reasons = []
    if overridden:
        reasons.append(QualityCheckReason.OVERRIDDEN)
    if sensitive:
        reasons.append(QualityCheckReason.SENSITIVE)
    if reopened_after_review:
        reasons.append(QualityCheckReason.REOPENED)
    if shared_outcome is not None and shared_outcome != final_outcome:
        reasons.append(QualityCheckReason.CHANGED_AFTER_DRAFT)
    return tuple(reasons)


def quality_check_required(
    *,
    overridden: bool,
    sensitive: bool,
    reopened_after_review: bool,
    shared_outcome: Outcome | None,
    final_outcome: Outcome,
) -> bool:
    return bool(
        quality_check_reasons(
            overridden=overridden,
            sensitive=sensitive,
            reopened_after_review=reopened_after_review,
            shared_outcome=shared_outcome,
            final_outcome=final_outcome,
        )
    )


class CommentParty(LabelledEnum):
    COMPLAINANT = "complainant", "The complainant's side"
    ORGANISATION = "organisation", "The organisation"


@dataclass(frozen=True)
class CommentState:
    """Where the comments on a shared draft stand."""

    due_on: dt.date
    today: dt.date
    parties_replied: frozenset[CommentParty]
    unanswered: int


def comments_closed(state: CommentState) -> bool:
    """Comments close when the deadline has passed or both parties have replied."""
    return state.today > state.due_on or state.parties_replied >= frozenset(CommentParty)


def final_decision_blockers(
    *, comments: CommentState, check_needed: bool, check_approved: bool
) -> list[str]:
    """What stops the final decision being issued now; empty when it may be issued."""
    blockers = []
    if not comments_closed(comments):
        blockers.append(
            "Wait for comments on the draft: the deadline has not passed and not both "
            "parties have replied."
        )
    if comments.unanswered:
        count = comments.unanswered
        blockers.append(f"Respond to {count} comment{'s' if count != 1 else ''} on the draft.")
    if check_needed and not check_approved:
        blockers.append("A manager must approve the decision in a quality check.")
    return blockers


def injustice_kinds_from(values: Sequence[str]) -> tuple[InjusticeKind, ...]:
    """Stored values back to the vocabulary, in the vocabulary's order."""
    chosen = set(values)
    return tuple(kind for kind in InjusticeKind if kind.value in chosen)


class DecisionStatus(LabelledEnum):
    """Where one decision stands, from the first draft to the final decision."""

    DRAFTING = "drafting", "Draft being written"
    SHARED = "shared", "Draft shared for comments"
    AWAITING_CHECK = "awaiting_check", "Waiting for a quality check"
    CHECK_RETURNED = "check_returned", "Returned by the quality check"
    APPROVED = "approved", "Approved in the quality check"
    ISSUED = "issued", "Final decision issued"
    SUPERSEDED = "superseded", "Replaced: the case went back to investigation"


# The draft's text and the findings may change only while nobody is checking them.
EDITABLE_STATUSES = frozenset(
    {DecisionStatus.DRAFTING, DecisionStatus.SHARED, DecisionStatus.CHECK_RETURNED}
)
# A decision still being worked on; at most one per case.
OPEN_STATUSES = frozenset(DecisionStatus) - {DecisionStatus.ISSUED, DecisionStatus.SUPERSEDED}


class QualityCheckResult(LabelledEnum):
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned with notes"


# Comments may come in while the draft is out and until the decision is issued.
TAKES_COMMENTS = frozenset(
    {
        DecisionStatus.SHARED,
        DecisionStatus.AWAITING_CHECK,
        DecisionStatus.CHECK_RETURNED,
        DecisionStatus.APPROVED,
    }
)
# What the parties may read: a draft once shared with them, and the final decision.
SEEN_BY_PARTIES = TAKES_COMMENTS | {DecisionStatus.ISSUED}


def takes_comments(status: DecisionStatus, stage: Stage) -> bool:
    return status in TAKES_COMMENTS and stage == Stage.DRAFT_DECISION
