"""Forms for findings, the draft decision, comments, checks and reviews. They check shape;
the rules live in the domain."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from redress.domain.categories import Channel
from redress.domain.decision_text import Section
from redress.domain.findings import (
    DECISION_OUTCOMES,
    Causation,
    CommentParty,
    Fault,
    InjusticeKind,
    QualityCheckResult,
)
from redress.domain.findings import Finding as FindingFacts
from redress.domain.reviews import REOPEN_STAGES, ReviewKind, ReviewOutcome
from redress.domain.stages import Outcome, Stage
from redress.frontend.forms import GovukDateField

from .models import Finding

_LONG = 20000


def _text(label: str, *, rows: int = 5, required: bool = True, **extra: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=_LONG,
        required=required,
        **extra,
    )


class VersionForm(forms.Form):
    """Carries the versions the person saw, so a concurrent save is caught."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CaseVersionForm(VersionForm):
    case_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FindingForm(forms.Form):
    what_happened = _text("What happened")
    what_should_have_happened = _text(
        "What should have happened",
        help_text="The law, guidance or policy that applies, and what it required.",
    )
    fault = forms.ChoiceField(
        label="Was there fault?", choices=Fault.choices(), widget=forms.RadioSelect
    )
    injustice_kinds = forms.MultipleChoiceField(
        label="What injustice did the person suffer?",
        choices=InjusticeKind.choices(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave empty if the fault caused no injustice, or there was no fault.",
    )
    injustice = _text(
        "The injustice and its effect on the person",
        rows=4,
        required=False,
        help_text="Needed when you choose a kind of injustice.",
    )
    causation = forms.ChoiceField(
        label="Did the fault cause the injustice?",
        choices=Causation.choices(),
        widget=forms.RadioSelect,
        required=False,
    )

    @classmethod
    def initial_from(cls, finding: Finding | None) -> dict[str, Any]:
        if finding is None:
            return {}
        return {
            "what_happened": finding.what_happened,
            "what_should_have_happened": finding.what_should_have_happened,
            "fault": finding.fault,
            "injustice_kinds": list(finding.injustice_kinds),
            "injustice": finding.injustice,
            "causation": finding.causation,
        }

    def facts(self) -> FindingFacts:
        data = self.cleaned_data
        return FindingFacts(
            what_happened=data["what_happened"],
            what_should_have_happened=data["what_should_have_happened"],
            fault=Fault(data["fault"]),
            injustice_kinds=tuple(InjusticeKind(k) for k in data["injustice_kinds"]),
            injustice=data.get("injustice") or "",
            causation=Causation(data["causation"]) if data.get("causation") else None,
        )


class OverrideForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What should the outcome be?",
        choices=[(o.value, o.label) for o in DECISION_OUTCOMES],
        widget=forms.RadioSelect,
    )
    reason = _text("Why are you overriding the outcome the findings give?", rows=4)

    def chosen(self) -> Outcome:
        return Outcome(self.cleaned_data["outcome"])


class DraftForm(VersionForm):
    """One text box per section of the decision statement."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in Section:
            self.fields[section.value] = _text(section.label, rows=8, required=False)

    def sections(self) -> dict[Section, str]:
        return {section: self.cleaned_data.get(section.value) or "" for section in Section}


class ShareForm(CaseVersionForm):
    comments_due_on = GovukDateField(
        label="Comments due by",
        help_text="Leave blank for the usual 10 working days.",
        required=False,
        must_be="future",
    )


class IssueForm(CaseVersionForm):
    pass


class ReturnForm(forms.Form):
    case_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = _text("Why is the case going back to investigation?", rows=4)


class CommentForm(forms.Form):
    """A party's comment sent through a portal."""

    text = _text("Your comments on the draft decision", rows=8)


_STAFF_CHANNELS = [(c.value, c.label) for c in (Channel.EMAIL, Channel.LETTER, Channel.PHONE)]


def _date_received() -> GovukDateField:
    """When something reached us by letter, email or phone; blank means today."""
    return GovukDateField(
        label="Date received",
        help_text="For example, 27 3 2026. Leave blank for today.",
        required=False,
        must_be="today_or_past",
    )


def _today_if_blank(value: dt.date | None) -> dt.date:
    return value or timezone.localdate()


class StaffCommentForm(forms.Form):
    party = forms.ChoiceField(
        label="Who commented?", choices=CommentParty.choices(), widget=forms.RadioSelect
    )
    channel = forms.ChoiceField(label="How did it come?", choices=_STAFF_CHANNELS)
    text = _text("What they said", rows=6)
    received_on = _date_received()

    def clean_received_on(self) -> dt.date:
        return _today_if_blank(self.cleaned_data.get("received_on"))


class ResponseForm(forms.Form):
    response = _text("Our response to this comment", rows=5)


class QualityCheckForm(VersionForm):
    result = forms.ChoiceField(
        label="Your check", choices=QualityCheckResult.choices(), widget=forms.RadioSelect
    )
    notes = _text(
        "Notes for the investigator",
        rows=4,
        required=False,
        help_text="Needed when you return it. Only staff see these notes.",
    )


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?", choices=ReviewKind.choices(), widget=forms.RadioSelect
    )
    party = forms.ChoiceField(
        label="Who is asking?", choices=CommentParty.choices(), widget=forms.RadioSelect
    )
    channel = forms.ChoiceField(
        label="How did it come?",
        choices=[
            (c.value, c.label)
            for c in (Channel.EMAIL, Channel.LETTER, Channel.PHONE, Channel.PORTAL)
        ],
    )
    summary = _text("What they are asking for, and why", rows=5)
    received_on = _date_received()

    def clean_received_on(self) -> dt.date:
        return _today_if_blank(self.cleaned_data.get("received_on"))


class ReviewDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision", choices=ReviewOutcome.choices(), widget=forms.RadioSelect
    )
    reopen_at = forms.ChoiceField(
        label="If you uphold a review, where does the case go back to?",
        choices=[(s.value, s.label) for s in REOPEN_STAGES],
        widget=forms.RadioSelect,
        required=False,
    )
    reasons = _text("Reasons", rows=5, help_text="These go to the person who asked.")

    def reopen_stage(self) -> Stage | None:
        value = self.cleaned_data.get("reopen_at")
        return Stage(value) if value else None
