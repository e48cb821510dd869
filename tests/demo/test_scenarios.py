"""What each demo scenario shows, as the services left it."""

from __future__ import annotations

import pytest
from django.utils import timezone

from redress.accounts.models import User
from redress.assessment.models import Assessment, EarlyResolutionAction
from redress.casework.models import Case, ClockPause, StageTransition
from redress.compliance.models import ComplianceItem, PublicReport
from redress.decisions.models import Decision, DraftComment, Finding, ReviewRequest
from redress.demo.scenarios.base import scenario_case
from redress.domain.assessment import OutcomeKind
from redress.domain.clocks import ClockKind
from redress.domain.compliance import ItemSource, ItemStatus
from redress.domain.findings import CommentParty, DecisionStatus
from redress.domain.reviews import ReviewKind, ReviewOutcome
from redress.domain.stages import Outcome, ReasonCode, Stage
from redress.intake.triage import suggestions_for, with_triage_facts
from redress.investigation.models import ComplaintIssue, DelayNotice, Enquiry, EvidenceItem

pytestmark = pytest.mark.django_db


def _case(key: str) -> Case:
    case = scenario_case(key)
    assert case is not None
    return case


@pytest.mark.usefixtures("demo")
def test_intake_and_assessment_scenarios() -> None:
    intake = _case("intake_suggestions")
    officer = User.objects.get(username="intake")
    triaged = with_triage_facts(Case.objects.filter(pk=intake.pk)).get()
    assert suggestions_for(cases=[triaged], user=officer, today=timezone.localdate())[intake.pk]

    half = Assessment.objects.get(case=_case("assessment_half"))
    assert half.answers.exists()
    assert half.decision == ""

    closed = _case("assessment_closed")
    assert closed.outcome == Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES.value
    assert set(Assessment.objects.get(case=closed).reason_codes) == {
        ReasonCode.ALT_TRIBUNAL.value,
        ReasonCode.NO_FAULT_LIKELY.value,
    }
    assert _case("assessment_remedy").outcome == Outcome.UPHELD_REMEDY_PROVIDED.value
    early = _case("assessment_early")
    assert EarlyResolutionAction.objects.filter(case=early).count() == 2
    allocated = Assessment.objects.get(case=_case("assessment_allocated"))
    assert allocated.decision == OutcomeKind.ALLOCATE.value


@pytest.mark.usefixtures("demo")
def test_investigation_scenarios() -> None:
    today = timezone.localdate()
    waiting = _case("enquiry_waiting")
    assert waiting.statement_of_complaint is not None
    assert list(ComplaintIssue.objects.filter(case=waiting).values_list("number", flat=True)) == [
        1,
        2,
        3,
    ]
    enquiry = Enquiry.objects.get(case=waiting)
    assert enquiry.answered_at is None
    assert enquiry.due_on >= today

    overdue = Enquiry.objects.get(case=_case("enquiry_overdue"))
    assert overdue.answered_at is None
    assert overdue.due_on < today
    assert overdue.chasers_sent >= 1

    answered = _case("enquiry_answered")
    assert Enquiry.objects.get(case=answered).answered_at is not None
    assert EvidenceItem.objects.filter(case=answered, document__isnull=False).exists()
    assert EvidenceItem.objects.filter(case=answered, document__isnull=True).exists()

    paused = ClockPause.objects.get(case=_case("clock_paused"))
    assert paused.kind == ClockKind.INVESTIGATION.value
    assert paused.ended_on is None

    assert DelayNotice.objects.filter(case=_case("delay_notice")).exists()
    findings = _case("findings_recorded")
    assert Finding.objects.filter(case=findings).count() == 2
    assert not Decision.objects.filter(case=findings).exists()


@pytest.mark.usefixtures("demo")
def test_decision_scenarios() -> None:
    commented = Decision.objects.get(case=_case("draft_comments"))
    assert commented.status == DecisionStatus.SHARED.value
    comments = DraftComment.objects.filter(decision=commented)
    assert {c.party for c in comments} == {CommentParty.COMPLAINANT, CommentParty.ORGANISATION}
    assert any(c.response for c in comments)

    check = Decision.objects.get(case=_case("draft_check"))
    assert check.status == DecisionStatus.AWAITING_CHECK.value

    issued = Decision.objects.get(case=_case("final_issued"))
    assert issued.status == DecisionStatus.ISSUED.value
    assert issued.final_document_id is not None

    pending = ReviewRequest.objects.get(case=_case("review_pending"))
    assert pending.kind == ReviewKind.REVIEW.value
    assert pending.outcome == ""

    reopened_case = _case("review_upheld")
    upheld = ReviewRequest.objects.get(case=reopened_case)
    assert upheld.outcome == ReviewOutcome.UPHELD.value
    assert upheld.decided_at is not None
    assert StageTransition.objects.filter(
        case=reopened_case, to_stage=Stage.INVESTIGATION.value, at__gte=upheld.decided_at
    ).exists()

    service = ReviewRequest.objects.get(case=_case("service_complaint"))
    assert service.kind == ReviewKind.SERVICE_COMPLAINT.value
    assert service.outcome == ""


@pytest.mark.usefixtures("demo")
def test_agreed_actions_are_in_every_compliance_state() -> None:
    statuses = {
        status
        for key in ("assessment_early", "compliance_progress", "compliance_overdue")
        for status in ComplianceItem.objects.filter(case=_case(key)).values_list(
            "status", flat=True
        )
    }
    assert statuses == {status.value for status in ItemStatus}
    overdue = _case("compliance_overdue")
    assert ComplianceItem.objects.filter(case=overdue, chasers_sent__gt=0).exists()
    report = PublicReport.objects.get(case=overdue)
    assert report.sent_at is not None
    compliance = User.objects.get(username="compliance")
    assert _case("compliance_progress").officer_id == compliance.pk


@pytest.mark.usefixtures("demo")
def test_a_decisions_remedies_are_in_every_compliance_state() -> None:
    case = _case("remedies_compliance")
    items = ComplianceItem.objects.filter(case=case)
    assert {item.status for item in items} == {status.value for status in ItemStatus}
    assert {item.source for item in items} == {ItemSource.DECISION.value}
    assert PublicReport.objects.get(case=case).sent_at is not None
