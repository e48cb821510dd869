"""Turn Django bound fields into the options of GOV.UK Frontend's component macros."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from markupsafe import Markup, escape

from redress.frontend.forms.date_field import DATE_PARTS, GovukDateInput, lower_first

# Widget attributes that become component options rather than HTML attributes.
_OPTION_ATTRIBUTES = ("autocomplete", "inputmode", "pattern", "spellcheck")
# Widget attributes we drop. ``required``, ``min``, ``max`` and ``maxlength`` would switch on
# the browser's own validation, whose messages are inaccessible and bypass the error
# summary: the server validates. ``id`` and ``class`` are passed as options.
_DROPPED_ATTRIBUTES = frozenset(
    {"id", "class", "required", "maxlength", "minlength", "min", "max", "step", "cols", "rows"}
)
_DJANGO_BLANK_LABEL = "---------"
_BLANK_OPTION_TEXT = "Select an option"

Component = Literal[
    "input",
    "password_input",
    "textarea",
    "character_count",
    "select",
    "grouped_select",
    "radios",
    "checkboxes",
    "date_input",
    "file_upload",
    "hidden",
]


@dataclass(frozen=True)
class GovukField:
    """Which GOV.UK component renders a field, and the options to pass to its macro."""

    component: Component
    params: dict[str, Any]


@dataclass(frozen=True)
class _Parts:
    """What every component needs to know about the field it renders."""

    bound_field: BoundField
    widget: Any
    common: dict[str, Any]  # id, name, hint, errorMessage, attributes, disabled
    options: dict[str, Any]  # autocomplete, inputmode, pattern, spellcheck
    classes: str
    label_text: str

    @property
    def label(self) -> dict[str, Any]:
        return {"text": self.label_text, "classes": "govuk-label--s"}

    @property
    def fieldset(self) -> dict[str, Any]:
        legend = {"text": self.label_text, "classes": "govuk-fieldset__legend--s"}
        return {"legend": legend}

    @property
    def value(self) -> Any:
        return self.widget.format_value(self.bound_field.value())

    def in_fieldset(self) -> dict[str, Any]:
        """Options for fieldset components, which take ``idPrefix`` rather than ``id``."""
        params = {k: v for k, v in self.common.items() if k not in ("id", "disabled")}
        return {**params, "idPrefix": self.common["id"], "fieldset": self.fieldset}


# -- Errors ------------------------------------------------------------------------------

_DJANGO_REQUIRED = str(forms.Field.default_error_messages["required"])
_CHOSEN = (forms.Select, forms.RadioSelect, forms.FileInput)


def _required_message(bound_field: BoundField) -> str | None:
    """GOV.UK's "Enter your name" / "Select a colour" in place of "This field is required."

    Only for Django's own message, and only where the label reads as a noun phrase: a
    label that is a question ("Who was it with?") keeps the message it has.
    """
    label = str(bound_field.label)
    widget = bound_field.field.widget
    if label.endswith("?") or isinstance(widget, forms.CheckboxInput):
        return None
    verb = "Select" if isinstance(widget, _CHOSEN) else "Enter"
    return f"{verb} {lower_first(label)}"


def field_errors(bound_field: BoundField) -> list[str]:
    """The field's error messages, as the page shows them."""
    messages = []
    for error in bound_field.errors.data:
        message = str(next(iter(error))) if isinstance(error, ValidationError) else str(error)
        if message == _DJANGO_REQUIRED:
            message = _required_message(bound_field) or message
        messages.append(message)
    return messages


def _error_message(bound_field: BoundField) -> dict[str, Any] | None:
    messages = field_errors(bound_field)
    if not messages:
        return None
    if len(messages) == 1:
        return {"text": messages[0]}
    return {"html": Markup("<br>").join(escape(message) for message in messages)}


def _dom_id(bound_field: BoundField) -> str:
    return bound_field.auto_id or bound_field.html_name


