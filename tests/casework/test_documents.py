"""Files on a case: stored under a random name outside the web root, audited, never partial."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from redress.accounts.models import Team
from redress.audit.models import AuditEvent
from redress.casework.documents import document_add, upload_read
from redress.casework.models import Document, DocumentSource
from redress.domain.uploads import UploadRejected
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def files_dir(tmp_path: Path) -> object:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def test_a_checked_file_is_stored_and_audited(team: Team, files_dir: Path) -> None:
    case = make_case(team=team)
    document = document_add(
        case=case, name="council reply.pdf", content=b"%PDF-1.7 reply",
        source=DocumentSource.COMPLAINANT, actor=None,
    )  # fmt: skip
    assert document.kind == "pdf"
    assert document.size == 14
    stored = Path(document.file.path)
    assert stored.read_bytes() == b"%PDF-1.7 reply"
    assert "council reply" not in stored.name  # the person's file name never reaches the disk
    assert files_dir in stored.parents
    assert AuditEvent.objects.filter(case_id=case.pk, object_type="casework.document").exists()


def test_a_refused_file_leaves_nothing_behind(team: Team, files_dir: Path) -> None:
    case = make_case(team=team)
    with pytest.raises(UploadRejected):
        document_add(
            case=case, name="invoice.pdf", content=b"MZ\x90\x00",
            source=DocumentSource.COMPLAINANT, actor=None,
        )  # fmt: skip
    assert not Document.objects.exists()
    assert not any(files_dir.rglob("*"))


def test_upload_read_refuses_an_oversized_upload_without_reading_it() -> None:
    upload = SimpleUploadedFile("big.pdf", b"%PDF-", content_type="application/pdf")
    upload.size = 30 * 1024 * 1024
    with pytest.raises(UploadRejected, match="smaller than 20 MB"):
        upload_read(upload)
