"""A sent letter's PDF, handed to whoever may read the letter as a file download."""

from __future__ import annotations

from django.http import FileResponse, Http404

from .models import Letter


def letter_pdf_download(letter: Letter, *, reference: str) -> FileResponse:
    """The letter's PDF as an attachment; 404 when it has none or its file is missing.

    `reference` is the case reference as it appears in URLs, used in the file's name.
    """
    if not letter.pdf:
        raise Http404("This letter has no PDF")
    try:
        pdf = letter.pdf.open("rb")
    except OSError:
        raise Http404("This letter's PDF is missing") from None
    name = f"letter-{reference}-{letter.pk}.pdf"
    return FileResponse(pdf, as_attachment=True, filename=name, content_type="application/pdf")
