"""The GOV.UK date pattern: a date entered in three boxes, day, month and year.

Never ``<input type="date">``: GOV.UK's research found people find it hard to use.
The messages follow the GOV.UK Design System's date input guidance.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.utils import pretty_name
from django.utils import timezone

from redress.frontend.dates import date_uk

DATE_PARTS: tuple[str, str, str] = ("day", "month", "year")

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
        return [*values, "", "", ""][:3]


def _join_and(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def lower_first(text: str) -> str:
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
                "field_lower": lower_first(self.subject),
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
        day, month, year = [*texts, "", "", ""][:3]
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
