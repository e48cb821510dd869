"""What similar past decisions recommended, and warnings outside the usual range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.consistency import (
    MIN_FOR_QUARTILES,
    PastAmounts,
    check_amount,
    describe,
    median,
    reason_problem,
    summarise,
)

TEN = [100, 150, 200, 250, 250, 300, 300, 350, 500, 1000]


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [([500], 500), ([100, 300], 200), ([100, 301], 201), ([300, 100, 200], 200), (TEN, 275)],
)
def test_median_in_whole_pounds(amounts: list[int], expected: int) -> None:
    assert median(amounts) == expected


def test_median_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="no amounts"):
        median([])


def test_summary_uses_quartiles_for_enough_decisions() -> None:
    assert summarise(TEN) == PastAmounts(
        count=10, median=275, lowest=100, highest=1000, usual_low=200, usual_high=350
    )


def test_a_small_sample_uses_the_whole_range() -> None:
    past = summarise([200, 250, 900])
    assert past is not None
    assert past.small_sample
    assert (past.usual_low, past.usual_high) == (200, 900)


def test_no_past_decisions_gives_no_summary_and_no_warning() -> None:
    assert summarise([]) is None
    check = check_amount(500, [])
    assert not check.outside
    assert check.message == "There are no similar past decisions to compare with."


@pytest.mark.parametrize(
    ("proposed", "outside", "message"),
    [
        (
            300,
            False,
            "10 similar past decisions: median £275, from £100 to £1,000; usually £200 to £350.",
        ),
        (200, False, None),
        (350, False, None),
        (
            1500,
            True,
            "£1,500 is above the usual range for similar injustice (£200 to £350, from 10 "
            "similar past decisions; median £275). You can go ahead, but give the reason.",
        ),
        (
            150,
            True,
            "£150 is below the usual range for similar injustice (£200 to £350, from 10 "
            "similar past decisions; median £275). You can go ahead, but give the reason.",
        ),
    ],
)
def test_check_amount(proposed: int, outside: bool, message: str | None) -> None:
    check = check_amount(proposed, TEN)
    assert check.outside is outside
    if message is not None:
        assert check.message == message


def test_a_small_sample_warning_says_there_are_few_to_compare() -> None:
    check = check_amount(1000, [300])
    assert check.outside
    assert check.message == (
        "£1,000 is above the range for similar injustice (£300 to £300, from 1 similar past "
        "decision; median £300). There are few past decisions to compare with, so treat "
        "this with care. You can go ahead, but give the reason."
    )


def test_describe_a_small_sample_leaves_out_the_usual_range() -> None:
    past = summarise([300, 500])
    assert past is not None
    assert describe(past) == "2 similar past decisions: median £400, from £300 to £500."


def test_going_ahead_outside_the_range_needs_a_reason() -> None:
    check = check_amount(1500, TEN)
    assert reason_problem(check, " ") == (
        "Give the reason for recommending an amount outside the usual range"
    )
    assert reason_problem(check, "Mrs X was homeless for two years") is None
    assert reason_problem(check_amount(300, TEN), "") is None


amounts = st.lists(st.integers(0, 100_000), min_size=1, max_size=60)


@given(amounts)
def test_summary_bounds_are_ordered(values: list[int]) -> None:
    past = summarise(values)
    assert past is not None
    assert past.lowest <= past.usual_low <= past.usual_high <= past.highest
    assert past.lowest <= past.median <= past.highest
    assert past.small_sample is (len(values) < MIN_FOR_QUARTILES)


@given(amounts, st.randoms())
def test_summary_ignores_order(values: list[int], random: object) -> None:
    shuffled = list(values)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert summarise(shuffled) == summarise(values)


@given(amounts)
def test_the_median_and_usual_range_never_warn(values: list[int]) -> None:
    past = summarise(values)
    assert past is not None
    for proposed in (past.median, past.usual_low, past.usual_high):
        assert not check_amount(proposed, values).outside


@given(amounts, st.integers(1, 10_000))
def test_amounts_beyond_the_extremes_always_warn(values: list[int], step: int) -> None:
    assert check_amount(max(values) + step, values).outside
    if min(values) - step >= 0:
        assert check_amount(min(values) - step, values).outside
