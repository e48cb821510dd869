"""Registering and moving cases: references, history, clocks, audit and conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.audit.models import AuditEvent
from redress.casework import services
from redress.casework.models import (
    AppendOnlyError,
    Case,
    Deadline,
    Direction,
    OfficeClosure,
    StageTransition,
)
from redress.domain.categories import Category, Channel
from redress.domain.clocks import ClockKind
from redress.domain.stages import Outcome, ReasonCode, Stage, TransitionError
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def _move(case: Case, target: Stage, actor: User, **kwargs: object) -> Case:
    return services.case_move(
        case=case,
        expected_version=case.version,
        target=target,
        reason="Decided",
        actor=actor,
        **kwargs,  # type: ignore[arg-type]
    )


@time_machine.travel(MONDAY, tick=False)
def test_registration_issues_a_reference_history_clock_and_audit(
    team: Team, intake_officer: User
) -> None:
    case = make_case(team=team, actor=intake_officer, received_on=dt.date(2026, 3, 2))
    assert case.reference == "26 000 001"
    assert case.stage == Stage.INTAKE
    history = list(case.transitions.values_list("from_stage", "to_stage"))
    assert history == [("", Stage.INTAKE)]
    deadline = Deadline.objects.get(case=case)
    assert (deadline.kind, deadline.due_on) == (ClockKind.ASSESSMENT, dt.date(2026, 3, 30))
    assert case.next_due_on == dt.date(2026, 3, 30)
    assert AuditEvent.objects.filter(case_id=case.pk, action="create").exists()


@time_machine.travel(MONDAY, tick=False)
def test_references_are_sequential_within_the_registration_year(team: Team) -> None:
    refs = [make_case(team=team, received_on=dt.date(2026, 1, 5)).reference for _ in range(3)]
    older = make_case(team=team, received_on=dt.date(2025, 12, 30)).reference
    assert refs == ["26 000 001", "26 000 002", "26 000 003"]
    assert older == "25 000 001"


@time_machine.travel(MONDAY, tick=False)
def test_office_closures_move_due_dates(team: Team) -> None:
    OfficeClosure.objects.create(date=dt.date(2026, 3, 10), reason="Office move")
    case = make_case(team=team, received_on=dt.date(2026, 3, 2))
    assert case.next_due_on == dt.date(2026, 3, 31)


def test_a_future_receipt_date_is_refused(team: Team) -> None:
    with pytest.raises(services.CaseValidationError, match="future"):
        make_case(team=team, received_on=timezone.localdate() + dt.timedelta(days=2))


@time_machine.travel(MONDAY, tick=False)
def test_moving_through_the_lifecycle_writes_one_transition_each(
    team: Team, assessor: User, investigator: User, manager: User, compliance_officer: User
) -> None:
    case = make_case(team=team, received_on=dt.date(2026, 2, 23))
    case = _move(case, Stage.ASSESSMENT, assessor)
    case = _move(case, Stage.INVESTIGATION, assessor)
    assert {d.kind for d in case.deadlines.filter(met_at__isnull=True)} == {
        ClockKind.INVESTIGATION,
        ClockKind.KEEP_IN_TOUCH,
    }
    assert case.deadlines.get(kind=ClockKind.ASSESSMENT).met_at is not None
    case = _move(case, Stage.DRAFT_DECISION, investigator)
    case = _move(case, Stage.DECIDED, investigator, outcome=Outcome.UPHELD_FAULT_INJUSTICE)
    case = _move(case, Stage.COMPLIANCE, compliance_officer)
    case = _move(case, Stage.CLOSED, compliance_officer)
    assert case.outcome == Outcome.UPHELD_FAULT_INJUSTICE
    assert case.next_due_on is None
    stages = list(case.transitions.values_list("to_stage", flat=True))
    assert stages == [
        Stage.INTAKE,
        Stage.ASSESSMENT,
        Stage.INVESTIGATION,
        Stage.DRAFT_DECISION,
        Stage.DECIDED,
        Stage.COMPLIANCE,
        Stage.CLOSED,
    ]
    assert case.version == 7
    assert AuditEvent.objects.filter(case_id=case.pk, action="transition").count() == 6


def test_closing_after_initial_enquiries_records_reason_codes(team: Team, assessor: User) -> None:
    case = _move(make_case(team=team), Stage.ASSESSMENT, assessor)
    case = _move(
        case,
        Stage.CLOSED,
        assessor,
        outcome=Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES,
        reason_codes=[ReasonCode.ALT_TRIBUNAL, ReasonCode.LATE],
    )
    assert case.reason_codes == ["ALT_TRIBUNAL", "LATE"]
    last = case.transitions.last()
    assert last is not None
    assert last.reason_codes == ["ALT_TRIBUNAL", "LATE"]


def test_a_role_cannot_move_a_case_outside_its_stages(team: Team, investigator: User) -> None:
    case = make_case(team=team)
    with pytest.raises(PermissionDenied):
        _move(case, Stage.ASSESSMENT, investigator)


def test_only_a_manager_reopens_and_only_after_an_upheld_review(
    team: Team, intake_officer: User, manager: User
) -> None:
    case = _move(make_case(team=team), Stage.CLOSED, intake_officer, outcome=Outcome.ADVICE_GIVEN)
    with pytest.raises(PermissionDenied):
        _move(case, Stage.ASSESSMENT, intake_officer, post_decision_review_upheld=True)
    with pytest.raises(TransitionError, match="review"):
        _move(case, Stage.ASSESSMENT, manager)
    case = _move(case, Stage.ASSESSMENT, manager, post_decision_review_upheld=True)
    assert case.stage == Stage.ASSESSMENT
    assert case.outcome == ""
    # Its clocks start afresh from the reopening rather than from the original receipt.
    assert case.next_due_on is not None
    assert case.next_due_on > timezone.localdate()


def test_a_stale_version_is_a_conflict_and_changes_nothing(team: Team, assessor: User) -> None:
    case = make_case(team=team)
    stale_version = case.version
    services.case_update_details(
        case=case,
        expected_version=stale_version,
        changes={"summary": "First edit"},
        actor=assessor,
    )
    with pytest.raises(services.CaseConflictError) as caught:
        services.case_update_details(
            case=case,
            expected_version=stale_version,
            changes={"summary": "Second edit"},
            actor=assessor,
        )
    assert caught.value.changed_fields == ["summary"]
    case.refresh_from_db()
    assert case.summary == "First edit"
    assert case.version == stale_version + 1


def test_detail_changes_are_audited_with_old_and_new_values(team: Team, assessor: User) -> None:
    case = make_case(team=team, category=Category.HOUSING)
    services.case_update_details(
        case=case,
        expected_version=case.version,
        changes={"category": Category.PLANNING.value, "subcategory": "planning.enforcement"},
        actor=assessor,
    )
    event = AuditEvent.objects.get(case_id=case.pk, action="update")
    assert event.changes == {
        "category": ["housing", "planning"],
        "subcategory": ["", "planning.enforcement"],
    }
    assert event.actor == assessor


def test_a_subcategory_must_belong_to_its_category(team: Team, assessor: User) -> None:
    case = make_case(team=team, category=Category.HOUSING)
    with pytest.raises(services.CaseValidationError, match="sub-category"):
        services.case_update_details(
            case=case,
            expected_version=case.version,
            changes={"subcategory": "planning.enforcement"},
            actor=assessor,
        )


def test_history_rows_cannot_be_changed_or_deleted(team: Team) -> None:
    transition = StageTransition.objects.get(case=make_case(team=team))
    transition.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        transition.save()
    with pytest.raises(AppendOnlyError):
        transition.delete()
    with pytest.raises(RuntimeError):
        StageTransition.objects.all().update(reason="x")
    with pytest.raises(RuntimeError):
        AuditEvent.objects.all().delete()


@time_machine.travel(MONDAY, tick=False)
def test_written_contacts_start_and_stop_the_reply_clock(team: Team, intake_officer: User) -> None:
    case = make_case(team=team, received_on=dt.date(2026, 3, 2))
    saturday = dt.datetime(2026, 2, 28, 11, 0, tzinfo=dt.UTC)
    contact = services.contact_log(
        case=case,
        contact=services.NewContact(
            direction=Direction.INBOUND,
            channel=Channel.EMAIL,
            party="Complainant",
            summary="Asked for an update",
            received_at=saturday,
        ),
        actor=intake_officer,
    )
    case.refresh_from_db()
    # Received on a Saturday: counts from Monday, due the third working day after.
    assert case.next_due_on == dt.date(2026, 3, 5)
    assert case.next_due_kind == ClockKind.WRITTEN_CONTACT
    services.contact_mark_handled(contact=contact, handled_at=MONDAY, actor=intake_officer)
    case.refresh_from_db()
    assert case.next_due_kind == ClockKind.ASSESSMENT


@time_machine.travel(MONDAY, tick=False)
def test_an_update_sent_while_investigating_restarts_keep_in_touch(
    team: Team, assessor: User, investigator: User
) -> None:
    case = _move(make_case(team=team, received_on=dt.date(2026, 2, 2)), Stage.ASSESSMENT, assessor)
    case = _move(case, Stage.INVESTIGATION, assessor)
    services.contact_log(
        case=case,
        contact=services.NewContact(
            direction=Direction.OUTBOUND,
            channel=Channel.EMAIL,
            party="Both parties",
            summary="Progress update",
            received_at=MONDAY,
            handled_at=MONDAY,
        ),
        actor=investigator,
    )
    keep_in_touch = case.deadlines.get(kind=ClockKind.KEEP_IN_TOUCH)
    assert keep_in_touch.due_on == dt.date(2026, 3, 30)


def test_contacts_cannot_be_dated_in_the_future(team: Team, intake_officer: User) -> None:
    with pytest.raises(services.CaseValidationError, match="future"):
        services.contact_log(
            case=make_case(team=team),
            contact=services.NewContact(
                direction=Direction.INBOUND,
                channel=Channel.PHONE,
                party="Complainant",
                summary="Call",
                received_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
            ),
            actor=intake_officer,
        )


def test_organisation_users_cannot_write(council_user: User, council: Organisation) -> None:
    case = make_case(organisation=council)
    with pytest.raises(PermissionDenied):
        services.case_add_note(case=case, text="Hello", actor=council_user)
