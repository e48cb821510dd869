"""Findings, the draft and the final decision through their services: clocks, stage moves,
audit rows, letters and PDFs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.calendars import scheme_calendar
from redress.casework.models import Case, Deadline, StageTransition
from redress.decisions import issuing, services
from redress.decisions.models import Decision, Finding
from redress.domain.categories import Channel
from redress.domain.decision_text import Section
from redress.domain.findings import (
    CommentParty,
    DecisionStatus,
    Fault,
    QualityCheckReason,
    QualityCheckResult,
)
from redress.domain.findings import Finding as FindingFacts
from redress.domain.stages import Outcome, Stage
from redress.investigation.models import ComplaintIssue
from redress.notifications.models import Letter

from .conftest import INJUSTICE, NO_FAULT, RecordFindings, share

pytestmark = pytest.mark.django_db

OnCommit = Callable[[], AbstractContextManager[Any]]


def _issues(case: Case) -> list[ComplaintIssue]:
    return list(ComplaintIssue.objects.filter(case=case).order_by("number"))


def _current(case: Case) -> Decision:
    decision = services.open_decision(case)
    assert decision is not None
    return decision


def test_a_finding_is_recorded_and_audited(investigated_case: Case, investigator: User) -> None:
    issue = _issues(investigated_case)[0]
    row = services.finding_record(issue=issue, facts=INJUSTICE, actor=investigator)
    assert (row.fault, row.injustice_kinds, row.causation) == ("yes", ["distress"], "caused")
    event = AuditEvent.objects.get(object_type="decisions.finding", object_id=str(row.pk))
    assert event.case_id == investigated_case.pk
    assert event.changes["fault"] == [None, "yes"]
    # A change is audited with old and new values.
    services.finding_record(issue=issue, facts=NO_FAULT, actor=investigator)
    latest = AuditEvent.objects.filter(object_type="decisions.finding").first()
    assert latest is not None
    assert latest.changes["fault"] == ["yes", "no"]


def test_an_unsound_finding_is_refused_with_its_problems(
    investigated_case: Case, investigator: User
) -> None:
    bad = FindingFacts("", "The policy", Fault.NO)
    with pytest.raises(services.DecisionError) as refused:
        services.finding_record(issue=_issues(investigated_case)[0], facts=bad, actor=investigator)
    assert "what_happened" in refused.value.problems
    assert not Finding.objects.exists()


@pytest.mark.parametrize("who", ["colleague", "outsider", "assessor", "council_user"])
def test_only_the_investigator_on_the_case_or_a_manager_records_findings(
    request: pytest.FixtureRequest, investigated_case: Case, who: str
) -> None:
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.finding_record(issue=_issues(investigated_case)[0], facts=NO_FAULT, actor=actor)


def test_the_outcome_follows_the_findings_and_a_manager_can_override_it(
    investigated_case: Case,
    investigator: User,
    manager: User,
    record_findings: RecordFindings,
) -> None:
    with pytest.raises(Exception, match="every issue"):
        services.derived_outcome(investigated_case)
    record_findings(investigated_case, investigator, NO_FAULT, NO_FAULT)
    assert services.derived_outcome(investigated_case) == Outcome.NOT_UPHELD
    with pytest.raises(PermissionDenied):
        services.outcome_override(
            case=investigated_case, outcome=Outcome.UPHELD_FAULT_NO_INJUSTICE,
            reason="Because", actor=investigator,
        )  # fmt: skip
    with pytest.raises(services.DecisionError, match="reason"):
        services.outcome_override(
            case=investigated_case, outcome=Outcome.UPHELD_FAULT_NO_INJUSTICE,
            reason=" ", actor=manager,
        )  # fmt: skip
    decision = services.outcome_override(
        case=investigated_case, outcome=Outcome.UPHELD_FAULT_NO_INJUSTICE,
        reason="The delay itself was fault.", actor=manager,
    )  # fmt: skip
    assert services.decision_outcome(decision) == Outcome.UPHELD_FAULT_NO_INJUSTICE
    event = AuditEvent.objects.filter(object_type="decisions.decision", detail="Outcome overridden")
    assert event.get().changes["override_reason"] == ["", "The delay itself was fault."]
    assert issuing.check_reasons(decision) == (QualityCheckReason.OVERRIDDEN,)
    removed = services.outcome_override(
        case=investigated_case, outcome=None, reason="", actor=manager
    )
    assert services.decision_outcome(removed) == Outcome.NOT_UPHELD


def test_the_draft_is_assembled_then_edited_with_every_edit_audited(
    investigated_case: Case, investigator: User, record_findings: RecordFindings
) -> None:
    record_findings(investigated_case, investigator)
    decision = services.draft_assemble(case=investigated_case, actor=investigator)
    assert "caused injustice" in decision.summary
    assert "from March 2025 to July 2025" in decision.scope
    assert decision.case.stage == Stage.INVESTIGATION
    edited = services.draft_edit(
        decision=decision, expected_version=decision.version,
        sections={Section.SUMMARY: "My own summary."}, actor=investigator,
    )  # fmt: skip
    assert edited.summary == "My own summary."
    event = AuditEvent.objects.filter(detail="Draft edited").get()
    assert event.changes["summary"][1] == "My own summary."
    with pytest.raises(services.DecisionConflictError):
        services.draft_edit(
            decision=decision, expected_version=decision.version,
            sections={Section.SUMMARY: "Stale."}, actor=investigator,
        )  # fmt: skip


def test_sharing_moves_the_case_starts_the_clock_and_sends_the_draft(
    investigated_case: Case,
    investigator: User,
    record_findings: RecordFindings,
    run_on_commit: OnCommit,
) -> None:
    record_findings(investigated_case, investigator)
    with run_on_commit():
        decision = share(investigated_case, investigator)
    case = Case.objects.get(pk=investigated_case.pk)
    assert case.stage == Stage.DRAFT_DECISION
    today = timezone.localdate()
    due = scheme_calendar(today).add_working_days(today, 10)
    deadline = Deadline.objects.get(case=case, kind="draft_comments")
    assert (deadline.due_on, deadline.met_at) == (due, None)
    assert case.next_due_on is not None
    assert case.next_due_on <= due
    decision.refresh_from_db()
    assert (decision.status, decision.comments_due_on) == (DecisionStatus.SHARED, due)
    assert decision.shared_outcome == Outcome.UPHELD_FAULT_INJUSTICE
    letters = Letter.objects.filter(case=case).order_by("id")
    assert [letter.party for letter in letters] == ["Complainant", "Organisation"]
    assert all("What I found" in letter.body for letter in letters)
    assert all(letter.sent_at is not None for letter in letters)
    assert decision.draft_document is not None
    with decision.draft_document.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    transition = StageTransition.objects.filter(case=case).last()
    assert transition is not None
    assert transition.to_stage == Stage.DRAFT_DECISION


def _comment_both(case: Case, investigator: User) -> None:
    decision = _current(case)
    for party in CommentParty:
        issuing.comment_record(
            decision=decision, party=party, channel=Channel.EMAIL,
            text=f"Comments from {party.label}", received_at=timezone.now(), actor=investigator,
        )  # fmt: skip


def test_comments_from_both_parties_stop_the_clock_and_each_needs_a_response(
    shared_case: Case, investigator: User
) -> None:
    decision = _current(shared_case)
    today = timezone.localdate()
    assert issuing.issue_blockers(decision, today)[0].startswith("Wait for comments")
    _comment_both(shared_case, investigator)
    assert Deadline.objects.get(case=shared_case, kind="draft_comments").met_at is not None
    blockers = issuing.issue_blockers(decision, today)
    assert blockers == ["Respond to 2 comments on the draft."]
    for comment in decision.comments.all():
        issuing.comment_respond(comment=comment, response="Noted.", actor=investigator)
    assert issuing.issue_blockers(decision, today) == []


def test_issuing_the_final_decision(
    shared_case: Case, investigator: User, run_on_commit: OnCommit
) -> None:
    _comment_both(shared_case, investigator)
    decision = _current(shared_case)
    for comment in decision.comments.all():
        issuing.comment_respond(comment=comment, response="Considered.", actor=investigator)
    decision.refresh_from_db()
    shared_case.refresh_from_db()
    Letter.objects.all().delete()
    with run_on_commit():
        issuing.decision_issue(
            decision=decision, expected_version=decision.version,
            case_version=shared_case.version, actor=investigator,
        )  # fmt: skip
    case = Case.objects.get(pk=shared_case.pk)
    assert (case.stage, case.outcome) == (Stage.DECIDED, Outcome.UPHELD_FAULT_INJUSTICE)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ISSUED
    assert decision.issued_outcome == Outcome.UPHELD_FAULT_INJUSTICE
    assert decision.final_document is not None
    with decision.final_document.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    subjects = set(Letter.objects.filter(case=case).values_list("subject", flat=True))
    assert subjects == {"Our final decision on the complaint"}
    assert Letter.objects.filter(case=case).count() == 2
    assert not Deadline.objects.filter(case=case, kind="draft_comments", met_at__isnull=True)


def test_a_sensitive_case_needs_a_manager_s_check_before_it_is_issued(
    shared_case: Case, investigator: User, manager: User, colleague: User
) -> None:
    Case.objects.filter(pk=shared_case.pk).update(sensitive=True)
    _comment_both(shared_case, investigator)
    decision = _current(shared_case)
    for comment in decision.comments.all():
        issuing.comment_respond(comment=comment, response="Considered.", actor=investigator)
    decision.refresh_from_db()
    assert issuing.check_reasons(decision) == (QualityCheckReason.SENSITIVE,)
    assert issuing.issue_blockers(decision, timezone.localdate()) == [
        "A manager must approve the decision in a quality check."
    ]
    shared_case.refresh_from_db()
    with pytest.raises(services.DecisionError, match="quality check"):
        issuing.decision_issue(
            decision=decision, expected_version=decision.version,
            case_version=shared_case.version, actor=investigator,
        )  # fmt: skip
    decision = issuing.quality_check_request(
        decision=decision, expected_version=decision.version, actor=investigator
    )
    # While it waits, the draft and findings cannot change.
    with pytest.raises(services.DecisionError, match="cannot be changed"):
        services.finding_record(issue=_issues(shared_case)[0], facts=NO_FAULT, actor=investigator)
    for stranger in (investigator, colleague):
        with pytest.raises(PermissionDenied):
            issuing.quality_check_record(
                decision=decision, expected_version=decision.version,
                result=QualityCheckResult.APPROVED, notes="", actor=stranger,
            )  # fmt: skip
    with pytest.raises(services.DecisionError, match="needs to change"):
        issuing.quality_check_record(
            decision=decision, expected_version=decision.version,
            result=QualityCheckResult.RETURNED, notes="", actor=manager,
        )  # fmt: skip
    issuing.quality_check_record(
        decision=decision, expected_version=decision.version,
        result=QualityCheckResult.APPROVED, notes="Clear and fair.", actor=manager,
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.APPROVED
    assert issuing.issue_blockers(decision, timezone.localdate()) == []


def test_returning_to_investigation_sets_the_draft_aside_and_keeps_its_text(
    shared_case: Case, investigator: User
) -> None:
    decision = _current(shared_case)
    moved = issuing.decision_return_to_investigation(
        decision=decision, case_version=shared_case.version,
        reason="The council sent new evidence.", actor=investigator,
    )  # fmt: skip
    assert moved.stage == Stage.INVESTIGATION
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SUPERSEDED
    assert Deadline.objects.get(case=moved, kind="draft_comments").met_at is not None
    services.finding_record(issue=_issues(moved)[0], facts=NO_FAULT, actor=investigator)
    fresh = services.draft_assemble(case=moved, actor=investigator)
    assert fresh.pk != decision.pk
    assert fresh.status == DecisionStatus.DRAFTING
    assert "found no fault" in fresh.summary


def test_comments_are_refused_once_the_case_has_left_draft_decision(
    shared_case: Case, investigator: User
) -> None:
    decision = _current(shared_case)
    issuing.decision_return_to_investigation(
        decision=decision, case_version=shared_case.version, reason="More work.",
        actor=investigator,
    )  # fmt: skip
    with pytest.raises(services.DecisionError, match="not open for comments"):
        issuing.comment_record(
            decision=decision, party=CommentParty.ORGANISATION, channel=Channel.EMAIL,
            text="Late", received_at=timezone.now(), actor=investigator,
        )  # fmt: skip


def test_a_comment_cannot_be_dated_in_the_future(shared_case: Case, investigator: User) -> None:
    with pytest.raises(services.DecisionError, match="future"):
        issuing.comment_record(
            decision=_current(shared_case), party=CommentParty.COMPLAINANT,
            channel=Channel.LETTER, text="Hello",
            received_at=timezone.now() + dt.timedelta(days=2), actor=investigator,
        )  # fmt: skip
