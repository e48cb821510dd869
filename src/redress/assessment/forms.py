"""Forms for the assessment workspace. They check shape; the rules live in the domain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms

from redress.accounts.models import Team, User
from redress.casework.forms import VersionedForm
from redress.domain.assessment import (
    BARS,
    DISCRETION_TESTS,
    LEGAL_BARS,
    OPTIONS,
    TEST_QUESTIONS,
    AgreedAction,
    Answer,
    Question,
)
from redress.domain.stages import ReasonCode
from redress.frontend.forms import GovukDateField
from redress.intake.signposting import OTHER_BODY, SIGNPOST_CHOICES, signposted_to

from .services import Draft

NO_INVESTIGATOR = "none"
# Rows offered for agreed actions; an early resolution rarely needs more.
ACTION_ROWS = 5


def _area(label: str, max_length: int, rows: int = 3, **kwargs: Any) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(label=label, max_length=max_length, widget=widget, **kwargs)


def _answer_field(question: Question) -> forms.ChoiceField:
    message = f"Select one of the answers to '{question.label}'"
    return forms.ChoiceField(
        label=question.label,
        help_text=BARS[question].hint if question in BARS else TEST_QUESTIONS[question],
        choices=[(option.answer.value, option.label) for option in OPTIONS[question]],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": message},
    )


class AssessmentForm(forms.Form):
    """The jurisdiction stage and the four tests, each with a note; all optional to save."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    notes = _area("Working notes", 20000, rows=5, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in (*LEGAL_BARS, *DISCRETION_TESTS):
            self.fields[f"answer_{question.value}"] = _answer_field(question)
            self.fields[f"note_{question.value}"] = _area(
                f"Note on {BARS[question].name}"
                if question.is_legal_bar
                else f"Your reasoning on {question.label.lower()}",
                5000,
                rows=2 if question.is_legal_bar else 4,
                required=False,
            )

    def pairs(self, questions: Sequence[Question]) -> list[tuple[Any, Any]]:
        return [(self[f"answer_{q.value}"], self[f"note_{q.value}"]) for q in questions]

    def legal_pairs(self) -> list[tuple[Any, Any]]:
        return self.pairs(LEGAL_BARS)

    def test_pairs(self) -> list[tuple[Any, Any]]:
        return self.pairs(DISCRETION_TESTS)

    def drafts(self) -> dict[Question, Draft]:
        data = self.cleaned_data
        return {
            q: Draft(
                answer=Answer(data[f"answer_{q.value}"]) if data[f"answer_{q.value}"] else None,
                note=data[f"note_{q.value}"],
            )
            for q in (*LEGAL_BARS, *DISCRETION_TESTS)
        }


def initial_for(
    version: int, answers: dict[Question, Any], notes: dict[Question, str]
) -> dict[str, Any]:
    """The form's starting values from what has been saved."""
    initial: dict[str, Any] = {"version": version}
    for question, given in answers.items():
        initial[f"answer_{question.value}"] = given.answer.value
    for question, note in notes.items():
        initial[f"note_{question.value}"] = note
    return initial


class _DecisionForm(VersionedForm):
    explanation = _area(
        "What we tell the complainant",
        5000,
        rows=6,
        help_text="In plain words. It goes into the letter and the case history.",
    )


