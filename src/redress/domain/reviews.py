"""Post-decision reviews and complaints about the scheme's own service.

Each is recorded against a case, runs its own 20-working-day clock and is decided with an
outcome and reasons. An upheld review reopens the case at the stage the manager chooses.

A case still at the final decision or in compliance has not been closed yet, and the stage
table reopens only closed cases. An upheld review there first closes the case (the
decision it had no longer stands, so there is nothing to monitor) and then reopens it,
both recorded in the stage history with the review as the reason.
"""

from __future__ import annotations

from .clocks import ClockKind
from .stages import LabelledEnum, Stage


class ReviewKind(LabelledEnum):
    REVIEW = "review", "Post-decision review request"
    SERVICE_COMPLAINT = "service_complaint", "Complaint about our service"

    @property
    def clock(self) -> ClockKind:
        return _CLOCKS[self]


_CLOCKS = {
    ReviewKind.REVIEW: ClockKind.REVIEW,
    ReviewKind.SERVICE_COMPLAINT: ClockKind.SERVICE_COMPLAINT,
}


class ReviewOutcome(LabelledEnum):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


# A review asks the scheme to look again at a decision it has made, so the case must have
# one: a final decision, or a case closed at any stage. A complaint about our service can
# be made at any time.
REVIEWABLE_STAGES = frozenset({Stage.DECIDED, Stage.COMPLIANCE, Stage.CLOSED})
REOPEN_STAGES = (Stage.ASSESSMENT, Stage.INVESTIGATION)


class ReviewError(ValueError):
    """A review or service complaint the rules refuse, in words fit to show."""


def check_can_record(kind: ReviewKind, stage: Stage) -> None:
    if kind == ReviewKind.REVIEW and stage not in REVIEWABLE_STAGES:
        raise ReviewError(
            "A review can be asked for only once a case has a final decision or is closed."
        )


def check_decision(
    *, kind: ReviewKind, outcome: ReviewOutcome, reasons: str, reopen_at: Stage | None
) -> None:
    if not reasons.strip():
        raise ReviewError("Give the reasons for the decision.")
    reopens = kind == ReviewKind.REVIEW and outcome == ReviewOutcome.UPHELD
    if reopens and reopen_at not in REOPEN_STAGES:
        raise ReviewError("Choose the stage the case goes back to.")
    if not reopens and reopen_at is not None:
        raise ReviewError("Only an upheld review reopens a case.")


def reopen_path(stage: Stage, reopen_at: Stage) -> tuple[Stage, ...]:
    """The moves an upheld review makes, in order, to reopen a case at `reopen_at`."""
    if reopen_at not in REOPEN_STAGES:
        raise ReviewError("A case can be reopened only at assessment or investigation.")
    if stage == Stage.CLOSED:
        return (reopen_at,)
    if stage in (Stage.DECIDED, Stage.COMPLIANCE):
        return (Stage.CLOSED, reopen_at)
    raise ReviewError("Only a decided or closed case can be reopened after a review.")
