"""The GOV.UK form adapter: each Django widget renders as the right GOV.UK component."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

import pytest
import time_machine
from django import forms
from django.template import engines

from redress.frontend.forms import GovukDateField, govuk_error_summary, govuk_field

TODAY = dt.date(2026, 11, 20)


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.text = ""

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in ("input", "br", "img", "meta", "link"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


class Page:
    """Rendered HTML, searchable by tag, class and attributes."""

    def __init__(self, html: str) -> None:
        self.html = html
        collector = _Collector()
        collector.feed(html)
        self.elements = collector.elements

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag)
            and (cls is None or cls in element.classes)
            and all(element.attrs.get(name.rstrip("_")) == value for name, value in attrs.items())
        ]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, f"expected one {tag} {cls} {attrs}, found {len(found)}"
        return found[0]


def render(source: str, **context: Any) -> Page:
    template = engines["jinja"].from_string(
        '{% from "frontend/form_macros.html" import field, error_summary %}' + source
    )
    return Page(template.render(context))


def text_of(element: Element) -> str:
    return " ".join(element.text.split())


COLOURS = [("red", "Red"), ("green", "Green"), ("blue", "Blue")]


class CaseForm(forms.Form):
    summary = forms.CharField(label="Summary", help_text="One line about the complaint.")
    email = forms.EmailField(label="Email address", required=False)
    count = forms.IntegerField(label="Number of people", required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    reason = forms.CharField(label="Reason", widget=forms.Textarea, max_length=500, required=False)
    colour = forms.ChoiceField(label="Colour", choices=COLOURS, required=False)
    channel = forms.ChoiceField(label="Channel", choices=COLOURS, widget=forms.RadioSelect)
    tags = forms.MultipleChoiceField(
        label="Tags", choices=COLOURS, widget=forms.CheckboxSelectMultiple, required=False
    )
    sensitive = forms.BooleanField(
        label="This case is sensitive", required=False, help_text="Only managers see it."
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    password = forms.CharField(label="Password", widget=forms.PasswordInput, required=False)
    received = GovukDateField(label="Date received", must_be="today_or_past", required=False)


class GroupedForm(forms.Form):
    category = forms.ChoiceField(
        label="Category",
        choices=[
            ("", "---------"),
            ("Housing", [("repairs", "Repairs"), ("allocations", "Allocations")]),
            ("Education", [("transport", "School transport")]),
        ],
    )


def test_text_input_is_a_govuk_input_with_label_hint_and_value() -> None:
    page = render("{{ field(form.summary) }}", form=CaseForm(initial={"summary": "Leaking roof"}))

    box = page.one("input", id="id_summary")
    assert "govuk-input" in box.classes
    assert box.attrs["name"] == "summary"
    assert box.attrs["type"] == "text"
    assert box.attrs["value"] == "Leaking roof"
    assert "required" not in box.attrs, "the browser's own validation bypasses the summary"
    assert text_of(page.one("label", for_="id_summary")) == "Summary"
    hint = page.one(cls="govuk-hint")
    assert hint.attrs["id"] == "id_summary-hint"
    assert text_of(hint) == "One line about the complaint."
    assert box.attrs["aria-describedby"] == "id_summary-hint"


def test_email_input_has_email_type_and_no_spellcheck() -> None:
    box = render("{{ field(form.email) }}", form=CaseForm()).one("input", id="id_email")

    assert box.attrs["type"] == "email"
    assert box.attrs["spellcheck"] == "false"
    assert box.attrs["autocomplete"] == "email"


def test_number_input_is_a_text_box_with_a_numeric_keyboard() -> None:
    box = render("{{ field(form.count) }}", form=CaseForm()).one("input", id="id_count")

    assert box.attrs["type"] == "text"
    assert box.attrs["inputmode"] == "numeric"
    assert "govuk-input--width-10" in box.classes
    assert "min" not in box.attrs
    assert "step" not in box.attrs


def test_textarea_without_a_limit_is_a_govuk_textarea() -> None:
    page = render("{{ field(form.notes) }}", form=CaseForm(initial={"notes": "First line"}))

    area = page.one("textarea", id="id_notes")
    assert "govuk-textarea" in area.classes
    assert text_of(area) == "First line"
    assert not page.all(cls="govuk-character-count")


def test_textarea_with_max_length_is_a_character_count() -> None:
    page = render("{{ field(form.reason) }}", form=CaseForm())

    counter = page.one(cls="govuk-character-count")
    assert counter.attrs["data-maxlength"] == "500"
    area = page.one("textarea", id="id_reason")
    assert "maxlength" not in area.attrs, "the character count lets people go over, then says"
    assert "You can enter up to 500 characters" in text_of(page.one(id="id_reason-info"))


def test_select_is_a_govuk_select_with_the_chosen_option_selected() -> None:
    page = render("{{ field(form.colour) }}", form=CaseForm(initial={"colour": "green"}))

    select = page.one("select", id="id_colour")
    assert "govuk-select" in select.classes
    options = page.all("option")
    assert [o.attrs["value"] for o in options] == ["red", "green", "blue"]
    assert [o.attrs["value"] for o in options if "selected" in o.attrs] == ["green"]


def test_select_with_grouped_choices_keeps_its_optgroups() -> None:
    page = render("{{ field(form.category) }}", form=GroupedForm({"category": "transport"}))

    assert "govuk-select" in page.one("select", id="id_category").classes
    assert [g.attrs["label"] for g in page.all("optgroup")] == ["Housing", "Education"]
    blank = page.all("option")[0]
    assert blank.attrs["value"] == ""
    assert text_of(blank) == "Select an option"
    chosen = [o for o in page.all("option") if "selected" in o.attrs]
    assert [text_of(o) for o in chosen] == ["School transport"]
    assert text_of(page.one("label", for_="id_category")) == "Category"


def test_radio_select_is_govuk_radios_in_a_fieldset() -> None:
    page = render("{{ field(form.channel) }}", form=CaseForm({"channel": "blue"}))

    assert page.one(cls="govuk-radios")
    assert text_of(page.one("legend")) == "Channel"
    radios = page.all("input", type="radio")
    assert [r.attrs["value"] for r in radios] == ["red", "green", "blue"]
    # The first radio's id is the field's id, so the error summary can link to it.
    assert radios[0].attrs["id"] == "id_channel"
    assert [r.attrs["value"] for r in radios if "checked" in r.attrs] == ["blue"]


def test_checkbox_select_multiple_is_govuk_checkboxes() -> None:
    page = render("{{ field(form.tags) }}", form=CaseForm({"tags": ["red", "blue"]}))

    assert page.one(cls="govuk-checkboxes")
    boxes = page.all("input", type="checkbox")
    assert [b.attrs["name"] for b in boxes] == ["tags", "tags", "tags"]
    assert boxes[0].attrs["id"] == "id_tags"
    assert [b.attrs["value"] for b in boxes if "checked" in b.attrs] == ["red", "blue"]


def test_checkbox_input_is_a_single_govuk_checkbox() -> None:
    page = render("{{ field(form.sensitive) }}", form=CaseForm(initial={"sensitive": True}))

    box = page.one("input", type="checkbox")
    assert box.attrs["id"] == "id_sensitive"
    assert box.attrs["name"] == "sensitive"
    assert "checked" in box.attrs
    assert text_of(page.one("label", for_="id_sensitive")) == "This case is sensitive"
    assert text_of(page.one(cls="govuk-checkboxes__hint")) == "Only managers see it."
    assert not page.all("legend"), "a single checkbox needs no fieldset"
    # The value sent back reads as True.
    bound = CaseForm({"summary": "Roof", "channel": "red", "sensitive": box.attrs["value"]})
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["sensitive"] is True


def test_hidden_input_is_a_plain_hidden_input() -> None:
    page = render("{{ field(form.version) }}", form=CaseForm(initial={"version": 7}))

    hidden = page.one("input")
    assert hidden.attrs == {"type": "hidden", "name": "version", "value": "7"}
    assert not page.all(cls="govuk-form-group")


def test_password_input_never_shows_the_password() -> None:
    page = render("{{ field(form.password) }}", form=CaseForm({"password": "hunter2"}))

    box = page.one("input", id="id_password")
    assert box.attrs["type"] == "password"
    assert "value" not in box.attrs
    assert box.attrs["autocomplete"] == "current-password"
    assert page.one(cls="govuk-password-input")


def test_date_field_is_a_govuk_date_input_with_three_boxes() -> None:
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)):
        page = render(
            "{{ field(form.received) }}", form=CaseForm(initial={"received": dt.date(2025, 3, 3)})
        )

    assert page.one(cls="govuk-date-input").attrs["id"] == "id_received"
    assert text_of(page.one("legend")) == "Date received"
    boxes = page.all("input")
    assert [(b.attrs["id"], b.attrs["name"], b.attrs["value"]) for b in boxes] == [
        ("id_received_day", "received_day", "3"),
        ("id_received_month", "received_month", "3"),
        ("id_received_year", "received_year", "2025"),
    ]
    assert all(b.attrs["inputmode"] == "numeric" for b in boxes)
    assert [text_of(label) for label in page.all("label")] == ["Day", "Month", "Year"]
    # The example in the hint is a date the field would accept (in the past).
    assert text_of(page.one(cls="govuk-hint")) == "For example, 21 10 2026"


def test_errors_show_on_the_field() -> None:
    form = CaseForm({"summary": "", "channel": "red"})
    assert not form.is_valid()

    page = render("{{ field(form.summary) }}", form=form)

    assert "govuk-form-group--error" in page.one(cls="govuk-form-group").classes
    message = page.one(cls="govuk-error-message")
    assert message.attrs["id"] == "id_summary-error"
    assert text_of(message) == "Error: Enter summary"
    box = page.one("input", id="id_summary")
    assert "govuk-input--error" in box.classes
    assert box.attrs["aria-describedby"] == "id_summary-hint id_summary-error"


def test_error_summary_links_each_error_to_its_input() -> None:
    class PairForm(forms.Form):
        name = forms.CharField(label="Name")
        channel = forms.ChoiceField(label="Channel", choices=COLOURS, widget=forms.RadioSelect)
        received = GovukDateField(label="Date received")
        other = GovukDateField(label="Date closed", required=False)

        def clean(self) -> dict[str, Any]:
            raise forms.ValidationError("These details do not match a case.")

    form = PairForm({"received_day": "3", "received_year": "2025", "other_day": "x"})
    assert not form.is_valid()

    assert govuk_error_summary(form) == {
        "titleText": "There is a problem",
        "errorList": [
            # The error that belongs to no field comes first and is not a link.
            {"text": "These details do not match a case."},
            {"text": "Enter name", "href": "#id_name"},
            # Radios: the first radio's id.
            {"text": "Select channel", "href": "#id_channel"},
            # Dates: the first box at fault.
            {"text": "Date received must include a month", "href": "#id_received_month"},
            {"text": "Date closed must include a month and year", "href": "#id_other_month"},
        ],
    }
    page = render("{{ error_summary(form) }}", form=form)
    assert "There is a problem" in text_of(page.one(cls="govuk-error-summary__title"))
    assert [a.attrs["href"] for a in page.all("a")] == [
        "#id_name",
        "#id_channel",
        "#id_received_month",
        "#id_other_month",
    ]
    assert text_of(page.all("li")[0]) == "These details do not match a case."


def test_required_messages_say_what_to_do() -> None:
    class Contact(forms.Form):
        email = forms.EmailField(label="Email address")
        colour = forms.ChoiceField(label="Colour", choices=COLOURS)
        tags = forms.MultipleChoiceField(
            label="Tags", choices=COLOURS, widget=forms.CheckboxSelectMultiple
        )
        who = forms.CharField(label="Who was it with?")
        reference = forms.CharField(
            label="ICO reference", error_messages={"required": "Enter the ICO's reference"}
        )
        agree = forms.BooleanField(label="I have checked the details")

    form = Contact({})
    assert not form.is_valid()

    params = govuk_error_summary(form)

    assert params is not None
    assert [item["text"] for item in params["errorList"]] == [
        "Enter email address",
        "Select colour",
        "Select tags",
        # A question cannot be turned into "Enter ...": Django's message stays.
        "This field is required.",
        # A message the form chose is kept.
        "Enter the ICO's reference",
        "This field is required.",
    ]


def test_no_error_summary_for_a_valid_or_unbound_form() -> None:
    assert govuk_error_summary(CaseForm()) is None
    valid = CaseForm({"summary": "Roof", "channel": "red"})
    assert valid.is_valid(), valid.errors
    assert govuk_error_summary(valid) is None
    assert not render("{{ error_summary(form) }}", form=valid).all(cls="govuk-error-summary")


class DateForm(forms.Form):
    received = GovukDateField(label="Date received", must_be="today_or_past")
    decided = GovukDateField(
        label="Decision date",
        required=False,
        must_be="future",
        max_date=dt.date(2027, 1, 31),
    )
    opened = GovukDateField(label="Date opened", required=False, min_date=dt.date(2020, 1, 1))


def date_errors(**data: str) -> dict[str, list[str]]:
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)):
        form = DateForm(data)
        form.is_valid()
        return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter date received"),
        ({"received_month": "3", "received_year": "2025"}, "Date received must include a day"),
        ({"received_day": "3"}, "Date received must include a month and year"),
        (
            {"received_day": "", "received_month": "", "received_year": "2025"},
            "Date received must include a day and month",
        ),
        (
            {"received_day": "31", "received_month": "2", "received_year": "2025"},
            "Date received must be a real date",
        ),
        (
            {"received_day": "3", "received_month": "13", "received_year": "2025"},
            "Date received must be a real date",
        ),
        (
            {"received_day": "x", "received_month": "3", "received_year": "2025"},
            "Date received must be a real date",
        ),
        (
            {"received_day": "3", "received_month": "3", "received_year": "25"},
            "Year must include 4 numbers",
        ),
        (
            {"received_day": "21", "received_month": "11", "received_year": "2026"},
            "Date received must be today or in the past",
        ),
    ],
)
def test_date_field_messages(data: dict[str, str], message: str) -> None:
    assert date_errors(**data)["received"] == [message]


def test_date_field_accepts_today_and_month_names() -> None:
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)):
        today = DateForm({"received_day": "20", "received_month": "11", "received_year": "2026"})
        named = DateForm({"received_day": " 3 ", "received_month": "Mar", "received_year": "2025"})
        assert today.is_valid(), today.errors
        assert named.is_valid(), named.errors
    assert today.cleaned_data["received"] == TODAY
    assert named.cleaned_data["received"] == dt.date(2025, 3, 3)
    assert today.cleaned_data["decided"] is None


def test_date_field_rules_for_the_future_and_limits() -> None:
    errors = date_errors(
        received_day="1",
        received_month="1",
        received_year="2026",
        decided_day="20",
        decided_month="11",
        decided_year="2026",
        opened_day="31",
        opened_month="12",
        opened_year="2019",
    )
    assert errors == {
        "decided": ["Decision date must be in the future"],
        "opened": ["Date opened must be the same as or after 1 January 2020"],
    }
    too_late = date_errors(
        received_day="1",
        received_month="1",
        received_year="2026",
        decided_day="1",
        decided_month="2",
        decided_year="2027",
    )
    assert too_late == {"decided": ["Decision date must be the same as or before 31 January 2027"]}


def test_date_field_messages_can_be_replaced() -> None:
    class Custom(forms.Form):
        received = GovukDateField(
            label="Date received",
            error_messages={"required": "Enter the date the complaint reached us"},
        )

    form = Custom({})
    assert not form.is_valid()
    assert form.errors["received"] == ["Enter the date the complaint reached us"]


def test_date_errors_mark_only_the_boxes_at_fault_and_keep_what_was_typed() -> None:
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)):
        form = DateForm({"received_day": "3", "received_month": "", "received_year": "2025"})
        form.is_valid()
        page = render("{{ field(form.received) }}", form=form)

    boxes = {b.attrs["id"]: b for b in page.all("input")}
    assert boxes["id_received_day"].attrs["value"] == "3"
    assert boxes["id_received_year"].attrs["value"] == "2025"
    marked = [name for name, box in boxes.items() if "govuk-input--error" in box.classes]
    assert marked == ["id_received_month"]
    assert text_of(page.one(cls="govuk-error-message")) == (
        "Error: Date received must include a month"
    )


def test_a_date_that_is_not_real_marks_every_box() -> None:
    form = DateForm({"received_day": "31", "received_month": "4", "received_year": "2025"})
    form.is_valid()
    page = render("{{ field(form.received) }}", form=form)

    assert all("govuk-input--error" in box.classes for box in page.all("input"))
    assert govuk_error_summary(form) == {
        "titleText": "There is a problem",
        "errorList": [{"text": "Date received must be a real date", "href": "#id_received_day"}],
    }


def test_overrides_merge_into_the_component_options() -> None:
    page = render(
        '{{ field(form.summary, label={"isPageHeading": true, "classes": "govuk-label--l"},'
        ' classes="govuk-!-width-one-half") }}',
        form=CaseForm(),
    )

    heading = page.one("h1", cls="govuk-label-wrapper")
    label = page.one("label", for_="id_summary")
    assert "govuk-label--l" in label.classes
    assert text_of(heading) == "Summary"
    assert "govuk-!-width-one-half" in page.one("input").classes


def test_a_label_override_on_radios_styles_the_legend() -> None:
    page = render('{{ field(form.channel, label={"classes": "govuk-label--m"}) }}', form=CaseForm())

    legend = page.one("legend")
    assert "govuk-fieldset__legend--m" in legend.classes
    assert text_of(legend) == "Channel"


def test_a_widget_without_a_govuk_component_is_refused() -> None:
    class Odd(forms.Form):
        when = forms.SplitDateTimeField()

    with pytest.raises(TypeError, match=r"No GOV\.UK component for the SplitDateTimeWidget"):
        govuk_field(Odd()["when"])
