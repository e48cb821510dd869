"""One form per question page. They check the shape of answers; the rules are in the domain.

Every form carries the honeypot: a box people never see or reach, which only robots fill.
Answers are kept as JSON (dates as ISO text), so each form can turn its cleaned data into
answers and answers back into initial values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms

from redress.domain.complaints import (
    Authority,
    ComplainedFirst,
    Complainer,
    ContactMethod,
    contact_problems,
)
from redress.frontend.forms import GovukDateField

from ..phone import phone_checked

HONEYPOT = "website"


def _required(message: str) -> dict[str, str]:
    return {"required": message}


class StepForm(forms.Form):
    """A question page's form: its answers as JSON, and the honeypot."""

    # Fields that are not answers (searches, files) and are never stored.
    not_answers: tuple[str, ...] = ()

    website = forms.CharField(required=False, label="Leave this box empty")

    def __init__(self, *args: Any, answers: Mapping[str, Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.all_answers: Mapping[str, Any] = answers or {}

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.is_bound and str(self.data.get(HONEYPOT, "")).strip())

    def answer_names(self) -> list[str]:
        return [n for n in self.fields if n != HONEYPOT and n not in self.not_answers]

    def answers(self) -> dict[str, Any]:
        """The cleaned answers as JSON values (for a valid form; or those that were valid)."""
        data = getattr(self, "cleaned_data", {})
        return {name: _json(data[name]) for name in self.answer_names() if name in data}

    @classmethod
    def initial_from(cls, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Initial values for the page from stored answers (dates back to dates)."""
        initial = dict(answers)
        for name, field in cls.base_fields.items():
            if isinstance(field, GovukDateField) and isinstance(initial.get(name), str):
                try:
                    initial[name] = dt.date.fromisoformat(initial[name])
                except ValueError:
                    initial.pop(name)
        return initial


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def _for_someone_else(form: StepForm) -> bool:
    who = form.all_answers.get("who", {})
    return isinstance(who, Mapping) and who.get("complainer") == Complainer.ON_BEHALF


class WhoForm(StepForm):
    complainer = forms.ChoiceField(
        label="Are you complaining for yourself or for someone else?",
        choices=Complainer.choices(),
        widget=forms.RadioSelect,
        error_messages=_required("Select whether you are complaining for yourself or someone else"),
    )


class OnBehalfForm(StepForm):
    first_name = forms.CharField(
        label="Their first name",
        max_length=100,
        error_messages=_required("Enter the first name of the person you are complaining for"),
    )
    last_name = forms.CharField(
        label="Their last name",
        max_length=100,
        error_messages=_required("Enter the last name of the person you are complaining for"),
    )
    relationship = forms.CharField(
        label="What is your relationship to them?",
        help_text="For example, daughter, friend, advocate, solicitor or MP.",
        max_length=100,
        error_messages=_required("Enter your relationship to the person"),
    )
    authority = forms.ChoiceField(
        label="How can you act for them?",
        choices=Authority.choices(),
        widget=forms.RadioSelect,
        error_messages=_required("Select how you can act for the person"),
    )
    authority_detail = forms.CharField(
        label="Tell us more (optional)",
        help_text="If you chose 'Something else', tell us what allows you to act for them. "
        "We may ask you for a copy of their consent or your power of attorney.",
        max_length=150,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("authority") == Authority.OTHER and not data.get("authority_detail"):
            self.add_error("authority_detail", "Tell us what allows you to act for the person")
        return data


class YourNameForm(StepForm):
    title = forms.CharField(
        label="Title (optional)",
        help_text="For example, Ms, Mr, Mx or Dr.",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "honorific-prefix"}),
    )
    first_name = forms.CharField(
        label="First name",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": False}),
        error_messages=_required("Enter your first name"),
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": False}),
        error_messages=_required("Enter your last name"),
    )


class ContactForm(StepForm):
    contact_method = forms.ChoiceField(
        label="How would you like us to contact you?",
        choices=ContactMethod.choices(),
        widget=forms.RadioSelect,
        error_messages=_required("Select how you would like us to contact you"),
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We will send your reference number here. You can leave it out if you "
        "chose letter.",
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    phone = forms.CharField(
        label="Phone number (optional if you chose email or letter)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = forms.CharField(
        label="Postal address (optional if you chose email)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label="Postcode",
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )

    def clean_phone(self) -> str:
        return phone_checked(self.cleaned_data.get("phone", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method = data.get("contact_method")
        if method and not self.errors:
            problems = contact_problems(
                ContactMethod(method),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                address=data.get("address", "").strip(),
                postcode=data.get("postcode", "").strip(),
            )
            for name, message in problems.items():
                self.add_error(name, message)
        return data


class AdjustmentsForm(StepForm):
    needs_adjustments = forms.ChoiceField(
        label="Do you need us to change how we work with you?",
        help_text="For example, large print, an interpreter, calls at certain times, "
        "or more time to reply. These are called reasonable adjustments.",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages=_required("Select yes if you need us to change how we work with you"),
    )
    adjustments = forms.CharField(
        label="What do you need? (if you answered yes)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("needs_adjustments") == "yes" and not data.get("adjustments"):
            self.add_error("adjustments", "Tell us what you need us to do")
        if data.get("needs_adjustments") == "no":
            data["adjustments"] = ""
        return data


class WhatHappenedForm(StepForm):
    summary = forms.CharField(
        label="Tell us what happened",
        help_text="What did the organisation do, or not do, and when? "
        "You can upload letters, emails and other documents later.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages=_required("Tell us what happened"),
    )
    first_knew_on = GovukDateField(
        label="When did you first know about the problem?",
        must_be="today_or_past",
        error_messages={
            "required": "Enter the date you first knew about the problem",
            "incomplete": "The date you first knew about the problem must include a %(missing)s",
            "invalid": "The date you first knew about the problem must be a real date",
            "today_or_past": "The date you first knew about the problem must be today or in "
            "the past",
        },
    )


class ImpactForm(StepForm):
    injustice = forms.CharField(
        label="How has this affected you?",
        help_text="For example, stress or worry, money you lost, a service you did not get, "
        "or time and trouble you were put to.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_required("Tell us how this has affected you"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if _for_someone_else(self):
            self.fields["injustice"].label = "How has this affected them?"
            self.fields["injustice"].error_messages["required"] = (
                "Tell us how this has affected the person"
            )


class OutcomeForm(StepForm):
    outcome_sought = forms.CharField(
        label="What would you like to happen?",
        help_text="For example, an apology, a decision made again, money refunded, or a change "
        "so it does not happen to others. We cannot fine organisations or discipline staff.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Tell us what you would like to happen"),
    )


class ComplainedForm(StepForm):
    complained = forms.ChoiceField(
        label="Have you complained to the organisation?",
        help_text="We can usually look at a complaint only after the organisation has had "
        "the chance to put things right through its own complaints process.",
        choices=ComplainedFirst.choices(),
        widget=forms.RadioSelect,
        error_messages=_required("Select whether you have complained to the organisation"),
    )


class ConsentForm(StepForm):
    consent = forms.BooleanField(
        label="I have read the privacy notice. I agree that you can share my complaint, and "
        "the information I give, with the organisation, to deal with my complaint.",
        error_messages=_required(
            "Confirm you have read the privacy notice and agree to us sharing your complaint"
        ),
    )


class SaveForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We will send you a link to continue your complaint. It works for 28 days.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    website = forms.CharField(required=False, label="Leave this box empty")


class SubmitForm(forms.Form):
    """Sending the complaint: which draft (so a retry finds it), and the honeypot."""

    draft = forms.CharField(widget=forms.HiddenInput, max_length=64)
    website = forms.CharField(required=False, label="Leave this box empty")
