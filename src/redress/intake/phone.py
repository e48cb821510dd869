"""The phone number a complainant gives, checked the same way on the public form and on
the form staff use to log a complaint."""

from __future__ import annotations

import re
from typing import Any

from django import forms

_PHONE = re.compile(r"^[0-9 +()\-]{6,40}$")


def phone_checked(value: Any) -> str:
    """The number without surrounding spaces; blank is allowed (the contact rule decides
    whether a phone number is needed)."""
    phone = str(value or "").strip()
    if phone and not _PHONE.match(phone):
        raise forms.ValidationError("Enter a phone number, like 01632 960 001 or +44 808 157 0192")
    return phone
