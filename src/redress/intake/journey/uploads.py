"""Files sent with a question page: each checked by its content and kept with the draft.

Each file is judged on its own. A file that is refused gets an error naming it; the
others in the same upload, and every answer on the page, are kept.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest

from redress.casework.documents import upload_read
from redress.domain.uploads import UploadRejected

from ..models import ComplaintDraft
from .drafts import DraftFullError, draft_file_add
from .forms import StepForm
from .steps import Page


def take_uploads(
    request: HttpRequest, *, draft: ComplaintDraft, page: Page, form: StepForm
) -> list[str]:
    """Keep the page's uploaded files with the draft; the names of those kept.

    Errors for refused files are added to the form, on the file field.
    """
    if page.files is None:
        return []
    kept: list[str] = []
    for upload in request.FILES.getlist(page.file_field):
        if not isinstance(upload, UploadedFile):
            continue
        name = (upload.name or "The file")[:255]
        try:
            content = upload_read(upload)
            draft_file_add(draft=draft, purpose=page.files, name=name, content=content)
        except (UploadRejected, DraftFullError) as error:
            form.add_error(page.file_field, str(error))
        else:
            kept.append(name)
    return kept
