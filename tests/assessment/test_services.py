"""Saving an assessment and recording each of its four decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.assessment.models import Assessment, AssessmentAnswer, EarlyResolutionAction
from redress.assessment.services import (
    AssessmentConflictError,
    Decision,
    Draft,
    assessment_decide,
    assessment_save,
)
from redress.audit.models import AuditEvent
from redress.casework.models import Case, Deadline, Person, StageTransition
from redress.casework.services import CaseConflictError
from redress.domain.assessment import AgreedAction, Answer, AssessmentError, OutcomeKind, Question
from redress.domain.clocks import ClockKind
from redress.domain.stages import Outcome, ReasonCode
from redress.notifications.models import Letter
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _assessment_audits(case: Case) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(case_id=case.pk, object_type="assessment.assessment").order_by(
            "id"
        )
    )


# -- Saving as it is worked ---------------------------------------------------------------


def test_the_first_save_creates_the_assessment_and_audits_it(
    assessment_case: Case, assessor: User, clear_drafts: dict[Question, Draft]
) -> None:
    saved = assessment_save(
        case=assessment_case,
        expected_version=0,
        drafts=clear_drafts,
        notes="  Rang the council.  ",
        actor=assessor,
    )
    assert saved.version == 1
    assert saved.notes == "Rang the council."
    assert AssessmentAnswer.objects.filter(assessment=saved).count() == 11
    [event] = _assessment_audits(assessment_case)
    assert event.action == "create"
    assert event.changes["answer:fault"] == [None, ["yes", "Reasoning on fault."]]


def test_a_note_without_an_answer_is_kept(assessment_case: Case, assessor: User) -> None:
    saved = assessment_save(
        case=assessment_case,
        expected_version=0,
        drafts={Question.LATE: Draft(None, "Check when they first knew.")},
        notes="",
        actor=assessor,
    )
    row = AssessmentAnswer.objects.get(assessment=saved)
    assert (row.question, row.answer, row.note) == ("late", "", "Check when they first knew.")


def test_saving_again_changes_only_what_changed_and_clears_what_was_emptied(
    answered: Case, assessor: User, clear_drafts: dict[Question, Draft]
) -> None:
    assessment = Assessment.objects.get(case=answered)
    unchanged = assessment_save(
        case=answered, expected_version=1, drafts=clear_drafts, notes="", actor=assessor
    )
    assert unchanged.version == 1
    drafts = {**clear_drafts, Question.FAULT: Draft(None, ""), Question.LATE: Draft(Answer.YES)}
    saved = assessment_save(
        case=answered, expected_version=1, drafts=drafts, notes="", actor=assessor
    )
    assert saved.version == 2
    assert not AssessmentAnswer.objects.filter(assessment=assessment, question="fault").exists()
    event = _assessment_audits(answered)[-1]
    assert event.changes["answer:late"] == [["no", ""], ["yes", ""]]
    assert event.changes["answer:fault"] == [["yes", "Reasoning on fault."], None]


def test_a_stale_save_is_a_conflict_and_changes_nothing(
    answered: Case, assessor: User, manager: User, clear_drafts: dict[Question, Draft]
) -> None:
    assessment_save(case=answered, expected_version=1, drafts={}, notes="Mine", actor=manager)
    with pytest.raises(AssessmentConflictError) as caught:
        assessment_save(
            case=answered, expected_version=1, drafts={}, notes="Theirs", actor=assessor
        )
    assert caught.value.current.version == 2
    assert Assessment.objects.get(case=answered).notes == "Mine"


def test_an_answer_the_question_does_not_offer_is_refused(
    assessment_case: Case, assessor: User
) -> None:
    with pytest.raises(AssessmentError):
        assessment_save(
            case=assessment_case,
            expected_version=0,
            drafts={Question.OUT_OF_JURISDICTION: Draft(Answer.GOOD_REASON, "Because")},
            notes="",
            actor=assessor,
        )
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("persona", ["investigator", "intake_officer", "compliance_officer"])
def test_only_assessors_and_supervisors_save(
    request: pytest.FixtureRequest, assessment_case: Case, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        assessment_save(
            case=assessment_case,
            expected_version=0,
            drafts={},
            notes="x",
            actor=request.getfixturevalue(persona),
        )


def test_nothing_is_saved_once_the_case_has_left_assessment(team: Team, assessor: User) -> None:
    at_intake = make_case(team=team)
    with pytest.raises(PermissionDenied):
        assessment_save(case=at_intake, expected_version=0, drafts={}, notes="x", actor=assessor)


# -- Decisions ----------------------------------------------------------------------------


def _decide(case: Case, actor: User, decision: Decision) -> tuple[Case, list[Any]]:
    _, unsent = assessment_decide(
        case=case, expected_version=case.version, decision=decision, actor=actor
    )
    return Case.objects.get(pk=case.pk), unsent


def _assessment_clock(case: Case) -> Deadline:
    return Deadline.objects.get(case=case, kind=ClockKind.ASSESSMENT.value)


def test_closing_after_initial_enquiries(
    assessment_case: Case, assessor: User, django_capture_on_commit_callbacks: Any
) -> None:
    decision = Decision(
        OutcomeKind.CLOSE,
        "We cannot look at this: it is about a housing association's repairs.",
        reason_codes=[ReasonCode.OUT_OF_JURISDICTION],
        signposted_to="Housing Ombudsman Service",
    )
    with django_capture_on_commit_callbacks(execute=True):
        case, unsent = _decide(assessment_case, assessor, decision)
    assert (case.stage, case.outcome, case.reason_codes) == (
        "closed",
        Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES,
        ["OUT_OF_JURISDICTION"],
    )
    move = StageTransition.objects.filter(case=case).latest("id")
    assert (move.from_stage, move.to_stage, move.actor) == ("assessment", "closed", assessor)
    assert move.reason_codes == ["OUT_OF_JURISDICTION"]
    assert _assessment_clock(case).met_at is not None
    assert case.next_due_kind != ClockKind.ASSESSMENT.value
    assessment = Assessment.objects.get(case=case)
    assert (assessment.decision, assessment.signposted_to) == (
        "close",
        "Housing Ombudsman Service",
    )
    assert _assessment_audits(case)[-1].detail.startswith("Assessment decided")
    assert AuditEvent.objects.filter(case_id=case.pk, action="transition").exists()
    [letter] = Letter.objects.filter(case=case)
    assert (letter.party, letter.subject) == ("Complainant", "Your complaint: our decision")
    assert "The law does not let us look at this kind of complaint." in letter.body
    assert "https://www.housing-ombudsman.org.uk" in letter.body
    assert Letter.objects.get(pk=letter.pk).sent_at is not None  # delivered after commit
    assert unsent == []


def test_the_court_route_is_explained_when_no_body_is_named(
    assessment_case: Case, assessor: User
) -> None:
    decision = Decision(
        OutcomeKind.CLOSE, "A court can decide this.", reason_codes=[ReasonCode.ALT_COURT]
    )
    case, _ = _decide(assessment_case, assessor, decision)
    assert "Going to court" in Letter.objects.get(case=case).body


def test_a_represented_complainant_is_written_to_through_their_representative(
    represented_case: Case, assessor: User
) -> None:
    decision = Decision(OutcomeKind.CLOSE, "Too late.", reason_codes=[ReasonCode.LATE])
    case, _ = _decide(represented_case, assessor, decision)
    [letter] = Letter.objects.filter(case=case)
    assert letter.party == "Representative"
    assert letter.recipient_name.endswith("Rita Rep")
    assert f"the complaint you made for {case.complainant.full_name}" in letter.body
    assert "We have sent the same letter" not in letter.body


def test_upheld_because_the_organisation_already_put_it_right(
    answered: Case, assessor: User
) -> None:
    decision = Decision(
        OutcomeKind.REMEDY_PROVIDED,
        "The council has apologised and refunded you.",
        remedy_provided="It apologised and refunded the £120 charge.",
    )
    case, _ = _decide(answered, assessor, decision)
    assert (case.stage, case.outcome) == ("closed", Outcome.UPHELD_REMEDY_PROVIDED)
    assert _assessment_clock(case).met_at is not None
    letter = Letter.objects.get(case=case)
    assert "refunded the £120 charge" in letter.body


def test_early_resolution_records_each_action_and_writes_to_the_organisation(
    answered: Case, assessor: User
) -> None:
    due = TODAY + dt.timedelta(days=30)
    decision = Decision(
        OutcomeKind.EARLY_RESOLUTION,
        "The council has agreed to apologise and pay you £150.",
        actions=[
            AgreedAction("Apologise in writing", "Director of housing", due),
            AgreedAction("Pay £150 for the distress caused", "Finance team", due),
        ],
    )
    case, _ = _decide(answered, assessor, decision)
    assert (case.stage, case.outcome) == ("compliance", Outcome.EARLY_RESOLUTION)
    assert _assessment_clock(case).met_at is not None
    actions = list(EarlyResolutionAction.objects.filter(case=case))
    assert [(a.number, a.who, a.due_on) for a in actions] == [
        (1, "Director of housing", due),
        (2, "Finance team", due),
    ]
    assert _assessment_audits(case)[-1].changes["agreed_actions"][1][0]["who"] == (
        "Director of housing"
    )
    letters = {letter.party: letter for letter in Letter.objects.filter(case=case)}
    assert set(letters) == {"Complainant", "Organisation"}
    assert letters["Organisation"].email == case.organisation.complaints_email
    assert "Who: Finance team" in letters["Organisation"].body
    assert "Pay £150 for the distress caused" in letters["Complainant"].body


def test_allocation_sets_the_officer_and_team(
    answered: Case, assessor: User, investigator: User, team: Team
) -> None:
    decision = Decision(OutcomeKind.ALLOCATE, "We will investigate.", investigator=investigator)
    case, _ = _decide(answered, assessor, decision)
    assert (case.stage, case.outcome, case.officer, case.team) == (
        "investigation",
        "",
        investigator,
        team,
    )
    assert _assessment_clock(case).met_at is not None
    assert Deadline.objects.filter(case=case, kind="investigation", met_at__isnull=True).exists()
    move = StageTransition.objects.filter(case=case).latest("id")
    assert move.reason.startswith(f"Allocated to {investigator}")
    assert "will investigate your complaint" in Letter.objects.get(case=case).body
    assessment = Assessment.objects.get(case=case)
    assert (assessment.allocated_to, assessment.allocated_team) == (investigator, team)


def test_allocating_to_a_team_leaves_it_in_the_team_queue(
    answered: Case, assessor: User, team: Team
) -> None:
    decision = Decision(OutcomeKind.ALLOCATE, "We will investigate.", team=team)
    case, _ = _decide(answered, assessor, decision)
    assert (case.stage, case.officer, case.team) == ("investigation", None, team)


def test_an_assessor_cannot_allocate_to_another_team(
    answered: Case, assessor: User, outsider: User
) -> None:
    decision = Decision(OutcomeKind.ALLOCATE, "We will investigate.", investigator=outsider)
    with pytest.raises(AssessmentError, match="cannot allocate"):
        _decide(answered, assessor, decision)
    assert Case.objects.get(pk=answered.pk).stage == "assessment"


def test_a_manager_can_allocate_to_another_team(
    answered: Case, manager: User, outsider: User, other_team: Team
) -> None:
    decision = Decision(OutcomeKind.ALLOCATE, "We will investigate.", investigator=outsider)
    case, _ = _decide(answered, manager, decision)
    assert (case.officer, case.team) == (outsider, other_team)


def test_the_investigator_must_be_in_the_team_chosen(
    answered: Case, manager: User, investigator: User, other_team: Team
) -> None:
    decision = Decision(
        OutcomeKind.ALLOCATE, "We will investigate.", investigator=investigator, team=other_team
    )
    with pytest.raises(AssessmentError, match="is not in"):
        _decide(answered, manager, decision)


def test_taking_it_on_needs_the_assessment_answered(
    assessment_case: Case, assessor: User, team: Team
) -> None:
    decision = Decision(OutcomeKind.ALLOCATE, "We will investigate.", team=team)
    with pytest.raises(AssessmentError, match="before deciding"):
        _decide(assessment_case, assessor, decision)
    assert not Letter.objects.filter(case=assessment_case).exists()


def test_a_stale_decision_is_a_conflict_and_writes_nothing(
    answered: Case, assessor: User, manager: User, investigator: User
) -> None:
    seen = answered.version
    Case.objects.filter(pk=answered.pk).update(version=seen + 1)
    decision = Decision(OutcomeKind.ALLOCATE, "We will investigate.", investigator=investigator)
    with pytest.raises(CaseConflictError):
        assessment_decide(case=answered, expected_version=seen, decision=decision, actor=assessor)
    case = Case.objects.get(pk=answered.pk)
    assert (case.stage, case.officer) == ("assessment", None)
    assert Assessment.objects.get(case=case).decision == ""
    assert not Letter.objects.filter(case=case).exists()


def test_letters_that_cannot_be_sent_are_reported(assessment_case: Case, assessor: User) -> None:
    Person.objects.filter(pk=assessment_case.complainant_id).update(email="", address="")
    case = Case.objects.get(pk=assessment_case.pk)
    decision = Decision(OutcomeKind.CLOSE, "Too late.", reason_codes=[ReasonCode.LATE])
    case, unsent = _decide(case, assessor, decision)
    assert case.stage == "closed"
    assert [letter.party for letter in unsent] == ["Complainant"]
    assert not Letter.objects.filter(case=case).exists()


@pytest.mark.parametrize("persona", ["investigator", "intake_officer", "compliance_officer"])
def test_only_assessors_and_supervisors_decide(
    request: pytest.FixtureRequest, assessment_case: Case, persona: str
) -> None:
    decision = Decision(OutcomeKind.CLOSE, "Too late.", reason_codes=[ReasonCode.LATE])
    with pytest.raises(PermissionDenied):
        _decide(assessment_case, request.getfixturevalue(persona), decision)
    assert Case.objects.get(pk=assessment_case.pk).stage == "assessment"
