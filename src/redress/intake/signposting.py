"""Choosing the body that can help, on the forms that close a complaint by signposting:
the intake decision and the assessment's decision not to investigate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redress.domain.triage import BODIES

OTHER_BODY = "other"

SIGNPOST_CHOICES: list[tuple[str, str]] = [
    ("", "None"),
    *((body.name, body.name) for body in BODIES),
    (OTHER_BODY, "Another body"),
]


def signposted_to(cleaned_data: Mapping[str, Any]) -> str:
    """The body chosen from the list, or the one named when "Another body" was chosen."""
    body = cleaned_data.get("signpost_body", "")
    other = cleaned_data.get("signpost_other", "")
    return str(other if body == OTHER_BODY else body).strip()
