"""Writes by link officers in the organisation portal."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.files.uploadedfile import UploadedFile

from redress.accounts.models import User
from redress.casework.documents import document_add, upload_read
from redress.casework.models import Case, Document, DocumentSource
from redress.domain.uploads import UploadRejected

from .portal_access import is_link_officer


@dataclass
class UploadReport:
    added: list[Document] = field(default_factory=list)
    # One plain-English sentence per file that was not accepted, naming the file.
    problems: list[str] = field(default_factory=list)


def _about_their_organisation(user: User, case: Case) -> bool:
    organisation_id = user.organisation_id
    if organisation_id is None:
        return False
    return case.organisation_id == organisation_id or (
        case.other_organisations.filter(pk=organisation_id).exists()
    )


def organisation_documents_add(
    *, case: Case, uploads: list[UploadedFile], description: str, actor: User
) -> UploadReport:
    """Add each acceptable file to the case as sent by the organisation.

    Each file is checked by its content and stored on its own, so one bad file neither
    stops nor loses the good ones: the report lists what was added and what was not.
    """
    if not is_link_officer(actor) or not _about_their_organisation(actor, case):
        raise PermissionError("Only the organisation's link officers send files on its cases.")
    organisation = actor.organisation
    report = UploadReport()
    for upload in uploads:
        name = (upload.name or "The file")[:255]
        try:
            content = upload_read(upload)
            document = document_add(
                case=case,
                name=name,
                content=content,
                source=DocumentSource.ORGANISATION,
                actor=actor,
                description=description,
                audit_detail=f"Sent by {organisation} through the organisation portal",
            )
        except UploadRejected as rejected:
            report.problems.append(str(rejected))
        else:
            report.added.append(document)
    return report
