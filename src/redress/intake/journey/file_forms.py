"""The two question pages that take files: the final response, and evidence.

The files are not judged by the form: the journey checks each by its content, so that a
refused file gets its own error and the rest of the upload is kept.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from redress.frontend.forms import GovukDateField

from .forms import StepForm


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class UploadField(forms.Field):
    """Files from one input, not judged here: the journey checks each by its content."""

    widget: type[forms.Widget] | forms.Widget = forms.FileInput

    def clean(self, value: Any) -> list[UploadedFile]:
        if not value:
            return []
        files = value if isinstance(value, list | tuple) else [value]
        return [f for f in files if isinstance(f, UploadedFile)]


class MultipleFileField(UploadField):
    widget = MultipleFileInput


class FinalResponseForm(StepForm):
    not_answers = ("response_file",)

    final_response_on = GovukDateField(
        label="When did the organisation send its final response?",
        must_be="today_or_past",
        error_messages={
            "required": "Enter the date of the organisation's final response",
            "incomplete": "The date of the final response must include a %(missing)s",
            "invalid": "The date of the final response must be a real date",
            "today_or_past": "The date of the final response must be today or in the past",
        },
    )
    response_file = UploadField(
        label="Upload the final response (optional)",
        help_text="A PDF, Word document, photo or saved email, smaller than 20 MB.",
        required=False,
    )


class EvidenceForm(StepForm):
    not_answers = ("evidence",)

    evidence = MultipleFileField(
        label="Choose files to upload",
        help_text="PDF, Word documents, photos and images (JPG, PNG, GIF, HEIC) or saved "
        "emails. Each file must be smaller than 20 MB. You can choose several at once.",
        required=False,
    )