def date_error_parts(bound_field: BoundField) -> tuple[str, ...]:
    """The date boxes at fault: those named by the first error, or all three."""
    for error in bound_field.errors.data:
        params = error.params if isinstance(error, ValidationError) else None
        if isinstance(params, dict) and params.get("parts"):
            return tuple(params["parts"])
        return DATE_PARTS
    return ()


def error_anchor(bound_field: BoundField) -> str:
    """The id of the input that an error summary link for this field should go to.

    That is the field's id, which for radios and checkboxes is the first option's id,
    and for a date, the first box at fault.
    """
    dom_id = _dom_id(bound_field)
    if isinstance(bound_field.field.widget, GovukDateInput):
        parts = date_error_parts(bound_field) or DATE_PARTS
        return f"{dom_id}_{parts[0]}"
    return dom_id


def govuk_error_summary(form: forms.BaseForm) -> dict[str, Any] | None:
    """Options for ``govukErrorSummary``: every error, each linked to its input.

    Errors that belong to no visible field (from ``clean()`` or a hidden field) come
    first and are not links. ``None`` when the form has no errors.
    """
    if not form.is_bound or not form.errors:
        return None
    unlinked: list[dict[str, Any]] = [{"text": str(m)} for m in form.non_field_errors()]
    linked: list[dict[str, Any]] = []
    for bound_field in form:
        messages = field_errors(bound_field)
        if bound_field.is_hidden:
            unlinked.extend({"text": f"{bound_field.label}: {m}"} for m in messages)
        else:
            href = f"#{error_anchor(bound_field)}"
            linked.extend({"text": m, "href": href} for m in messages)
    return {"titleText": "There is a problem", "errorList": unlinked + linked}


# -- Options shared by every component -----------------------------------------------------


def _text_or_html(value: Any) -> dict[str, Any] | None:
    if not value:
        return None
    if isinstance(value, SafeString):
        return {"html": value}
    return {"text": str(value)}


def _parts(bound_field: BoundField) -> _Parts:
    widget = bound_field.field.widget
    options: dict[str, Any] = {}
    attributes: dict[str, Any] = {}
    for name, value in widget.attrs.items():
        if name in _OPTION_ATTRIBUTES:
            options[name] = value
        elif name not in _DROPPED_ATTRIBUTES and value is not None and value is not False:
            attributes[name] = {"value": True, "optional": True} if value is True else value
    common: dict[str, Any] = {"id": _dom_id(bound_field), "name": bound_field.html_name}
    hint = _text_or_html(bound_field.help_text)
    error = _error_message(bound_field)
    if hint:
        common["hint"] = hint
    if error:
        common["errorMessage"] = error
    if attributes:
        common["attributes"] = attributes
    if bound_field.field.disabled:
        common["disabled"] = True
    return _Parts(
        bound_field=bound_field,
        widget=widget,
        common=common,
        options=options,
        classes=str(widget.attrs.get("class", "")),
        label_text=str(bound_field.label),
    )


def _classes(*names: str) -> str:
    return " ".join(name for name in names if name)


# -- One builder per component ---------------------------------------------------------------


def _hidden(p: _Parts) -> GovukField:
    value = p.bound_field.value()
    values: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    html = format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        (
            (p.bound_field.html_name, p.widget.format_value(v) or "")
            for v in values
            if v is not None
        ),
    )
    return GovukField("hidden", {"html": html})


def _date_hint(field: forms.Field) -> str:
    """``For example, 27 3 2025``: a date that the field would accept."""
    today = timezone.localdate()
    rule = getattr(field, "must_be", None)
    example = today
    if rule in ("future", "today_or_future"):
        example = today + dt.timedelta(days=30)
    elif rule in ("past", "today_or_past"):
        example = today - dt.timedelta(days=30)
    return f"For example, {example.day} {example.month} {example.year}"


