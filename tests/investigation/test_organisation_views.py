"""The organisation's side: reading our enquiries and answering them with documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redress.accounts.models import User
from redress.casework.models import Case, Document
from redress.investigation import services
from redress.investigation.models import Enquiry, EvidenceItem

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 4, 11, 0, tzinfo=dt.UTC)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def enquiry(case: Case, investigator: User) -> Enquiry:
    with time_machine.travel(NOW, tick=False):
        return services.enquiry_send(
            case=case,
            questions="Why the delay?",
            documents_requested="Case notes",
            actor=investigator,
        )


def _answer_url(enquiry: Enquiry) -> str:
    return reverse(
        "investigation-org:answer",
        kwargs={"reference": enquiry.case.reference.replace(" ", ""), "pk": enquiry.pk},
    )


def _list_url(case: Case) -> str:
    return reverse("investigation-org:list", kwargs={"reference": case.reference.replace(" ", "")})


@time_machine.travel(NOW, tick=False)
def test_the_link_officer_answers_with_documents(
    enquiry: Enquiry, council_user: User, portal_client: Callable[[User], Client]
) -> None:
    client = portal_client(council_user)
    listing = client.get(_list_url(enquiry.case)).content.decode()
    assert "Answer enquiry 1" in listing
    page = client.get(_answer_url(enquiry)).content.decode()
    assert "Why the delay?" in page
    assert "Case notes" in page
    response = client.post(
        _answer_url(enquiry),
        {"answer": "Staff shortages.", "documents": [SimpleUploadedFile("notes.pdf", PDF)]},
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.answered
    document = EvidenceItem.objects.get(case=enquiry.case).document
    assert document is not None
    assert document.original_name == "notes.pdf"
    assert "You answered on" in client.get(_list_url(enquiry.case)).content.decode()


@time_machine.travel(NOW, tick=False)
def test_each_refused_file_gets_its_own_message_and_nothing_is_saved(
    enquiry: Enquiry, council_user: User, portal_client: Callable[[User], Client]
) -> None:
    response = portal_client(council_user).post(
        _answer_url(enquiry),
        {
            "answer": "See attached.",
            "documents": [
                SimpleUploadedFile("run-me.exe", b"MZ\x90\x00" + b"\x00" * 100),
                SimpleUploadedFile("notes.txt", b"just some text"),
                SimpleUploadedFile("good.pdf", PDF),
            ],
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "run-me.exe" in page
    assert "notes.txt" in page
    assert "See attached." in page
    assert not Document.objects.exists()
    enquiry.refresh_from_db()
    assert not enquiry.answered


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("data", [{}, {"answer": ""}, {"answer": "\x00"}, {"answer": "x" * 30000}])
def test_junk_answers_are_refused_clearly(
    enquiry: Enquiry,
    council_user: User,
    portal_client: Callable[[User], Client],
    data: dict[str, str],
) -> None:
    response = portal_client(council_user).post(_answer_url(enquiry), data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_another_organisations_link_officer_gets_a_404(
    enquiry: Enquiry, other_link_officer: User, portal_client: Callable[[User], Client]
) -> None:
    client = portal_client(other_link_officer)
    assert client.get(_list_url(enquiry.case)).status_code == 404
    assert client.get(_answer_url(enquiry)).status_code == 404
    assert client.post(_answer_url(enquiry), {"answer": "x"}).status_code == 404
    enquiry.refresh_from_db()
    assert not enquiry.answered


@time_machine.travel(NOW, tick=False)
def test_an_enquiry_on_another_case_is_not_found(
    enquiry: Enquiry,
    council_user: User,
    portal_client: Callable[[User], Client],
    other_case: Case,
) -> None:
    url = reverse(
        "investigation-org:answer",
        kwargs={"reference": enquiry.case.reference.replace(" ", ""), "pk": enquiry.pk + 1000},
    )
    assert portal_client(council_user).get(url).status_code == 404


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("who", ["investigator", "manager", "administrator", "complainant_user"])
def test_staff_and_complainants_are_refused(
    enquiry: Enquiry,
    who: str,
    request: pytest.FixtureRequest,
    client_for: Callable[[User | None], Client],
) -> None:
    client = client_for(request.getfixturevalue(who))
    assert client.get(_answer_url(enquiry)).status_code == 403
    assert client.post(_answer_url(enquiry), {"answer": "x"}).status_code == 403


@time_machine.travel(NOW, tick=False)
def test_signed_out_or_without_the_code_goes_to_the_portal_sign_in(
    enquiry: Enquiry, council_user: User, client_for: Callable[[User | None], Client]
) -> None:
    for client in (client_for(None), client_for(council_user)):
        response = client.post(_answer_url(enquiry), {"answer": "x"})
        assert response.status_code == 302
        assert response["Location"] == reverse("organisation-portal:sign-in")
    enquiry.refresh_from_db()
    assert not enquiry.answered


@time_machine.travel(NOW, tick=False)
def test_an_organisation_joined_to_the_case_sees_only_enquiries_sent_to_it(
    enquiry: Enquiry, other_link_officer: User, portal_client: Callable[[User], Client]
) -> None:
    enquiry.case.other_organisations.add(other_link_officer.organisation_id or 0)
    client = portal_client(other_link_officer)
    listing = client.get(_list_url(enquiry.case))
    assert listing.status_code == 200
    assert "We have not sent any enquiries" in listing.content.decode()
    assert client.get(_answer_url(enquiry)).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_the_enquiry_list_makes_a_fixed_number_of_queries(
    enquiry: Enquiry,
    investigator: User,
    council_user: User,
    portal_client: Callable[[User], Client],
) -> None:
    client = portal_client(council_user)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_list_url(enquiry.case)).status_code == 200
        return len(queries)

    baseline = count()
    for n in range(4):
        services.enquiry_send(
            case=enquiry.case,
            questions=f"Question {n}",
            documents_requested="",
            actor=investigator,
        )
    assert count() == baseline
