"""A file input that takes several files at once, and reading what it was given.

Shared by every page where someone sends us documents: the complainant portal, the
organisation portal and answers to our enquiries.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from redress.casework.documents import upload_read
from redress.domain.uploads import ACCEPTED_DESCRIPTION, UploadRejected


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Every file chosen in one file input (it may hold several), as a list; the form or
    the service checks each one by content."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        values = data if isinstance(data, list | tuple) else [data]
        return [value for value in values if isinstance(value, UploadedFile)]


def files_help(limit: int) -> str:
    """What may be sent, in the words every upload page uses."""
    return (
        f"You can choose up to {limit} files at once. Each must be "
        f"{ACCEPTED_DESCRIPTION}, smaller than 20 MB."
    )


def uploads_read(uploads: list[UploadedFile]) -> list[tuple[str, bytes]]:
    """Each file's name and bytes, checked by content; a message for every file refused."""
    checked: list[tuple[str, bytes]] = []
    problems: list[str] = []
    for upload in uploads:
        try:
            checked.append((upload.name or "The file", upload_read(upload)))
        except UploadRejected as rejected:
            problems.append(str(rejected))
    if problems:
        raise ValidationError(problems)
    return checked
