"""Compliance: following up each agreed action until the organisation has done it.

An agreed action becomes a compliance item with a due date. Its status moves only by the
changes in `ITEM_CHANGES`:

- due: waiting for the organisation to act and send evidence;
- evidence received: the organisation has sent evidence for a compliance officer to check;
- satisfied: the officer accepted the evidence (final);
- overdue: the due date has passed without evidence (set by the daily run, or when the
  officer asks for more after the due date);
- not complied: the officer recorded that the organisation will not or did not do it
  (final; it may start a public report).

Follow-up timing, in working days of the scheme's calendar (weekends, bank holidays and
office closures do not count):

- a reminder once, when the due date is `REMINDER_BEFORE` (10) working days away or less
  and no evidence has arrived;
- a chaser on the first working day after the due date, then every `CHASE_EVERY` (10)
  working days while the item stays overdue: chaser n is owed from overdue working day
  1 + (n - 1) * 10;
- escalation to the team's manager once, when the item is `ESCALATE_AFTER` (20) working
  days overdue.

Everything is worked out from the item's recorded state and today's date, so a daily run
that runs twice (or misses a day) sends each message exactly once.

Figures per organisation, over items whose outcome is known (satisfied or not complied):

- compliance rate = satisfied / (satisfied + not complied);
- late share = satisfied items completed after their due date / satisfied items, where an
  item is completed on the day the organisation sent the evidence that was accepted.

Either is None when there is nothing to divide by, never a misleading 0% or 100%.

A service improvement repeats an earlier one when the same organisation agreed a service
improvement for the same kind of fault (the case's sub-category, or its category when it
has none) on another case in the `REPEAT_WINDOW_YEARS` (3) years before, counted to the
day.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .calendar import WorkingCalendar
from .stages import LabelledEnum


class ItemStatus(LabelledEnum):
    DUE = "due", "Due"
    EVIDENCE_RECEIVED = "evidence_received", "Evidence received"
    SATISFIED = "satisfied", "Satisfied"
    OVERDUE = "overdue", "Overdue"
    NOT_COMPLIED = "not_complied", "Not complied"


class ItemSource(LabelledEnum):
    DECISION = "decision", "Final decision"
    EARLY_RESOLUTION = "early_resolution", "Early resolution"


class ReviewVerdict(LabelledEnum):
    SATISFIED = "satisfied", "Satisfied: the action is done"
    MORE_NEEDED = "more_needed", "More evidence needed"


class ReportStatus(LabelledEnum):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent to the organisation"
    RESPONDED = "responded", "Organisation's response received"


class ComplianceError(ValueError):
    """A change the compliance rules do not allow, in plain English."""


ITEM_CHANGES: dict[ItemStatus, frozenset[ItemStatus]] = {
    ItemStatus.DUE: frozenset(
        {ItemStatus.EVIDENCE_RECEIVED, ItemStatus.OVERDUE, ItemStatus.NOT_COMPLIED}
    ),
    ItemStatus.OVERDUE: frozenset({ItemStatus.EVIDENCE_RECEIVED, ItemStatus.NOT_COMPLIED}),
    ItemStatus.EVIDENCE_RECEIVED: frozenset(
        {
            ItemStatus.SATISFIED,
            ItemStatus.DUE,
            ItemStatus.OVERDUE,
            ItemStatus.NOT_COMPLIED,
            # More evidence may arrive before the officer has looked at the first.
            ItemStatus.EVIDENCE_RECEIVED,
        }
    ),
    ItemStatus.SATISFIED: frozenset(),
    ItemStatus.NOT_COMPLIED: frozenset(),
}
FINAL_STATUSES = frozenset({ItemStatus.SATISFIED, ItemStatus.NOT_COMPLIED})
# Statuses in which the organisation still owes us something.
AWAITING_ORGANISATION = frozenset({ItemStatus.DUE, ItemStatus.OVERDUE})


def may_change(source: ItemStatus, target: ItemStatus) -> bool:
    return target in ITEM_CHANGES[source]


def check_change(source: ItemStatus, target: ItemStatus) -> None:
    if not may_change(source, target):
        raise ComplianceError(
            f"An item that is {source.label.lower()} cannot become {target.label.lower()}."
        )


def status_after_more_needed(due_on: dt.date, today: dt.date) -> ItemStatus:
    """Asking for more evidence hands the item back: overdue once its date has passed."""
    return ItemStatus.OVERDUE if today > due_on else ItemStatus.DUE


REMINDER_BEFORE = 10
CHASE_EVERY = 10
ESCALATE_AFTER = 20


def working_days_overdue(due_on: dt.date, today: dt.date, calendar: WorkingCalendar) -> int:
    """Working days after the due date up to and including today; 0 until it has passed."""
    if today <= due_on:
        return 0
    return calendar.working_days_between(due_on, today)


def working_days_left(due_on: dt.date, today: dt.date, calendar: WorkingCalendar) -> int:
    """Working days after today up to and including the due date; 0 once it is reached."""
    if today >= due_on:
        return 0
    return calendar.working_days_between(today, due_on)


@dataclass(frozen=True)
class FollowUpState:
    """What has already happened to an item, as recorded."""

    status: ItemStatus
    due_on: dt.date
    reminder_sent: bool = False
    chasers_sent: int = 0
    escalated: bool = False


@dataclass(frozen=True)
class FollowUp:
    """What today's run owes an item; all false/zero when nothing is owed."""

    becomes_overdue: bool = False
    reminder: bool = False
    chaser_number: int = 0  # the chaser to send now (1 for the first), 0 for none
    escalate: bool = False
    days_overdue: int = 0

    @property
    def anything(self) -> bool:
        return self.becomes_overdue or self.reminder or bool(self.chaser_number) or self.escalate


