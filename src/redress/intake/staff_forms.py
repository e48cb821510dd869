"""Forms for the staff intake pages. They check shape; the rules live in the domain."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django import forms

from redress.casework.forms import VersionedForm
from redress.domain.categories import (
    STAFF_LOGGED_CHANNELS,
    Category,
    subcategory_belongs_to,
    subcategory_choices,
)
from redress.domain.complaints import (
    Authority,
    ComplainedFirst,
    ComplaintAnswers,
    ContactMethod,
    contact_problems,
)
from redress.domain.stages import Outcome, ReasonCode
from redress.domain.triage import Suggestion, Verdict, VerdictError, check_verdicts
from redress.frontend.forms import GovukDateField
from redress.organisations.models import Organisation

from .decisions import DecisionKind, SuggestionVerdict
from .phone import phone_checked
from .signposting import OTHER_BODY, SIGNPOST_CHOICES, signposted_to

INTAKE_CLOSES = (
    Outcome.REFERRED_BACK,
    Outcome.SIGNPOSTED,
    Outcome.ADVICE_GIVEN,
    Outcome.INCOMPLETE_INVALID,
    Outcome.WITHDRAWN,
)
ACCEPT, OVERRIDE = "accept", "override"


def _text(label: str, max_length: int, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, **kwargs)


def _area(label: str, max_length: int, rows: int = 4, **kwargs: Any) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(label=label, max_length=max_length, widget=widget, **kwargs)


def _radios(label: str, choices: Sequence[tuple[str, str]], message: str, **kw: Any) -> Any:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
        **kw,
    )


class IntakeDecisionForm(VersionedForm):
    decision = _radios(
        "What do you want to do?",
        [
            (DecisionKind.ASSESSMENT.value, "Pass it to assessment"),
            (DecisionKind.CLOSE.value, "Close it at intake"),
        ],
        "Select whether to pass the complaint to assessment or close it",
    )
    outcome = _radios(
        "If you are closing it, the outcome",
        [(o.value, o.label) for o in INTAKE_CLOSES],
        "Select the outcome",
        required=False,
    )
    reason_codes = forms.MultipleChoiceField(
        label="Reasons for not taking it on",
        help_text="Accepted suggestions add their own. Select all that apply.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=ReasonCode.choices(),
    )
    signpost_body = forms.ChoiceField(
        label="If signposting, the body that can help",
        required=False,
        choices=SIGNPOST_CHOICES,
    )
    signpost_other = _text("Name of the other body", 200, required=False)
    explanation = _area(
        "What we tell the complainant",
        5000,
        rows=6,
        help_text="In plain words. It goes into the letter and the case history.",
    )

    def __init__(self, *args: Any, suggestions: Sequence[Suggestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = list(suggestions)
        for s in self.suggestions:
            self.fields[f"verdict_{s.key}"] = _radios(
                s.code.label,
                [(ACCEPT, "Accept the suggestion"), (OVERRIDE, "Override it")],
                f"Select whether you accept the '{s.code.label.lower()}' suggestion",
                help_text=s.why,
            )
            self.fields[f"override_{s.key}"] = _area(
                "Why you are overriding it", 2000, rows=2, required=False
            )

    def suggestion_fields(self) -> list[tuple[Suggestion, Any, Any]]:
        return [(s, self[f"verdict_{s.key}"], self[f"override_{s.key}"]) for s in self.suggestions]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        closing = data.get("decision") == DecisionKind.CLOSE
        if closing and not data.get("outcome"):
            self.add_error("outcome", "Select the outcome for closing the case")
        signposting = closing and data.get("outcome") == Outcome.SIGNPOSTED
        if signposting and not data.get("signpost_body"):
            self.add_error("signpost_body", "Select the body you are signposting them to")
        other = data.get("signpost_body") == OTHER_BODY
        if signposting and other and not data.get("signpost_other", "").strip():
            self.add_error("signpost_other", "Enter the name of the other body")
        to_assessment = data.get("decision") == DecisionKind.ASSESSMENT
        for s in self.suggestions:
            verdict = data.get(f"verdict_{s.key}")
            if verdict == OVERRIDE and not data.get(f"override_{s.key}", "").strip():
                self.add_error(f"override_{s.key}", "Say why you are overriding this suggestion")
            if verdict == ACCEPT:
                try:
                    check_verdicts(
                        [Verdict(s, True)], pass_to_assessment=to_assessment, reason_codes=()
                    )
                except VerdictError as error:
                    self.add_error(f"verdict_{s.key}", str(error))
        return data

    def signposted_to(self) -> str:
        return signposted_to(self.cleaned_data)

    def verdicts(self) -> dict[str, SuggestionVerdict]:
        return {
            s.key: SuggestionVerdict(
                accepted=self.cleaned_data[f"verdict_{s.key}"] == ACCEPT,
                override_reason=self.cleaned_data.get(f"override_{s.key}", ""),
            )
            for s in self.suggestions
        }


# The public form's answers, in words for staff talking about the complainant.
COMPLAINED_LABELS = {
    ComplainedFirst.FINAL_RESPONSE: "Yes, and they have had its final response",
    ComplainedFirst.WAITING: "Yes, but they have not had a final response",
    ComplainedFirst.NOT_YET: "No, not yet",
}
AUTHORITY_LABELS = {
    Authority.WRITTEN_CONSENT: "The person affected has agreed in writing",
    Authority.ATTORNEY: "Lasting power of attorney, or a deputy",
    Authority.PARENT: "Parent or guardian of someone under 18",
    Authority.ELECTED: "Their MP or councillor",
    Authority.CANNOT_CONSENT: "The person cannot agree; acting in their interests",
    Authority.OTHER: "Something else",
}
# The public form's rules, with words for staff: the same lengths, phone pattern and
# contact rule (`contact_problems`), and dates today or in the past.
_EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
_ORGANISATION = "Select the organisation complained about"
_CONTACT_MESSAGES = {
    "email": "Enter their email address, or choose another way to contact them",
    "phone": "Enter their phone number, or choose another way to contact them",
    "address": "Enter a postal address so we can write to them",
    "postcode": "Enter their postcode",
}


class LogComplaintForm(forms.Form):
    # One key per blank form: sending the same form twice logs one complaint. A client
    # that sends none (not our page) gets a fresh key each time.
    form_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    channel = _radios(
        "How did the complaint reach us?",
        [(c.value, c.label) for c in STAFF_LOGGED_CHANNELS],
        "Select how the complaint reached us",
    )
    received_on = GovukDateField(label="Date received", must_be="today_or_past")
    on_behalf = _radios(
        "Who is complaining?",
        [("no", "The person affected"), ("yes", "Someone on behalf of the person affected")],
        "Select who is complaining",
    )
    title = _text("Title", 20, required=False)
    first_name = _text("First name", 100, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    last_name = _text("Last name", 100, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    contact_method = _radios(
        "How do they want us to contact them?",
        [(m.value, m.label) for m in ContactMethod],
        "Select how they want us to contact them",
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={"invalid": _EMAIL_FORMAT},
    )
    phone = _text("Phone number", 40, required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    address = _area("Postal address", 500, rows=3, required=False)
    postcode = _text("Postcode", 10, required=False)
    adjustments = _area("Help they need from us (reasonable adjustments)", 2000, required=False)
    person_first_name = _text("First name of the person affected", 100, required=False)
    person_last_name = _text("Last name of the person affected", 100, required=False)
    relationship = _text("Relationship to the person affected", 100, required=False)
    authority = _radios(
        "Their authority to act",
        [(a.value, label) for a, label in AUTHORITY_LABELS.items()],
        "Select the representative's authority to act",
        required=False,
    )
    authority_detail = _text("Details of the authority", 150, required=False)
    organisation = forms.ModelChoiceField(
        label="Organisation complained about",
        queryset=Organisation.objects.only("id", "name").order_by("name"),
        error_messages={"required": _ORGANISATION, "invalid_choice": _ORGANISATION},
    )
    category = forms.ChoiceField(label="Category", choices=[("", ""), *Category.choices()])
    subcategory = forms.ChoiceField(
        label="Sub-category", required=False, choices=[("", "None"), *subcategory_choices()]
    )
    summary = _area("What happened", 10000, rows=6)
    first_knew_on = GovukDateField(
        label="When they first knew about the problem", must_be="today_or_past"
    )
    injustice = _area("How it affected them", 5000)
    outcome_sought = _area("What they want to happen", 5000, rows=3)
    complained = _radios(
        "Have they complained to the organisation?",
        [(c.value, label) for c, label in COMPLAINED_LABELS.items()],
        "Select whether they have complained to the organisation",
    )
    final_response_on = GovukDateField(
        label="Date of the final response",
        help_text="Only if they have had it.",
        must_be="today_or_past",
        required=False,
    )

    def clean_phone(self) -> str:
        return phone_checked(self.cleaned_data.get("phone", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method = data.get("contact_method")
        if method:
            problems = contact_problems(
                ContactMethod(method),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                address=data.get("address", "").strip(),
                postcode=data.get("postcode", "").strip(),
            )
            for name in problems:
                if name not in self.errors:
                    self.add_error(name, _CONTACT_MESSAGES[name])
        if data.get("on_behalf") == "yes":
            for name, message in (
                ("person_first_name", "Enter the first name of the person affected"),
                ("person_last_name", "Enter the last name of the person affected"),
                ("relationship", "Enter the representative's relationship to them"),
                ("authority", "Select the representative's authority to act"),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
            other = data.get("authority") == Authority.OTHER
            if other and not data.get("authority_detail"):
                self.add_error("authority_detail", "Say what allows the representative to act")
        subcategory, category = data.get("subcategory"), data.get("category")
        if subcategory and category and not subcategory_belongs_to(subcategory, Category(category)):
            self.add_error("subcategory", "Select a sub-category that belongs to the category")
        if data.get("complained") == ComplainedFirst.FINAL_RESPONSE:
            final = data.get("final_response_on")
            if final is None and "final_response_on" not in self.errors:
                self.add_error("final_response_on", "Enter the date of the final response")
        return data

    def answers(self) -> ComplaintAnswers:
        data = self.cleaned_data
        on_behalf = data["on_behalf"] == "yes"
        complained = ComplainedFirst(data["complained"])
        return ComplaintAnswers(
            on_behalf=on_behalf,
            title=data["title"].strip(),
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            contact_method=ContactMethod(data["contact_method"]),
            email=data["email"],
            phone=data["phone"],
            address=data["address"].strip(),
            postcode=data["postcode"].strip(),
            adjustments=data["adjustments"].strip(),
            organisation_id=data["organisation"].pk,
            summary=data["summary"].strip(),
            first_knew_on=data["first_knew_on"],
            injustice=data["injustice"].strip(),
            outcome_sought=data["outcome_sought"].strip(),
            complained=complained,
            final_response_on=data["final_response_on"]
            if complained == ComplainedFirst.FINAL_RESPONSE
            else None,
            category=Category(data["category"]),
            category_chosen=True,
            person_first_name=data["person_first_name"].strip() if on_behalf else "",
            person_last_name=data["person_last_name"].strip() if on_behalf else "",
            relationship=data["relationship"].strip() if on_behalf else "",
            authority=Authority(data["authority"]) if on_behalf else None,
            authority_detail=data["authority_detail"].strip() if on_behalf else "",
        )
