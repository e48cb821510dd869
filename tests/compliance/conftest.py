"""Cases at the final decision with agreed actions, and their compliance items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

import pytest
from django.test import Client
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.compliance.models import ComplianceItem
from redress.compliance.services import NewEvidence, compliance_items_open, evidence_submit
from redress.domain.remedies import RemedyKind
from redress.domain.roles import Role
from redress.domain.smart import RecommendedAction
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.organisations.portal_access import VERIFIED_KEY
from redress.testing.factories import UserFactory, make_case


def actions_due(*due: dt.date, kind: RemedyKind = RemedyKind.APOLOGY) -> list[RecommendedAction]:
    today = timezone.localdate()
    return [
        RecommendedAction(
            kind=kind,
            action=f"Apologise in writing to Mrs X for the delay (action {n})",
            responsible="Head of Housing",
            evidence="A copy of the letter of apology",
            due_on=due_on,
            decided_on=min(today, due_on),
        )
        for n, due_on in enumerate(due, start=1)
    ]


@pytest.fixture
def decided_case(team: Team, council: Organisation, investigator: User) -> Case:
    council.complaints_email = "complaints@wessex.example"
    council.save(update_fields=["complaints_email"])
    return make_case(organisation=council, team=team, officer=investigator, stage=Stage.DECIDED)


@pytest.fixture
def monitored_case(decided_case: Case, compliance_officer: User) -> Case:
    compliance_items_open(
        case=decided_case,
        actions=actions_due(timezone.localdate() + dt.timedelta(days=28)),
        source="decision",
        actor=compliance_officer,
    )
    decided_case.refresh_from_db()
    return decided_case


@pytest.fixture
def item(monitored_case: Case) -> ComplianceItem:
    return ComplianceItem.objects.get(case=monitored_case, number=1)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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
    """A test client signed in as the given person (or signed out for None)."""
    return _client_for


@pytest.fixture
def portal_client() -> Callable[[User], Client]:
    """A link officer who has given their one-time code in this session."""
    return _portal_client


@pytest.fixture
def other_link_officer(other_council: Organisation) -> User:
    return cast(
        User,
        UserFactory(
            username="other.link.officer", role=Role.ORGANISATION_USER, organisation=other_council
        ),
    )


@pytest.fixture
def other_compliance_officer(other_team: Team) -> User:
    return cast(
        User,
        UserFactory(username="oscar.compliance", role=Role.COMPLIANCE_OFFICER, team=other_team),
    )


def with_evidence(item: ComplianceItem, user: User, text: str = "We sent the apology.") -> None:
    evidence_submit(item=item, evidence=NewEvidence(text=text), actor=user)
    item.refresh_from_db()
