"""Staff pages: what each shows, and that each form does what it says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.casework.models import Case
from redress.compliance.models import ComplianceItem, PublicReport
from redress.compliance.reports import report_draft
from redress.compliance.services import compliance_items_open, item_not_complied
from redress.domain.compliance import ItemStatus, ReportStatus
from redress.domain.stages import Stage

from .conftest import actions_due, with_evidence

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User | None], Client]


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def test_the_items_page_lists_each_action(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    response = client_for(compliance_officer).get(
        reverse("compliance:items", args=[ref(item.case)])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Apologise in writing to Mrs X" in body
    assert "Due" in body
    assert "Record not complied" in body


def test_review_satisfied_then_close(
    item: ComplianceItem, compliance_officer: User, council_user: User, client_for: ClientFor
) -> None:
    with_evidence(item, council_user)
    client = client_for(compliance_officer)
    url = reverse("compliance:review", args=[ref(item.case), item.pk])
    assert "We sent the apology." in client.get(url).content.decode()
    response = client.post(url, {"version": item.version, "verdict": "satisfied"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ItemStatus.SATISFIED
    page = client.get(reverse("compliance:items", args=[ref(item.case)])).content.decode()
    assert "Close the case" in page
    response = client.post(reverse("compliance:close", args=[ref(item.case)]))
    assert response.status_code == 302
    item.case.refresh_from_db()
    assert item.case.stage == Stage.CLOSED


def test_ask_for_more_needs_what(
    item: ComplianceItem, compliance_officer: User, council_user: User, client_for: ClientFor
) -> None:
    with_evidence(item, council_user)
    url = reverse("compliance:review", args=[ref(item.case), item.pk])
    response = client_for(compliance_officer).post(
        url, {"version": item.version, "verdict": "more_needed", "what_is_needed": ""}
    )
    assert response.status_code == 200
    assert "Enter what the organisation still needs to send" in response.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.EVIDENCE_RECEIVED


def test_not_complied_then_a_public_report(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    client = client_for(compliance_officer)
    case_ref = ref(item.case)
    page = client.get(reverse("compliance:not-complied", args=[case_ref, item.pk]))
    assert page.status_code == 200
    client.post(
        reverse("compliance:not-complied", args=[case_ref, item.pk]), {"version": item.version}
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.NOT_COMPLIED
    assert client.get(reverse("compliance:report-new", args=[case_ref])).status_code == 200
    response = client.post(
        reverse("compliance:report-new", args=[case_ref]), {"text": "The council did not."}
    )
    report = PublicReport.objects.get(case=item.case)
    assert response.url == reverse("compliance:report", args=[case_ref, report.pk])
    assert client.get(response.url).status_code == 200
    client.post(
        reverse("compliance:report-send", args=[case_ref, report.pk]), {"version": report.version}
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT
    url = reverse("compliance:report-response", args=[case_ref, report.pk])
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    client.post(
        url,
        {
            "version": report.version,
            "text": "We will apologise.",
            "received_on_day": today.day,
            "received_on_month": today.month,
            "received_on_year": today.year,
        },
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.RESPONDED


def test_start_monitoring(
    decided_case: Case, assessor: User, compliance_officer: User, client_for: ClientFor
) -> None:
    compliance_items_open(
        case=decided_case,
        actions=actions_due(timezone.localdate()),
        source="decision",
        actor=assessor,
    )
    client = client_for(compliance_officer)
    page = client.get(reverse("compliance:items", args=[ref(decided_case)])).content.decode()
    assert "Start monitoring the agreed actions" in page
    client.post(reverse("compliance:start", args=[ref(decided_case)]))
    decided_case.refresh_from_db()
    assert decided_case.stage == Stage.COMPLIANCE


def test_the_case_page_links_to_compliance(
    monitored_case: Case, compliance_officer: User, client_for: ClientFor
) -> None:
    page = client_for(compliance_officer).get(reverse("casework:case", args=[ref(monitored_case)]))
    assert reverse("compliance:items", args=[ref(monitored_case)]) in page.content.decode()


# -- The queue and the figures --------------------------------------------------------------


@pytest.mark.parametrize("view", ["evidence", "overdue", "due_soon", "escalated", "nonsense"])
def test_the_queue_views(
    view: str,
    item: ComplianceItem,
    compliance_officer: User,
    council_user: User,
    client_for: ClientFor,
) -> None:
    with_evidence(item, council_user)
    response = client_for(compliance_officer).get(
        reverse("compliance-queue:queue"), {"view": view, "page": "x"}
    )
    assert response.status_code == 200
    shown = item.case.reference in response.content.decode()
    assert shown is (view in ("evidence", "nonsense"))


def test_the_queue_shows_only_the_officer_s_team(
    item: ComplianceItem,
    council_user: User,
    other_compliance_officer: User,
    client_for: ClientFor,
) -> None:
    with_evidence(item, council_user)
    response = client_for(other_compliance_officer).get(reverse("compliance-queue:queue"))
    assert item.case.reference not in response.content.decode()


def test_the_queue_keeps_to_its_query_budget(
    decided_case: Case,
    compliance_officer: User,
    council_user: User,
    client_for: ClientFor,
    django_assert_max_num_queries: Any,
) -> None:
    items = compliance_items_open(
        case=decided_case,
        actions=actions_due(*[timezone.localdate()] * 30),
        source="decision",
        actor=compliance_officer,
    )
    for item in items:
        with_evidence(item, council_user)
    client = client_for(compliance_officer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("compliance-queue:queue"), {"view": "evidence"})
    assert response.content.decode().count(decided_case.reference) == 30


def test_the_figures_by_organisation(
    decided_case: Case,
    compliance_officer: User,
    council_user: User,
    client_for: ClientFor,
    django_assert_max_num_queries: Any,
) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    first, second, third = compliance_items_open(
        case=decided_case,
        actions=actions_due(yesterday, yesterday, yesterday),
        source="decision",
        actor=compliance_officer,
    )
    from redress.compliance.services import evidence_review
    from redress.domain.compliance import ReviewVerdict

    for done in (first, second):
        with_evidence(done, council_user)
        evidence_review(
            item=done,
            expected_version=done.version,
            verdict=ReviewVerdict.SATISFIED,
            what_is_needed="",
            actor=compliance_officer,
        )
    item_not_complied(item=third, expected_version=third.version, actor=compliance_officer)
    client = client_for(compliance_officer)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("compliance-queue:statistics"))
    body = response.content.decode()
    assert decided_case.organisation.name in body
    assert "66.7%" in body  # 2 satisfied of 3 known
    assert "100.0%" in body  # both satisfied late (evidence sent after yesterday)


def test_a_draft_report_page_shows_its_items(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    report = report_draft(case=item.case, text="Draft words.", actor=compliance_officer)
    page = client_for(compliance_officer).get(
        reverse("compliance:report", args=[ref(item.case), report.pk])
    )
    assert "Apologise in writing to Mrs X" in page.content.decode()


def test_reports_awaiting_a_response(
    item: ComplianceItem,
    compliance_officer: User,
    other_compliance_officer: User,
    client_for: ClientFor,
    django_assert_max_num_queries: Any,
) -> None:
    from redress.compliance.reports import report_send

    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    report = report_draft(case=item.case, text="Draft words.", actor=compliance_officer)
    report_send(report=report, expected_version=report.version, actor=compliance_officer)
    client = client_for(compliance_officer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("compliance-queue:reports"), {"page": "junk"})
    body = response.content.decode()
    assert item.case.reference in body
    assert 'aria-current="page">Public reports awaiting a response' in body
    other = client_for(other_compliance_officer).get(reverse("compliance-queue:reports"))
    assert item.case.reference not in other.content.decode()


def test_decided_cases_waiting_to_start_are_queued(
    decided_case: Case, assessor: User, compliance_officer: User, client_for: ClientFor
) -> None:
    compliance_items_open(
        case=decided_case,
        actions=actions_due(timezone.localdate()),
        source="decision",
        actor=assessor,
    )
    client = client_for(compliance_officer)
    response = client.get(reverse("compliance-queue:queue"), {"view": "not_started"})
    assert decided_case.reference in response.content.decode()


def test_the_navigation_offers_compliance_to_those_who_follow_up_actions(
    compliance_officer: User, manager: User, investigator: User, client_for: ClientFor
) -> None:
    queue = reverse("compliance-queue:queue")
    for user, shown in ((compliance_officer, True), (manager, True), (investigator, False)):
        page = client_for(user).get(reverse("casework:workqueue")).content.decode()
        assert (f'href="{queue}"' in page) is shown, user.role
