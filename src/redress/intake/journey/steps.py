"""Each question page: its form, its template and heading, and its rows on "Check answers".

Which pages apply, and in what order, is the domain's (`redress.domain.complaints`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from markupsafe import Markup, escape

from redress.domain.categories import Category
from redress.domain.complaints import (
    NOT_SURE,
    Authority,
    ComplainedFirst,
    Complainer,
    ContactMethod,
    Step,
    steps_that_apply,
)
from redress.frontend.dates import date_uk
from redress.organisations.models import Organisation

from ..models import DraftFile, DraftFilePurpose
from .choices import AboutForm, OrganisationForm
from .file_forms import EvidenceForm, FinalResponseForm
from .forms import (
    AdjustmentsForm,
    ComplainedForm,
    ConsentForm,
    ContactForm,
    ImpactForm,
    OnBehalfForm,
    OutcomeForm,
    StepForm,
    WhatHappenedForm,
    WhoForm,
    YourNameForm,
)

QUESTION_TEMPLATE = "intake/journey/question.html"


@dataclass(frozen=True)
class Page:
    form: type[StepForm]
    # The page's <h1>; None when the page asks one question, whose label is the heading.
    heading: str | None = None
    template: str = QUESTION_TEMPLATE
    # Pages that take files: what the files are for, and the form field they come in.
    files: DraftFilePurpose | None = None
    file_field: str = ""


PAGES: dict[Step, Page] = {
    Step.WHO: Page(WhoForm),
    Step.ON_BEHALF: Page(OnBehalfForm, heading="The person you are complaining for"),
    Step.YOUR_NAME: Page(YourNameForm, heading="What is your name?"),
    Step.CONTACT: Page(ContactForm, heading="How we will contact you"),
    Step.ADJUSTMENTS: Page(AdjustmentsForm, heading="Help with using our service"),
    Step.ORGANISATION: Page(
        OrganisationForm,
        heading="Which organisation are you complaining about?",
        template="intake/journey/organisation.html",
    ),
    Step.WHAT_HAPPENED: Page(WhatHappenedForm, heading="What happened"),
    Step.IMPACT: Page(ImpactForm),
    Step.OUTCOME: Page(OutcomeForm),
    Step.COMPLAINED: Page(ComplainedForm),
    Step.FINAL_RESPONSE: Page(
        FinalResponseForm,
        heading="The organisation's final response",
        template="intake/journey/final_response.html",
        files=DraftFilePurpose.FINAL_RESPONSE,
        file_field="response_file",
    ),
    Step.EVIDENCE: Page(
        EvidenceForm,
        heading="Upload evidence (optional)",
        template="intake/journey/evidence.html",
        files=DraftFilePurpose.EVIDENCE,
        file_field="evidence",
    ),
    Step.ABOUT: Page(AboutForm, template="intake/journey/about.html"),
    Step.CONSENT: Page(
        ConsentForm, heading="Privacy and consent", template="intake/journey/consent.html"
    ),
}


def step_named(slug: str) -> Step | None:
    try:
        return Step(slug)
    except ValueError:
        return None


# -- "Check your answers" --------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    lines: Sequence[str]
    step: Step

    @property
    def change_url(self) -> str:
        return reverse("intake:step", args=[self.step.value]) + "?change=1"

    def summary_row(self) -> dict[str, Any]:
        """Options for one row of govukSummaryList (values escaped by the template)."""
        return {
            "key": {"text": self.key},
            "value": {"html": _lines_html(self.lines)},
            "actions": {
                "items": [
                    {
                        "href": self.change_url,
                        "text": "Change",
                        "visuallyHiddenText": self.key[:1].lower() + self.key[1:],
                    }
                ]
            },
        }


def _lines_html(lines: Sequence[str]) -> Markup:
    """The value's lines, escaped, one per line; "Not given" when there is nothing."""
    split = [part for line in lines if line for part in str(line).splitlines() if part.strip()]
    return Markup("<br>").join(escape(part) for part in split or ["Not given"])


def _label(kind: Any, value: Any) -> str:
    try:
        return str(kind(value).label)
    except ValueError:
        return ""


def _date(value: Any) -> str:
    try:
        return date_uk(dt.date.fromisoformat(str(value)))
    except ValueError:
        return ""


def summary_sections(
    answers: Mapping[str, Mapping[str, Any]],
    *,
    organisation: Organisation | None,
    files: Sequence[DraftFile],
) -> list[tuple[str, list[Row]]]:
    """The answers as titled lists of rows, each with its Change link."""
    applies = set(steps_that_apply(answers))

    def a(step: Step, name: str) -> Any:
        page = answers.get(step.value, {})
        return page.get(name, "") if isinstance(page, Mapping) else ""

    you = [Row("Who is complaining", [_label(Complainer, a(Step.WHO, "complainer"))], Step.WHO)]
    if Step.ON_BEHALF in applies:
        s = Step.ON_BEHALF
        you += [
            Row("Person you are complaining for", [a(s, "first_name"), a(s, "last_name")], s),
            Row("Your relationship to them", [a(s, "relationship")], s),
            Row("How you can act for them", [_label(Authority, a(s, "authority")),
                                             a(s, "authority_detail")], s),
        ]  # fmt: skip
    name = " ".join(a(Step.YOUR_NAME, n) for n in ("title", "first_name", "last_name"))
    c = Step.CONTACT
    you += [
        Row("Your name", [name.strip()], Step.YOUR_NAME),
        Row("How to contact you", [_label(ContactMethod, a(c, "contact_method"))], c),
        Row("Email address", [a(c, "email")], c),
        Row("Phone number", [a(c, "phone")], c),
        Row("Postal address", [*str(a(c, "address")).splitlines(), a(c, "postcode")], c),
        Row("Help you need from us", [a(Step.ADJUSTMENTS, "adjustments") or "None"],
            Step.ADJUSTMENTS),
    ]  # fmt: skip
    about = a(Step.ABOUT, "category")
    whom = "them" if Step.ON_BEHALF in applies else "you"
    complaint = [
        Row("Organisation", [organisation.name if organisation else ""], Step.ORGANISATION),
        Row("What happened", [a(Step.WHAT_HAPPENED, "summary")], Step.WHAT_HAPPENED),
        Row("When you first knew", [_date(a(Step.WHAT_HAPPENED, "first_knew_on"))],
            Step.WHAT_HAPPENED),
        Row(f"How it affected {whom}", [a(Step.IMPACT, "injustice")], Step.IMPACT),
        Row("What you want to happen", [a(Step.OUTCOME, "outcome_sought")], Step.OUTCOME),
        Row("Complained to the organisation",
            [_label(ComplainedFirst, a(Step.COMPLAINED, "complained"))], Step.COMPLAINED),
    ]  # fmt: skip
    if Step.FINAL_RESPONSE in applies:
        response = [f.original_name for f in files if f.purpose == DraftFilePurpose.FINAL_RESPONSE]
        complaint.append(
            Row(
                "Final response",
                [_date(a(Step.FINAL_RESPONSE, "final_response_on")), *response],
                Step.FINAL_RESPONSE,
            )
        )
    evidence = [f.original_name for f in files if f.purpose == DraftFilePurpose.EVIDENCE]
    complaint += [
        Row("Evidence", evidence or ["No files uploaded"], Step.EVIDENCE),
        Row("What it is about",
            ["Not sure" if about == NOT_SURE else _label(Category, about)], Step.ABOUT),
    ]  # fmt: skip
    consent = [Row("Privacy and consent", ["Agreed"], Step.CONSENT)]
    return [("About you", you), ("Your complaint", complaint), ("Consent", consent)]
