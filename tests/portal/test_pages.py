"""What the portal shows and does: the stage in plain English, next dates, letters,
messages and evidence, each audited, and nothing meant only for staff."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case, Contact, Deadline, Document, Person
from redress.casework.services import case_add_note, case_move
from redress.domain.stages import Stage
from redress.frontend.dates import date_uk
from redress.notifications.models import Letter

from .conftest import ref

pytestmark = pytest.mark.django_db

SignedIn = Callable[[Person, Case], Client]
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def letter_for(case: Case, *, party: str = "Complainant", pdf: bool = False) -> Letter:
    letter = Letter.objects.create(
        case=case,
        recipient_name="Pat Public",
        party=party,
        email="pat@example.org",
        channel="email",
        subject=f"Letter to the {party.lower()}",
        body=f"<p>Dear {party},</p><p>We have received your complaint &amp; will reply.</p>",
        created_at=timezone.now(),
    )
    if pdf:
        letter.pdf.save("letter.pdf", ContentFile(PDF))
    return letter


def _audited(person: Person, action: str, case: Case | None = None) -> bool:
    events = AuditEvent.objects.filter(action=action, actor=None)
    if case is not None:
        events = events.filter(case_id=case.pk)
    return any(f"complainant person {person.pk}" in e.detail for e in events)


def test_the_case_page_explains_the_stage_and_the_next_date(
    signed_in: SignedIn, pat: Person, pats_case: Case
) -> None:
    due = Deadline.objects.get(case=pats_case, kind="assessment").due_on
    body = signed_in(pat, pats_case).get(reverse("portal:case", args=[ref(pats_case)])).content
    text = body.decode()
    assert "We are checking your complaint" in text
    assert f"You should next hear from us by <strong>{date_uk(due)}</strong>" in text
    assert f"We aim to tell you whether we will investigate by {date_uk(due)}." in text
    assert _audited(pat, "view", pats_case)


def test_the_stage_follows_the_case(
    signed_in: SignedIn, pat: Person, pats_case: Case, assessor: User
) -> None:
    moved = case_move(
        case=pats_case, expected_version=pats_case.version, target=Stage.ASSESSMENT,
        reason="Complete", actor=assessor,
    )  # fmt: skip
    text = signed_in(pat, moved).get(reverse("portal:case", args=[ref(moved)])).content.decode()
    assert "We are deciding whether to investigate" in text


def test_nothing_meant_only_for_staff_is_shown(
    signed_in: SignedIn, pat: Person, pats_case: Case, investigator: User
) -> None:
    Case.objects.filter(pk=pats_case.pk).update(officer=investigator, sensitive=True)
    case_add_note(case=pats_case, text="INTERNAL: caller sounded upset", actor=investigator)
    letter_for(pats_case, party="Organisation")
    client = signed_in(pat, pats_case)
    for url in (reverse("portal:cases"), reverse("portal:case", args=[ref(pats_case)])):
        text = client.get(url).content.decode()
        assert "INTERNAL" not in text
        assert investigator.last_name not in text
        assert investigator.username not in text
        assert "Sensitive" not in text
        assert "Letter to the organisation" not in text
        assert pats_case.team is not None
        assert pats_case.team.name not in text


def test_letters_to_the_complainants_side_are_listed_and_readable(
    signed_in: SignedIn, pat: Person, rita: Person, pats_case: Case
) -> None:
    to_pat = letter_for(pats_case, pdf=True)
    to_rita = letter_for(pats_case, party="Representative")
    to_council = letter_for(pats_case, party="Organisation")
    client = signed_in(pat, pats_case)
    text = client.get(reverse("portal:case", args=[ref(pats_case)])).content.decode()
    assert "Letter to the complainant" in text
    assert "Letter to the representative" in text
    page = client.get(reverse("portal:letter", args=[ref(pats_case), to_pat.pk]))
    assert page.status_code == 200
    assert "We have received your complaint &amp; will reply." in page.content.decode()
    assert "Download this letter as a PDF" in page.content.decode()
    assert (
        client.get(reverse("portal:letter", args=[ref(pats_case), to_rita.pk])).status_code == 200
    )
    pdf = client.get(reverse("portal:letter-pdf", args=[ref(pats_case), to_pat.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content) == PDF  # type: ignore[attr-defined]
    for hidden in ("portal:letter", "portal:letter-pdf"):
        url = reverse(hidden, args=[ref(pats_case), to_council.pk])
        assert client.get(url).status_code == 404
    assert (
        client.get(reverse("portal:letter-pdf", args=[ref(pats_case), to_rita.pk])).status_code
        == 404
    )
    assert AuditEvent.objects.filter(action="view", object_type="notifications.letter").count() == 3


def test_sending_a_message_starts_the_written_contact_clock(
    signed_in: SignedIn, rita: Person, pats_case: Case
) -> None:
    client = signed_in(rita, pats_case)
    url = reverse("portal:message", args=[ref(pats_case)])
    assert client.get(url).status_code == 200
    empty = client.post(url, {"text": "  "})
    assert empty.status_code == 200
    assert "Enter your message" in empty.content.decode()
    response = client.post(url, {"text": "The council wrote to me again today."})
    assert response["Location"] == reverse("portal:case", args=[ref(pats_case)])
    contact = Contact.objects.get(case=pats_case, direction="in")
    assert (contact.channel, contact.handled_at) == ("portal", None)
    assert contact.party == "Representative: Rita Rep"
    assert contact.recorded_by is None
    due = Deadline.objects.get(case=pats_case, kind="written_contact", met_at=None).due_on
    page = client.get(response["Location"]).content.decode()
    assert "Your message has been sent." in page
    assert f"We will reply to your message by {date_uk(due)}." in page
    assert "The council wrote to me again today." in page
    assert _audited(rita, "create", pats_case)


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_several_files_are_added_as_the_complainants_evidence(
    signed_in: SignedIn, pat: Person, pats_case: Case
) -> None:
    client = signed_in(pat, pats_case)
    url = reverse("portal:evidence", args=[ref(pats_case)])
    form = client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="documents"[^>]*\bmultiple\b', form)
    files = [_upload("reply.pdf", PDF), _upload("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64)]
    response = client.post(url, {"documents": files})
    assert response.status_code == 302
    documents = Document.objects.filter(case=pats_case)
    assert sorted(d.original_name for d in documents) == ["photo.png", "reply.pdf"]
    assert {d.source for d in documents} == {"complainant"}
    page = client.get(response["Location"]).content.decode()
    assert "2 files sent. Thank you." in page
    assert "reply.pdf" in page
    assert _audited(pat, "create", pats_case)


@pytest.mark.parametrize(
    "bad",
    [
        (
            "big.pdf",
            b"%PDF-1.7\n" + b"0" * (30 * 1024 * 1024),
            "big.pdf must be smaller than 20 MB.",
        ),
        ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 100, "invoice.pdf is a program, not a document."),
        ("notes.pdf", b"just some text", "notes.pdf must be a PDF"),
    ],
    ids=["30 MB", "executable renamed .pdf", "not a document"],
)
def test_a_bad_file_is_explained_and_nothing_is_saved(
    signed_in: SignedIn, pat: Person, pats_case: Case, bad: tuple[str, bytes, str]
) -> None:
    name, content, message = bad
    client = signed_in(pat, pats_case)
    url = reverse("portal:evidence", args=[ref(pats_case)])
    response = client.post(url, {"documents": [_upload("good.pdf", PDF), _upload(name, content)]})
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text
    assert message in text
    assert 'href="#id_documents"' in text
    assert not Document.objects.filter(case=pats_case).exists()


def test_no_file_chosen_is_explained(signed_in: SignedIn, pat: Person, pats_case: Case) -> None:
    client = signed_in(pat, pats_case)
    response = client.post(reverse("portal:evidence", args=[ref(pats_case)]), {})
    assert "Select at least one file to upload" in response.content.decode()


def test_the_pages_make_a_fixed_number_of_queries(
    signed_in: SignedIn, rita: Person, pats_case: Case, rays_case: Case
) -> None:
    client = signed_in(rita, pats_case)
    pages = [reverse("portal:cases"), reverse("portal:case", args=[ref(pats_case)])]
    counts = []
    for extra in range(2):
        for _ in range(extra * 5):
            letter_for(pats_case)
            client.post(reverse("portal:message", args=[ref(pats_case)]), {"text": "More"})
        for url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
    assert max(counts) <= 12
