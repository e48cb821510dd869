"""Forms for the complainant portal. They check shape; the rules live in the domain."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from redress.domain.references import parse_reference
from redress.frontend.forms.file_field import MultipleFileField, files_help, uploads_read

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


class EvidenceForm(forms.Form):
    documents = MultipleFileField(
        label="Upload files", help_text=files_help(MAX_FILES_AT_ONCE), required=False
    )

    def clean_documents(self) -> list[tuple[str, bytes]]:
        """Each file's name and bytes, checked by content; every problem is reported."""
        uploads: list[UploadedFile] = self.cleaned_data["documents"]
        if not uploads:
            raise ValidationError("Select at least one file to upload")
        if len(uploads) > MAX_FILES_AT_ONCE:
            raise ValidationError(f"Select {MAX_FILES_AT_ONCE} files or fewer at a time")
        return uploads_read(uploads)
