"""Named personas used across the suite: who they are says what they may do."""

from __future__ import annotations

import pytest

from redress.accounts.models import Team, User
from redress.domain.roles import Role
from redress.organisations.models import Organisation
from redress.testing.factories import OrganisationFactory, TeamFactory, UserFactory


@pytest.fixture
def team(db: None) -> Team:
    return TeamFactory(name="Investigation 1")


@pytest.fixture
def other_team(db: None) -> Team:
    return TeamFactory(name="Investigation 2")


def _staff(role: Role, team: Team | None, username: str) -> User:
    return UserFactory(username=username, role=role, team=team)


@pytest.fixture
def intake_officer(team: Team) -> User:
    return _staff(Role.INTAKE_OFFICER, team, "ivy.intake")


@pytest.fixture
def assessor(team: Team) -> User:
    return _staff(Role.ASSESSOR, team, "amir.assessor")


@pytest.fixture
def investigator(team: Team) -> User:
    return _staff(Role.INVESTIGATOR, team, "ina.investigator")


@pytest.fixture
def colleague(team: Team) -> User:
    """Another investigator in the same team."""
    return _staff(Role.INVESTIGATOR, team, "colin.colleague")


@pytest.fixture
def outsider(other_team: Team) -> User:
    """An investigator in another team: sees none of the first team's cases."""
    return _staff(Role.INVESTIGATOR, other_team, "otto.outsider")


@pytest.fixture
def manager(team: Team) -> User:
    return _staff(Role.MANAGER, team, "mona.manager")


@pytest.fixture
def compliance_officer(team: Team) -> User:
    return _staff(Role.COMPLIANCE_OFFICER, team, "cora.compliance")


@pytest.fixture
def administrator(db: None) -> User:
    return _staff(Role.ADMINISTRATOR, None, "ada.admin")


@pytest.fixture
def council(db: None) -> Organisation:
    return OrganisationFactory(name="Wessex County Council")


@pytest.fixture
def other_council(db: None) -> Organisation:
    return OrganisationFactory(name="Mercia District Council")


@pytest.fixture
def council_user(council: Organisation) -> User:
    return UserFactory(username="link.officer", role=Role.ORGANISATION_USER, organisation=council)


@pytest.fixture
def complainant_user(db: None) -> User:
    return UserFactory(username="pat.public", role=Role.COMPLAINANT)
