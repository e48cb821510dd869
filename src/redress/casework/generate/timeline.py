"""When things happen to a generated case: working time, and the path a case takes.

Times are integers, `ordinal * 86400 + seconds since local midnight`, so that comparing and
adding them is cheap; they become UTC text only when a row is written. Every path is made
of moves that `domain.stages.check_transition` allows (the tests replay each one).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Sequence
from typing import Generic, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from redress.domain.calendar import WorkingCalendar
from redress.domain.categories import Category
from redress.domain.stages import Outcome, ReasonCode, Stage

from . import wording

T = TypeVar("T")

DAY = 86_400
HOUR = 3_600
# Staff act between 08:30 and 17:30; online forms arrive between 07:00 and 22:00. Keeping
# every time inside 07:00-22:00 local means converting to UTC never crosses midnight.
_STAFF_START = 8 * HOUR + 1_800
_STAFF_SPAN = 9 * HOUR
_ONLINE_START = 7 * HOUR
_ONLINE_END = 22 * HOUR


class Picker(Generic[T]):
    """Weighted choice by bisection over cumulative weights (cheaper than random.choices)."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, weighted: Sequence[tuple[T, float]]) -> None:
        if not weighted:
            raise ValueError("A picker needs at least one item.")
        self._items = [item for item, _ in weighted]
        total = 0.0
        cumulative = []
        for _, weight in weighted:
            total += weight
            cumulative.append(total)
        self._cumulative = cumulative
        self._total = total

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect.bisect_right(self._cumulative, rng.random() * self._total)]


