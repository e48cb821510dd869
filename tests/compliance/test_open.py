"""Opening compliance items from a decision's or an early resolution's agreed actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.assessment.services import Decision, Draft, assessment_decide, assessment_save
from redress.audit.models import AuditEvent
from redress.casework.models import Case, StageTransition
from redress.casework.services import case_move
from redress.compliance.models import ComplianceItem
from redress.compliance.services import compliance_items_open
from redress.domain.assessment import (
    DISCRETION_TESTS,
    LEGAL_BARS,
    AgreedAction,
    Answer,
    OutcomeKind,
)
from redress.domain.compliance import ComplianceError, ItemStatus
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

from .conftest import actions_due

pytestmark = pytest.mark.django_db
IN_FOUR_WEEKS = timezone.localdate() + dt.timedelta(days=28)


def test_items_open_due_and_the_case_moves_to_compliance(
    decided_case: Case, compliance_officer: User
) -> None:
    items = compliance_items_open(
        case=decided_case,
        actions=actions_due(IN_FOUR_WEEKS, IN_FOUR_WEEKS + dt.timedelta(days=7)),
        source="decision",
        actor=compliance_officer,
    )
    assert [(i.number, i.status, i.source) for i in items] == [
        (1, ItemStatus.DUE, "decision"),
        (2, ItemStatus.DUE, "decision"),
    ]
    assert items[0].evidence_required == "A copy of the letter of apology"
    decided_case.refresh_from_db()
    assert decided_case.stage == Stage.COMPLIANCE
    move = StageTransition.objects.filter(case=decided_case).latest("at")
    assert move.reason == "Monitor agreed actions"
    assert (
        AuditEvent.objects.filter(
            object_type="compliance.complianceitem", case_id=decided_case.pk, action="create"
        ).count()
        == 2
    )


def test_items_opened_again_are_numbered_after_the_first(
    monitored_case: Case, compliance_officer: User
) -> None:
    more = compliance_items_open(
        case=monitored_case,
        actions=actions_due(IN_FOUR_WEEKS),
        source="decision",
        actor=compliance_officer,
    )
    assert [i.number for i in more] == [2]
    monitored_case.refresh_from_db()
    assert monitored_case.stage == Stage.COMPLIANCE


def test_a_non_staff_actor_cannot_open_items(decided_case: Case, council_user: User) -> None:
    with pytest.raises(PermissionDenied):
        compliance_items_open(
            case=decided_case,
            actions=actions_due(IN_FOUR_WEEKS),
            source="decision",
            actor=council_user,
        )
    assert not ComplianceItem.objects.exists()


def test_an_unknown_source_is_refused(decided_case: Case, compliance_officer: User) -> None:
    with pytest.raises(ValueError, match="letter"):
        compliance_items_open(
            case=decided_case,
            actions=actions_due(IN_FOUR_WEEKS),
            source="letter",
            actor=compliance_officer,
        )


def test_an_action_without_a_date_is_refused(decided_case: Case, compliance_officer: User) -> None:
    undated = [a.__class__(**{**a.__dict__, "due_on": None}) for a in actions_due(IN_FOUR_WEEKS)]
    with pytest.raises(ComplianceError):
        compliance_items_open(
            case=decided_case, actions=undated, source="decision", actor=compliance_officer
        )


def test_early_resolution_opens_an_item_per_agreed_action(
    team: Team, council: Organisation, manager: User, assessor: User
) -> None:
    case = make_case(team=team, organisation=council)
    case = case_move(
        case=case,
        expected_version=case.version,
        target=Stage.ASSESSMENT,
        reason="Passed to assessment",
        actor=manager,
    )
    drafts = {
        **{q: Draft(Answer.NO, "") for q in LEGAL_BARS},
        **{q: Draft(Answer.YES, "Reasoning.") for q in DISCRETION_TESTS},
    }
    assessment_save(case=case, expected_version=0, drafts=drafts, notes="", actor=assessor)
    case.refresh_from_db()
    assessment_decide(
        case=case,
        expected_version=case.version,
        decision=Decision(
            OutcomeKind.EARLY_RESOLUTION,
            "The council has agreed to apologise.",
            actions=[
                AgreedAction("Apologise in writing to Mrs X", "Director of housing", IN_FOUR_WEEKS)
            ],
        ),
        actor=assessor,
    )
    [item] = ComplianceItem.objects.filter(case=case)
    assert (item.source, item.status, item.responsible, item.due_on, item.kind) == (
        "early_resolution",
        ItemStatus.DUE,
        "Director of housing",
        IN_FOUR_WEEKS,
        "",
    )
    case.refresh_from_db()
    assert case.stage == Stage.COMPLIANCE