def _date_input(p: _Parts) -> GovukField:
    dom_id = p.common["id"]
    wrong = date_error_parts(p.bound_field)
    widths = {"day": 2, "month": 2, "year": 4}
    values = p.widget.part_values(p.bound_field.value())
    items = [
        {
            "id": f"{dom_id}_{part}",
            "name": f"{p.bound_field.html_name}_{part}",
            "label": part.capitalize(),
            "classes": _classes(
                f"govuk-input--width-{widths[part]}",
                "govuk-input--error" if part in wrong else "",
            ),
            "value": value,
        }
        for part, value in zip(DATE_PARTS, values, strict=True)
    ]
    params = {k: v for k, v in p.common.items() if k != "disabled"}
    params.setdefault("hint", {"text": _date_hint(p.bound_field.field)})
    return GovukField("date_input", {**params, "fieldset": p.fieldset, "items": items})


def _choice_groups(p: _Parts) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The field's options as (group label or None, options) pairs."""
    groups: list[tuple[str | None, list[dict[str, Any]]]] = []
    for group_name, options, _index in p.widget.optgroups(p.bound_field.html_name, p.value):
        items = [
            {
                "value": "" if option["value"] is None else str(option["value"]),
                "text": str(option["label"]),
                "selected": bool(option["selected"]),
            }
            for option in options
        ]
        groups.append((None if group_name is None else str(group_name), items))
    return groups


def _choice_items(p: _Parts) -> list[dict[str, Any]]:
    """Options for radios or checkboxes: flat, with no blank choice."""
    return [
        {"value": item["value"], "text": item["text"], "checked": item["selected"]}
        for _group, items in _choice_groups(p)
        for item in items
        if item["value"] != ""
    ]


def _radios(p: _Parts) -> GovukField:
    return GovukField(
        "radios", {**p.in_fieldset(), "classes": p.classes, "items": _choice_items(p)}
    )


def _checkboxes(p: _Parts) -> GovukField:
    return GovukField(
        "checkboxes", {**p.in_fieldset(), "classes": p.classes, "items": _choice_items(p)}
    )


def _single_checkbox(p: _Parts) -> GovukField:
    # One checkbox needs no fieldset: its label is the question, its hint goes with it.
    params = p.in_fieldset()
    del params["fieldset"]
    item: dict[str, Any] = {"value": "true", "text": p.label_text}
    item["checked"] = bool(p.bound_field.value())
    hint = params.pop("hint", None)
    if hint:
        item["hint"] = hint
    return GovukField("checkboxes", {**params, "classes": p.classes, "items": [item]})


def _select(p: _Parts) -> GovukField:
    groups = _choice_groups(p)
    for _group, items in groups:
        for option in items:
            if option["value"] == "" and option["text"] in ("", _DJANGO_BLANK_LABEL):
                option["text"] = _BLANK_OPTION_TEXT
    params = {**p.common, "label": p.label, "classes": p.classes}
    if p.widget.allow_multiple_selected:
        params["attributes"] = {**params.get("attributes", {}), "multiple": True}
    if any(group is not None for group, _items in groups):
        return GovukField("grouped_select", {**params, "groups": groups})
    items = [option for _group, options in groups for option in options]
    return GovukField("select", {**params, "items": items})


def _textarea(p: _Parts) -> GovukField:
    params = {**p.common, **p.options, "label": p.label, "classes": p.classes}
    params["value"] = p.value or ""
    rows = p.widget.attrs.get("rows")
    if rows:
        params["rows"] = int(rows)
    max_length = getattr(p.bound_field.field, "max_length", None)
    if isinstance(max_length, int):
        # The character count lets people type past the limit and then says by how much.
        params.pop("disabled", None)
        return GovukField("character_count", {**params, "maxlength": max_length})
    return GovukField("textarea", params)


def _file_upload(p: _Parts) -> GovukField:
    return GovukField("file_upload", {**p.common, "label": p.label, "classes": p.classes})


