"""What the organisation portal's pages show a link officer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case, Deadline, Document, DocumentSource
from redress.decisions.models import Decision
from redress.domain.clocks import ClockKind
from redress.frontend.dates import date_uk
from redress.investigation.models import Enquiry
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

from .conftest import letter_to

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def test_your_cases_lists_what_waits_for_the_organisation(
    signed_in: Client, shared_case: Case
) -> None:
    due = dt.date(2026, 12, 18)
    Deadline.objects.create(case=shared_case, kind=ClockKind.ENQUIRY_REPLY, due_on=due)

    page = signed_in.get(reverse("organisation-portal:cases")).content.decode()

    assert shared_case.reference in page
    assert "We are checking the complaint" in page
    assert "Your reply to our enquiries" in page
    assert date_uk(due) in page
    # The scheme's own clocks (the case has an assessment clock) are not the organisation's.
    assert ClockKind.ASSESSMENT.label not in page
    assert "Your cases" in page
    assert "Sign out" in page


def test_your_cases_is_paged_and_keeps_to_a_query_budget(
    signed_in: Client, council: Organisation
) -> None:
    def pages_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = signed_in.get(reverse("organisation-portal:cases"))
        assert response.status_code == 200
        return len(queries)

    for n in range(3):
        case = make_case(organisation=council)
        letter_to(case, council)
        Deadline.objects.create(
            case=case, kind=ClockKind.ENQUIRY_REPLY, due_on=dt.date(2027, 1, n + 1)
        )
    few = pages_queries()
    for _ in range(6):
        letter_to(make_case(organisation=council), council)
    assert pages_queries() == few
    assert few <= 8

    with override_settings(ORGANISATION_PORTAL_PAGE_SIZE=4):
        first = signed_in.get(reverse("organisation-portal:cases")).content.decode()
        third = signed_in.get(reverse("organisation-portal:cases") + "?page=3").content.decode()
        beyond = signed_in.get(reverse("organisation-portal:cases") + "?page=99").content.decode()
    assert "Showing 1 to 4 of 9 cases" in first
    assert "Next" in first
    assert "Showing 9 to 9 of 9 cases" in third
    assert "Previous" in third
    assert "There are no more cases" in beyond


def test_the_case_page(signed_in: Client, shared_case: Case, enrolled: User) -> None:
    Deadline.objects.create(
        case=shared_case, kind=ClockKind.DRAFT_COMMENTS, due_on=dt.date(2026, 12, 4)
    )
    url = reverse("organisation-portal:case", args=[ref(shared_case)])

    page = signed_in.get(url).content.decode()

    assert shared_case.reference in page
    assert "The council lost my housing application." in page
    assert "Any comments on our draft decision by 4 December 2026" in page
    letter = shared_case.letters.get()
    assert reverse("organisation-portal:letter", args=[ref(shared_case), letter.pk]) in page
    assert "You have not sent us any files" in page
    # A reference typed with spaces finds the case too.
    spaced = reverse("organisation-portal:case", args=[shared_case.reference])
    assert signed_in.get(spaced).status_code == 200


def test_a_letter_page(signed_in: Client, shared_case: Case) -> None:
    letter = shared_case.letters.get()
    page = signed_in.get(
        reverse("organisation-portal:letter", args=[ref(shared_case), letter.pk])
    ).content.decode()
    assert "Our enquiries" in page
    assert "Please answer our questions." in page


def test_sending_several_files(signed_in: Client, shared_case: Case, enrolled: User) -> None:
    url = reverse("organisation-portal:upload", args=[ref(shared_case)])
    assert signed_in.get(url).status_code == 200

    response = signed_in.post(
        url,
        {
            "documents": [
                SimpleUploadedFile("response.pdf", PDF),
                SimpleUploadedFile("photo.png", PNG),
            ],
            "description": "Our response to the enquiries",
        },
    )

    assert response["Location"] == reverse("organisation-portal:case", args=[ref(shared_case)])
    documents = Document.objects.filter(case=shared_case).order_by("id")
    assert [d.original_name for d in documents] == ["response.pdf", "photo.png"]
    assert all(
        d.source == DocumentSource.ORGANISATION and d.uploaded_by == enrolled for d in documents
    )
    assert (
        AuditEvent.objects.filter(detail__contains="through the organisation portal").count() == 2
    )
    page = signed_in.get(response["Location"]).content.decode()
    assert "We have received 2 files" in page
    assert "response.pdf" in page


def test_a_bad_file_is_named_and_the_good_ones_are_kept(
    signed_in: Client, shared_case: Case
) -> None:
    url = reverse("organisation-portal:upload", args=[ref(shared_case)])
    response = signed_in.post(
        url,
        {
            "documents": [
                SimpleUploadedFile("response.pdf", PDF),
                SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 64),
                SimpleUploadedFile("empty.docx", b""),
            ]
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Some files were not sent" in page
    assert "virus.pdf" in page
    assert "empty.docx" in page
    assert "We have received 1 file: response.pdf" in page
    assert [d.original_name for d in Document.objects.filter(case=shared_case)] == ["response.pdf"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select at least one file to upload"),
        (
            {"documents": [SimpleUploadedFile(f"f{n}.pdf", PDF) for n in range(11)]},
            "Select 10 files or fewer at a time",
        ),
        (
            {"documents": SimpleUploadedFile("a.pdf", PDF), "description": "x" * 201},
            "Describe the files in 200 characters or fewer",
        ),
    ],
)
def test_upload_form_errors(
    signed_in: Client, shared_case: Case, data: dict[str, Any], message: str
) -> None:
    response = signed_in.post(reverse("organisation-portal:upload", args=[ref(shared_case)]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_the_case_page_lists_the_enquiries_and_drafts_shared(
    signed_in: Client, shared_case: Case, investigator: User
) -> None:
    Enquiry.objects.create(
        case=shared_case, organisation=shared_case.organisation, number=1,
        questions="Send the housing file.",
        sent_on=dt.date(2026, 11, 2), due_on=dt.date(2026, 11, 30), sent_by=investigator,
    )  # fmt: skip
    enquiry = Enquiry.objects.get(case=shared_case)
    draft = Decision.objects.create(
        case=shared_case, status="shared", shared_at=timezone.now(),
        comments_due_on=dt.date(2026, 12, 11), created_at=timezone.now(),
    )  # fmt: skip
    Decision.objects.create(case=shared_case, status="superseded", created_at=timezone.now())

    page = signed_in.get(
        reverse("organisation-portal:case", args=[ref(shared_case)])
    ).content.decode()

    answer = reverse(
        "investigation-org:answer", kwargs={"reference": ref(shared_case), "pk": enquiry.pk}
    )
    comment = reverse(
        "decisions-org:comment", kwargs={"reference": ref(shared_case), "pk": draft.pk}
    )
    assert answer in page
    assert "reply due by 30 November 2026" in page
    assert comment in page
    assert "comments due by 11 December 2026" in page
    assert (
        page.count(
            reverse(
                "decisions-org:comment", kwargs={"reference": ref(shared_case), "pk": draft.pk + 1}
            )
        )
        == 0
    )  # the superseded one


def test_the_case_page_keeps_to_a_query_budget(
    signed_in: Client, shared_case: Case, enrolled: User
) -> None:
    url = reverse("organisation-portal:case", args=[ref(shared_case)])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(url).status_code == 200
        return len(captured)

    few = queries()
    council = shared_case.organisation
    for n in range(5):
        letter_to(shared_case, council, subject=f"Letter {n}")
    signed_in.post(
        reverse("organisation-portal:upload", args=[ref(shared_case)]),
        {"documents": [SimpleUploadedFile(f"file{n}.pdf", PDF) for n in range(4)]},
    )
    assert queries() == few


def test_a_letters_pdf(signed_in: Client, shared_case: Case, mercia_case: Case) -> None:
    letter = shared_case.letters.get()
    url = reverse("organisation-portal:letter-pdf", args=[ref(shared_case), letter.pk])
    assert signed_in.get(url).status_code == 404  # not drawn yet
    letter.pdf.save("letter.pdf", ContentFile(PDF), save=False)
    letter.save(update_fields=["pdf"])

    response = signed_in.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    page = signed_in.get(reverse("organisation-portal:letter", args=[ref(shared_case), letter.pk]))
    assert url in page.content.decode()

    theirs = mercia_case.letters.get()
    theirs.pdf.save("letter.pdf", ContentFile(PDF), save=False)
    theirs.save(update_fields=["pdf"])
    for reference in (ref(mercia_case), ref(shared_case)):
        other = reverse("organisation-portal:letter-pdf", args=[reference, theirs.pk])
        assert signed_in.get(other).status_code == 404
