"""Case references: `yy nnn nnn`, the year of registration and a six-digit sequence.

Issuing the next number safely under concurrency is the database's job; this module only
knows what a reference looks like and what comes after a given sequence number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SEQUENCE = 999_999

# ASCII digits only: str.isdigit and \d accept other scripts' digits, which would let
# visually different references collide once converted to int. The separator must be the
# same in both places so that a stray mix such as "24 015-110" is flagged, not guessed.
_ACCEPTED = re.compile(r"(?P<yy>[0-9]{2})(?P<sep>[ -]?)(?P<a>[0-9]{3})(?P=sep)(?P<b>[0-9]{3})")


class ReferencesExhaustedError(ValueError):
    """All the references for a year have been issued."""


def _check_sequence(sequence: int) -> None:
    # bool is an int; True would otherwise quietly become reference number 1.
    if isinstance(sequence, bool) or not 1 <= sequence <= MAX_SEQUENCE:
        raise ValueError(
            f"A case reference number must be between 1 and {MAX_SEQUENCE:,}; got {sequence!r}."
        )


@dataclass(frozen=True)
class CaseReference:
    year_2digit: int
    sequence: int

    def __post_init__(self) -> None:
        if isinstance(self.year_2digit, bool) or not 0 <= self.year_2digit <= 99:
            raise ValueError(
                f"The year part of a case reference must be two digits; got {self.year_2digit!r}."
            )
        _check_sequence(self.sequence)

    def __str__(self) -> str:
        high, low = divmod(self.sequence, 1000)
        return f"{self.year_2digit:02d} {high:03d} {low:03d}"


def format_reference(year: int, sequence: int) -> str:
    """The canonical reference for the `sequence`-th case registered in `year`."""
    if isinstance(year, bool) or not 1000 <= year <= 9999:
        raise ValueError(f"The year of registration must be a four-digit year; got {year!r}.")
    _check_sequence(sequence)
    return str(CaseReference(year % 100, sequence))


def parse_reference(text: str) -> CaseReference:
    """Read a reference as users type it: `24 015 110`, `24015110` or `24-015-110`."""
    match = _ACCEPTED.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"{text.strip()!r} is not a case reference. A reference is eight digits "
            "written like 24 015 110 (spaces or hyphens optional)."
        )
    sequence = int(match["a"] + match["b"])
    if sequence == 0:
        raise ValueError(f"{text.strip()!r} is not a case reference: no case is numbered 000 000.")
    return CaseReference(int(match["yy"]), sequence)


def next_sequence(last: int | None) -> int:
    """The sequence number after `last`, the highest issued this year (None if none yet)."""
    if last is None:
        return 1
    if isinstance(last, bool) or last < 0:
        raise ValueError(f"The last issued sequence number cannot be {last!r}.")
    if last >= MAX_SEQUENCE:
        raise ReferencesExhaustedError(
            f"All {MAX_SEQUENCE:,} case references for this year have been issued; "
            "no more cases can be registered until the year changes."
        )
    return last + 1
