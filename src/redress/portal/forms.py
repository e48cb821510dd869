"""Forms for the complainant portal. They check shape; the rules live in the domain."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from redress.casework.documents import upload_read
from redress.domain.references import parse_reference
from redress.domain.uploads import ACCEPTED_DESCRIPTION, UploadRejected

MAX_FILES_AT_ONCE = 10


class LinkRequestForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The email address you gave us when you complained.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    reference = forms.CharField(
        label="Case reference",
        max_length=20,
        help_text="8 numbers, like 24 015 110. It is on our letters and emails to you.",
        error_messages={"required": "Enter your case reference"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": False}),
    )

    def clean_reference(self) -> str:
        value: str = self.cleaned_data["reference"]
        try:
            return str(parse_reference(value))
        except ValueError:
            raise ValidationError(
                "Enter your case reference as 8 numbers, like 24 015 110"
            ) from None


class MessageForm(forms.Form):
    text = forms.CharField(
        label="Your message",
        help_text="Do not include bank details or passwords.",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={"required": "Enter your message"},
    )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if "\x00" in text:
            raise ValidationError("Your message contains a character we cannot accept")
        return text


class _MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class _MultipleFileField(forms.FileField):
    """The files chosen in one file input (it may hold several); checked in the form."""

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        values = data if isinstance(data, list | tuple) else [data]
        return [value for value in values if isinstance(value, UploadedFile)]


class EvidenceForm(forms.Form):
    documents = _MultipleFileField(
        label="Upload files",
        help_text=(
            f"You can choose up to {MAX_FILES_AT_ONCE} files at once. Each must be "
            f"{ACCEPTED_DESCRIPTION}, smaller than 20 MB."
        ),
        widget=_MultipleFileInput,
        required=False,
    )

    def clean_documents(self) -> list[tuple[str, bytes]]:
        """Each file's name and bytes, checked by content; every problem is reported."""
        uploads: list[UploadedFile] = self.cleaned_data["documents"]
        if not uploads:
            raise ValidationError("Select at least one file to upload")
        if len(uploads) > MAX_FILES_AT_ONCE:
            raise ValidationError(f"Select {MAX_FILES_AT_ONCE} files or fewer at a time")
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
