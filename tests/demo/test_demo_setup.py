"""`redress demo_setup`: the demo accounts, a caseload with work in every queue, and one
named case at each point of the flow, made once however often it runs."""

from __future__ import annotations

import pytest

from redress.accounts.models import Team, User
from redress.casework.models import Case, Contact, Deadline, StageTransition
from redress.demo.management.commands.demo_setup import (
    COUNCIL_USERNAME,
    DEMO_ACCOUNTS,
    DEMO_ORGANISATION,
    DEMO_PASSWORD,
    DEMO_URL,
)
from redress.demo.scenarios import SCENARIOS
from redress.demo.scenarios.base import SCENARIO_EMAIL_DOMAIN, scenario_case
from redress.domain.roles import Role, may_move_case_at
from redress.domain.stages import Stage
from redress.investigation.models import Enquiry
from redress.notifications.models import Letter
from redress.organisations.models import Organisation

from .conftest import DEMO_CASES, demo_setup

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Team.objects.count(),
        Organisation.objects.count(),
        Case.objects.count(),
        StageTransition.objects.count(),
        Contact.objects.count(),
        Deadline.objects.count(),
        Letter.objects.count(),
        Enquiry.objects.count(),
    )


def test_a_second_run_creates_nothing(demo: str) -> None:
    after_first = _counts()
    again = demo_setup()
    assert _counts() == after_first
    assert after_first[3] == DEMO_CASES + len(SCENARIOS)
    for scenario in SCENARIOS:
        case = scenario_case(scenario.key)
        assert case is not None
        assert f"{case.reference}  {scenario.shows}" in demo
        assert f"{case.reference}  {scenario.shows}" in again


def test_every_account_signs_in_and_has_work(demo: str) -> None:
    assert DEMO_URL in demo
    assert DEMO_PASSWORD in demo
    for account in DEMO_ACCOUNTS:
        assert account.username in demo
        user = User.objects.get(username=account.username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.role == account.role.value
        if account.role in (Role.ADMINISTRATOR, Role.MANAGER):
            continue
        mine = Case.objects.filter(officer=user).exclude(stage=Stage.CLOSED.value)
        assert mine.exists(), f"{account.username} has an empty workqueue"
        # Generated cases sit with someone who can move them on; a scenario case stays
        # with whoever the services left it with (the assessor after an early resolution).
        mine = mine.exclude(complainant__email__endswith=SCENARIO_EMAIL_DOMAIN)
        assert all(
            may_move_case_at(account.role, Stage(stage))
            for stage in mine.values_list("stage", flat=True)
        )
    manager = User.objects.get(username="manager")
    assert manager.team_id is not None
    assert Case.objects.filter(team_id=manager.team_id).exclude(stage=Stage.CLOSED.value).exists()
    council = User.objects.get(username=COUNCIL_USERNAME)
    assert council.organisation is not None
    assert council.organisation.name == DEMO_ORGANISATION
    assert Case.objects.visible_to(council).exists()


def test_every_scenario_case_is_where_its_description_says(demo: str) -> None:
    investigator = User.objects.get(username="investigator")
    council = User.objects.get(username=COUNCIL_USERNAME)
    for scenario in SCENARIOS:
        case = scenario_case(scenario.key)
        assert case is not None
        assert case.stage == scenario.stage.value, scenario.key
        assert case.organisation_id == council.organisation_id
        assert Case.objects.visible_to(council).filter(pk=case.pk).exists()
        if scenario.stage in (Stage.INVESTIGATION, Stage.DRAFT_DECISION):
            assert case.officer_id == investigator.pk, scenario.key
        # The case points at its earliest running clock, as the services keep it.
        running = Deadline.objects.filter(case=case, met_at__isnull=True).order_by("due_on")
        paused = set(case.clock_pauses.filter(ended_on__isnull=True).values_list("kind", flat=True))
        first = next((d for d in running if d.kind not in paused), None)
        assert case.next_due_on == (first.due_on if first else None), scenario.key
