"""The GOV.UK form adapter: Django forms rendered with the GOV.UK Frontend components.

Views keep using ordinary Django forms. Templates render each field with the ``field``
macro in ``frontend/form_macros.html``, which asks :func:`govuk_field` which GOV.UK
component to use and with what options (label, hint, value, error message), and the
error summary with :func:`govuk_error_summary`, whose links go to the right input.

Dates use the GOV.UK date pattern: three boxes for day, month and year
(:class:`GovukDateField`), never ``<input type="date">``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.utils import pretty_name
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from markupsafe import Markup, escape

from redress.frontend.dates import date_uk

DATE_PARTS: tuple[str, str, str] = ("day", "month", "year")

# Widget attributes that become component options rather than HTML attributes.
_OPTION_ATTRIBUTES = ("autocomplete", "inputmode", "pattern", "spellcheck")
# Widget attributes we drop: the GOV.UK components handle these better themselves.
# ``required``/``min``/``max``/``maxlength`` would switch on the browser's own validation
# messages, which are inaccessible and bypass the error summary; the server validates.
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


# ---------------------------------------------------------------------------------------
# The date field
# ---------------------------------------------------------------------------------------

DateRule = Literal["past", "today_or_past", "future", "today_or_future"]


class GovukDateInput(forms.MultiWidget):
    """Three text boxes, day, month and year, submitted as ``<name>_day`` and so on."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in DATE_PARTS},
            attrs,
        )

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_{DATE_PARTS[0]}" if id_ else ""

    def part_values(self, value: Any) -> list[str]:
        """The text to show in each box, from a date or from what the user typed."""
        if not isinstance(value, list | tuple):
            value = self.decompress(value)
        values = [str(part) if part is not None else "" for part in value]
        return (values + ["", "", ""])[:3]


def _join_and(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _lower_first(text: str) -> str:
    # "Date received" becomes "date received"; an acronym ("ICO reference") is kept.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


_MONTH_NAMES: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}


def _month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _MONTH_NAMES.get(text.lower().rstrip("."))


class GovukDateField(forms.Field):
    """A date entered as day, month and year, with GOV.UK's error messages.

    ``must_be`` adds a rule relative to today (in ``TIME_ZONE``): ``"today_or_past"``,
    ``"past"``, ``"today_or_future"`` or ``"future"``; ``min_date``/``max_date`` bound it.
    Month names ("March", "mar") are accepted as well as numbers. Every message can be
    replaced through ``error_messages``; they may use ``%(field)s`` (the label, as
    written) and ``%(field_lower)s``.

    Each error carries ``params["parts"]``, the boxes at fault, so the form adapter can
    highlight just those boxes and link the error summary to the first of them.
    """

    widget = GovukDateInput
    default_error_messages = {
        "required": "Enter %(field_lower)s",
        "incomplete": "%(field)s must include a %(missing)s",
        "invalid": "%(field)s must be a real date",
        "year_digits": "Year must include 4 numbers",
        "past": "%(field)s must be in the past",
        "today_or_past": "%(field)s must be today or in the past",
        "future": "%(field)s must be in the future",
        "today_or_future": "%(field)s must be today or in the future",
        "min_date": "%(field)s must be the same as or after %(limit)s",
        "max_date": "%(field)s must be the same as or before %(limit)s",
    }

    def __init__(
        self,
        *,
        must_be: DateRule | None = None,
        min_date: dt.date | None = None,
        max_date: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.must_be = must_be
        self.min_date = min_date
        self.max_date = max_date
        self.subject = str(self.label) if self.label else "Date"

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> BoundField:
        # Messages name the field ("Date received must be a real date"), so the field
        # learns its label when it is bound. Each form has its own copy of the field.
        self.subject = str(self.label) if self.label else pretty_name(field_name)
        return super().get_bound_field(form, field_name)

    def _error(
        self, code: str, parts: Sequence[str] = DATE_PARTS, **params: str
    ) -> ValidationError:
        return ValidationError(
            self.error_messages[code],
            code=code,
            params={
                "field": self.subject,
                "field_lower": _lower_first(self.subject),
                "parts": tuple(parts),
                **params,
            },
        )

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, list | tuple):
            value = [value] if value else []
        texts = [str(part).strip() if part is not None else "" for part in value]
        day, month, year = (texts + ["", "", ""])[:3]
        if not (day or month or year):
            return None
        missing = [
            part for part, text in zip(DATE_PARTS, (day, month, year), strict=True) if not text
        ]
        if missing:
            raise self._error("incomplete", missing, missing=_join_and(missing))
        month_number = _month_number(month)
        wrong = [
            part
            for part, ok in (
                ("day", day.isdigit() and 1 <= int(day) <= 31),
                ("month", month_number is not None and 1 <= month_number <= 12),
                ("year", year.isdigit()),
            )
            if not ok
        ]
        if wrong:
            raise self._error("invalid", wrong)
        if len(year) != 4:
            raise self._error("year_digits", ["year"])
        assert month_number is not None  # noqa: S101 - checked just above, for the type checker
        try:
            return dt.date(int(year), month_number, int(day))
        except ValueError:
            # Each part is in range but together they are not a date (31 April).
            raise self._error("invalid") from None

    def validate(self, value: Any) -> None:
        if value is None:
            if self.required:
                raise self._error("required")
            return
        today = timezone.localdate()
        broken = {
            "past": value >= today,
            "today_or_past": value > today,
            "future": value <= today,
            "today_or_future": value < today,
        }
        if self.must_be is not None and broken[self.must_be]:
            raise self._error(self.must_be)
        if self.min_date is not None and value < self.min_date:
            raise self._error("min_date", limit=date_uk(self.min_date))
        if self.max_date is not None and value > self.max_date:
            raise self._error("max_date", limit=date_uk(self.max_date))

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


