"""The two questions whose options are not fixed: which organisation, and what it is about."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms

from redress.domain.categories import Category
from redress.domain.complaints import CATEGORY_HINTS, NOT_SURE
from redress.organisations.models import Organisation

from ..selectors import organisation_named, organisation_search
from .forms import StepForm


class OrganisationForm(StepForm):
    """Search, then choose. Without JavaScript the search button reloads the page with the
    matches as radios; with it, htmx fetches the same radios as the person types."""

    not_answers = ("q",)

    q = forms.CharField(
        label="Search for the organisation",
        help_text="Type part of its name or area, for example 'Wessex' or 'county council'.",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": False, "autocomplete": "off"}),
    )
    organisation = forms.CharField(
        label="Choose the organisation",
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chosen: Organisation | None = organisation_named(
            organisation_id=self["organisation"].value() or ""
        )
        self.matches = organisation_search(text=str(self["q"].value() or ""))
        options = list(self.matches)
        if self.chosen is not None and self.chosen not in options:
            options.insert(0, self.chosen)
        self.options = options
        widget = cast(forms.RadioSelect, self.fields["organisation"].widget)
        widget.choices = [(str(o.pk), o.name) for o in options]

    @property
    def searched(self) -> bool:
        return bool(str(self["q"].value() or "").strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        raw = data.get("organisation")
        if not raw:
            if self.options:
                self.add_error("organisation", "Select the organisation you are complaining about")
            elif self.searched:
                # No list to choose from: the error belongs to the search box.
                self.add_error("q", "No organisations match your search: try part of the name")
            else:
                self.add_error("q", "Search for the organisation you are complaining about")
            return data
        organisation = organisation_named(organisation_id=raw)
        if organisation is None:
            self.add_error("organisation", "Select an organisation from the list")
        else:
            data["organisation"] = organisation.pk
        return data

    @classmethod
    def initial_from(cls, answers: Mapping[str, Any]) -> dict[str, Any]:
        initial = super().initial_from(answers)
        if "organisation" in initial:
            initial["organisation"] = str(initial["organisation"])
        return initial


class AboutForm(StepForm):
    category = forms.ChoiceField(
        label="What is your complaint about?",
        choices=[*Category.choices(), (NOT_SURE, "I'm not sure")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your complaint is about, or 'I'm not sure'"},
    )

    def category_items(self) -> list[dict[str, Any]]:
        """The options with plain words under each, and 'not sure' after an 'or'."""
        chosen = self["category"].value()
        items: list[dict[str, Any]] = [
            {
                "value": category.value,
                "text": category.label,
                "hint": {"text": CATEGORY_HINTS[category]},
                "checked": chosen == category.value,
            }
            for category in Category
        ]
        items.append({"divider": "or"})
        items.append(
            {
                "value": NOT_SURE,
                "text": "I'm not sure",
                "hint": {"text": "We will work it out from what you told us."},
                "checked": chosen == NOT_SURE,
            }
        )
        return items
