"""Consistency of financial remedies: what similar past decisions recommended, and whether
a proposed amount sits inside the usual range.

Amounts are whole pounds. The usual range is the interquartile range (nearest-rank
quartiles, so both ends are amounts actually recommended). With fewer than
`MIN_FOR_QUARTILES` past amounts the quartiles say little, so the usual range is the whole
range seen, and the warning says how few comparisons there are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .remedies import pounds

MIN_FOR_QUARTILES = 5


@dataclass(frozen=True)
class PastAmounts:
    """A summary of the amounts recommended in similar past decisions."""

    count: int
    median: int
    lowest: int
    highest: int
    usual_low: int
    usual_high: int

    @property
    def small_sample(self) -> bool:
        return self.count < MIN_FOR_QUARTILES


def _nearest_rank(ordered: list[int], fraction: float) -> int:
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(amounts: Iterable[int]) -> int:
    """The middle amount; with an even count, the mean of the middle two, halves rounded up."""
    ordered = sorted(amounts)
    if not ordered:
        raise ValueError("There are no amounts to take the median of.")
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle] + 1) // 2


def summarise(amounts: Iterable[int]) -> PastAmounts | None:
    """The summary of past amounts, or None when there are none to compare with."""
    ordered = sorted(amounts)
    if not ordered:
        return None
    if len(ordered) < MIN_FOR_QUARTILES:
        usual_low, usual_high = ordered[0], ordered[-1]
    else:
        usual_low, usual_high = _nearest_rank(ordered, 0.25), _nearest_rank(ordered, 0.75)
    return PastAmounts(
        count=len(ordered),
        median=median(ordered),
        lowest=ordered[0],
        highest=ordered[-1],
        usual_low=usual_low,
        usual_high=usual_high,
    )


@dataclass(frozen=True)
class ConsistencyCheck:
    """How a proposed amount compares with similar past decisions."""

    past: PastAmounts | None
    outside: bool
    message: str


def _decisions(count: int) -> str:
    return "1 similar past decision" if count == 1 else f"{count} similar past decisions"


def describe(past: PastAmounts) -> str:
    """The comparison in one sentence, to show beside a financial remedy."""
    text = (
        f"{_decisions(past.count)}: median {pounds(past.median)}, from {pounds(past.lowest)} "
        f"to {pounds(past.highest)}"
    )
    if not past.small_sample:
        text += f"; usually {pounds(past.usual_low)} to {pounds(past.usual_high)}"
    return text + "."


def check_amount(proposed: int, past_amounts: Iterable[int]) -> ConsistencyCheck:
    """Whether `proposed` is outside the usual range of similar past decisions, with the
    words to show. No past decisions means nothing to warn about."""
    past = summarise(past_amounts)
    if past is None:
        return ConsistencyCheck(None, False, "There are no similar past decisions to compare with.")
    if past.usual_low <= proposed <= past.usual_high:
        return ConsistencyCheck(past, False, describe(past))
    direction = "above" if proposed > past.usual_high else "below"
    usual = "range" if past.small_sample else "usual range"
    message = (
        f"{pounds(proposed)} is {direction} the {usual} for similar injustice "
        f"({pounds(past.usual_low)} to {pounds(past.usual_high)}, from "
        f"{_decisions(past.count)}; median {pounds(past.median)})."
    )
    if past.small_sample:
        message += " There are few past decisions to compare with, so treat this with care."
    message += " You can go ahead, but give the reason."
    return ConsistencyCheck(past, True, message)


def reason_problem(check: ConsistencyCheck, reason: str) -> str | None:
    """The message when an amount outside the usual range has no recorded reason."""
    if check.outside and not reason.strip():
        return "Give the reason for recommending an amount outside the usual range"
    return None