# ---------------------------------------------------------------------------------------
# The adapter
# ---------------------------------------------------------------------------------------


def _error_messages(bound_field: BoundField) -> list[str]:
    return [str(message) for message in bound_field.errors]


def _error_message(bound_field: BoundField) -> dict[str, Any] | None:
    messages = _error_messages(bound_field)
    if not messages:
        return None
    if len(messages) == 1:
        return {"text": messages[0]}
    return {"html": Markup("<br>").join(escape(message) for message in messages)}


def _text_or_html(value: Any) -> dict[str, Any] | None:
    if not value:
        return None
    if hasattr(value, "__html__"):
        return {"html": Markup(value.__html__())}
    return {"text": str(value)}


def _dom_id(bound_field: BoundField) -> str:
    return bound_field.auto_id or bound_field.html_name


def _date_error_parts(bound_field: BoundField) -> tuple[str, ...]:
    """The date boxes to mark as wrong: the first error's parts, or all three."""
    for error in bound_field.errors.data:
        if isinstance(error, ValidationError) and isinstance(error.params, dict):
            parts = error.params.get("parts")
            if parts:
                return tuple(parts)
        return DATE_PARTS
    return ()


def error_anchor(bound_field: BoundField) -> str:
    """The id of the input that an error summary link for this field should focus."""
    dom_id = _dom_id(bound_field)
    if isinstance(bound_field.field.widget, GovukDateInput):
        parts = _date_error_parts(bound_field) or DATE_PARTS
        return f"{dom_id}_{parts[0]}"
    return dom_id


def _split_attributes(widget: forms.Widget) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Widget attrs as (component options, HTML attributes, extra classes)."""
    options: dict[str, Any] = {}
    attributes: dict[str, Any] = {}
    for name, value in widget.attrs.items():
        if name in _OPTION_ATTRIBUTES:
            options[name] = value
        elif name not in _DROPPED_ATTRIBUTES and value is not None and value is not False:
            attributes[name] = {"value": value, "optional": True} if value is True else value
    return options, attributes, str(widget.attrs.get("class", ""))


def _merge(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        current = merged.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            merged[key] = _merge(current, value)
        else:
            merged[key] = value
    return merged


def _legend_overrides(label: Mapping[str, Any]) -> dict[str, Any]:
    """A ``label`` override given to a fieldset component, applied to its legend."""
    legend = dict(label)
    if "classes" in legend:
        legend["classes"] = str(legend["classes"]).replace(
            "govuk-label--", "govuk-fieldset__legend--"
        )
    return legend


def _choice_items(bound_field: BoundField) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The field's options as (group label or None, options) pairs."""
    widget = bound_field.field.widget
    assert isinstance(widget, forms.widgets.ChoiceWidget)  # noqa: S101 - callers check it
    value = widget.format_value(bound_field.value())
    groups: list[tuple[str | None, list[dict[str, Any]]]] = []
    for group_name, options, _index in widget.optgroups(bound_field.html_name, value):
        items = [
            {
                "value": "" if option["value"] is None else str(option["value"]),
                "text": str(option["label"]),
                "selected": bool(option["selected"]),
            }
            for option in options
        ]
        groups.append((str(group_name) if group_name is not None else None, items))
    return groups


def _flat_choices(bound_field: BoundField, *, checked_key: str) -> list[dict[str, Any]]:
    """Options for radios or checkboxes: no blank choice, ``checked`` instead of selected."""
    return [
        {"value": item["value"], "text": item["text"], checked_key: item["selected"]}
        for _group, items in _choice_items(bound_field)
        for item in items
        if item["value"] != ""
    ]