def chasers_owed(days_overdue: int) -> int:
    """How many chasers should have gone by `days_overdue` working days overdue."""
    if days_overdue < 1:
        return 0
    return 1 + (days_overdue - 1) // CHASE_EVERY


def follow_up(state: FollowUpState, today: dt.date, calendar: WorkingCalendar) -> FollowUp:
    """What is owed today. Only items waiting on the organisation are reminded or chased:
    once evidence is in, the next move is ours."""
    if state.status not in AWAITING_ORGANISATION:
        return FollowUp()
    overdue_days = working_days_overdue(state.due_on, today, calendar)
    if today > state.due_on and overdue_days == 0:
        # Past the date but no working day since: overdue from the next working day.
        return FollowUp()
    if overdue_days == 0:
        left = working_days_left(state.due_on, today, calendar)
        remind = not state.reminder_sent and left <= REMINDER_BEFORE
        return FollowUp(reminder=remind)
    owed = chasers_owed(overdue_days)
    return FollowUp(
        becomes_overdue=state.status == ItemStatus.DUE,
        # Only the latest chaser owed is sent: a missed day does not send a burst.
        chaser_number=owed if owed > state.chasers_sent else 0,
        escalate=not state.escalated and overdue_days >= ESCALATE_AFTER,
        days_overdue=overdue_days,
    )


@dataclass(frozen=True)
class ItemOutcome:
    status: ItemStatus
    due_on: dt.date
    completed_on: dt.date | None = None


@dataclass(frozen=True)
class ComplianceFigures:
    items: int
    satisfied: int
    not_complied: int
    satisfied_late: int
    open: int

    @property
    def known(self) -> int:
        return self.satisfied + self.not_complied

    @property
    def compliance_rate(self) -> Fraction | None:
        return Fraction(self.satisfied, self.known) if self.known else None

    @property
    def late_share(self) -> Fraction | None:
        return Fraction(self.satisfied_late, self.satisfied) if self.satisfied else None


def completed_late(outcome: ItemOutcome) -> bool:
    return (
        outcome.status == ItemStatus.SATISFIED
        and outcome.completed_on is not None
        and outcome.completed_on > outcome.due_on
    )


def compliance_figures(outcomes: Iterable[ItemOutcome]) -> ComplianceFigures:
    rows = list(outcomes)
    return ComplianceFigures(
        items=len(rows),
        satisfied=sum(1 for r in rows if r.status == ItemStatus.SATISFIED),
        not_complied=sum(1 for r in rows if r.status == ItemStatus.NOT_COMPLIED),
        satisfied_late=sum(1 for r in rows if completed_late(r)),
        open=sum(1 for r in rows if r.status not in FINAL_STATUSES),
    )


def percentage(value: Fraction | None) -> str:
    """A share as a whole-number-and-one-decimal percentage, or "No data"."""
    if value is None:
        return "No data"
    return f"{float(value) * 100:.1f}%"


REPEAT_WINDOW_YEARS = 3


def fault_kind(category: str, subcategory: str) -> str:
    """The kind of fault a service improvement is for: the sub-category when there is one."""
    return subcategory or category


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Improvement:
    """One agreed service improvement: who agreed it, on which case, for what kind of
    fault, and when."""

    key: int
    organisation: int
    case: int
    fault: str
    agreed_on: dt.date


def repeated_improvements(improvements: Sequence[Improvement]) -> frozenset[int]:
    """Keys of the improvements agreed again: the same organisation had agreed one for the
    same kind of fault on another case, on or before this one's date and within the window.
    Two improvements on one case are one recommendation, not a repeat."""
    by_group: dict[tuple[int, str], list[Improvement]] = {}
    for item in improvements:
        by_group.setdefault((item.organisation, item.fault), []).append(item)
    repeats: set[int] = set()
    for group in by_group.values():
        ordered = sorted(group, key=lambda i: (i.agreed_on, i.key))
        for position, item in enumerate(ordered):
            since = years_before(item.agreed_on, REPEAT_WINDOW_YEARS)
            if any(
                earlier.case != item.case and earlier.agreed_on >= since
                for earlier in ordered[:position]
            ):
                repeats.add(item.key)
    return frozenset(repeats)


REPORT_RESPONSE_MONTHS = 3


def report_response_due(sent_on: dt.date) -> dt.date:
    """The organisation must say within three months what it will do about a public report:
    the same day three months on, or that month's last day when it has no such day."""
    month_index = sent_on.month - 1 + REPORT_RESPONSE_MONTHS
    year, month = sent_on.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(sent_on.day, monthrange(year, month)[1]))


def without_names(text: str, names: Iterable[str]) -> str:
    """The text with each given name (whole words, any case) replaced by "X", following
    the publication convention that the complainant is "Mrs X" or "X". Names shorter
    than two letters are left alone: they would hit ordinary words."""
    words = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)
    if not words:
        return text
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"
    return re.sub(pattern, "X", text, flags=re.IGNORECASE)
