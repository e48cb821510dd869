"""Case references in the form `yy nnn nnn`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.references import (
    MAX_SEQUENCE,
    CaseReference,
    ReferencesExhaustedError,
    format_reference,
    next_sequence,
    parse_reference,
)


@pytest.mark.parametrize(
    ("year", "sequence", "expected"),
    [
        (2024, 15110, "24 015 110"),
        (2024, 1, "24 000 001"),
        (2000, 999_999, "00 999 999"),
        (1999, 42, "99 000 042"),
        (2105, 7, "05 000 007"),
        (2025, 100_000, "25 100 000"),
    ],
)
def test_format_reference(year: int, sequence: int, expected: str) -> None:
    assert format_reference(year, sequence) == expected


@pytest.mark.parametrize(
    ("year", "sequence", "message"),
    [
        (24, 1, "four-digit year"),
        (999, 1, "four-digit year"),
        (10_000, 1, "four-digit year"),
        (-2024, 1, "four-digit year"),
        (2024, 0, "between 1 and 999,999"),
        (2024, -1, "between 1 and 999,999"),
        (2024, 1_000_000, "between 1 and 999,999"),
        (2024, True, "between 1 and 999,999"),
    ],
)
def test_format_reference_rejects(year: int, sequence: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        format_reference(year, sequence)


@pytest.mark.parametrize(
    "text",
    ["24 015 110", "  24 015 110\n", "24015110", "24-015-110", "\t24-015-110 "],
)
def test_parse_accepted_forms(text: str) -> None:
    reference = parse_reference(text)
    assert reference == CaseReference(24, 15110)
    assert str(reference) == "24 015 110"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "24 015 11",
        "24 0151 10",
        "24 015-110",  # mixed separators
        "24  015 110",
        "2024 015 110",
        "24 015 110 1",
        "24_015_110",
        "24.015.110",
        "ab cde fgh",
        "24 000 000",
        "\u0662\u0664 \u0660\u0661\u0665 \u0661\u0661\u0660",  # Arabic-Indic digits
        "\uff12\uff14 \uff10\uff11\uff15 \uff11\uff11\uff10",  # full-width digits
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="is not a case reference"):
        parse_reference(text)


@pytest.mark.parametrize(("year_2digit", "sequence"), [(100, 1), (-1, 1), (24, 0), (True, 5)])
def test_case_reference_validates(year_2digit: int, sequence: int) -> None:
    with pytest.raises(ValueError, match="case reference"):
        CaseReference(year_2digit, sequence)


@pytest.mark.parametrize(
    ("last", "expected"),
    [(None, 1), (0, 1), (41, 42), (999_998, 999_999)],
)
def test_next_sequence(last: int | None, expected: int) -> None:
    assert next_sequence(last) == expected


def test_next_sequence_when_the_year_is_exhausted() -> None:
    with pytest.raises(ReferencesExhaustedError, match="All 999,999 case references"):
        next_sequence(MAX_SEQUENCE)
    assert issubclass(ReferencesExhaustedError, ValueError)


@pytest.mark.parametrize("last", [-1, True])
def test_next_sequence_rejects_nonsense(last: int) -> None:
    with pytest.raises(ValueError, match="cannot be"):
        next_sequence(last)


years = st.integers(min_value=1000, max_value=9999)
sequences = st.integers(min_value=1, max_value=MAX_SEQUENCE)


@given(years, sequences)
def test_parse_round_trips_format(year: int, sequence: int) -> None:
    text = format_reference(year, sequence)
    reference = parse_reference(text)
    assert reference == CaseReference(year % 100, sequence)
    assert str(reference) == text
    assert parse_reference(text.replace(" ", "")) == reference
    assert parse_reference(text.replace(" ", "-")) == reference


@given(st.text() | st.text(alphabet="0123456789 -\t\n", max_size=14))
def test_arbitrary_text_only_ever_raises_value_error(text: str) -> None:
    try:
        reference = parse_reference(text)
    except ValueError:
        return
    assert parse_reference(str(reference)) == reference