class WorkTime:
    """The scheme's working days as a list, with local-to-UTC conversion, for one run."""

    def __init__(
        self, calendar: WorkingCalendar, first: dt.date, last: dt.date, now: dt.datetime
    ) -> None:
        zone = ZoneInfo("Europe/London")
        local_now = now.astimezone(zone)
        self.calendar = calendar
        self.first = first.toordinal()
        self.last = last.toordinal()
        self.today = local_now.date().toordinal()
        self.now = self.today * DAY + local_now.hour * HOUR + local_now.minute * 60
        self.working: list[int] = []
        # For every day in range, the index in `working` of the first working day on or
        # after it: adding n working days is then one list lookup.
        self._on_or_after: list[int] = []
        pending = 0
        for ordinal in range(self.first, self.last + 1):
            if calendar.is_working_day(dt.date.fromordinal(ordinal)):
                self.working.append(ordinal)
        for ordinal in range(self.first, self.last + 1):
            while pending < len(self.working) and self.working[pending] < ordinal:
                pending += 1
            self._on_or_after.append(pending)
        self._zone = zone
        self._dates: dict[int, str] = {}
        self._days: dict[int, tuple[str, int]] = {}

    def is_working(self, ordinal: int) -> bool:
        index = self._on_or_after[ordinal - self.first]
        return index < len(self.working) and self.working[index] == ordinal

    def add_working_days(self, ordinal: int, n: int) -> int:
        """The n-th working day after `ordinal` (n=0: the day itself or the next working day)."""
        index = self._on_or_after[ordinal - self.first] + n
        return self.working[min(index, len(self.working) - 1)]

    def staff_time(self, rng: random.Random, ordinal: int) -> int:
        return ordinal * DAY + _STAFF_START + int(rng.random() * _STAFF_SPAN)

    def online_time(self, rng: random.Random, ordinal: int) -> int:
        end = _ONLINE_END
        if ordinal == self.today:
            end = min(end, self.now - self.today * DAY)
        if end <= _ONLINE_START:
            return ordinal * DAY + max(end - 60, 0)
        return ordinal * DAY + _ONLINE_START + int(rng.random() * (end - _ONLINE_START))

    def after(self, rng: random.Random, t: int, working_days: int) -> int:
        """A staff time `working_days` working days after the day of `t`, and later than it."""
        day = self.add_working_days(t // DAY, working_days)
        moment = self.staff_time(rng, day)
        if moment <= t:
            moment = t + 300 + int(rng.random() * 5_400)
        return moment

    def between(self, rng: random.Random, start: int, end: int) -> int:
        """A staff time strictly inside (start, end), on a working day where there is one."""
        if end - start < 120:
            return start + 1
        first = self._on_or_after[start // DAY - self.first]
        last = self._on_or_after[end // DAY - self.first]
        index = min(first + int(rng.random() * (last - first + 1)), len(self.working) - 1)
        moment = self.staff_time(rng, self.working[index])
        if moment <= start or moment >= end:
            moment = start + 60 + int(rng.random() * (end - start - 120))
        return moment

    def date_text(self, ordinal: int) -> str:
        text = self._dates.get(ordinal)
        if text is None:
            text = dt.date.fromordinal(ordinal).isoformat()
            self._dates[ordinal] = text
        return text

    def _day(self, ordinal: int) -> tuple[str, int]:
        day = dt.date.fromordinal(ordinal)
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=self._zone)
        delta = noon.utcoffset()
        found = (f"{day.isoformat()} ", int(delta.total_seconds()) if delta is not None else 0)
        self._days[ordinal] = found
        return found

    def utc_text(self, t: int) -> str:
        """'YYYY-MM-DD HH:MM:SS' in UTC, the form both database backends accept.

        This runs for every timestamp of every row, so it is two lookups: the day's text
        and UTC offset (at noon, right for all times from 07:00), then the clock text.
        """
        ordinal, seconds = divmod(t, DAY)
        day = self._days.get(ordinal) or self._day(ordinal)
        seconds -= day[1]
        if seconds < 0:  # before 01:00 local in summer: the previous UTC day
            day = self._days.get(ordinal - 1) or self._day(ordinal - 1)
            seconds += DAY
        return day[0] + _CLOCK_TEXT[seconds]


_CLOCK_TEXT: list[str] = [
    f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)
]


class Step(NamedTuple):
    """One change of stage as `case_move` would record it."""

    t: int
    source: str
    target: str
    outcome: str
    codes: tuple[str, ...]
    reason: str
    reopen: bool = False


# Plain strings for the hot path: an enum member's .value is a slow property lookup.
INTAKE, ASSESSMENT = Stage.INTAKE.value, Stage.ASSESSMENT.value
INVESTIGATION, DRAFT = Stage.INVESTIGATION.value, Stage.DRAFT_DECISION.value
DECIDED, COMPLIANCE, CLOSED = Stage.DECIDED.value, Stage.COMPLIANCE.value, Stage.CLOSED.value
_REFERRED_BACK, _SIGNPOSTED = Outcome.REFERRED_BACK.value, Outcome.SIGNPOSTED.value
_CAIE, _REMEDY_PROVIDED = (
    Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES.value,
    Outcome.UPHELD_REMEDY_PROVIDED.value,
)
_EARLY, _WITHDRAWN, _DISCONTINUED = (
    Outcome.EARLY_RESOLUTION.value,
    Outcome.WITHDRAWN.value,
    Outcome.DISCONTINUED.value,
)
_FAULT_INJUSTICE = Outcome.UPHELD_FAULT_INJUSTICE.value
_FAULT_NO_INJUSTICE = Outcome.UPHELD_FAULT_NO_INJUSTICE.value
_PREMATURE, _OUT_OF_JURISDICTION = ReasonCode.PREMATURE.value, ReasonCode.OUT_OF_JURISDICTION.value

_INTAKE_OUTCOMES = Picker(
    [
        (_REFERRED_BACK, 0.50),
        (Outcome.INCOMPLETE_INVALID.value, 0.24),
        (Outcome.ADVICE_GIVEN.value, 0.15),
        (_SIGNPOSTED, 0.09),
        (_WITHDRAWN, 0.02),
    ]
)
_ASSESSMENT_CLOSES = Picker(
    [(_CAIE, 0.86), (_REMEDY_PROVIDED, 0.09), (_WITHDRAWN, 0.04), (_DISCONTINUED, 0.01)]
)
_DECISIONS = Picker(
    [(_FAULT_INJUSTICE, 0.66), (_FAULT_NO_INJUSTICE, 0.14), (Outcome.NOT_UPHELD.value, 0.20)]
)
_INTAKE_DAYS = Picker(
    [
        (0, 0.08),
        (1, 0.2),
        (2, 0.2),
        (3, 0.16),
        (4, 0.12),
        (5, 0.09),
        (6, 0.05),
        (7, 0.04),
        (8, 0.03),
        (10, 0.02),
        (15, 0.01),
    ]
)
_BASE_CODE_WEIGHTS: dict[ReasonCode, float] = {
    ReasonCode.NO_FAULT_LIKELY: 24,
    ReasonCode.INJUSTICE_NOT_SIGNIFICANT: 16,
    ReasonCode.REMEDY_ALREADY_ADEQUATE: 11,
    ReasonCode.PREMATURE: 10,
    ReasonCode.LATE: 7,
    ReasonCode.MERITS_ONLY: 7,
    ReasonCode.CANNOT_ACHIEVE: 5,
    ReasonCode.COMPLAINT_HANDLING_ONLY: 4,
    ReasonCode.OUT_OF_JURISDICTION: 4,
    ReasonCode.ALT_COURT: 4,
    ReasonCode.ALT_TRIBUNAL: 3,
    ReasonCode.ALREADY_APPEALED: 1.5,
    ReasonCode.COURT_PROCEEDINGS: 1,
}
# Where another route is usual for a category: SEND and admission appeals, parking and
# valuation tribunals, care proceedings, social housing (the Housing Ombudsman), personnel.
_CODE_BOOSTS: dict[Category, dict[ReasonCode, float]] = {
    Category.EDUCATION: {ReasonCode.ALT_TRIBUNAL: 15, ReasonCode.OUT_OF_JURISDICTION: 4},
    Category.HIGHWAYS: {ReasonCode.ALT_TRIBUNAL: 14, ReasonCode.ALT_COURT: 6},
    Category.BENEFITS_TAX: {ReasonCode.ALT_TRIBUNAL: 12},
    Category.PLANNING: {ReasonCode.MERITS_ONLY: 10, ReasonCode.ALT_COURT: 3},
    Category.HOUSING: {ReasonCode.OUT_OF_JURISDICTION: 6, ReasonCode.ALT_COURT: 3},
    Category.CHILDRENS_CARE: {ReasonCode.COURT_PROCEEDINGS: 6},
    Category.CORPORATE: {
        ReasonCode.OUT_OF_JURISDICTION: 6,
        ReasonCode.COMPLAINT_HANDLING_ONLY: 8,
    },
    Category.ENVIRONMENT: {ReasonCode.ALT_COURT: 4},
}
_CODE_PICKERS: dict[str, Picker[str]] = {
    category.value: Picker(
        [
            (code.value, weight + _CODE_BOOSTS.get(category, {}).get(code, 0))
            for code, weight in _BASE_CODE_WEIGHTS.items()
        ]
    )
    for category in Category
}
_OUTCOME_REASONS = {outcome.value: text for outcome, text in wording.REASON_FOR_OUTCOME.items()}
_CODE_PHRASES = {code.value: text for code, text in wording.REASON_CODE_PHRASES.items()}

P_INTAKE_CLOSE = 0.45
P_INVESTIGATE = 0.365  # of cases reaching assessment: about 20% of all cases
P_EARLY_RESOLUTION = 0.035
P_WITHIN_20_DAYS = 0.45  # assessment decisions within 20 working days of receipt


def _codes(rng: random.Random, category: str) -> tuple[str, ...]:
    picker = _CODE_PICKERS[category]
    roll = rng.random()
    wanted = 1 if roll < 0.78 else (2 if roll < 0.98 else 3)
    codes: list[str] = []
    while len(codes) < wanted:
        code = picker.pick(rng)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _reason(rng: random.Random, options: Sequence[str]) -> str:
    return options[int(rng.random() * len(options))]


def _close_reason(outcome: str, codes: tuple[str, ...]) -> str:
    base = _OUTCOME_REASONS[outcome]
    if codes and outcome == _CAIE:
        return f"{base} Reasons: {'; '.join(_CODE_PHRASES[code] for code in codes)}."
    return base


def _close(t: int, source: str, outcome: str, codes: tuple[str, ...] = ()) -> Step:
    return Step(t, source, CLOSED, outcome, codes, _close_reason(outcome, codes))


def sample_path(rng: random.Random, clock: WorkTime, received: int, category: str) -> list[Step]:
    """The whole planned life of a case received at `received`, ignoring what 'now' is.

    Durations come from the scheme's promises (DOMAIN.md section 8) and how far real
    casework falls short of them: intake a few working days, assessment mostly within 20
    working days of receipt, investigations 8 to 40 weeks, compliance one to three months.
    The caller cuts the path at the present.
    """
    steps = [Step(received, "", INTAKE, "", (), wording.REASON_RECEIVED)]
    intake_days = _INTAKE_DAYS.pick(rng)
    t = clock.after(rng, received, intake_days)
    if rng.random() < P_INTAKE_CLOSE:
        outcome = _INTAKE_OUTCOMES.pick(rng)
        codes: tuple[str, ...] = ()
        if outcome == _REFERRED_BACK and rng.random() < 0.7:
            codes = (_PREMATURE,)
        elif outcome == _SIGNPOSTED and rng.random() < 0.5:
            codes = (_OUT_OF_JURISDICTION,)
        steps.append(_close(t, INTAKE, outcome, codes))
        return steps
    steps.append(Step(t, INTAKE, ASSESSMENT, "", (), _reason(rng, wording.REASON_TO_ASSESSMENT)))
    if rng.random() < P_WITHIN_20_DAYS:
        total = intake_days + 1 + int(rng.random() * max(1, 20 - intake_days))
    else:
        total = 21 + min(int(rng.expovariate(1 / 22)), 220)
    decision = max(clock.after(rng, received, total), t + 600)
    fate = rng.random()
    if fate >= P_INVESTIGATE + P_EARLY_RESOLUTION:
        outcome = _ASSESSMENT_CLOSES.pick(rng)
        steps.append(
            _close(decision, ASSESSMENT, outcome, _codes(rng, category) if outcome == _CAIE else ())
        )
        if outcome == _CAIE and rng.random() < 0.006:
            _review(rng, clock, steps, category)
        return steps
    if fate >= P_INVESTIGATE:
        steps.append(
            Step(
                decision,
                ASSESSMENT,
                COMPLIANCE,
                _EARLY,
                (),
                _reason(rng, wording.REASON_EARLY_RESOLUTION),
            )
        )
        _compliance(rng, clock, steps, decision)
        return steps
    steps.append(
        Step(
            decision,
            ASSESSMENT,
            INVESTIGATION,
            "",
            (),
            _reason(rng, wording.REASON_TO_INVESTIGATION),
        )
    )
    _investigation(rng, clock, steps, received=received, allocated=decision, category=category)
    return steps


def _investigation(
    rng: random.Random,
    clock: WorkTime,
    steps: list[Step],
    *,
    received: int,
    allocated: int,
    category: str,
) -> None:
    weeks = min(max(rng.lognormvariate(2.83, 0.42), 7.0), 75.0)  # median about 17 weeks
    draft_day = clock.add_working_days(received // DAY + int(weeks * 7), 0)
    draft_at = max(clock.staff_time(rng, draft_day), clock.after(rng, allocated, 15))
    if rng.random() < 0.03:
        ended = clock.between(rng, allocated, draft_at)
        steps.append(
            _close(ended, INVESTIGATION, _WITHDRAWN if rng.random() < 0.4 else _DISCONTINUED)
        )
        return
    steps.append(Step(draft_at, INVESTIGATION, DRAFT, "", (), wording.REASON_TO_DRAFT[0]))
    if rng.random() < 0.08:
        back = clock.after(rng, draft_at, 10 + int(rng.random() * 10))
        steps.append(Step(back, DRAFT, INVESTIGATION, "", (), wording.REASON_DRAFT_RETURN[0]))
        draft_at = clock.after(rng, back, 10 + int(rng.random() * 30))
        steps.append(Step(draft_at, INVESTIGATION, DRAFT, "", (), wording.REASON_TO_DRAFT[0]))
    if rng.random() < 0.01:
        steps.append(
            _close(clock.after(rng, draft_at, 5 + int(rng.random() * 10)), DRAFT, _DISCONTINUED)
        )
        return
    final_at = clock.after(rng, draft_at, 10 + int(rng.random() * 20))
    outcome = _DECISIONS.pick(rng)
    steps.append(Step(final_at, DRAFT, DECIDED, outcome, (), _close_reason(outcome, ())))
    monitored = (outcome == _FAULT_INJUSTICE and rng.random() < 0.97) or (
        outcome == _FAULT_NO_INJUSTICE and rng.random() < 0.5
    )
    moved = clock.after(rng, final_at, int(rng.random() * 4))
    if monitored:
        steps.append(
            Step(moved, DECIDED, COMPLIANCE, "", (), wording.REASON_DECIDED_TO_COMPLIANCE[0])
        )
        _compliance(rng, clock, steps, moved)
    else:
        steps.append(Step(moved, DECIDED, CLOSED, "", (), wording.REASON_DECIDED_CLOSE[0]))
    if rng.random() < 0.01:
        _review(rng, clock, steps, category)


def _compliance(rng: random.Random, clock: WorkTime, steps: list[Step], started: int) -> None:
    days = 20 + int(rng.random() * 45) if rng.random() < 0.94 else 66 + int(rng.random() * 90)
    steps.append(
        Step(
            clock.after(rng, started, days),
            COMPLIANCE,
            CLOSED,
            "",
            (),
            wording.REASON_COMPLIANCE_CLOSE[0],
        )
    )


def _review(rng: random.Random, clock: WorkTime, steps: list[Step], category: str) -> None:
    """A post-decision review that a manager upholds: the case is looked at again."""
    reopened = clock.after(rng, steps[-1].t, 10 + int(rng.random() * 15))
    steps.append(Step(reopened, CLOSED, ASSESSMENT, "", (), wording.REASON_REOPEN[0], reopen=True))
    again = clock.after(rng, reopened, 10 + int(rng.random() * 20))
    if rng.random() < 0.3:
        steps.append(_close(again, ASSESSMENT, _REMEDY_PROVIDED))
    else:
        steps.append(_close(again, ASSESSMENT, _CAIE, _codes(rng, category)))


def cut_at(steps: list[Step], now: int) -> list[Step]:
    """The part of a planned path that has happened by `now`."""
    for index, step in enumerate(steps):
        if step.t > now:
            return steps[:index]
    return steps
