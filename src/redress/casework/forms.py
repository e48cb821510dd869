"""Forms for the staff case pages. They check shape; the rules live in the domain."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone

from redress.domain.categories import Category, Channel, subcategory_choices
from redress.domain.stages import Outcome, ReasonCode, Stage, Transition
from redress.frontend.forms import GovukDateField
from redress.organisations.models import Organisation

from .models import Direction
from .selectors import SORT_LABELS, Scope, Sort, WorkqueueFilters


class WorkqueueFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label="Cases",
        choices=[(Scope.MINE, "My cases"), (Scope.TEAM, "My team's queue")],
        required=False,
    )
    stage = forms.ChoiceField(
        label="Stage", choices=[("", "Any open stage"), *Stage.choices()], required=False
    )
    category = forms.ChoiceField(
        label="Category", choices=[("", "Any category"), *Category.choices()], required=False
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.only("id", "name"),
        required=False,
        empty_label="Any organisation",
    )
    overdue = forms.BooleanField(label="Only overdue cases", required=False)
    sort = forms.ChoiceField(label="Sort by", choices=list(SORT_LABELS.items()), required=False)

    def filters(self) -> WorkqueueFilters:
        """The filters to apply; each invalid value falls back to its default, never an error."""
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()  # cleans every field; cleaned_data keeps the ones that passed
            data = self.cleaned_data
        organisation = data.get("organisation")
        return WorkqueueFilters(
            scope=data.get("scope") or Scope.MINE,
            stage=Stage(data["stage"]) if data.get("stage") else None,
            category=data.get("category") or "",
            organisation_id=organisation.pk if organisation else None,
            overdue=bool(data.get("overdue")),
            sort=data.get("sort") or Sort.DUE,
        )

    def for_display(self) -> WorkqueueFilterForm:
        """The form to show: as typed if valid, else unbound with the values that were used."""
        if not self.is_bound or self.is_valid():
            return self
        return WorkqueueFilterForm(initial=self.cleaned_data)


class VersionedForm(forms.Form):
    """Carries the case version the person saw, so a concurrent save is caught."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MoveStageForm(VersionedForm):
    target = forms.ChoiceField(label="What do you want to do?", widget=forms.RadioSelect)
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        widget=forms.RadioSelect,
        choices=Outcome.choices(),
    )
    reason_codes = forms.MultipleChoiceField(
        label="Reasons for not investigating",
        help_text="Needed when closing after initial enquiries. Select all that apply.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=ReasonCode.choices(),
    )
    reason = forms.CharField(
        label="Reason for this change",
        help_text="This is recorded in the case history.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    review_upheld = forms.BooleanField(
        label="A post-decision review of this case was upheld", required=False
    )

    def __init__(self, *args: Any, transitions: list[Transition], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.transitions = {t.target.value: t for t in transitions}
        target = cast(forms.ChoiceField, self.fields["target"])
        target.choices = [(t.target.value, t.label) for t in transitions]
        outcomes = {o for t in transitions for o in t.outcomes}
        outcome = cast(forms.ChoiceField, self.fields["outcome"])
        outcome.choices = [(o.value, o.label) for o in Outcome if o in outcomes]
        if not outcomes:
            del self.fields["outcome"]
            del self.fields["reason_codes"]
        if not any(t.kind == "reopen" for t in transitions):
            del self.fields["review_upheld"]

    def transition(self) -> Transition:
        return self.transitions[self.cleaned_data["target"]]


class NoteForm(forms.Form):
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 5}), max_length=20000)


class ContactForm(forms.Form):
    direction = forms.ChoiceField(
        label="Was it received or sent?", choices=Direction.choices, widget=forms.RadioSelect
    )
    channel = forms.ChoiceField(label="How", choices=Channel.choices())
    party = forms.CharField(
        label="Who was it with?",
        max_length=100,
        help_text="For example, the complainant, their representative or the council.",
    )
    summary = forms.CharField(
        label="Summary", widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    received_on = GovukDateField(
        label="Date",
        help_text="For example, 27 3 2026. Leave blank for today.",
        required=False,
        must_be="today_or_past",
    )
    handled = forms.BooleanField(
        label="It has been dealt with",
        required=False,
        help_text="Leave unticked for a letter or email that still needs a reply.",
    )

    def clean_received_on(self) -> dt.date:
        value: dt.date | None = self.cleaned_data.get("received_on")
        return value or timezone.localdate()


class CaseDetailsForm(VersionedForm):
    category = forms.ChoiceField(label="Category", choices=Category.choices())
    subcategory = forms.ChoiceField(
        label="Sub-category", required=False, choices=[("", "None"), *subcategory_choices()]
    )
    summary = forms.CharField(
        label="Summary of the complaint",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
    )
    outcome_sought = forms.CharField(
        label="Outcome the complainant wants",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )
    sensitive = forms.BooleanField(
        label="Sensitive case",
        help_text="Only the officer and the team's managers will be able to see it.",
        required=False,
    )

    DETAIL_FIELDS = ("category", "subcategory", "summary", "outcome_sought", "sensitive")

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.DETAIL_FIELDS}
