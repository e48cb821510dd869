"""Working days, calendar weeks and pausable clocks for the scheme's service promises.

"Within N working days of receipt" means on or before the N-th working day after the day
of receipt, and a contact received on a non-working day counts from the next working day.
Weeks are calendar weeks. A clock may be paused only for a recorded reason, and KPIs are
reported both with and without pauses, so every clock can answer both ways.

Working-day arithmetic runs in O(log h) for h closed weekdays, not O(n) in the distance, so
reports can evaluate millions of clocks. It rests on a rank: the number of working days on
or before a given day ordinal. Adding n working days is then "find the day of rank r + n".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import holidays

_DAYS_PER_WEEK = 7
_WEEKDAYS_PER_WEEK = 5


def bank_holidays(
    country: str = "GB", subdiv: str | None = "ENG", *, years: Iterable[int]
) -> frozenset[date]:
    """The bank holidays of a jurisdiction that fall on a weekday.

    The `holidays` package also lists the nominal date when a holiday falls at a weekend
    (Christmas Day on a Saturday) beside the weekday substitute. Only the substitute is a
    bank holiday in law, and weekends are closed anyway, so the nominal date is dropped.
    One-off holidays proclaimed after the installed package was released are missing until
    it is upgraded; office closures can cover the gap meanwhile.
    """
    found = holidays.country_holidays(country, subdiv=subdiv, years=sorted(set(years)))
    return frozenset(day for day in found if day.weekday() < _WEEKDAYS_PER_WEEK)


def england_and_wales_bank_holidays(years: Iterable[int]) -> frozenset[date]:
    """England and Wales share one list of bank holidays; "ENG" stands for both."""
    return bank_holidays("GB", "ENG", years=years)


def _weekdays_up_to(ordinal: int) -> int:
    # Ordinal 1 (1 January of year 1) was a Monday, so each block of seven ordinals
    # starting at a multiple of seven plus one is a Monday-to-Sunday week.
    full_weeks, rest = divmod(ordinal, _DAYS_PER_WEEK)
    return _WEEKDAYS_PER_WEEK * full_weeks + min(rest, _WEEKDAYS_PER_WEEK)


def _nth_weekday(n: int) -> int:
    full_weeks, rest = divmod(n - 1, _WEEKDAYS_PER_WEEK)
    return _DAYS_PER_WEEK * full_weeks + rest + 1


def _fmt(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class WorkingCalendar:
    """Monday to Friday, except the given non-working days.

    The caller supplies bank holidays and office closures; weekend dates among them are
    harmless. Days outside the years the caller loaded are treated as ordinary weekdays,
    so load every year a clock can reach.
    """

    non_working_days: frozenset[date]
    _closed_weekdays: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _rank_at_closure: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        days = frozenset(self.non_working_days)
        closed = sorted({d.toordinal() for d in days if d.weekday() < _WEEKDAYS_PER_WEEK})
        # The working-day rank at the j-th closed weekday never decreases with j, which is
        # what lets _day_of_rank find how many closures precede an answer by bisection.
        ranks = tuple(_weekdays_up_to(o) - j - 1 for j, o in enumerate(closed))
        object.__setattr__(self, "non_working_days", days)
        object.__setattr__(self, "_closed_weekdays", tuple(closed))
        object.__setattr__(self, "_rank_at_closure", ranks)

    def _rank(self, ordinal: int) -> int:
        return _weekdays_up_to(ordinal) - bisect_right(self._closed_weekdays, ordinal)

    def _day_of_rank(self, rank: int) -> int:
        # The rank-th working day is the (rank + j)-th weekday, where j counts the closed
        # weekdays before it: exactly those whose own rank is below the target.
        return _nth_weekday(rank + bisect_left(self._rank_at_closure, rank))

    def _effective_receipt(self, received: date) -> int:
        return self._day_of_rank(self._rank(received.toordinal() - 1) + 1)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < _WEEKDAYS_PER_WEEK and day not in self.non_working_days

    def next_working_day_on_or_after(self, day: date) -> date:
        return date.fromordinal(self._effective_receipt(day))

    def add_working_days(self, start: date, n: int) -> date:
        """The N-th working day after `start`, counting from the next working day if
        `start` is not one (a Saturday receipt plus 3 is the Thursday)."""
        if n < 0:
            raise ValueError(f"Cannot count a negative number of working days ({n}).")
        base = self._effective_receipt(start)
        return date.fromordinal(self._day_of_rank(self._rank(base) + n))

    due_within_working_days = add_working_days

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after the effective receipt day, up to and including `end`.

        Zero when `end` falls before the effective receipt day (received on a Saturday,
        handled the same day), so that a count never goes negative.
        """
        if end < start:
            raise ValueError(f"{_fmt(end)} is before {_fmt(start)}.")
        return max(0, self._rank(end.toordinal()) - self._rank(start.toordinal() - 1) - 1)

    def is_within_working_days(self, received: date, done_on: date, n: int) -> bool:
        if done_on < received:
            raise ValueError(f"Done on {_fmt(done_on)}, before receipt on {_fmt(received)}.")
        return done_on <= self.add_working_days(received, n)


def add_weeks(received: date, weeks: int) -> date:
    if weeks < 0:
        raise ValueError(f"Cannot count a negative number of weeks ({weeks}).")
    return received + timedelta(weeks=weeks)