class CloseForm(_DecisionForm):
    reason_codes = forms.MultipleChoiceField(
        label="Reasons for not investigating",
        help_text="Your answers to the assessment suggest some. Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        choices=ReasonCode.choices(),
        error_messages={
            "required": "Select at least one reason for not investigating",
            "invalid_choice": "Select reasons from the list",
        },
    )
    signpost_body = forms.ChoiceField(
        label="Another body that can help",
        help_text="The letter tells them how to contact it.",
        required=False,
        choices=SIGNPOST_CHOICES,
        error_messages={"invalid_choice": "Select a body from the list"},
    )
    signpost_other = forms.CharField(label="Name of the other body", max_length=200, required=False)

    field_order = ["version", "reason_codes", "signpost_body", "signpost_other", "explanation"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("signpost_body") == OTHER_BODY and not data.get("signpost_other", "").strip():
            self.add_error("signpost_other", "Enter the name of the other body")
        return data

    def reasons(self) -> list[ReasonCode]:
        return [ReasonCode(code) for code in self.cleaned_data["reason_codes"]]

    def signposted_to(self) -> str:
        return signposted_to(self.cleaned_data)


class RemedyProvidedForm(_DecisionForm):
    remedy_provided = _area(
        "What the organisation has already done to put things right",
        5000,
        rows=4,
        error_messages={"required": "Enter what the organisation has already done"},
    )

    field_order = ["version", "remedy_provided", "explanation"]


class EarlyResolutionForm(_DecisionForm):
    """Up to ACTION_ROWS agreed actions, each what, who and by when."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{n}"] = _area(f"Action {n}: what exactly", 2000, 2, required=False)
            self.fields[f"who_{n}"] = forms.CharField(
                label=f"Action {n}: who will do it", max_length=200, required=False
            )
            self.fields[f"due_{n}"] = GovukDateField(
                label=f"Action {n}: by when", required=False, must_be="today_or_future"
            )
        # The explanation comes after the actions.
        self.order_fields(["version", *self._action_names(), "explanation"])

    @staticmethod
    def _action_names() -> list[str]:
        return [
            f"{part}_{n}" for n in range(1, ACTION_ROWS + 1) for part in ("action", "who", "due")
        ]

    def rows(self) -> list[tuple[int, Any, Any, Any]]:
        return [
            (n, self[f"action_{n}"], self[f"who_{n}"], self[f"due_{n}"])
            for n in range(1, ACTION_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = 0
        for n in range(1, ACTION_ROWS + 1):
            action = data.get(f"action_{n}", "").strip()
            who = data.get(f"who_{n}", "").strip()
            due = data.get(f"due_{n}")
            if not (action or who or due) and f"due_{n}" not in self.errors:
                continue
            filled += 1
            if not action and f"action_{n}" not in self.errors:
                self.add_error(f"action_{n}", f"Enter what action {n} is")
            if not who and f"who_{n}" not in self.errors:
                self.add_error(f"who_{n}", f"Enter who will do action {n}")
            if due is None and f"due_{n}" not in self.errors:
                self.add_error(f"due_{n}", f"Enter the date action {n} will be done by")
        if not filled:
            self.add_error("action_1", "Enter at least one action the organisation has agreed to")
        return data

    def actions(self) -> list[AgreedAction]:
        data = self.cleaned_data
        return [
            AgreedAction(data[f"action_{n}"], data[f"who_{n}"], data[f"due_{n}"])
            for n in range(1, ACTION_ROWS + 1)
            if data.get(f"action_{n}", "").strip()
        ]


def _plural(n: int) -> str:
    return f"{n} open investigation{'s' if n != 1 else ''}"


class AllocateForm(_DecisionForm):
    investigator = forms.ChoiceField(
        label="Investigator",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select an investigator, or choose to put it in a team's queue",
            "invalid_choice": "Select an investigator from the list",
        },
    )
    team = forms.ChoiceField(
        label="Team",
        help_text="Leave as it is to use the investigator's own team.",
        required=False,
        error_messages={"invalid_choice": "Select a team from the list"},
    )

    field_order = ["version", "investigator", "team", "explanation"]

    def __init__(
        self, *args: Any, investigators: Sequence[User], teams: Sequence[Team], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.investigators = {str(u.pk): u for u in investigators}
        self.teams = {str(t.pk): t for t in teams}
        investigator = cast(forms.ChoiceField, self.fields["investigator"])
        investigator.choices = [
            *(
                (pk, f"{u} ({u.team}): {_plural(getattr(u, 'open_investigations', 0))}")
                for pk, u in self.investigators.items()
            ),
            (NO_INVESTIGATOR, "No one yet: put it in the team's queue"),
        ]
        team = cast(forms.ChoiceField, self.fields["team"])
        team.choices = [
            ("", "The investigator's team"),
            *(
                (pk, f"{t.name} ({_plural(getattr(t, 'open_investigations', 0))})")
                for pk, t in self.teams.items()
            ),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("investigator") == NO_INVESTIGATOR and not data.get("team"):
            self.add_error("team", "Select the team whose queue it goes to")
        return data

    def chosen_investigator(self) -> User | None:
        return self.investigators.get(self.cleaned_data["investigator"])

    def chosen_team(self) -> Team | None:
        return self.teams.get(self.cleaned_data.get("team") or "")