def _password(p: _Parts) -> GovukField:
    params = {**p.common, "autocomplete": "current-password", **p.options}
    params.update({"label": p.label, "classes": p.classes})
    value = p.value if p.widget.render_value else None
    if value:
        params["value"] = value
    return GovukField("password_input", params)


def _input_width(field: forms.Field) -> str:
    """Size the box to the answer, as GOV.UK asks: numbers and short codes get short boxes."""
    if isinstance(field, forms.IntegerField):
        return "govuk-input--width-10"
    max_length = getattr(field, "max_length", None)
    if isinstance(max_length, int):
        for width in (2, 3, 4, 5, 10, 20):
            if max_length <= width:
                return f"govuk-input--width-{width}"
    return ""


def _input(p: _Parts) -> GovukField:
    field = p.bound_field.field
    input_type = p.widget.input_type
    defaults: dict[str, Any] = {}
    if isinstance(p.widget, forms.NumberInput):
        # GOV.UK asks for a text box with a numeric keyboard, never type="number".
        input_type = "text"
        inputmode = "numeric" if isinstance(field, forms.IntegerField) else "decimal"
        defaults = {"inputmode": inputmode, "spellcheck": False}
    elif input_type == "email":
        defaults = {"spellcheck": False, "autocomplete": "email"}
    elif input_type == "url":
        defaults = {"spellcheck": False}
    elif input_type not in ("text", "search", "tel"):
        # Dates, times and other typed inputs become plain text boxes.
        input_type = "text"
    params = {**p.common, **defaults, **p.options, "type": input_type, "label": p.label}
    params["classes"] = _classes(_input_width(field), p.classes)
    value = p.value
    if value not in (None, ""):
        params["value"] = value
    return GovukField("input", params)


# Most specific widget first: CheckboxSelectMultiple is a RadioSelect, PasswordInput an
# Input, and so on.
_BUILDERS: tuple[
    tuple[type[forms.Widget] | tuple[type[forms.Widget], ...], Callable[[_Parts], GovukField]], ...
] = (
    ((forms.HiddenInput, forms.MultipleHiddenInput), _hidden),
    (GovukDateInput, _date_input),
    (forms.CheckboxSelectMultiple, _checkboxes),
    (forms.RadioSelect, _radios),
    (forms.CheckboxInput, _single_checkbox),
    (forms.Select, _select),
    (forms.Textarea, _textarea),
    (forms.FileInput, _file_upload),
    (forms.PasswordInput, _password),
    (forms.widgets.Input, _input),
)


def _merge(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        current = merged.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            merged[key] = _merge(current, value)
        else:
            merged[key] = value
    return merged


def _legend(label: Mapping[str, Any]) -> dict[str, Any]:
    """A ``label`` override given to a fieldset component, applied to its legend."""
    legend = dict(label)
    if "classes" in legend:
        legend["classes"] = str(legend["classes"]).replace(
            "govuk-label--", "govuk-fieldset__legend--"
        )
    return legend


def govuk_field(bound_field: BoundField, overrides: Mapping[str, Any] | None = None) -> GovukField:
    """Choose the GOV.UK component for a bound field and build its macro options.

    ``overrides`` are merged into the options (dicts key by key), for example
    ``{"label": {"isPageHeading": True, "classes": "govuk-label--l"}}``. For components
    in a fieldset (radios, checkboxes, dates) a ``label`` override applies to the legend.
    """
    widget = bound_field.field.widget
    for widget_class, build in _BUILDERS:
        if isinstance(widget, widget_class):
            spec = build(_parts(bound_field))
            break
    else:
        raise TypeError(
            f"No GOV.UK component for the {type(widget).__name__} widget of field "
            f"{bound_field.name!r}: use a widget from django.forms or GovukDateInput."
        )
    extra = dict(overrides or {})
    if "fieldset" in spec.params and "label" in extra:
        extra = _merge({"fieldset": {"legend": _legend(extra.pop("label"))}}, extra)
    return GovukField(spec.component, _merge(spec.params, extra))