def is_within_weeks(received: date, done_on: date, weeks: int) -> bool:
    if done_on < received:
        raise ValueError(f"Done on {_fmt(done_on)}, before receipt on {_fmt(received)}.")
    return done_on <= add_weeks(received, weeks)


class ClockUnit(StrEnum):
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"


@dataclass(frozen=True)
class Pause:
    """The clock stood still on every day from `start` to `end`, both included.

    `end` is None while the pause is still running.
    """

    start: date
    end: date | None
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValueError("A clock can only be paused for a recorded reason; none was given.")
        if self.end is not None and self.end < self.start:
            raise ValueError(
                f"A pause cannot end ({_fmt(self.end)}) before it starts ({_fmt(self.start)})."
            )

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


# Both units reduce to the same sum: a rank function over day ordinals, its inverse,
# the ordinal the count starts after, and a budget in units of that rank.
_Scale = tuple[Callable[[int], int], Callable[[int], int], int, int]


def _identity(ordinal: int) -> int:
    return ordinal


@dataclass(frozen=True)
class Clock:
    """A target running from `started_on`, optionally stopped by recorded pauses."""

    started_on: date
    target: int
    unit: ClockUnit
    pauses: tuple[Pause, ...] = ()

    def __post_init__(self) -> None:
        # Values read back from a database arrive as plain strings and lists.
        object.__setattr__(self, "unit", ClockUnit(self.unit))
        object.__setattr__(self, "pauses", tuple(self.pauses))
        if self.target < 0:
            raise ValueError(f"A clock's target cannot be negative ({self.target}).")
        for pause in self.pauses:
            if pause.start < self.started_on:
                raise ValueError(
                    f"A pause cannot start ({_fmt(pause.start)}) before the clock "
                    f"started ({_fmt(self.started_on)})."
                )

    def _scale(self, calendar: WorkingCalendar) -> _Scale:
        if self.unit is ClockUnit.WORKING_DAYS:
            base = calendar._effective_receipt(self.started_on)
            return calendar._rank, calendar._day_of_rank, base, self.target
        return _identity, _identity, self.started_on.toordinal(), self.target * _DAYS_PER_WEEK

    def _paused_spans(self, today: date) -> list[tuple[int, int]]:
        # Merging first is what makes overlapping pauses count once.
        spans = sorted(
            (p.start.toordinal(), (today if p.end is None else p.end).toordinal())
            for p in self.pauses
            if p.end is not None or p.start <= today
        )
        merged: list[tuple[int, int]] = []
        for first, last in spans:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        return merged

    def due_date_ignoring_pauses(self, calendar: WorkingCalendar) -> date:
        rank, day_of_rank, base, budget = self._scale(calendar)
        return date.fromordinal(day_of_rank(rank(base) + budget))

    def due_date(self, calendar: WorkingCalendar, today: date) -> date:
        """The due date pushed back by the paused time.

        A pause still running is taken to last to the end of `today`, so while paused the
        due date moves on day by day and shows how much time will remain on resumption.
        """
        rank, day_of_rank, cursor, remaining = self._scale(calendar)
        for first, last in self._paused_spans(today):
            if last <= cursor:
                continue
            available = rank(max(first, cursor + 1) - 1) - rank(cursor)
            if available >= remaining:
                break
            remaining -= available
            cursor = last
        return date.fromordinal(day_of_rank(rank(cursor) + remaining))

    def elapsed(self, calendar: WorkingCalendar, on: date) -> int:
        """Working days (or, for a weeks clock, days) used by `on`, pauses excluded."""
        if on < self.started_on:
            raise ValueError(f"{_fmt(on)} is before the clock started on {_fmt(self.started_on)}.")
        rank, _, base, _ = self._scale(calendar)
        end = on.toordinal()
        used = rank(end) - rank(base)
        for first, last in self._paused_spans(on):
            lo, hi = max(first, base + 1), min(last, end)
            if lo <= hi:
                used -= rank(hi) - rank(lo - 1)
        return max(0, used)

    def is_met(self, calendar: WorkingCalendar, stopped_on: date, with_pauses: bool) -> bool:
        """Whether the clock stopped in time; `with_pauses` means paused time is excused."""
        if stopped_on < self.started_on:
            raise ValueError(
                f"A clock cannot stop ({_fmt(stopped_on)}) before it started "
                f"({_fmt(self.started_on)})."
            )
        if with_pauses:
            return stopped_on <= self.due_date(calendar, stopped_on)
        return stopped_on <= self.due_date_ignoring_pauses(calendar)

    def is_paused(self, on: date) -> bool:
        return any(pause.covers(on) for pause in self.pauses)


class DueStatus(StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


def due_status(
    calendar: WorkingCalendar, due: date, today: date, warn_within_working_days: int = 5
) -> DueStatus:
    """Flag what is about to breach while there is still time to act.

    DUE_SOON once the due day is no more than `warn_within_working_days` working days
    after today (or is today).
    """
    if warn_within_working_days < 0:
        raise ValueError(f"The warning period cannot be negative ({warn_within_working_days}).")
    if today > due:
        return DueStatus.OVERDUE
    remaining = calendar._rank(due.toordinal()) - calendar._rank(today.toordinal())
    return DueStatus.DUE_SOON if remaining <= warn_within_working_days else DueStatus.ON_TRACK
