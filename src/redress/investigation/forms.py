"""Forms for the investigation pages; the rules themselves live in the domain and services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from redress.casework.models import ClockPause, Document
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.investigation import UpdatedParty
from redress.domain.uploads import ACCEPTED_DESCRIPTION
from redress.frontend.forms.date_field import GovukDateField
from redress.frontend.forms.file_field import MultipleFileField, uploads_read

from .models import ComplaintIssue, EvidenceSource

MAX_ANSWER_FILES = 10
_TEXT_LIMIT = 20_000


def _text(label: str, *, required: bool = True, help_text: str = "", rows: int = 5) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[:1].lower()}{label[1:].rstrip('?')}"},
    )


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValidationError("The text contains a character we cannot accept")
    return value


class StatementForm(forms.Form):
    period_from = GovukDateField(
        label="Start of the period investigated",
        must_be="today_or_past",
        help_text="For example, 27 3 2025",
    )
    period_to = GovukDateField(
        label="End of the period investigated",
        must_be="today_or_past",
        help_text="For example, 30 9 2025",
    )
    not_investigated = _text(
        "What we are not investigating, and why",
        required=False,
        help_text="Leave blank if we are investigating everything the complaint raises.",
    )

    def clean_not_investigated(self) -> str:
        return _no_nul(self.cleaned_data["not_investigated"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and end < start:
            self.add_error(
                "period_to",
                "End of the period investigated must be the same as or after its start",
            )
        return data


class IssueForm(forms.Form):
    description = _text("The issue", help_text="One matter we will reach a finding on.", rows=3)

    def clean_description(self) -> str:
        return _no_nul(self.cleaned_data["description"])


class IssueMoveForm(forms.Form):
    issue = forms.IntegerField(min_value=1)
    move = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])

    def new_order(self, issues: Sequence[ComplaintIssue]) -> list[int] | None:
        """The issue ids in their new order, or None if the move goes nowhere."""
        ids = [issue.pk for issue in issues]
        pk, move = self.cleaned_data["issue"], self.cleaned_data["move"]
        if pk not in ids:
            return None
        at = ids.index(pk)
        to = at - 1 if move == "up" else at + 1
        if not 0 <= to < len(ids):
            return None
        ids[at], ids[to] = ids[to], ids[at]
        return ids


class EnquiryForm(forms.Form):
    questions = _text("Questions for the organisation", rows=8)
    documents_requested = _text(
        "Documents we want to see",
        required=False,
        help_text="For example, case notes from March to June 2025 and the complaint file.",
    )
    due_on = GovukDateField(
        label="Reply due by",
        required=False,
        must_be="future",
        help_text="Leave blank for the usual 20 working days from today.",
    )

    def clean_questions(self) -> str:
        return _no_nul(self.cleaned_data["questions"])

    def clean_documents_requested(self) -> str:
        return _no_nul(self.cleaned_data["documents_requested"])


class EvidenceForm(forms.Form):
    source = forms.ChoiceField(
        label="Where did it come from?",
        choices=EvidenceSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the evidence came from"},
    )
    received_on = GovukDateField(label="Date received", must_be="today_or_past")
    description = forms.CharField(
        label="What it is",
        max_length=500,
        help_text="For example, the council's assessment of 4 May 2025.",
        error_messages={"required": "Enter what the evidence is"},
    )
    document = forms.TypedChoiceField(
        label="Document on the case (optional)", required=False, coerce=int, empty_value=None
    )
    issues = forms.TypedMultipleChoiceField(
        label="Which issues does it bear on?",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        documents: Sequence[Document],
        issues: Sequence[ComplaintIssue],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "document").choices = [("", "None")] + [
            (d.pk, f"{d.original_name} ({d.received_at:%d %b %Y})") for d in documents
        ]
        _choice_field(self, "issues").choices = [
            (i.pk, f"{i.number}. {i.description}") for i in issues
        ]

    def clean_description(self) -> str:
        return _no_nul(self.cleaned_data["description"])


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def _clock_choices(kinds: Sequence[ClockKind]) -> list[tuple[str, str]]:
    return [(kind.value, kind.label) for kind in kinds]


class PauseForm(forms.Form):
    clock = forms.ChoiceField(
        label="Which clock?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the clock to pause"},
    )
    started_on = GovukDateField(label="Paused from", must_be="today_or_past")
    reason = _text("Reason for the pause", help_text="For example, waiting for a court to decide.")

    def __init__(self, *args: Any, clocks: Sequence[ClockKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "clock").choices = _clock_choices(clocks)

    def clean_reason(self) -> str:
        return _no_nul(self.cleaned_data["reason"])


class ResumeForm(forms.Form):
    clock = forms.ChoiceField(
        label="Which clock?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the clock to restart"},
    )
    ended_on = GovukDateField(
        label="Last day of the pause",
        must_be="today_or_past",
        help_text="The clock runs again from the next day.",
    )

    def __init__(self, *args: Any, pauses: Sequence[ClockPause], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "clock").choices = [
            (p.kind, f"{p.kind_label} (paused from {p.started_on:%-d %B %Y})") for p in pauses
        ]


class DelayNoticeForm(forms.Form):
    clock = forms.ChoiceField(
        label="Which timescale will we miss?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the timescale we cannot meet"},
    )
    reason = _text(
        "Why we cannot meet it",
        help_text=(
            "Finish the sentence “We cannot meet the timescale because …” in plain words. "
            "It is sent to the complainant and the organisation."
        ),
    )
    expected_by = GovukDateField(
        label="When we now expect to finish (optional)", required=False, must_be="future"
    )

    def __init__(self, *args: Any, clocks: Sequence[ClockKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "clock").choices = _clock_choices(clocks)

    def clean_reason(self) -> str:
        return _no_nul(self.cleaned_data["reason"])


class PartyUpdateForm(forms.Form):
    parties = forms.TypedMultipleChoiceField(
        label="Who did you update?",
        choices=UpdatedParty.choices(),
        coerce=UpdatedParty,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select who you updated"},
    )
    channel = forms.ChoiceField(label="How", choices=Channel.choices())
    summary = _text("What you told them")
    sent_on = GovukDateField(label="Date of the update", must_be="today_or_past")

    def clean_summary(self) -> str:
        return _no_nul(self.cleaned_data["summary"])


class AnswerForm(forms.Form):
    answer = _text("Your answer to our questions", rows=10)
    documents = MultipleFileField(
        label="Documents (optional)",
        required=False,
        help_text=(
            f"Up to {MAX_ANSWER_FILES} files. Each must be {ACCEPTED_DESCRIPTION}, "
            "smaller than 20 MB."
        ),
    )

    def clean_answer(self) -> str:
        return _no_nul(self.cleaned_data["answer"])

    def clean_documents(self) -> list[tuple[str, bytes]]:
        """Each file's name and bytes, checked by content; a message for every file refused."""
        uploads: list[UploadedFile] = self.cleaned_data["documents"]
        if len(uploads) > MAX_ANSWER_FILES:
            raise ValidationError(f"Select {MAX_ANSWER_FILES} files or fewer")
        return uploads_read(uploads)