def _input_width(field: forms.Field) -> str:
    if isinstance(field, forms.IntegerField):
        return "govuk-input--width-10"
    max_length = getattr(field, "max_length", None)
    if isinstance(max_length, int):
        for limit, width in ((2, 2), (3, 3), (4, 4), (5, 5), (10, 10), (20, 20)):
            if max_length <= limit:
                return f"govuk-input--width-{width}"
    return ""


def _classes(*names: str) -> str:
    return " ".join(name for name in names if name)


def govuk_field(
    bound_field: BoundField, overrides: Mapping[str, Any] | None = None
) -> GovukField:
    """Choose the GOV.UK component for a bound field and build its macro options.

    ``overrides`` are merged into the options (dicts merge key by key), for example
    ``{"label": {"isPageHeading": True, "classes": "govuk-label--l"}}``. For components
    in a fieldset (radios, checkboxes, dates) a ``label`` override applies to the legend.
    """
    widget = bound_field.field.widget
    spec = _build(bound_field, widget)
    overrides = dict(overrides or {})
    if "fieldset" in spec.params and "label" in overrides:
        legend = _legend_overrides(overrides.pop("label"))
        overrides = _merge({"fieldset": {"legend": legend}}, overrides)
    return GovukField(spec.component, _merge(spec.params, overrides))


def _build(bound_field: BoundField, widget: forms.Widget) -> GovukField:  # noqa: PLR0912
    field = bound_field.field
    dom_id = _dom_id(bound_field)
    name = bound_field.html_name
    label_text = str(bound_field.label)
    hint = _text_or_html(bound_field.help_text)
    error = _error_message(bound_field)
    options, attributes, extra_classes = _split_attributes(widget)
    common: dict[str, Any] = {"id": dom_id, "name": name}
    if hint:
        common["hint"] = hint
    if error:
        common["errorMessage"] = error
    if attributes:
        common["attributes"] = attributes
    if field.disabled:
        common["disabled"] = True
    label = {"text": label_text, "classes": "govuk-label--s"}
    legend = {
        "fieldset": {"legend": {"text": label_text, "classes": "govuk-fieldset__legend--s"}}
    }

    if isinstance(widget, forms.HiddenInput | forms.MultipleHiddenInput):
        return GovukField("hidden", {"html": _hidden_inputs(bound_field)})

    if isinstance(widget, GovukDateInput):
        return GovukField("date_input", _date_params(bound_field, widget, common, legend))

    if isinstance(widget, forms.CheckboxSelectMultiple):
        return GovukField(
            "checkboxes",
            {
                **_fieldset_common(common),
                **legend,
                "classes": extra_classes,
                "items": _flat_choices(bound_field, checked_key="checked"),
            },
        )

    if isinstance(widget, forms.RadioSelect):
        return GovukField(
            "radios",
            {
                **_fieldset_common(common),
                **legend,
                "classes": extra_classes,
                "items": _flat_choices(bound_field, checked_key="checked"),
            },
        )

    if isinstance(widget, forms.CheckboxInput):
        item: dict[str, Any] = {
            "value": "true",
            "text": label_text,
            "checked": bool(bound_field.value()),
        }
        if hint:
            item["hint"] = hint
        params = _fieldset_common(common)
        params.pop("hint", None)
        return GovukField("checkboxes", {**params, "classes": extra_classes, "items": [item]})

    if isinstance(widget, forms.Select):
        groups = _choice_items(bound_field)
        for _group, items in groups:
            for option in items:
                if option["value"] == "" and option["text"] in ("", _DJANGO_BLANK_LABEL):
                    option["text"] = _BLANK_OPTION_TEXT
        params = {**common, "label": label, "classes": extra_classes}
        if widget.allow_multiple_selected:
            params["attributes"] = {**params.get("attributes", {}), "multiple": True}
        if any(group is not None for group, _items in groups):
            return GovukField("grouped_select", {**params, "groups": groups})
        return GovukField(
            "select", {**params, "items": [option for _g, items in groups for option in items]}
        )

    if isinstance(widget, forms.Textarea):
        value = widget.format_value(bound_field.value())
        params = {
            **common,
            **options,
            "label": label,
            "classes": extra_classes,
            "value": value or "",
        }
        rows = widget.attrs.get("rows")
        if rows:
            params["rows"] = int(rows)
        max_length = getattr(field, "max_length", None)
        if isinstance(max_length, int):
            params.pop("disabled", None)
            return GovukField("character_count", {**params, "maxlength": max_length})
        return GovukField("textarea", params)

    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return GovukField(
            "file_upload", {**common, "label": label, "classes": extra_classes}
        )

    if isinstance(widget, forms.PasswordInput):
        value = widget.format_value(bound_field.value()) if widget.render_value else None
        params = {
            **common,
            "autocomplete": "current-password",
            **options,
            "label": label,
            "classes": extra_classes,
        }
        if value:
            params["value"] = value
        return GovukField("password_input", params)

    if isinstance(widget, forms.Input):
        return GovukField("input", _input_params(bound_field, widget, common, options, label))

    raise TypeError(
        f"No GOV.UK component for the {type(widget).__name__} widget of field "
        f"{bound_field.name!r}: use a widget from django.forms or GovukDateInput."
    )


