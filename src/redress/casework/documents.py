"""Adding files to a case: checked by content, stored under a random name, audited."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.domain.uploads import MAX_UPLOAD_BYTES, UploadRejected, check_upload

from .models import Case, Document, DocumentSource

if TYPE_CHECKING:
    from redress.accounts.models import User


def upload_read(upload: UploadedFile) -> bytes:
    """The upload's bytes, refusing before reading a file that is too large."""
    name = upload.name or "The file"
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise UploadRejected(f"{name} must be smaller than 20 MB.")
    content = upload.read(MAX_UPLOAD_BYTES + 1)
    check_upload(name, len(content), content)
    return content


def document_add(
    *,
    case: Case,
    name: str,
    content: bytes,
    source: DocumentSource,
    actor: User | None,
    description: str = "",
    audit_detail: str = "",
) -> Document:
    """Store a checked file on the case. Raises UploadRejected for anything not accepted.

    `audit_detail` says who sent it when that is not a member of staff.
    """
    checked = check_upload(name, len(content), content)
    document = Document(
        case=case,
        original_name=name[:255],
        kind=checked.kind.code,
        content_type=checked.kind.content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        source=source,
        description=description[:200],
        received_at=timezone.now(),
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    document.file.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic(savepoint=False):
            document.save()
            audit_record(
                actor=document.uploaded_by,
                action=AuditAction.CREATE,
                instance=document,
                case_id=case.pk,
                changes={
                    "original_name": [None, document.original_name],
                    "size": [None, len(content)],
                },
                detail=audit_detail,
            )
    except Exception:
        # The row was not written, so the stored file must not outlive it.
        document.file.delete(save=False)
        raise
    return document
