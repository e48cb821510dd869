"""The lifecycle rules: every stage can end, only a review reopens, outcomes fit stages."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.stages import (
    TERMINAL_STAGES,
    TRANSITIONS,
    Outcome,
    ReasonCode,
    Stage,
    TransitionError,
    TransitionKind,
    TransitionRequest,
    check_transition,
    reachable_from,
    transitions_from,
)


@pytest.mark.parametrize("stage", [s for s in Stage if s not in TERMINAL_STAGES])
def test_every_open_stage_can_reach_closed(stage: Stage) -> None:
    assert Stage.CLOSED in reachable_from(stage)


def test_closed_is_a_dead_end_without_a_review() -> None:
    assert reachable_from(Stage.CLOSED) == {Stage.CLOSED}
    assert transitions_from(Stage.CLOSED) == []


def test_only_reopen_transitions_leave_closed() -> None:
    leaving_closed = [t for t in TRANSITIONS if t.source == Stage.CLOSED]
    assert leaving_closed
    assert all(t.kind == TransitionKind.REOPEN for t in leaving_closed)
    assert all(t.kind != TransitionKind.REOPEN for t in TRANSITIONS if t.source != Stage.CLOSED)


@pytest.mark.parametrize("target", [Stage.ASSESSMENT, Stage.INVESTIGATION])
def test_reopening_needs_an_upheld_review(target: Stage) -> None:
    request = TransitionRequest(Stage.CLOSED, target, reason="Review found the decision flawed")
    with pytest.raises(TransitionError, match="post-decision review"):
        check_transition(request)
    upheld = TransitionRequest(
        Stage.CLOSED, target, reason="Review upheld", post_decision_review_upheld=True
    )
    assert check_transition(upheld).kind == TransitionKind.REOPEN


@pytest.mark.parametrize(
    ("source", "target", "outcome", "codes", "message"),
    [
        (Stage.INTAKE, Stage.INVESTIGATION, None, (), "cannot move"),
        (Stage.INTAKE, Stage.CLOSED, None, (), "Choose an outcome"),
        (Stage.INTAKE, Stage.CLOSED, Outcome.NOT_UPHELD, (), "not an outcome"),
        (Stage.ASSESSMENT, Stage.CLOSED, Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES, (), "reason code"),
        (Stage.ASSESSMENT, Stage.INVESTIGATION, Outcome.NOT_UPHELD, (), "does not record"),
        (Stage.DRAFT_DECISION, Stage.DECIDED, Outcome.ADVICE_GIVEN, (), "not an outcome"),
        (
            Stage.DRAFT_DECISION,
            Stage.DECIDED,
            Outcome.NOT_UPHELD,
            (ReasonCode.LATE,),
            "Reason codes are recorded only",
        ),
        (
            Stage.ASSESSMENT,
            Stage.CLOSED,
            Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES,
            (ReasonCode.LATE, ReasonCode.LATE),
            "only once",
        ),
        (Stage.COMPLIANCE, Stage.ASSESSMENT, None, (), "cannot move"),
    ],
)
def test_rejected_moves_say_why(
    source: Stage,
    target: Stage,
    outcome: Outcome | None,
    codes: tuple[ReasonCode, ...],
    message: str,
) -> None:
    with pytest.raises(TransitionError, match=message):
        check_transition(TransitionRequest(source, target, "reason", outcome, codes))


@pytest.mark.parametrize(
    ("source", "target", "outcome", "codes"),
    [
        (Stage.INTAKE, Stage.ASSESSMENT, None, ()),
        (Stage.INTAKE, Stage.CLOSED, Outcome.REFERRED_BACK, (ReasonCode.PREMATURE,)),
        (Stage.INTAKE, Stage.CLOSED, Outcome.ADVICE_GIVEN, ()),
        (
            Stage.ASSESSMENT,
            Stage.CLOSED,
            Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES,
            (ReasonCode.NO_FAULT_LIKELY, ReasonCode.LATE),
        ),
        (Stage.ASSESSMENT, Stage.CLOSED, Outcome.UPHELD_REMEDY_PROVIDED, ()),
        (Stage.ASSESSMENT, Stage.COMPLIANCE, Outcome.EARLY_RESOLUTION, ()),
        (Stage.ASSESSMENT, Stage.INVESTIGATION, None, ()),
        (Stage.INVESTIGATION, Stage.DRAFT_DECISION, None, ()),
        (Stage.INVESTIGATION, Stage.CLOSED, Outcome.WITHDRAWN, ()),
        (Stage.DRAFT_DECISION, Stage.DECIDED, Outcome.UPHELD_FAULT_INJUSTICE, ()),
        (Stage.DRAFT_DECISION, Stage.INVESTIGATION, None, ()),
        (Stage.DECIDED, Stage.COMPLIANCE, None, ()),
        (Stage.COMPLIANCE, Stage.CLOSED, None, ()),
    ],
)
def test_allowed_moves(
    source: Stage, target: Stage, outcome: Outcome | None, codes: tuple[ReasonCode, ...]
) -> None:
    transition = check_transition(TransitionRequest(source, target, "because", outcome, codes))
    assert (transition.source, transition.target) == (source, target)


def test_a_blank_reason_is_refused() -> None:
    with pytest.raises(TransitionError, match="Give a reason"):
        check_transition(TransitionRequest(Stage.INTAKE, Stage.ASSESSMENT, "   "))


def test_every_outcome_can_be_given_somewhere() -> None:
    given_somewhere = {o for t in TRANSITIONS for o in t.outcomes}
    assert given_somewhere == set(Outcome)


def test_upheld_and_investigated_are_kept_apart() -> None:
    assert Outcome.UPHELD_REMEDY_PROVIDED.is_upheld
    assert not Outcome.UPHELD_REMEDY_PROVIDED.investigated
    assert Outcome.NOT_UPHELD.investigated
    assert not Outcome.NOT_UPHELD.is_upheld


def test_labels_are_plain_english_and_unique() -> None:
    for enum in (Stage, Outcome, ReasonCode):
        labels = [member.label for member in enum]
        assert len(labels) == len(set(labels))
        assert all(label and label[0].isupper() for label in labels)


@given(st.sampled_from(list(Stage)), st.sampled_from(list(Stage)))
def test_check_agrees_with_the_table(source: Stage, target: Stage) -> None:
    offered = {t.target for t in transitions_from(source, include_reopen=True)}
    request = TransitionRequest(source, target, "reason", post_decision_review_upheld=True)
    if target not in offered:
        with pytest.raises(TransitionError, match="cannot move"):
            check_transition(request)