def _fieldset_common(common: Mapping[str, Any]) -> dict[str, Any]:
    """Options shared by fieldset components: they take ``idPrefix`` rather than ``id``."""
    params = {key: value for key, value in common.items() if key not in ("id", "disabled")}
    params["idPrefix"] = common["id"]
    return params


def _input_params(
    bound_field: BoundField,
    widget: forms.Input,
    common: Mapping[str, Any],
    options: Mapping[str, Any],
    label: Mapping[str, Any],
) -> dict[str, Any]:
    field = bound_field.field
    value = widget.format_value(bound_field.value())
    input_type = widget.input_type
    defaults: dict[str, Any] = {}
    if isinstance(widget, forms.NumberInput):
        # GOV.UK asks for text inputs with a numeric keyboard, not type="number".
        input_type = "text"
        whole = isinstance(field, forms.IntegerField)
        defaults = {"inputmode": "numeric" if whole else "decimal", "spellcheck": False}
    elif input_type in ("email", "url"):
        defaults = {"spellcheck": False, "autocomplete": "email" if input_type == "email" else None}
    elif input_type not in ("text", "search", "tel"):
        # Date, time and other typed inputs fall back to a plain text box.
        input_type = "text"
    params: dict[str, Any] = {
        **common,
        **{key: value for key, value in defaults.items() if value is not None},
        **options,
        "type": input_type,
        "label": label,
        "classes": _classes(_input_width(field), str(widget.attrs.get("class", ""))),
    }
    if value not in (None, ""):
        params["value"] = value
    return params


def _date_params(
    bound_field: BoundField,
    widget: GovukDateInput,
    common: Mapping[str, Any],
    legend: Mapping[str, Any],
) -> dict[str, Any]:
    dom_id = common["id"]
    values = widget.part_values(bound_field.value())
    wrong = _date_error_parts(bound_field)
    widths = {"day": 2, "month": 2, "year": 4}
    items = [
        {
            "id": f"{dom_id}_{part}",
            "name": f"{bound_field.html_name}_{part}",
            "label": part.capitalize(),
            "classes": _classes(
                f"govuk-input--width-{widths[part]}",
                "govuk-input--error" if part in wrong else "",
            ),
            "value": value,
        }
        for part, value in zip(DATE_PARTS, values, strict=True)
    ]
    params = {key: value for key, value in common.items() if key != "disabled"}
    if "hint" not in params:
        params["hint"] = {"text": _date_hint(bound_field.field)}
    return {**params, **legend, "items": items}


def _date_hint(field: forms.Field) -> str:
    """``For example, 27 3 2025``: a date that the field would accept."""
    today = timezone.localdate()
    rule = getattr(field, "must_be", None)
    if rule in ("future", "today_or_future"):
        example = today + dt.timedelta(days=30)
    elif rule in ("past", "today_or_past"):
        example = today - dt.timedelta(days=30)
    else:
        example = today
    return f"For example, {example.day} {example.month} {example.year}"


def _hidden_inputs(bound_field: BoundField) -> SafeString:
    value = bound_field.value()
    values: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    widget = bound_field.field.widget
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        (
            (bound_field.html_name, widget.format_value(item) or "")
            for item in values
            if item is not None
        ),
    )


def govuk_error_summary(form: forms.BaseForm) -> dict[str, Any] | None:
    """Options for ``govukErrorSummary``: every error, each linked to its input.

    Errors that belong to no visible field (from ``clean()`` or a hidden field) come
    first and are not links. Returns ``None`` when the form has no errors.
    """
    if not form.is_bound or not form.errors:
        return None
    error_list: list[dict[str, Any]] = [
        {"text": str(message)} for message in form.non_field_errors()
    ]
    linked: list[dict[str, Any]] = []
    for bound_field in form:
        messages = _error_messages(bound_field)
        if bound_field.is_hidden:
            error_list.extend(
                {"text": f"{bound_field.label}: {message}"} for message in messages
            )
            continue
        href = f"#{error_anchor(bound_field)}"
        linked.extend({"text": message, "href": href} for message in messages)
    return {"titleText": "There is a problem", "errorList": error_list + linked}


__all__ = [
    "GovukDateField",
    "GovukDateInput",
    "GovukField",
    "error_anchor",
    "govuk_error_summary",
    "govuk_field",
]
