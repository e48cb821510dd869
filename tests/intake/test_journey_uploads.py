"""Files in "Make a complaint": checked one by one by content, kept with the draft.

A refused file gets an error naming it; the other files and answers are kept.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from redress.casework.documents import upload_read
from redress.domain.complaints import MAX_DRAFT_FILES
from redress.domain.uploads import UploadRejected
from redress.intake.journey import drafts
from redress.intake.models import ComplaintDraft, DraftFile, DraftFilePurpose

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
THIRTY_MB = 30 * 1024 * 1024


@pytest.fixture(autouse=True)
def files_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(step: str) -> str:
    return reverse("intake:step", args=[step])


def errors(response: Any) -> list[str]:
    page = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.DOTALL)
    found = re.findall(r"<a [^>]*>(.*?)</a>", summary.group(0), re.DOTALL) if summary else []
    return [html.unescape(" ".join(m.split())) for m in found]


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def names(purpose: str = DraftFilePurpose.EVIDENCE) -> list[str]:
    return list(DraftFile.objects.filter(purpose=purpose).values_list("original_name", flat=True))


def test_several_files_are_kept_with_the_draft(client: Client, files_dir: Path) -> None:
    response = client.post(
        url("evidence"),
        {"evidence": [upload("letter.pdf", PDF), upload("photo.png", PNG)], "action": "upload"},
    )
    assert response["Location"] == url("evidence")
    assert names() == ["letter.pdf", "photo.png"]
    page = client.get(url("evidence")).content.decode()
    assert "2 files uploaded: letter.pdf, photo.png." in page
    assert 'Remove<span class="govuk-visually-hidden"> photo.png</span>' in page
    # Stored under random names, outside the web root, never under the person's name.
    stored = [p.name for p in (files_dir / "drafts").iterdir()]
    assert len(stored) == 2
    assert "letter.pdf" not in stored


def test_a_huge_file_and_a_disguised_program_are_refused_and_nothing_else_is_lost(
    client: Client,
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    huge = upload("big-scan.pdf", b"%PDF-1.4\n" + bytes(THIRTY_MB))
    response = client.post(
        url("evidence"),
        {
            "evidence": [upload("letter.pdf", PDF), huge, upload("invoice.pdf", EXECUTABLE)],
            "action": "continue",
        },
    )
    assert response.status_code == 200
    assert errors(response) == [
        "big-scan.pdf must be smaller than 20 MB.",
        "invoice.pdf is a program, not a document. Upload a PDF, Word document, photo or "
        "image (JPG, PNG, GIF, HEIC) or saved email.",
    ]
    assert names() == ["letter.pdf"]
    assert "letter.pdf uploaded." in response.content.decode()
    assert ComplaintDraft.objects.get().answers["who"] == {"complainer": "myself"}


def test_a_file_of_the_wrong_kind_is_refused(client: Client) -> None:
    response = client.post(
        url("evidence"), {"evidence": upload("notes.txt", b"just some notes\n" * 10)}
    )
    assert errors(response) == [
        "notes.txt must be a PDF, Word document, photo or image (JPG, PNG, GIF, HEIC) or "
        "saved email."
    ]
    assert names() == []


def test_a_file_named_for_another_kind_is_refused(client: Client) -> None:
    response = client.post(url("evidence"), {"evidence": upload("photo.pdf", PNG)})
    assert errors(response) == [
        "photo.pdf is a PNG image but its name says otherwise. Rename it or save it again "
        "in the right format."
    ]


def test_an_oversized_upload_is_refused_before_it_is_read() -> None:
    # Claims 30 MB but holds a few bytes: the size alone refuses it, nothing is read.
    claimed = upload("big.pdf", PDF)
    claimed.size = THIRTY_MB
    with pytest.raises(UploadRejected, match=r"big\.pdf must be smaller than 20 MB"):
        upload_read(claimed)
    assert claimed.tell() == 0


def test_continuing_without_files_is_fine(client: Client) -> None:
    response = client.post(url("evidence"), {"action": "continue"})
    assert response["Location"] == url("about")


def test_a_file_can_be_removed(client: Client) -> None:
    client.post(url("evidence"), {"evidence": upload("letter.pdf", PDF), "action": "upload"})
    file_id = DraftFile.objects.get().pk
    response = client.post(reverse("intake:remove-file", args=["evidence"]), {"file": file_id})
    assert response["Location"] == url("evidence")
    assert names() == []
    assert "letter.pdf removed." in client.get(url("evidence")).content.decode()


def test_nobody_can_remove_another_drafts_file(client: Client) -> None:
    other = drafts.draft_create()
    theirs = drafts.draft_file_add(
        draft=other, purpose=DraftFilePurpose.EVIDENCE, name="theirs.pdf", content=PDF
    )
    client.post(url("who"), {"complainer": "myself"})
    client.post(reverse("intake:remove-file", args=["evidence"]), {"file": theirs.pk})
    client.post(reverse("intake:remove-file", args=["evidence"]), {"file": "not-a-number"})
    assert DraftFile.objects.filter(pk=theirs.pk).exists()
    assert client.post(reverse("intake:remove-file", args=["who"]), {}).status_code == 404


def test_a_draft_holds_a_limited_number_of_files() -> None:
    draft = drafts.draft_create()
    for n in range(MAX_DRAFT_FILES):
        drafts.draft_file_add(
            draft=draft, purpose=DraftFilePurpose.EVIDENCE, name=f"{n}.pdf", content=PDF
        )
    with pytest.raises(drafts.DraftFullError, match="up to 20 files"):
        drafts.draft_file_add(
            draft=draft, purpose=DraftFilePurpose.EVIDENCE, name="one-more.pdf", content=PDF
        )


def test_the_final_response_is_kept_even_when_its_date_is_wrong(client: Client) -> None:
    response = client.post(
        url("final-response"),
        {"final_response_on_day": "40", "final_response_on_month": "1",
         "final_response_on_year": "2025", "response_file": upload("reply.pdf", PDF)},
    )  # fmt: skip
    assert errors(response) == ["The date of the final response must be a real date"]
    assert names(DraftFilePurpose.FINAL_RESPONSE) == ["reply.pdf"]
    assert "The final response you uploaded" in response.content.decode()


def test_a_new_final_response_replaces_the_old_one(client: Client) -> None:
    date = {"final_response_on_day": "1", "final_response_on_month": "5",
            "final_response_on_year": "2025"}  # fmt: skip
    client.post(url("final-response"), {**date, "response_file": upload("first.pdf", PDF)})
    response = client.post(
        url("final-response"), {**date, "response_file": upload("second.pdf", PDF)}
    )
    assert response["Location"] == url("evidence")
    assert names(DraftFilePurpose.FINAL_RESPONSE) == ["second.pdf"]


def test_a_disguised_program_as_the_final_response_is_refused(client: Client) -> None:
    response = client.post(
        url("final-response"),
        {"final_response_on_day": "1", "final_response_on_month": "5",
         "final_response_on_year": "2025", "response_file": upload("reply.pdf", EXECUTABLE)},
    )  # fmt: skip
    assert errors(response) == [
        "reply.pdf is a program, not a document. Upload a PDF, Word document, photo or "
        "image (JPG, PNG, GIF, HEIC) or saved email."
    ]
    # The date was right, so it is kept.
    answers = ComplaintDraft.objects.get().answers
    assert answers["final-response"] == {"final_response_on": "2025-05-01"}
