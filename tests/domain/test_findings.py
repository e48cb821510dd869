"""Findings, the outcome drawn from them, overrides and the quality-check rule."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from redress.domain.findings import (
    Causation,
    CommentParty,
    CommentState,
    Fault,
    Finding,
    FindingError,
    InjusticeKind,
    QualityCheckReason,
    check_override,
    comments_closed,
    derive_outcome,
    final_decision_blockers,
    finding_problems,
    injustice_kinds_from,
    issue_outcome,
    quality_check_reasons,
    quality_check_required,
)
from redress.domain.stages import Outcome

DISTRESS = (InjusticeKind.DISTRESS,)


def finding(
    fault: Fault,
    kinds: tuple[InjusticeKind, ...] = (),
    causation: Causation | None = None,
    injustice: str = "She was distressed for months.",
) -> Finding:
    return Finding(
        what_happened="The council took four months to decide.",
        what_should_have_happened="The law says 33 working days.",
        fault=fault,
        injustice_kinds=kinds,
        injustice=injustice if kinds else "",
        causation=causation,
    )


# Every valid combination of fault, injustice and causation, and the outcome it gives.
OUTCOME_TABLE = [
    (Fault.YES, DISTRESS, Causation.CAUSED, Outcome.UPHELD_FAULT_INJUSTICE),
    (Fault.YES, DISTRESS, Causation.PARTLY_CAUSED, Outcome.UPHELD_FAULT_INJUSTICE),
    (Fault.YES, DISTRESS, Causation.NOT_CAUSED, Outcome.UPHELD_FAULT_NO_INJUSTICE),
    (Fault.YES, (), None, Outcome.UPHELD_FAULT_NO_INJUSTICE),
    (Fault.PARTLY, DISTRESS, Causation.CAUSED, Outcome.UPHELD_FAULT_INJUSTICE),
    (Fault.PARTLY, DISTRESS, Causation.PARTLY_CAUSED, Outcome.UPHELD_FAULT_INJUSTICE),
    (Fault.PARTLY, DISTRESS, Causation.NOT_CAUSED, Outcome.UPHELD_FAULT_NO_INJUSTICE),
    (Fault.PARTLY, (), None, Outcome.UPHELD_FAULT_NO_INJUSTICE),
    (Fault.NO, (), None, Outcome.NOT_UPHELD),
]


@pytest.mark.parametrize(("fault", "kinds", "causation", "expected"), OUTCOME_TABLE)
def test_one_issue_gives_its_outcome(
    fault: Fault, kinds: tuple[InjusticeKind, ...], causation: Causation | None, expected: Outcome
) -> None:
    one = finding(fault, kinds, causation)
    assert finding_problems(one) == {}
    assert issue_outcome(one) == expected
    assert derive_outcome([one]) == expected


@pytest.mark.parametrize(("first", "second"), list(itertools.product(OUTCOME_TABLE, repeat=2)))
def test_the_case_takes_the_most_serious_outcome_of_its_issues(
    first: tuple[Fault, tuple[InjusticeKind, ...], Causation | None, Outcome],
    second: tuple[Fault, tuple[InjusticeKind, ...], Causation | None, Outcome],
) -> None:
    order = [Outcome.NOT_UPHELD, Outcome.UPHELD_FAULT_NO_INJUSTICE, Outcome.UPHELD_FAULT_INJUSTICE]
    findings = [finding(*first[:3]), finding(*second[:3])]
    assert derive_outcome(findings) == max(first[3], second[3], key=order.index)


def test_every_issue_needs_a_finding_before_an_outcome() -> None:
    with pytest.raises(FindingError, match="every issue"):
        derive_outcome([finding(Fault.NO), None])
    with pytest.raises(FindingError, match="no issues"):
        derive_outcome([])


@pytest.mark.parametrize(
    ("given", "field"),
    [
        (Finding("", "The law", Fault.NO), "what_happened"),
        (Finding("It happened", "  ", Fault.NO), "what_should_have_happened"),
        (Finding("a", "b", Fault.NO, DISTRESS, "x", Causation.CAUSED), "injustice_kinds"),
        (Finding("a", "b", Fault.NO, (), "", Causation.CAUSED), "causation"),
        (Finding("a", "b", Fault.YES, DISTRESS, "", Causation.CAUSED), "injustice"),
        (Finding("a", "b", Fault.YES, DISTRESS, "Upset", None), "causation"),
        (Finding("a", "b", Fault.YES, (), "", Causation.CAUSED), "causation"),
        (
            Finding("a", "b", Fault.YES, DISTRESS * 2, "Upset", Causation.CAUSED),
            "injustice_kinds",
        ),
    ],
)
def test_an_unsound_finding_is_refused_with_a_message_for_its_field(
    given: Finding, field: str
) -> None:
    problems = finding_problems(given)
    assert field in problems
    assert problems[field][0].isupper()


def test_fault_without_injustice_may_explain_why_there_was_none() -> None:
    explained = Finding("a", "b", Fault.YES, (), "She got the service on time anyway.", None)
    assert finding_problems(explained) == {}


def test_the_injustice_kinds_are_the_domain_s_remedy_kinds() -> None:
    assert {k.value for k in InjusticeKind} == {
        "financial_loss",
        "lost_service",
        "distress",
        "lost_opportunity",
        "uncertainty",
        "time_and_trouble",
        "outrage",
    }
    assert injustice_kinds_from(["outrage", "distress", "nonsense"]) == (
        InjusticeKind.DISTRESS,
        InjusticeKind.OUTRAGE,
    )


@pytest.mark.parametrize(
    ("derived", "chosen", "reason", "message"),
    [
        (Outcome.NOT_UPHELD, Outcome.NOT_UPHELD, "Because", "nothing to override"),
        (Outcome.NOT_UPHELD, Outcome.UPHELD_FAULT_INJUSTICE, "  ", "Give the reason"),
        (Outcome.NOT_UPHELD, Outcome.WITHDRAWN, "Because", "not an outcome of an investigation"),
    ],
)
def test_an_override_must_differ_be_a_decision_and_give_a_reason(
    derived: Outcome, chosen: Outcome, reason: str, message: str
) -> None:
    with pytest.raises(FindingError, match=message):
        check_override(derived=derived, chosen=chosen, reason=reason)


def test_a_reasoned_override_is_accepted() -> None:
    check_override(
        derived=Outcome.UPHELD_FAULT_NO_INJUSTICE,
        chosen=Outcome.UPHELD_FAULT_INJUSTICE,
        reason="The delay plainly caused uncertainty.",
    )


UPHELD = Outcome.UPHELD_FAULT_INJUSTICE
QC_TABLE = [
    # overridden, sensitive, reopened, shared, final, reasons
    (False, False, False, UPHELD, UPHELD, ()),
    (False, False, False, None, UPHELD, ()),
    (True, False, False, UPHELD, UPHELD, (QualityCheckReason.OVERRIDDEN,)),
    (False, True, False, UPHELD, UPHELD, (QualityCheckReason.SENSITIVE,)),
    (False, False, True, UPHELD, UPHELD, (QualityCheckReason.REOPENED,)),
    (
        False,
        False,
        False,
        UPHELD,
        Outcome.NOT_UPHELD,
        (QualityCheckReason.CHANGED_AFTER_DRAFT,),
    ),
    (
        True,
        True,
        True,
        Outcome.NOT_UPHELD,
        UPHELD,
        tuple(QualityCheckReason),
    ),
]


@pytest.mark.parametrize(
    ("overridden", "sensitive", "reopened", "shared", "final", "reasons"), QC_TABLE
)
def test_the_quality_check_rule(  # noqa: PLR0917 - one argument per column of the table
    overridden: bool,
    sensitive: bool,
    reopened: bool,
    shared: Outcome | None,
    final: Outcome,
    reasons: tuple[QualityCheckReason, ...],
) -> None:
    facts = {
        "overridden": overridden,
        "sensitive": sensitive,
        "reopened_after_review": reopened,
        "shared_outcome": shared,
        "final_outcome": final,
    }
    assert quality_check_reasons(**facts) == reasons  # type: ignore[arg-type]
    assert quality_check_required(**facts) is bool(reasons)  # type: ignore[arg-type]


TODAY = dt.date(2026, 3, 10)
BOTH = frozenset(CommentParty)


@pytest.mark.parametrize(
    ("due", "replied", "closed"),
    [
        (TODAY, frozenset(), False),  # the deadline day itself is still open
        (TODAY - dt.timedelta(days=1), frozenset(), True),
        (TODAY + dt.timedelta(days=5), frozenset({CommentParty.ORGANISATION}), False),
        (TODAY + dt.timedelta(days=5), BOTH, True),
    ],
)
def test_comments_close_after_the_deadline_or_once_both_parties_reply(
    due: dt.date, replied: frozenset[CommentParty], closed: bool
) -> None:
    state = CommentState(due_on=due, today=TODAY, parties_replied=replied, unanswered=0)
    assert comments_closed(state) is closed


def test_what_stops_the_final_decision() -> None:
    waiting = CommentState(due_on=TODAY, today=TODAY, parties_replied=frozenset(), unanswered=2)
    blockers = final_decision_blockers(comments=waiting, check_needed=True, check_approved=False)
    assert len(blockers) == 3
    assert "Respond to 2 comments" in blockers[1]
    done = CommentState(due_on=TODAY, today=TODAY, parties_replied=BOTH, unanswered=0)
    assert final_decision_blockers(comments=done, check_needed=True, check_approved=True) == []
    assert final_decision_blockers(comments=done, check_needed=False, check_approved=False) == []
