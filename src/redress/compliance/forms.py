"""Forms for the compliance pages; the rules themselves live in the domain and services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from redress.domain.compliance import ReviewVerdict
from redress.domain.uploads import ACCEPTED_DESCRIPTION
from redress.frontend.forms.date_field import GovukDateField
from redress.frontend.forms.file_field import MultipleFileField, uploads_read

MAX_EVIDENCE_FILES = 10
_TEXT_LIMIT = 20_000


def _text(label: str, *, required: bool = True, help_text: str = "", rows: int = 5) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"Enter {label[:1].lower()}{label[1:].rstrip('?')}",
            "max_length": f"{label} must be {_TEXT_LIMIT:,} characters or fewer",
        },
    )


def _plain(value: str) -> str:
    if "\x00" in value:
        raise ValidationError("The text contains a character we cannot accept")
    return value


class _VersionForm(forms.Form):
    """Carries the version the person saw, so a concurrent change is caught."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class EvidenceForm(forms.Form):
    text = _text(
        "What you have done",
        rows=8,
        help_text="Say what was done and when, and what the documents show.",
    )
    documents = MultipleFileField(
        label="Evidence documents (optional)",
        required=False,
        help_text=(
            f"Up to {MAX_EVIDENCE_FILES} files, for example a copy of the letter or proof of "
            f"payment. Each must be {ACCEPTED_DESCRIPTION}, smaller than 20 MB."
        ),
    )

    def clean_text(self) -> str:
        return _plain(self.cleaned_data["text"])

    def clean_documents(self) -> list[tuple[str, bytes]]:
        """Each file's name and bytes, checked by content; a message for every file refused."""
        uploads: list[UploadedFile] = self.cleaned_data["documents"]
        if len(uploads) > MAX_EVIDENCE_FILES:
            raise ValidationError(f"Select {MAX_EVIDENCE_FILES} files or fewer")
        return uploads_read(uploads)


class ReviewForm(_VersionForm):
    verdict = forms.TypedChoiceField(
        label="Does the evidence show the action is done?",
        choices=ReviewVerdict.choices(),
        coerce=ReviewVerdict,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the evidence shows the action is done"},
    )
    what_is_needed = _text(
        "What the organisation still needs to send",
        required=False,
        help_text="Only if more evidence is needed. The organisation gets this in a letter.",
    )

    def clean_what_is_needed(self) -> str:
        return _plain(self.cleaned_data["what_is_needed"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("verdict") == ReviewVerdict.MORE_NEEDED
            and not str(data.get("what_is_needed", "")).strip()
        ):
            self.add_error("what_is_needed", "Enter what the organisation still needs to send")
        return data


class NotCompliedForm(_VersionForm):
    pass


class ReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    text = _text(
        "Draft report",
        rows=14,
        help_text=(
            "What the organisation agreed, what it has not done, and what it should now do. "
            "Do not name the complainant or any officer."
        ),
    )

    def clean_text(self) -> str:
        return _plain(self.cleaned_data["text"])


class SendReportForm(_VersionForm):
    pass


class ResponseForm(_VersionForm):
    text = _text("What the organisation said it will do", rows=8)
    received_on = GovukDateField(
        label="Date the response was received",
        must_be="today_or_past",
        help_text="For example, 27 3 2026",
    )

    def clean_text(self) -> str:
        return _plain(self.cleaned_data["text"])
