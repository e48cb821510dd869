"""The life of a case: its stages, which stage may follow which, and how a case ends.

This is the single vocabulary for stages, outcomes and reason codes. Models take their
choices from these enums, templates show their labels; nothing else spells them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a plain-English label."""

    label: str

    def __new__(cls, value: str, label: str = "") -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class Stage(LabelledEnum):
    INTAKE = "intake", "Intake"
    ASSESSMENT = "assessment", "Assessment"
    INVESTIGATION = "investigation", "Investigation"
    DRAFT_DECISION = "draft_decision", "Draft decision"
    DECIDED = "decided", "Final decision"
    COMPLIANCE = "compliance", "Compliance"
    CLOSED = "closed", "Closed"


class Outcome(LabelledEnum):
    # Intake
    INCOMPLETE_INVALID = "incomplete_invalid", "Incomplete or invalid"
    ADVICE_GIVEN = "advice_given", "Advice given"
    REFERRED_BACK = "referred_back", "Referred back for local resolution"
    SIGNPOSTED = "signposted", "Signposted to another body"
    # Assessment
    CLOSED_AFTER_INITIAL_ENQUIRIES = (
        "closed_after_initial_enquiries",
        "Closed after initial enquiries",
    )
    UPHELD_REMEDY_PROVIDED = (
        "upheld_remedy_provided",
        "Upheld: satisfactory remedy provided by the organisation",
    )
    EARLY_RESOLUTION = "early_resolution", "Upheld: early resolution agreed"
    # Investigation and decision
    UPHELD_FAULT_INJUSTICE = "upheld_fault_injustice", "Upheld: fault causing injustice"
    UPHELD_FAULT_NO_INJUSTICE = "upheld_fault_no_injustice", "Upheld: fault without injustice"
    NOT_UPHELD = "not_upheld", "Not upheld: no fault"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DISCONTINUED = "discontinued", "Discontinued"

    @property
    def is_upheld(self) -> bool:
        return self in UPHELD_OUTCOMES

    @property
    def investigated(self) -> bool:
        """Whether reaching this outcome means the case was investigated (kept apart from it)."""
        return self in INVESTIGATED_OUTCOMES


UPHELD_OUTCOMES = frozenset(
    {
        Outcome.UPHELD_REMEDY_PROVIDED,
        Outcome.EARLY_RESOLUTION,
        Outcome.UPHELD_FAULT_INJUSTICE,
        Outcome.UPHELD_FAULT_NO_INJUSTICE,
    }
)
INVESTIGATED_OUTCOMES = frozenset(
    {Outcome.UPHELD_FAULT_INJUSTICE, Outcome.UPHELD_FAULT_NO_INJUSTICE, Outcome.NOT_UPHELD}
)


class ReasonCode(LabelledEnum):
    LATE = "LATE", "Made more than 12 months after the person knew of the matter"
    ALT_TRIBUNAL = "ALT_TRIBUNAL", "A tribunal appeal is reasonably available"
    ALT_COURT = "ALT_COURT", "A court remedy is reasonably available"
    COURT_PROCEEDINGS = "COURT_PROCEEDINGS", "About starting or conducting court proceedings"
    ALREADY_APPEALED = "ALREADY_APPEALED", "The person already used the tribunal or court route"
    PREMATURE = (
        "PREMATURE",
        "The organisation has not had notice and a reasonable opportunity to respond",
    )
    NO_FAULT_LIKELY = "NO_FAULT_LIKELY", "Not enough evidence of fault"
    INJUSTICE_NOT_SIGNIFICANT = (
        "INJUSTICE_NOT_SIGNIFICANT",
        "Any injustice is not significant enough",
    )
    REMEDY_ALREADY_ADEQUATE = (
        "REMEDY_ALREADY_ADEQUATE",
        "The organisation's own remedy is reasonable and proportionate",
    )
    CANNOT_ACHIEVE = "CANNOT_ACHIEVE", "The outcome sought cannot be delivered"
    COMPLAINT_HANDLING_ONLY = (
        "COMPLAINT_HANDLING_ONLY",
        "Only about complaint handling, or only to get an apology",
    )
    MERITS_ONLY = "MERITS_ONLY", "Disagreement with a decision properly made"
    OUT_OF_JURISDICTION = "OUT_OF_JURISDICTION", "Outside what the scheme can investigate"


class TransitionKind(LabelledEnum):
    ADVANCE = "advance", "Moves the case on"
    CLOSE = "close", "Ends the case with an outcome"
    RETURN = "return", "Returns the case to an earlier stage"
    REOPEN = "reopen", "Reopens the case after an upheld post-decision review"


@dataclass(frozen=True)
class Transition:
    source: Stage
    target: Stage
    kind: TransitionKind
    label: str
    # Outcomes that may (and, when non-empty, must) be recorded with this move.
    outcomes: frozenset[Outcome] = frozenset()


def _t(
    source: Stage,
    target: Stage,
    kind: TransitionKind,
    label: str,
    outcomes: Iterable[Outcome] = (),
) -> Transition:
    return Transition(source, target, kind, label, frozenset(outcomes))


_INTAKE_CLOSES = (
    Outcome.INCOMPLETE_INVALID,
    Outcome.ADVICE_GIVEN,
    Outcome.REFERRED_BACK,
    Outcome.SIGNPOSTED,
    Outcome.WITHDRAWN,
)
_DECISIONS = (
    Outcome.UPHELD_FAULT_INJUSTICE,
    Outcome.UPHELD_FAULT_NO_INJUSTICE,
    Outcome.NOT_UPHELD,
)
_ENDED_EARLY = (Outcome.WITHDRAWN, Outcome.DISCONTINUED)

