"""Remedy guidance fixtures.

version_1      the version seeded by the migration (in force from 1 March 2025)
used_version_1 version 1 after a decision has used it: read-only from then on
draft          version 2, a draft copy of version 1 made by an administrator
admin_client   a test client signed in as the administrator, with admin access
builder_case   a housing case at investigation, allocated to `investigator`, with a
               finding of fault causing distress on issue 1 and no fault on issue 2
apology        an ActionInput for a SMART apology on that finding
payment        an ActionInput for a SMART symbolic payment of £250 for distress
add_past       add_past(amount, text=..., category=..., injustice=...): an issued decision
               on another case with one financial remedy, in the search index
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.decisions import services as decision_services
from redress.decisions.models import Decision, Finding
from redress.domain.categories import Category
from redress.domain.findings import Causation, DecisionStatus, Fault, InjusticeKind
from redress.domain.findings import Finding as FindingFacts
from redress.domain.remedies import RemedyKind
from redress.investigation.models import ComplaintIssue
from redress.organisations.models import Organisation
from redress.remedies.builder_selectors import ActionInput
from redress.remedies.models import GuidanceVersion, RemedyAction
from redress.remedies.search import past_remedies_index
from redress.remedies.services import guidance_version_copy, guidance_version_mark_used
from redress.testing.factories import make_case

from ..decisions.conftest import NO_FAULT, add_issues, to_investigation


@pytest.fixture
def version_1(db: None) -> GuidanceVersion:
    return GuidanceVersion.objects.get(number=1)


@pytest.fixture
def used_version_1(version_1: GuidanceVersion, investigator: User) -> GuidanceVersion:
    guidance_version_mark_used(version=version_1, actor=investigator)
    version_1.refresh_from_db()
    return version_1


@pytest.fixture
def draft(version_1: GuidanceVersion, administrator: User) -> GuidanceVersion:
    return guidance_version_copy(actor=administrator)


@pytest.fixture
def admin_client(administrator: User) -> Client:
    administrator.is_staff = True
    administrator.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(administrator)
    return client


TEMPORARY_HOME = FindingFacts(
    what_happened="The council left the family in unsuitable bed and breakfast accommodation.",
    what_should_have_happened="The law says bed and breakfast is for six weeks at most.",
    fault=Fault.YES,
    injustice_kinds=(InjusticeKind.DISTRESS,),
    injustice="The family shared one room for five months, which caused distress.",
    causation=Causation.CAUSED,
)


@pytest.fixture
def builder_case(team: Team, investigator: User, manager: User, council: Organisation) -> Case:
    case = make_case(team=team, officer=investigator, organisation=council)
    case = to_investigation(case, manager)
    add_issues(case, investigator)
    issues = list(ComplaintIssue.objects.filter(case=case).order_by("number"))
    decision_services.finding_record(issue=issues[0], facts=TEMPORARY_HOME, actor=investigator)
    decision_services.finding_record(issue=issues[1], facts=NO_FAULT, actor=investigator)
    case.refresh_from_db()
    return case


def first_finding(case: Case) -> Finding:
    return Finding.objects.get(case=case, issue__number=1)


@pytest.fixture
def apology(builder_case: Case) -> ActionInput:
    return ActionInput(
        kind=RemedyKind.APOLOGY,
        finding_id=first_finding(builder_case).pk,
        action="Apologise in writing to Mrs X for leaving the family in bed and breakfast.",
        responsible="Wessex County Council",
        evidence="A copy of the letter of apology",
    )


@pytest.fixture
def payment(builder_case: Case) -> ActionInput:
    return ActionInput(
        kind=RemedyKind.SYMBOLIC_PAYMENT,
        finding_id=first_finding(builder_case).pk,
        action="Pay Mrs X £250 to acknowledge the distress caused.",
        responsible="Wessex County Council",
        evidence="Proof of payment",
        amount=250,
        payment_for=InjusticeKind.DISTRESS,
    )


AddPast = Callable[..., RemedyAction]


def make_past_remedy(
    amount: int,
    *,
    team: Team,
    officer: User,
    organisation: Organisation,
    text: str = "The family was left in bed and breakfast accommodation for months.",
    category: Category = Category.HOUSING,
    injustice: InjusticeKind = InjusticeKind.DISTRESS,
    decided_on: dt.date | None = None,
) -> RemedyAction:
    """An issued decision on a new case with one payment, added to the search index."""
    case = make_case(team=team, officer=officer, organisation=organisation, category=category)
    issue = ComplaintIssue.objects.create(case=case, number=1, description="Delay.")
    now = timezone.now()
    finding = Finding.objects.create(
        issue=issue,
        case=case,
        what_happened=text,
        what_should_have_happened="The law.",
        fault=Fault.YES,
        injustice_kinds=[injustice.value],
        injustice="Distress.",
        causation=Causation.CAUSED,
        recorded_by=officer,
        updated_at=now,
    )
    decision = Decision.objects.create(
        case=case, status=DecisionStatus.ISSUED, created_at=now, issued_at=now
    )
    action = RemedyAction.objects.create(
        decision=decision,
        finding=finding,
        number=1,
        kind=RemedyKind.SYMBOLIC_PAYMENT,
        action=f"Pay Mr Y £{amount}.",
        responsible="The Council",
        evidence="Proof of payment",
        amount=amount,
        payment_for=injustice.value,
        recorded_by=officer,
        updated_at=now,
    )
    past_remedies_index(decision=decision, decided_on=decided_on or timezone.localdate())
    return action


@pytest.fixture
def add_past(team: Team, investigator: User, council: Organisation) -> AddPast:
    def add(amount: int, **extra: Any) -> RemedyAction:
        return make_past_remedy(
            amount, team=team, officer=investigator, organisation=council, **extra
        )

    return add
