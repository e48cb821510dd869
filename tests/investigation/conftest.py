"""Cases under investigation, and clients signed in as the people who work on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

import pytest
import time_machine
from django.test import Client

from redress.accounts.models import Team, User
from redress.casework import services as case_services
from redress.casework.models import Case
from redress.domain.roles import Role
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.organisations.portal_access import VERIFIED_KEY
from redress.testing.factories import UserFactory, make_case


def move(case: Case, target: Stage, actor: User) -> Case:
    return case_services.case_move(
        case=case, expected_version=case.version, target=target, reason="Decided", actor=actor
    )


def investigate(case: Case, assessor: User) -> Case:
    case = move(case, Stage.ASSESSMENT, assessor)
    return move(case, Stage.INVESTIGATION, assessor)


# Investigation begins on Monday 2 March 2026; keep-in-touch is then due on 30 March.
STARTED = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def case(team: Team, council: Organisation, assessor: User, investigator: User) -> Case:
    """A complaint about the council, allocated to the investigator, received on 2 February
    2026 and investigated from Monday 2 March 2026."""
    with time_machine.travel(STARTED, tick=False):
        made = make_case(
            team=team, officer=investigator, organisation=council, received_on=dt.date(2026, 2, 2)
        )
        return investigate(made, assessor)


@pytest.fixture
def other_case(other_team: Team, other_council: Organisation, assessor: User) -> Case:
    """Another organisation's case, in another team."""
    made = make_case(team=other_team, organisation=other_council)
    return Case.objects.get(pk=made.pk)


def _client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _portal_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session[VERIFIED_KEY] = user.pk
    session.save()
    return client


@pytest.fixture
def client_for() -> Callable[[User | None], Client]:
    """A test client signed in as the given member of staff (or signed out for None)."""
    return _client_for


@pytest.fixture
def portal_client() -> Callable[[User], Client]:
    """A link officer who has given their one-time code in this session."""
    return _portal_client


@pytest.fixture
def stage_move() -> Callable[[Case, Stage, User], Case]:
    return move


@pytest.fixture
def other_link_officer(other_council: Organisation) -> User:
    return cast(
        User,
        UserFactory(
            username="other.link.officer", role=Role.ORGANISATION_USER, organisation=other_council
        ),
    )
