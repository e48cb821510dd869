"""Evidence, the officer's verdicts, not complied, closing, and public reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case, Document, StageTransition
from redress.compliance.models import ComplianceItem, ComplianceReview
from redress.compliance.reports import (
    report_draft,
    report_edit,
    report_response_record,
    report_send,
)
from redress.compliance.services import (
    NewEvidence,
    compliance_close,
    compliance_items_open,
    compliance_start,
    evidence_review,
    evidence_submit,
    item_not_complied,
)
from redress.domain.compliance import ComplianceError, ItemStatus, ReportStatus, ReviewVerdict
from redress.domain.stages import Stage
from redress.notifications.models import Letter

from .conftest import PDF, actions_due, with_evidence

pytestmark = pytest.mark.django_db


def _audits(case: Case, object_type: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(case_id=case.pk, object_type=object_type).order_by("id"))


# -- Evidence from the organisation ---------------------------------------------------------


def test_evidence_with_a_file_marks_the_item_received(
    item: ComplianceItem, council_user: User
) -> None:
    submission = evidence_submit(
        item=item,
        evidence=NewEvidence(text="Apology sent on 3 March.", files=[("apology.pdf", PDF)]),
        actor=council_user,
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.EVIDENCE_RECEIVED
    assert item.evidence_received_at is not None
    [document] = submission.documents.all()
    assert (document.source, document.original_name) == ("organisation", "apology.pdf")
    assert _audits(item.case, "compliance.evidencesubmission")[0].actor == council_user
    [update] = _audits(item.case, "compliance.complianceitem")[1:]
    assert update.changes["status"] == ["due", "evidence_received"]


def test_more_evidence_before_the_review_is_kept(item: ComplianceItem, council_user: User) -> None:
    with_evidence(item, council_user)
    with_evidence(item, council_user, "And the letter to the team.")
    assert item.submissions.count() == 2
    assert item.status == ItemStatus.EVIDENCE_RECEIVED


def test_evidence_needs_words(item: ComplianceItem, council_user: User) -> None:
    with pytest.raises(ComplianceError, match="Say what you have done"):
        evidence_submit(item=item, evidence=NewEvidence(text="  "), actor=council_user)


def test_a_refused_file_stores_nothing(item: ComplianceItem, council_user: User) -> None:
    from redress.domain.uploads import UploadRejected

    with pytest.raises(UploadRejected):
        evidence_submit(
            item=item,
            evidence=NewEvidence(
                text="Here it is.", files=[("good.pdf", PDF), ("run.exe", b"MZ\x90\x00" * 30)]
            ),
            actor=council_user,
        )
    item.refresh_from_db()
    assert item.status == ItemStatus.DUE
    assert not Document.objects.filter(case=item.case).exists()


@pytest.mark.parametrize("who", ["other_link_officer", "compliance_officer", "complainant_user"])
def test_only_the_organisation_sends_evidence(
    item: ComplianceItem, who: str, request: pytest.FixtureRequest
) -> None:
    with pytest.raises(PermissionDenied):
        evidence_submit(
            item=item, evidence=NewEvidence(text="Done."), actor=request.getfixturevalue(who)
        )


def test_no_evidence_for_a_satisfied_item(
    item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    with_evidence(item, council_user)
    evidence_review(
        item=item,
        expected_version=item.version,
        verdict=ReviewVerdict.SATISFIED,
        what_is_needed="",
        actor=compliance_officer,
    )
    with pytest.raises(ComplianceError, match="already satisfied"):
        evidence_submit(item=item, evidence=NewEvidence(text="More."), actor=council_user)


# -- The officer's verdict ------------------------------------------------------------------


def test_satisfied_dates_completion_from_the_evidence(
    item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    with_evidence(item, council_user)
    review = evidence_review(
        item=item,
        expected_version=item.version,
        verdict=ReviewVerdict.SATISFIED,
        what_is_needed="ignored",
        actor=compliance_officer,
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.SATISFIED
    assert item.completed_on == timezone.localdate()
    assert review.what_is_needed == ""
    assert not Letter.objects.filter(case=item.case, subject__startswith="More evidence").exists()
    last = _audits(item.case, "compliance.complianceitem")[-1]
    assert last.actor == compliance_officer
    assert last.changes["status"] == ["evidence_received", "satisfied"]


def test_more_needed_writes_to_the_organisation(
    item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    with_evidence(item, council_user)
    evidence_review(
        item=item,
        expected_version=item.version,
        verdict=ReviewVerdict.MORE_NEEDED,
        what_is_needed="A copy of the signed letter.",
        actor=compliance_officer,
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.DUE
    letter = Letter.objects.get(case=item.case, subject__startswith="More evidence")
    assert "A copy of the signed letter." in letter.body
    assert letter.email == "complaints@wessex.example"
    assert ComplianceReview.objects.get(item=item).verdict == ReviewVerdict.MORE_NEEDED


def test_more_needed_after_the_date_makes_it_overdue(
    item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    with_evidence(item, council_user)
    with time_machine.travel(item.due_on + dt.timedelta(days=3)):
        evidence_review(
            item=item,
            expected_version=item.version,
            verdict=ReviewVerdict.MORE_NEEDED,
            what_is_needed="The payment record.",
            actor=compliance_officer,
        )
    item.refresh_from_db()
    assert item.status == ItemStatus.OVERDUE


def test_more_needed_must_say_what(
    item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    with_evidence(item, council_user)
    with pytest.raises(ComplianceError, match="still needs to send"):
        evidence_review(
            item=item,
            expected_version=item.version,
            verdict=ReviewVerdict.MORE_NEEDED,
            what_is_needed=" ",
            actor=compliance_officer,
        )


def test_a_stale_version_is_refused(
    item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    seen = item.version
    with_evidence(item, council_user)
    with pytest.raises(ComplianceError, match="Someone else"):
        evidence_review(
            item=item,
            expected_version=seen,
            verdict=ReviewVerdict.SATISFIED,
            what_is_needed="",
            actor=compliance_officer,
        )


def test_nothing_to_review_without_evidence(item: ComplianceItem, compliance_officer: User) -> None:
    with pytest.raises(ComplianceError, match="no evidence"):
        evidence_review(
            item=item,
            expected_version=item.version,
            verdict=ReviewVerdict.SATISFIED,
            what_is_needed="",
            actor=compliance_officer,
        )


@pytest.mark.parametrize("who", ["investigator", "assessor", "council_user"])
def test_only_compliance_staff_review(
    item: ComplianceItem, council_user: User, who: str, request: pytest.FixtureRequest
) -> None:
    with_evidence(item, council_user)
    with pytest.raises(PermissionDenied):
        evidence_review(
            item=item,
            expected_version=item.version,
            verdict=ReviewVerdict.SATISFIED,
            what_is_needed="",
            actor=request.getfixturevalue(who),
        )


def test_a_manager_may_review(item: ComplianceItem, council_user: User, manager: User) -> None:
    with_evidence(item, council_user)
    evidence_review(
        item=item,
        expected_version=item.version,
        verdict=ReviewVerdict.SATISFIED,
        what_is_needed="",
        actor=manager,
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.SATISFIED


# -- Not complied, starting and closing -----------------------------------------------------


def test_not_complied_is_final(
    item: ComplianceItem, compliance_officer: User, council_user: User
) -> None:
    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    item.refresh_from_db()
    assert (item.status, item.not_complied_at is not None) == (ItemStatus.NOT_COMPLIED, True)
    with pytest.raises(ComplianceError):
        evidence_submit(item=item, evidence=NewEvidence(text="Late."), actor=council_user)
    with pytest.raises(ComplianceError, match="not complied cannot become not complied"):
        item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)


def test_the_investigator_who_issues_the_decision_passes_it_to_compliance(
    decided_case: Case, investigator: User
) -> None:
    compliance_items_open(
        case=decided_case,
        actions=actions_due(timezone.localdate()),
        source="decision",
        actor=investigator,
    )
    decided_case.refresh_from_db()
    assert decided_case.stage == Stage.COMPLIANCE


def test_a_compliance_officer_starts_monitoring_a_case_left_decided(
    decided_case: Case, assessor: User, intake_officer: User, compliance_officer: User
) -> None:
    # Someone who may record the actions but not move a decided case leaves it waiting.
    compliance_items_open(
        case=decided_case,
        actions=actions_due(timezone.localdate()),
        source="decision",
        actor=assessor,
    )
    decided_case.refresh_from_db()
    assert decided_case.stage == Stage.DECIDED
    with pytest.raises(PermissionDenied):
        compliance_start(case=decided_case, actor=intake_officer)
    moved = compliance_start(case=decided_case, actor=compliance_officer)
    assert moved.stage == Stage.COMPLIANCE


def test_closing_needs_every_item_satisfied(
    monitored_case: Case, item: ComplianceItem, council_user: User, compliance_officer: User
) -> None:
    with pytest.raises(ComplianceError, match="Every agreed action"):
        compliance_close(case=monitored_case, actor=compliance_officer)
    with_evidence(item, council_user)
    evidence_review(
        item=item,
        expected_version=item.version,
        verdict=ReviewVerdict.SATISFIED,
        what_is_needed="",
        actor=compliance_officer,
    )
    closed = compliance_close(case=monitored_case, actor=compliance_officer)
    assert closed.stage == Stage.CLOSED
    move = StageTransition.objects.filter(case=monitored_case).latest("at")
    assert (move.reason, move.actor) == ("Close: actions completed", compliance_officer)


def test_an_investigator_cannot_close(monitored_case: Case, investigator: User) -> None:
    with pytest.raises(PermissionDenied):
        compliance_close(case=monitored_case, actor=investigator)


# -- Public reports -------------------------------------------------------------------------


def _not_complied(item: ComplianceItem, officer: User) -> None:
    item_not_complied(item=item, expected_version=item.version, actor=officer)


def test_a_report_needs_an_action_not_complied(
    monitored_case: Case, compliance_officer: User
) -> None:
    with pytest.raises(ComplianceError, match="not complied"):
        report_draft(case=monitored_case, text="The council did not.", actor=compliance_officer)


@time_machine.travel(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC))
def test_the_report_is_drafted_sent_and_answered(
    decided_case: Case, compliance_officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    [item] = compliance_items_open(
        case=decided_case,
        actions=actions_due(dt.date(2026, 12, 1)),
        source="decision",
        actor=compliance_officer,
    )
    _not_complied(item, compliance_officer)
    report = report_draft(
        case=decided_case, text="The council did not apologise.", actor=compliance_officer
    )
    assert list(report.items.all()) == [item]
    with pytest.raises(ComplianceError, match="already has a draft"):
        report_draft(case=decided_case, text="Again.", actor=compliance_officer)
    report = report_edit(
        report=report, expected_version=1, text="Revised.", actor=compliance_officer
    )
    sent = report_send(report=report, expected_version=report.version, actor=compliance_officer)
    assert (sent.status, sent.response_due_on) == (ReportStatus.SENT, dt.date(2027, 2, 28))
    letter = Letter.objects.get(case=decided_case, subject__startswith="Our report")
    assert "Revised." in letter.body
    assert "28 February 2027" in letter.body
    with pytest.raises(ComplianceError, match="no longer be changed"):
        report_edit(report=sent, expected_version=sent.version, text="x", actor=compliance_officer)
    with pytest.raises(ComplianceError, match="future"):
        report_response_record(
            report=sent,
            expected_version=sent.version,
            text="We will.",
            received_on=dt.date(2026, 12, 25),
            actor=compliance_officer,
        )
    answered = report_response_record(
        report=sent,
        expected_version=sent.version,
        text="We will apologise.",
        received_on=dt.date(2026, 11, 30),
        actor=compliance_officer,
    )
    assert (answered.status, answered.response_text) == (
        ReportStatus.RESPONDED,
        "We will apologise.",
    )
    assert len(_audits(decided_case, "compliance.publicreport")) == 4


def test_a_report_cannot_be_sent_without_an_address(
    item: ComplianceItem, compliance_officer: User
) -> None:
    organisation = item.case.organisation
    organisation.complaints_email = ""
    organisation.complaints_address = ""
    organisation.save(update_fields=["complaints_email", "complaints_address"])
    _not_complied(item, compliance_officer)
    report = report_draft(case=item.case, text="Not done.", actor=compliance_officer)
    with pytest.raises(ComplianceError, match="no complaints contact"):
        report_send(report=report, expected_version=report.version, actor=compliance_officer)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
