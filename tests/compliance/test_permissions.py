"""Who may use each staff compliance page that writes: signed out, wrong role, another
team, a sensitive case, an organisation, a complainant."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.casework.models import Case
from redress.compliance.models import ComplianceItem, PublicReport
from redress.compliance.reports import report_draft
from redress.compliance.services import item_not_complied

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Page:
    name: str
    needs_item: bool = False
    needs_report: bool = False


WRITE_PAGES = [
    Page("compliance:start"),
    Page("compliance:close"),
    Page("compliance:review", needs_item=True),
    Page("compliance:not-complied", needs_item=True),
    Page("compliance:report-new"),
    Page("compliance:report", needs_report=True),
    Page("compliance:report-send", needs_report=True),
    Page("compliance:report-response", needs_report=True),
]


@pytest.fixture
def report(item: ComplianceItem, compliance_officer: User) -> PublicReport:
    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    return report_draft(case=item.case, text="Draft.", actor=compliance_officer)


def _url(page: Page, case: Case, item: ComplianceItem, report: PublicReport) -> str:
    reference = case.reference.replace(" ", "")
    if page.needs_item:
        return reverse(page.name, args=[reference, item.pk])
    if page.needs_report:
        return reverse(page.name, args=[reference, report.pk])
    return reverse(page.name, args=[reference])


def _post(client: Client, page: Page, item: ComplianceItem, report: PublicReport) -> int:
    return client.post(_url(page, item.case, item, report), {"version": "1"}).status_code


@pytest.mark.parametrize("page", WRITE_PAGES, ids=lambda p: p.name)
def test_signed_out_goes_to_sign_in(page: Page, item: ComplianceItem, report: PublicReport) -> None:
    response = Client().post(_url(page, item.case, item, report))
    assert response.status_code == 302
    assert "sign-in" in response.url


@pytest.mark.parametrize("page", WRITE_PAGES, ids=lambda p: p.name)
@pytest.mark.parametrize(
    "who", ["investigator", "assessor", "intake_officer", "complainant_user", "council_user"]
)
def test_the_wrong_role_is_refused(
    page: Page,
    who: str,
    *,
    item: ComplianceItem,
    report: PublicReport,
    request: pytest.FixtureRequest,
    client_for: Callable[[User | None], Client],
) -> None:
    client = client_for(request.getfixturevalue(who))
    assert _post(client, page, item, report) == 403
    item.refresh_from_db()
    assert item.version == 2  # only the not-complied of the fixture


@pytest.mark.parametrize("page", WRITE_PAGES, ids=lambda p: p.name)
def test_another_team_sees_nothing(
    page: Page,
    item: ComplianceItem,
    report: PublicReport,
    other_compliance_officer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    assert _post(client_for(other_compliance_officer), page, item, report) == 404


@pytest.mark.parametrize("page", WRITE_PAGES, ids=lambda p: p.name)
def test_a_sensitive_case_is_hidden_from_a_compliance_officer(
    page: Page,
    item: ComplianceItem,
    report: PublicReport,
    compliance_officer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    Case.objects.filter(pk=item.case_id).update(sensitive=True)
    assert _post(client_for(compliance_officer), page, item, report) == 404


def test_a_manager_sees_a_sensitive_case(
    item: ComplianceItem,
    report: PublicReport,
    manager: User,
    client_for: Callable[[User | None], Client],
) -> None:
    Case.objects.filter(pk=item.case_id).update(sensitive=True)
    url = reverse("compliance:items", args=[item.case.reference.replace(" ", "")])
    assert client_for(manager).get(url).status_code == 200


@pytest.mark.parametrize("who", ["complainant_user", "council_user"])
def test_the_queue_and_figures_are_for_staff(
    who: str, request: pytest.FixtureRequest, client_for: Callable[[User | None], Client]
) -> None:
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("compliance-queue:queue")).status_code == 403
    assert client.get(reverse("compliance-queue:statistics")).status_code == 403
    assert client.get(reverse("compliance-queue:reports")).status_code == 403


def test_an_item_of_another_case_is_404(
    item: ComplianceItem, compliance_officer: User, client_for: Callable[[User | None], Client]
) -> None:
    from redress.testing.factories import make_case

    other = make_case(organisation=item.case.organisation, team=item.case.team, stage="decided")
    url = reverse("compliance:review", args=[other.reference.replace(" ", ""), item.pk])
    assert client_for(compliance_officer).get(url).status_code == 404
