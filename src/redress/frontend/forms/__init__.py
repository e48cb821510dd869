"""The GOV.UK form adapter: Django forms rendered with the GOV.UK Frontend components.

Views keep using ordinary Django forms. Templates render each field with the ``field``
macro in ``frontend/form_macros.html``, which asks :func:`govuk_field` which GOV.UK
component to use and with what options (label, hint, value, error message), and render
the error summary with :func:`govuk_error_summary`, whose links go to the right input.

Dates use the GOV.UK pattern: three boxes for day, month and year
(:class:`GovukDateField`), never ``<input type="date">``.
"""

from redress.frontend.forms.adapter import (
    GovukField,
    error_anchor,
    govuk_error_summary,
    govuk_field,
)
from redress.frontend.forms.date_field import DATE_PARTS, GovukDateField, GovukDateInput

__all__ = [
    "DATE_PARTS",
    "GovukDateField",
    "GovukDateInput",
    "GovukField",
    "error_anchor",
    "govuk_error_summary",
    "govuk_field",
]
