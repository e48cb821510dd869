"""Junk in any compliance form gives a clear error, never a 500, and loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.compliance.models import ComplianceItem
from redress.compliance.reports import report_draft, report_send
from redress.compliance.services import item_not_complied
from redress.domain.compliance import ItemStatus

from .conftest import with_evidence

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User | None], Client]
LONG = "x" * 20_001


def ref(item: ComplianceItem) -> str:
    return item.case.reference.replace(" ", "")


def _shows_error(response: Any) -> str:
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    return body


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"version": "abc", "verdict": "satisfied"},
        {"version": "1", "verdict": "maybe"},
        {"version": "-4", "verdict": "satisfied"},
        {"version": "3", "verdict": "more_needed", "what_is_needed": "bad\x00text"},
        {"version": "3", "verdict": "more_needed", "what_is_needed": LONG},
        {"version": "99", "verdict": "satisfied"},
    ],
)
def test_review_junk(
    data: dict[str, str],
    item: ComplianceItem,
    council_user: User,
    compliance_officer: User,
    client_for: ClientFor,
) -> None:
    with_evidence(item, council_user)
    url = reverse("compliance:review", args=[ref(item), item.pk])
    _shows_error(client_for(compliance_officer).post(url, data))
    item.refresh_from_db()
    assert item.status == ItemStatus.EVIDENCE_RECEIVED


def test_review_without_evidence_says_so(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    url = reverse("compliance:review", args=[ref(item), item.pk])
    body = _shows_error(client_for(compliance_officer).post(url, {"version": "1"}))
    assert "no evidence waiting" in body


@pytest.mark.parametrize("data", [{}, {"version": "x"}, {"version": "99"}])
def test_not_complied_junk(
    data: dict[str, str], item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    url = reverse("compliance:not-complied", args=[ref(item), item.pk])
    _shows_error(client_for(compliance_officer).post(url, data))
    item.refresh_from_db()
    assert item.status == ItemStatus.DUE


def test_closing_too_early_says_why(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    body = _shows_error(
        client_for(compliance_officer).post(reverse("compliance:close", args=[ref(item)]))
    )
    assert "Every agreed action must be satisfied" in body


@pytest.mark.parametrize("text", ["", "   ", "a\x00b", LONG])
def test_report_text_junk(
    text: str, item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    url = reverse("compliance:report-new", args=[ref(item)])
    _shows_error(client_for(compliance_officer).post(url, {"text": text}))


def test_a_report_without_anything_not_complied_says_why(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    url = reverse("compliance:report-new", args=[ref(item)])
    body = _shows_error(client_for(compliance_officer).post(url, {"text": "Words."}))
    assert "at least one action recorded as not complied" in body


@pytest.fixture
def sent_report(item: ComplianceItem, compliance_officer: User) -> Any:
    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    report = report_draft(case=item.case, text="Draft.", actor=compliance_officer)
    return report_send(report=report, expected_version=report.version, actor=compliance_officer)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {
            "version": "2",
            "text": "We will.",
            "received_on_day": "31",
            "received_on_month": "2",
            "received_on_year": "2026",
        },
        {
            "version": "2",
            "text": "We will.",
            "received_on_day": "1",
            "received_on_month": "1",
            "received_on_year": "2999",
        },
        {
            "version": "2",
            "text": "We will.",
            "received_on_day": "x",
            "received_on_month": "y",
            "received_on_year": "z",
        },
        {
            "version": "2",
            "text": "We will.",
            "received_on_day": "1",
            "received_on_month": "1",
            "received_on_year": "2001",
        },
        {
            "version": "7",
            "text": "We will.",
            "received_on_day": "1",
            "received_on_month": "1",
            "received_on_year": "2001",
        },
    ],
)
def test_response_junk(
    data: dict[str, str], sent_report: Any, compliance_officer: User, client_for: ClientFor
) -> None:
    url = reverse(
        "compliance:report-response", args=[ref(sent_report.items.first()), sent_report.pk]
    )
    _shows_error(client_for(compliance_officer).post(url, data))
    sent_report.refresh_from_db()
    assert sent_report.response_text == ""


def test_sending_with_a_junk_version_is_not_a_500(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    item_not_complied(item=item, expected_version=item.version, actor=compliance_officer)
    report = report_draft(case=item.case, text="Draft.", actor=compliance_officer)
    url = reverse("compliance:report-send", args=[ref(item), report.pk])
    client = client_for(compliance_officer)
    for version in ("", "abc", "99"):
        response = client.post(url, {"version": version}, follow=True)
        assert response.status_code == 200
    report.refresh_from_db()
    assert report.sent_at is None


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"text": "  "},
        {"text": "bad\x00"},
        {"text": LONG},
        {"text": "ok", "documents": [SimpleUploadedFile("empty.pdf", b"")]},
        {
            "text": "ok",
            "documents": [SimpleUploadedFile(f"f{i}.pdf", b"%PDF-1.4 x") for i in range(11)],
        },
    ],
)
def test_evidence_junk(
    data: dict[str, Any],
    item: ComplianceItem,
    council_user: User,
    portal_client: Callable[[User], Client],
) -> None:
    url = reverse("compliance-org:evidence", args=[ref(item), item.pk])
    _shows_error(portal_client(council_user).post(url, data))
    item.refresh_from_db()
    assert item.status == ItemStatus.DUE


@pytest.mark.parametrize(
    "query", [{"view": "x" * 500}, {"page": "-3"}, {"page": "99999999999999"}, {"page": "1e9"}]
)
def test_queue_junk(query: dict[str, str], compliance_officer: User, client_for: ClientFor) -> None:
    response = client_for(compliance_officer).get(reverse("compliance-queue:queue"), query)
    assert response.status_code == 200


def test_huge_numbers_in_addresses_are_404(
    item: ComplianceItem, compliance_officer: User, client_for: ClientFor
) -> None:
    huge = 10**30
    assert Client().get(f"/service-improvements/{huge}/").status_code == 404
    client = client_for(compliance_officer)
    assert client.get(f"/cases/{ref(item)}/compliance/actions/{huge}/review/").status_code == 404
    assert client.get(f"/cases/{ref(item)}/compliance/reports/{huge}/").status_code == 404
    assert client.get("/cases/not-a-ref/compliance/").status_code == 404
