"""The organisation's pages: its agreed actions, and sending evidence through the portal."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.casework.models import Case, Document, StageTransition
from redress.compliance.models import ComplianceItem
from redress.domain.compliance import ItemStatus

from .conftest import PDF

pytestmark = pytest.mark.django_db
PortalClient = Callable[[User], Client]


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _evidence_url(item: ComplianceItem) -> str:
    return reverse("compliance-org:evidence", args=[ref(item.case), item.pk])


def test_the_portal_case_page_links_to_the_actions(
    monitored_case: Case, council_user: User, portal_client: PortalClient
) -> None:
    # The portal shows a case once something on it was shared: here, the investigation.
    StageTransition.objects.create(
        case=monitored_case,
        from_stage="assessment",
        to_stage="investigation",
        reason="Allocated",
        at=timezone.now(),
    )
    page = portal_client(council_user).get(
        reverse("organisation-portal:case", args=[ref(monitored_case)])
    )
    assert reverse("compliance-org:items", args=[ref(monitored_case)]) in page.content.decode()


def test_the_organisation_sees_its_actions(
    item: ComplianceItem, council_user: User, portal_client: PortalClient
) -> None:
    page = portal_client(council_user).get(reverse("compliance-org:items", args=[ref(item.case)]))
    body = page.content.decode()
    assert "Apologise in writing to Mrs X" in body
    assert _evidence_url(item) in body


def test_evidence_with_a_document_is_sent(
    item: ComplianceItem, council_user: User, portal_client: PortalClient
) -> None:
    response = portal_client(council_user).post(
        _evidence_url(item),
        {"text": "We sent the apology.", "documents": [SimpleUploadedFile("letter.pdf", PDF)]},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ItemStatus.EVIDENCE_RECEIVED
    assert Document.objects.get(case=item.case).original_name == "letter.pdf"


def test_each_bad_file_gets_its_own_message_and_nothing_is_saved(
    item: ComplianceItem, council_user: User, portal_client: PortalClient
) -> None:
    response = portal_client(council_user).post(
        _evidence_url(item),
        {
            "text": "Here it is.",
            "documents": [
                SimpleUploadedFile("run-me.exe", b"MZ\x90\x00" + b"\x00" * 100),
                SimpleUploadedFile("notes.txt", b"just some text"),
                SimpleUploadedFile("good.pdf", PDF),
            ],
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "run-me.exe" in body
    assert "notes.txt" in body
    assert "There is a problem" in body
    assert "Here it is." in body  # what was typed is kept
    item.refresh_from_db()
    assert item.status == ItemStatus.DUE
    assert not Document.objects.exists()


def test_a_satisfied_action_takes_no_more_evidence(
    item: ComplianceItem, council_user: User, portal_client: PortalClient
) -> None:
    ComplianceItem.objects.filter(pk=item.pk).update(status=ItemStatus.NOT_COMPLIED)
    client = portal_client(council_user)
    page = client.get(_evidence_url(item)).content.decode()
    assert "We do not need any more evidence" in page
    client.post(_evidence_url(item), {"text": "Late."})
    item.refresh_from_db()
    assert item.status == ItemStatus.NOT_COMPLIED


def test_another_organisation_gets_404(
    item: ComplianceItem, other_link_officer: User, portal_client: PortalClient
) -> None:
    client = portal_client(other_link_officer)
    assert client.get(reverse("compliance-org:items", args=[ref(item.case)])).status_code == 404
    assert client.post(_evidence_url(item), {"text": "x"}).status_code == 404


def test_a_sensitive_case_is_not_in_the_portal(
    item: ComplianceItem, council_user: User, portal_client: PortalClient
) -> None:
    Case.objects.filter(pk=item.case_id).update(sensitive=True)
    assert portal_client(council_user).post(_evidence_url(item), {"text": "x"}).status_code == 404


def test_an_action_of_another_case_gets_404(
    item: ComplianceItem, council_user: User, portal_client: PortalClient, team: object
) -> None:
    from redress.testing.factories import make_case

    other = make_case(organisation=item.case.organisation)
    url = reverse("compliance-org:evidence", args=[ref(other), item.pk])
    assert portal_client(council_user).get(url).status_code == 404


@pytest.mark.parametrize("who", ["compliance_officer", "complainant_user"])
def test_staff_and_complainants_are_refused(
    item: ComplianceItem, who: str, request: pytest.FixtureRequest, client_for: Callable
) -> None:
    client = client_for(request.getfixturevalue(who))
    assert client.post(_evidence_url(item), {"text": "x"}).status_code == 403


def test_signed_out_goes_to_the_portal_sign_in(item: ComplianceItem) -> None:
    response = Client().post(_evidence_url(item), {"text": "x"})
    assert response.status_code == 302
    assert response.url == reverse("organisation-portal:sign-in")


def test_a_link_officer_without_the_code_goes_to_sign_in(
    item: ComplianceItem, council_user: User, client_for: Callable
) -> None:
    response = client_for(council_user).get(_evidence_url(item))
    assert response.url == reverse("organisation-portal:sign-in")
