"""Telling staff, after a decision, which letters could not be sent."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.http import HttpRequest

from .recipients import PlannedLetter


def unsent_letters_warn(request: HttpRequest, unsent: Iterable[PlannedLetter]) -> None:
    """One warning for each person we had no way to write to, so staff reach them."""
    for letter in unsent:
        messages.warning(
            request,
            f"No letter could be sent to {letter.recipient_name}: there is no email or postal "
            "address on file. Tell them another way.",
        )