TRANSITIONS: tuple[Transition, ...] = (
    _t(Stage.INTAKE, Stage.ASSESSMENT, TransitionKind.ADVANCE, "Pass to assessment"),
    _t(Stage.INTAKE, Stage.CLOSED, TransitionKind.CLOSE, "Close at intake", _INTAKE_CLOSES),
    _t(
        Stage.ASSESSMENT,
        Stage.INVESTIGATION,
        TransitionKind.ADVANCE,
        "Allocate for investigation",
    ),
    _t(
        Stage.ASSESSMENT,
        Stage.CLOSED,
        TransitionKind.CLOSE,
        "Close at assessment",
        (Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES, Outcome.UPHELD_REMEDY_PROVIDED, *_ENDED_EARLY),
    ),
    _t(
        Stage.ASSESSMENT,
        Stage.COMPLIANCE,
        TransitionKind.ADVANCE,
        "Agree early resolution",
        (Outcome.EARLY_RESOLUTION,),
    ),
    _t(Stage.INVESTIGATION, Stage.DRAFT_DECISION, TransitionKind.ADVANCE, "Issue draft decision"),
    _t(
        Stage.INVESTIGATION,
        Stage.CLOSED,
        TransitionKind.CLOSE,
        "End the investigation",
        _ENDED_EARLY,
    ),
    _t(
        Stage.DRAFT_DECISION,
        Stage.INVESTIGATION,
        TransitionKind.RETURN,
        "Return to investigation after comments",
    ),
    _t(
        Stage.DRAFT_DECISION,
        Stage.DECIDED,
        TransitionKind.ADVANCE,
        "Issue final decision",
        _DECISIONS,
    ),
    _t(
        Stage.DRAFT_DECISION,
        Stage.CLOSED,
        TransitionKind.CLOSE,
        "End before the final decision",
        _ENDED_EARLY,
    ),
    _t(Stage.DECIDED, Stage.COMPLIANCE, TransitionKind.ADVANCE, "Monitor agreed actions"),
    _t(Stage.DECIDED, Stage.CLOSED, TransitionKind.CLOSE, "Close: nothing to monitor"),
    _t(Stage.COMPLIANCE, Stage.CLOSED, TransitionKind.CLOSE, "Close: actions completed"),
    _t(
        Stage.CLOSED,
        Stage.ASSESSMENT,
        TransitionKind.REOPEN,
        "Reopen at assessment after review",
    ),
    _t(
        Stage.CLOSED,
        Stage.INVESTIGATION,
        TransitionKind.REOPEN,
        "Reopen for investigation after review",
    ),
)

_BY_PAIR: dict[tuple[Stage, Stage], Transition] = {(t.source, t.target): t for t in TRANSITIONS}

TERMINAL_STAGES = frozenset({Stage.CLOSED})
# Stages whose work is the scheme's to finish: a case here is "open".
OPEN_STAGES = frozenset(Stage) - TERMINAL_STAGES


class TransitionError(ValueError):
    """A move the scheme's rules do not allow, with the reason in plain English."""


@dataclass(frozen=True)
class TransitionRequest:
    source: Stage
    target: Stage
    reason: str
    outcome: Outcome | None = None
    reason_codes: tuple[ReasonCode, ...] = ()
    post_decision_review_upheld: bool = False


def transitions_from(stage: Stage, *, include_reopen: bool = False) -> list[Transition]:
    """The moves open to a case at `stage`, in the order they should be offered."""
    return [
        t
        for t in TRANSITIONS
        if t.source == stage and (include_reopen or t.kind != TransitionKind.REOPEN)
    ]


def find_transition(source: Stage, target: Stage) -> Transition | None:
    return _BY_PAIR.get((source, target))


def check_transition(request: TransitionRequest) -> Transition:
    """Return the transition if the rules allow `request`; raise TransitionError if not."""
    transition = find_transition(request.source, request.target)
    if transition is None:
        raise TransitionError(
            f"A case at {request.source.label.lower()} cannot move to "
            f"{request.target.label.lower()}."
        )
    if not request.reason.strip():
        raise TransitionError("Give a reason for this change of stage.")
    if transition.kind == TransitionKind.REOPEN and not request.post_decision_review_upheld:
        raise TransitionError(
            "A closed case can only be reopened when a post-decision review is upheld."
        )
    if transition.outcomes:
        if request.outcome is None:
            raise TransitionError("Choose an outcome for this decision.")
        if request.outcome not in transition.outcomes:
            raise TransitionError(
                f"'{request.outcome.label}' is not an outcome that can be given at "
                f"{request.source.label.lower()}."
            )
    elif request.outcome is not None:
        raise TransitionError("This change of stage does not record an outcome.")
    needs_codes = request.outcome == Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES
    if needs_codes and not request.reason_codes:
        raise TransitionError("Give at least one reason code for closing after initial enquiries.")
    if request.reason_codes and not needs_codes and request.outcome not in _INTAKE_CLOSES:
        raise TransitionError("Reason codes are recorded only when a complaint is not taken on.")
    if len(set(request.reason_codes)) != len(request.reason_codes):
        raise TransitionError("Each reason code can be given only once.")
    return transition


def reachable_from(stage: Stage, *, include_reopen: bool = False) -> frozenset[Stage]:
    """Every stage a case at `stage` can reach by allowed moves (for checks and tests)."""
    seen = {stage}
    frontier = [stage]
    while frontier:
        current = frontier.pop()
        for transition in transitions_from(current, include_reopen=include_reopen):
            if transition.target not in seen:
                seen.add(transition.target)
                frontier.append(transition.target)
    return frozenset(seen)
