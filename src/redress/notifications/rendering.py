"""Turning a letter into what is sent: a plain-text email body and a PDF for the post."""

from __future__ import annotations

import html
import re

from django.conf import settings
from django.template.loader import render_to_string

from .models import Letter

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|div)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


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
