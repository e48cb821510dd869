"""Working days, week targets and pausable clocks (DOMAIN.md section 8)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redress.domain.calendar import (
    Clock,
    ClockUnit,
    DueStatus,
    Pause,
    WorkingCalendar,
    add_weeks,
    bank_holidays,
    due_status,
    england_and_wales_bank_holidays,
    is_within_weeks,
)

# Every England-and-Wales bank holiday 2019-2027, written out by hand from the published
# lists rather than derived from the package, so that a package change shows up here.
BANK_HOLIDAYS: dict[int, tuple[date, ...]] = {
    2019: (
        date(2019, 1, 1), date(2019, 4, 19), date(2019, 4, 22), date(2019, 5, 6),
        date(2019, 5, 27), date(2019, 8, 26), date(2019, 12, 25), date(2019, 12, 26),
    ),
    2020: (
        date(2020, 1, 1), date(2020, 4, 10), date(2020, 4, 13),
        date(2020, 5, 8),  # early May bank holiday moved to Friday for VE Day 75
        date(2020, 5, 25), date(2020, 8, 31), date(2020, 12, 25),
        date(2020, 12, 28),  # Boxing Day (Saturday) substitute
    ),
    2021: (
        date(2021, 1, 1), date(2021, 4, 2), date(2021, 4, 5), date(2021, 5, 3),
        date(2021, 5, 31), date(2021, 8, 30),
        date(2021, 12, 27), date(2021, 12, 28),  # Christmas Sat, Boxing Day Sun
    ),
    2022: (
        date(2022, 1, 3),  # New Year's Day (Saturday) substitute
        date(2022, 4, 15), date(2022, 4, 18), date(2022, 5, 2),
        date(2022, 6, 2),  # spring bank holiday moved to Thursday
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 8, 29),
        date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        date(2022, 12, 26),
        date(2022, 12, 27),  # Christmas Day (Sunday) substitute
    ),
    2023: (
        date(2023, 1, 2),  # New Year's Day (Sunday) substitute
        date(2023, 4, 7), date(2023, 4, 10), date(2023, 5, 1),
        date(2023, 5, 8),  # Coronation of King Charles III
        date(2023, 5, 29), date(2023, 8, 28), date(2023, 12, 25), date(2023, 12, 26),
    ),
    2024: (
        date(2024, 1, 1), date(2024, 3, 29), date(2024, 4, 1), date(2024, 5, 6),
        date(2024, 5, 27), date(2024, 8, 26), date(2024, 12, 25), date(2024, 12, 26),
    ),
    2025: (
        date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5),
        date(2025, 5, 26), date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
    ),
    2026: (
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4),
        date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 25),
        date(2026, 12, 28),  # Boxing Day (Saturday) substitute
    ),
    2027: (
        date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 3),
        date(2027, 5, 31), date(2027, 8, 30),
        date(2027, 12, 27), date(2027, 12, 28),  # Christmas Sat, Boxing Day Sun
    ),
}  # fmt: skip
ALL_PINNED = [d for days in BANK_HOLIDAYS.values() for d in days]

CAL = WorkingCalendar(england_and_wales_bank_holidays(range(2015, 2040)))
WD = ClockUnit.WORKING_DAYS


# --- bank holidays ------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
def test_bank_holidays_match_the_pinned_list(year: int) -> None:
    assert england_and_wales_bank_holidays([year]) == frozenset(BANK_HOLIDAYS[year])


@pytest.mark.parametrize("day", ALL_PINNED, ids=str)
def test_every_pinned_bank_holiday_is_a_weekday_and_not_a_working_day(day: date) -> None:
    assert day.weekday() < 5
    assert not CAL.is_working_day(day)


def test_nominal_weekend_dates_from_the_package_are_dropped() -> None:
    raw = holidays.country_holidays("GB", subdiv="ENG", years=[2021])
    assert date(2021, 12, 25) in raw
    assert date(2021, 12, 25) not in england_and_wales_bank_holidays([2021])
    assert not CAL.is_working_day(date(2021, 12, 25))


def test_england_and_wales_share_one_list() -> None:
    years = range(2019, 2028)
    assert bank_holidays("GB", "WLS", years=years) == england_and_wales_bank_holidays(years)


@pytest.mark.parametrize(
    ("subdiv", "included", "excluded"),
    [
        ("SCT", date(2024, 1, 2), date(2024, 4, 1)),  # 2 January yes, Easter Monday no
        ("SCT", date(2024, 12, 2), date(2024, 8, 26)),  # St Andrew's substitute; August
        ("NIR", date(2024, 7, 12), date(2024, 1, 2)),  # Battle of the Boyne
        ("NIR", date(2024, 3, 18), date(2024, 12, 2)),  # St Patrick's Day substitute
    ],
)
def test_jurisdiction_is_configurable(subdiv: str, included: date, excluded: date) -> None:
    found = bank_holidays("GB", subdiv, years=[2024])
    assert included in found
    assert excluded not in found


def test_no_years_gives_no_holidays() -> None:
    assert england_and_wales_bank_holidays([]) == frozenset()


# --- the receipt rule ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "n", "due"),
    [
        (date(2024, 3, 4), 3, date(2024, 3, 7)),  # Monday: Thursday
        (date(2024, 3, 6), 3, date(2024, 3, 11)),  # Wednesday: over the weekend
        (date(2024, 3, 8), 3, date(2024, 3, 13)),  # Friday
        (date(2024, 3, 9), 3, date(2024, 3, 14)),  # Saturday counts from Monday
        (date(2024, 3, 10), 3, date(2024, 3, 14)),  # Sunday counts from Monday
        (date(2024, 3, 9), 0, date(2024, 3, 11)),
        (date(2024, 3, 4), 0, date(2024, 3, 4)),
        (date(2024, 5, 6), 3, date(2024, 5, 10)),  # on a bank holiday: counts from Tuesday
        (date(2024, 5, 3), 3, date(2024, 5, 9)),  # Friday before a bank holiday Monday
        (date(2024, 3, 28), 3, date(2024, 4, 4)),  # Maundy Thursday
        (date(2024, 3, 30), 3, date(2024, 4, 5)),  # Saturday before Easter
        (date(2024, 12, 24), 3, date(2024, 12, 31)),  # Christmas Eve
        (date(2024, 12, 25), 3, date(2025, 1, 2)),  # Christmas Day
        (date(2022, 12, 23), 3, date(2022, 12, 30)),  # both 2022 substitutes
        (date(2022, 9, 16), 1, date(2022, 9, 20)),  # state funeral
        (date(2023, 5, 5), 1, date(2023, 5, 9)),  # coronation
        (date(2022, 6, 1), 1, date(2022, 6, 6)),  # jubilee Thursday and Friday
        (date(2027, 12, 24), 1, date(2027, 12, 29)),  # 2027 substitutes
        (date(2020, 5, 7), 1, date(2020, 5, 11)),  # VE Day Friday
        (date(2024, 1, 2), 20, date(2024, 1, 30)),
        (date(2024, 3, 4), 20, date(2024, 4, 3)),  # across Easter
    ],
)
def test_add_working_days(received: date, n: int, due: date) -> None:
    assert CAL.add_working_days(received, n) == due
    assert CAL.due_within_working_days(received, n) == due
    assert CAL.working_days_between(received, due) == n
    assert CAL.is_within_working_days(received, due, n)
    assert not CAL.is_within_working_days(received, due + timedelta(days=1), n)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 3, 4), date(2024, 3, 4)),
        (date(2024, 3, 9), date(2024, 3, 11)),
        (date(2024, 3, 29), date(2024, 4, 2)),
        (date(2021, 12, 24), date(2021, 12, 24)),
        (date(2021, 12, 25), date(2021, 12, 29)),
    ],
)
def test_next_working_day_on_or_after(day: date, expected: date) -> None:
    assert CAL.next_working_day_on_or_after(day) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2024, 3, 9), date(2024, 3, 9), 0),  # Saturday receipt, handled that day
        (date(2024, 3, 9), date(2024, 3, 11), 0),
        (date(2024, 3, 9), date(2024, 3, 12), 1),
        (date(2024, 3, 4), date(2024, 3, 4), 0),
        (date(2024, 3, 4), date(2024, 3, 10), 4),
        (date(2024, 12, 24), date(2025, 1, 2), 4),
    ],
)
def test_working_days_between(start: date, end: date, expected: int) -> None:
    assert CAL.working_days_between(start, end) == expected


def test_handled_on_the_day_of_a_weekend_receipt_is_within_target() -> None:
    assert CAL.is_within_working_days(date(2024, 3, 9), date(2024, 3, 9), 3)
    assert CAL.is_within_working_days(date(2024, 3, 9), date(2024, 3, 14), 3)
    assert not CAL.is_within_working_days(date(2024, 3, 9), date(2024, 3, 15), 3)


def test_office_closures_count_as_non_working() -> None:
    closures = {date(2024, 12, 27), date(2024, 12, 30), date(2024, 12, 31), date(2024, 12, 28)}
    cal = WorkingCalendar(england_and_wales_bank_holidays([2024, 2025]) | closures)
    assert cal.add_working_days(date(2024, 12, 24), 3) == date(2025, 1, 6)
    assert cal.next_working_day_on_or_after(date(2024, 12, 25)) == date(2025, 1, 2)
    assert cal.working_days_between(date(2024, 12, 24), date(2025, 1, 6)) == 3


def test_large_n_far_beyond_loaded_years() -> None:
    due = CAL.add_working_days(date(2024, 1, 1), 1_000_000)
    assert CAL.working_days_between(date(2024, 1, 1), due) == 1_000_000


def test_calendar_accepts_a_plain_set_and_stays_hashable() -> None:
    cal = WorkingCalendar({date(2024, 3, 5)})  # type: ignore[arg-type]
    assert cal == WorkingCalendar(frozenset({date(2024, 3, 5)}))
    assert hash(cal) == hash(WorkingCalendar(frozenset({date(2024, 3, 5)})))


# --- calendar weeks -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "weeks", "due"),
    [
        (date(2024, 1, 1), 13, date(2024, 4, 1)),
        (date(2024, 1, 1), 26, date(2024, 7, 1)),
        (date(2024, 1, 1), 52, date(2024, 12, 30)),
        (date(2024, 3, 9), 13, date(2024, 6, 8)),  # weekends are not skipped
        (date(2024, 12, 25), 0, date(2024, 12, 25)),
    ],
)
def test_week_targets(received: date, weeks: int, due: date) -> None:
    assert add_weeks(received, weeks) == due
    assert is_within_weeks(received, due, weeks)
    assert not is_within_weeks(received, due + timedelta(days=1), weeks)


# --- clocks and pauses --------------------------------------------------------------

START = date(2024, 3, 4)  # Monday; 20 working days ends 3 April, across Easter


def pause(start: date, end: date | None, reason: str = "awaiting the council's reply") -> Pause:
    return Pause(start, end, reason)


@pytest.mark.parametrize(
    ("pauses", "today", "due"),
    [
        ((), START, date(2024, 4, 3)),
        ((pause(date(2024, 3, 11), date(2024, 3, 15)),), START, date(2024, 4, 10)),
        (  # overlapping pauses count once
            (
                pause(date(2024, 3, 11), date(2024, 3, 13)),
                pause(date(2024, 3, 12), date(2024, 3, 15)),
            ),
            START,
            date(2024, 4, 10),
        ),
        (  # back to back
            (
                pause(date(2024, 3, 13), date(2024, 3, 15)),
                pause(date(2024, 3, 11), date(2024, 3, 12)),
            ),
            START,
            date(2024, 4, 10),
        ),
        (  # across Good Friday and Easter Monday: two working days lost
            (pause(date(2024, 3, 28), date(2024, 4, 2)),),
            START,
            date(2024, 4, 5),
        ),
        ((pause(date(2024, 3, 9), date(2024, 3, 10)),), START, date(2024, 4, 3)),  # weekend
        ((pause(date(2024, 4, 10), date(2024, 4, 12)),), START, date(2024, 4, 3)),  # after due
        ((pause(date(2024, 3, 4), date(2024, 3, 4)),), START, date(2024, 4, 3)),  # receipt day
        ((pause(date(2024, 3, 11), None),), date(2024, 3, 13), date(2024, 4, 8)),  # open
        ((pause(date(2024, 3, 11), None),), date(2024, 3, 20), date(2024, 4, 15)),
        ((pause(date(2024, 3, 11), None),), date(2024, 3, 8), date(2024, 4, 3)),  # not yet
    ],
)
def test_working_day_clock_due_date(pauses: tuple[Pause, ...], today: date, due: date) -> None:
    clock = Clock(START, 20, WD, pauses)
    assert clock.due_date(CAL, today) == due
    assert clock.due_date_ignoring_pauses(CAL) == date(2024, 4, 3)


def test_open_pause_keeps_the_due_date_after_today() -> None:
    clock = Clock(START, 20, WD, (pause(date(2024, 3, 28), None),))
    for offset in range(60):
        today = date(2024, 3, 28) + timedelta(days=offset)
        assert clock.is_paused(today)
        assert clock.due_date(CAL, today) > today


@pytest.mark.parametrize(
    ("pauses", "due"),
    [
        ((), date(2024, 4, 1)),
        ((pause(date(2024, 2, 1), date(2024, 2, 14)),), date(2024, 4, 15)),
        (
            (
                pause(date(2024, 2, 1), date(2024, 2, 14)),
                pause(date(2024, 2, 10), date(2024, 2, 20)),
            ),
            date(2024, 4, 21),
        ),
    ],
)
def test_week_clock_due_date_counts_calendar_days(pauses: tuple[Pause, ...], due: date) -> None:
    clock = Clock(date(2024, 1, 1), 13, ClockUnit.WEEKS, pauses)
    assert clock.due_date(CAL, date(2024, 3, 1)) == due
    assert clock.due_date_ignoring_pauses(CAL) == date(2024, 4, 1)


@pytest.mark.parametrize(
    ("clock", "on", "elapsed"),
    [
        (Clock(START, 20, WD), date(2024, 3, 15), 9),
        (
            Clock(START, 20, WD, (pause(date(2024, 3, 11), date(2024, 3, 15)),)),
            date(2024, 3, 15),
            4,
        ),
        (
            Clock(START, 20, WD, (pause(date(2024, 3, 11), date(2024, 3, 15)),)),
            date(2024, 3, 18),
            5,
        ),
        (Clock(START, 20, WD, (pause(date(2024, 3, 11), None),)), date(2024, 3, 20), 4),
        (Clock(date(2024, 3, 9), 3, WD), date(2024, 3, 9), 0),
        (Clock(date(2024, 3, 9), 3, WD), date(2024, 3, 11), 0),
        (Clock(date(2024, 3, 9), 3, WD), date(2024, 3, 14), 3),
        (Clock(date(2024, 1, 1), 13, ClockUnit.WEEKS), date(2024, 1, 8), 7),
        (
            Clock(
                date(2024, 1, 1), 13, ClockUnit.WEEKS, (pause(date(2024, 1, 3), date(2024, 1, 4)),)
            ),
            date(2024, 1, 8),
            5,
        ),
    ],
)
def test_elapsed(clock: Clock, on: date, elapsed: int) -> None:
    assert clock.elapsed(CAL, on) == elapsed


@pytest.mark.parametrize(
    ("pauses", "stopped_on", "met_with_pauses", "met_without_pauses"),
    [
        ((pause(date(2024, 3, 11), date(2024, 3, 15)),), date(2024, 4, 3), True, True),
        ((pause(date(2024, 3, 11), date(2024, 3, 15)),), date(2024, 4, 8), True, False),
        ((pause(date(2024, 3, 11), date(2024, 3, 15)),), date(2024, 4, 10), True, False),
        ((pause(date(2024, 3, 11), date(2024, 3, 15)),), date(2024, 4, 11), False, False),
        ((pause(date(2024, 3, 11), None),), date(2024, 4, 5), True, False),  # closed while paused
        ((), date(2024, 4, 4), False, False),
    ],
)
def test_kpi_with_and_without_pauses(
    pauses: tuple[Pause, ...], stopped_on: date, met_with_pauses: bool, met_without_pauses: bool
) -> None:
    clock = Clock(START, 20, WD, pauses)
    assert clock.is_met(CAL, stopped_on, with_pauses=True) is met_with_pauses
    assert clock.is_met(CAL, stopped_on, with_pauses=False) is met_without_pauses


@pytest.mark.parametrize(
    ("on", "paused"),
    [
        (date(2024, 3, 10), False),
        (date(2024, 3, 11), True),
        (date(2024, 3, 15), True),
        (date(2024, 3, 16), False),
        (date(2024, 4, 1), True),
        (date(2030, 1, 1), True),
    ],
)
def test_is_paused(on: date, paused: bool) -> None:
    clock = Clock(
        START, 20, WD, (pause(date(2024, 3, 11), date(2024, 3, 15)), pause(date(2024, 4, 1), None))
    )
    assert clock.is_paused(on) is paused


def test_unit_read_back_as_a_string_is_understood() -> None:
    clock = Clock(START, 20, "working_days", [])  # type: ignore[arg-type]
    assert clock.unit is WD
    assert clock.pauses == ()
    assert clock.due_date_ignoring_pauses(CAL) == date(2024, 4, 3)


# --- due status ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "today", "warn", "status"),
    [
        (date(2024, 3, 15), date(2024, 3, 16), 5, DueStatus.OVERDUE),
        (date(2024, 3, 15), date(2024, 3, 15), 5, DueStatus.DUE_SOON),
        (date(2024, 3, 15), date(2024, 3, 8), 5, DueStatus.DUE_SOON),
        (date(2024, 3, 15), date(2024, 3, 7), 5, DueStatus.ON_TRACK),
        (date(2024, 3, 15), date(2024, 3, 9), 5, DueStatus.DUE_SOON),  # Saturday
        (date(2024, 4, 5), date(2024, 3, 27), 5, DueStatus.DUE_SOON),  # Easter in between
        (date(2024, 4, 5), date(2024, 3, 26), 5, DueStatus.ON_TRACK),
        (date(2024, 3, 15), date(2024, 3, 15), 0, DueStatus.DUE_SOON),
        (date(2024, 3, 15), date(2024, 3, 14), 0, DueStatus.ON_TRACK),
        (date(2024, 3, 17), date(2024, 3, 15), 0, DueStatus.DUE_SOON),  # due on a Sunday
    ],
)
def test_due_status(due: date, today: date, warn: int, status: DueStatus) -> None:
    assert due_status(CAL, due, today, warn_within_working_days=warn) is status


def test_due_status_labels() -> None:
    assert [s.label for s in DueStatus] == ["On track", "Due soon", "Overdue"]


# --- validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Pause(date(2024, 3, 5), date(2024, 3, 4), "x"), "cannot end"),
        (lambda: Pause(date(2024, 3, 5), None, ""), "recorded reason"),
        (lambda: Pause(date(2024, 3, 5), None, "  \t"), "recorded reason"),
        (lambda: Clock(START, -1, WD), "cannot be negative"),
        (lambda: Clock(START, 3, WD, (pause(date(2024, 3, 1), None),)), "before the clock"),
        (lambda: Clock(START, 3, "fortnights"), "fortnights"),  # type: ignore[arg-type]
        (lambda: CAL.add_working_days(START, -1), "negative"),
        (lambda: add_weeks(START, -1), "negative"),
        (lambda: CAL.working_days_between(START, START - timedelta(days=1)), "before"),
        (lambda: CAL.is_within_working_days(START, START - timedelta(days=1), 3), "before"),
        (lambda: is_within_weeks(START, START - timedelta(days=1), 3), "before"),
        (lambda: Clock(START, 3, WD).elapsed(CAL, START - timedelta(days=1)), "before"),
        (lambda: Clock(START, 3, WD).is_met(CAL, START - timedelta(days=1), True), "before"),
        (lambda: due_status(CAL, START, START, -1), "negative"),
    ],
)
def test_validation_errors(make: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_pause_error_message_is_plain_english() -> None:
    with pytest.raises(ValueError, match=r"^A pause cannot end \(4 March 2024\) before it starts"):
        Pause(date(2024, 3, 5), date(2024, 3, 4), "awaiting reply")


# --- properties ---------------------------------------------------------------------

days = st.dates(min_value=date(2016, 1, 1), max_value=date(2034, 12, 31))
counts = st.integers(min_value=0, max_value=600)


@given(days, counts)
def test_between_inverts_add(d: date, n: int) -> None:
    assert CAL.working_days_between(d, CAL.add_working_days(d, n)) == n


@given(days, counts)
def test_add_lands_on_a_working_day(d: date, n: int) -> None:
    assert CAL.is_working_day(CAL.add_working_days(d, n))


@given(days, counts, st.integers(min_value=0, max_value=30))
def test_add_is_monotonic(d: date, n: int, gap: int) -> None:
    assert CAL.add_working_days(d, n) < CAL.add_working_days(d, n + 1)
    assert CAL.add_working_days(d, n) <= CAL.add_working_days(d + timedelta(days=gap), n)


# Naive day-by-day versions, trusted because they are too simple to be wrong.
def naive_is_working(non_working: frozenset[date], d: date) -> bool:
    return d.weekday() < 5 and d not in non_working


def naive_add(non_working: frozenset[date], start: date, n: int) -> date:
    d = start
    while not naive_is_working(non_working, d):
        d += timedelta(days=1)
    while n:
        d += timedelta(days=1)
        n -= naive_is_working(non_working, d)
    return d


ORIGIN = date(2024, 1, 1)
offsets = st.integers(min_value=0, max_value=120)
closures = st.lists(st.tuples(offsets, st.integers(min_value=1, max_value=40)), max_size=6).map(
    lambda blocks: frozenset(
        ORIGIN + timedelta(days=first + i) for first, length in blocks for i in range(length)
    )
)


@settings(max_examples=300)
@given(closures, offsets, st.integers(min_value=0, max_value=80), offsets)
def test_matches_naive_calendar(non_working: frozenset[date], s: int, n: int, e: int) -> None:
    cal = WorkingCalendar(non_working)
    start, end = ORIGIN + timedelta(days=s), ORIGIN + timedelta(days=s + e)
    assert cal.add_working_days(start, n) == naive_add(non_working, start, n)
    assert cal.next_working_day_on_or_after(start) == naive_add(non_working, start, 0)
    assert cal.is_working_day(start) is naive_is_working(non_working, start)
    eff = naive_add(non_working, start, 0)
    expected = sum(
        naive_is_working(non_working, eff + timedelta(days=i))
        for i in range(1, (end - eff).days + 1)
    )
    assert cal.working_days_between(start, end) == expected


pauses_strategy = st.lists(
    st.tuples(offsets, st.one_of(st.none(), st.integers(min_value=0, max_value=30))), max_size=4
)


@settings(max_examples=300)
@given(
    closures,
    st.sampled_from(ClockUnit),
    st.integers(min_value=0, max_value=40),
    pauses_strategy,
    st.integers(min_value=0, max_value=250),
)
def test_clock_matches_naive(
    non_working: frozenset[date],
    unit: ClockUnit,
    target: int,
    raw_pauses: list[tuple[int, int | None]],
    t: int,
) -> None:
    cal = WorkingCalendar(non_working)
    today = ORIGIN + timedelta(days=t)
    pauses = tuple(
        Pause(
            ORIGIN + timedelta(days=s), None if n is None else ORIGIN + timedelta(days=s + n), "r"
        )
        for s, n in raw_pauses
    )
    clock = Clock(ORIGIN, target if unit is WD else target // 7, unit, pauses)

    def counts_on(d: date, as_of: date) -> bool:
        paused = any(
            p.start <= d <= (as_of if p.end is None else p.end)
            for p in pauses
            if p.end is not None or p.start <= as_of
        )
        return not paused and (unit is ClockUnit.WEEKS or naive_is_working(non_working, d))

    base = naive_add(non_working, ORIGIN, 0) if unit is WD else ORIGIN
    budget = clock.target * (1 if unit is WD else 7)
    d, used = base, 0
    while used < budget:
        d += timedelta(days=1)
        used += counts_on(d, today)
    assert clock.due_date(cal, today) == d

    elapsed = sum(
        counts_on(base + timedelta(days=i), today) for i in range(1, (today - base).days + 1)
    )
    assert clock.elapsed(cal, today) == elapsed
    assert clock.is_met(cal, today, with_pauses=True) is (today <= clock.due_date(cal, today))
