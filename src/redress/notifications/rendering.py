"""Turning a letter into what is sent: a plain-text email body and a PDF for the post."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .models import Letter

if TYPE_CHECKING:
    from redress.casework.models import Case

    from .recipients import PlannedLetter

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|div)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def letter_body(
    *, case: Case, template: str, context: Mapping[str, Any], recipient_name: str
) -> str:
    """The letter's HTML: its template rendered with the case, whom it is to and the scheme."""
    return render_to_string(
        template,
        {
            **context,
            "case": case,
            "recipient_name": recipient_name,
            "scheme_name": settings.SCHEME_NAME,
        },
    )


def letter_previews(case: Case, letters: Iterable[PlannedLetter]) -> list[dict[str, Any]]:
    """Each planned letter with its body as it will be sent, for staff to check first."""
    return [{"letter": letter, "body": letter_preview(case, letter)} for letter in letters]


def letter_preview(case: Case, letter: PlannedLetter) -> SafeString:
    body = letter_body(
        case=case,
        template=letter.template,
        context=letter.context,
        recipient_name=letter.recipient_name,
    )
    return mark_safe(body)  # noqa: S308 - rendered from our own template, autoescaped


def letter_text(letter: Letter) -> str:
    """The letter as plain text: paragraphs kept, markup removed, entities decoded."""
    text = _BLOCK_END.sub("\n\n", letter.body)
    text = html.unescape(_TAG.sub("", text))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def letter_pdf(letter: Letter) -> bytes:
    """The letter laid out on A4 with the scheme's name and the case reference."""
    from weasyprint import HTML  # imported here: loading its fonts and libraries is slow

    page = render_to_string(
        "notifications/letter_pdf.html",
        {"letter": letter, "scheme_name": settings.SCHEME_NAME},
    )
    return bytes(HTML(string=page).write_pdf())
