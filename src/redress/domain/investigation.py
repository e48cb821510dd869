"""The rules of an investigation: enquiry due dates, chasers, pauses, keep-in-touch, delays.

Keep-in-touch is the promise that, while a complaint is investigated, both the complainant
and the organisation hear from the scheme at least every 20 working days. One clock per
case serves both parties: it is due 20 working days after the *older* of the two parties'
latest updates, so it only moves on once the party who has waited longer has been told.
Each party's latest update is never earlier than the day the investigation began, and
time the clock was paused for a recorded reason is added on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .calendar import Clock, ClockUnit, DueStatus, Pause, WorkingCalendar, due_status
from .clocks import CLOCK_RULES, ClockKind, due_date, keep_in_touch_restarts
from .stages import LabelledEnum, Stage

# A chaser goes at most once every this many working days for one overdue enquiry.
CHASE_INTERVAL_WORKING_DAYS = 5
# Delay notices are due once a timescale is this close (or past).
DELAY_WARNING_WORKING_DAYS = 5
# The clocks staff may pause for a recorded reason while investigating.
PAUSABLE_CLOCKS: tuple[ClockKind, ...] = (
    ClockKind.INVESTIGATION,
    ClockKind.KEEP_IN_TOUCH,
    ClockKind.ENQUIRY_REPLY,
)


class InvestigationRuleError(ValueError):
    """Input the investigation rules reject, with a message fit to show the person."""


def enquiry_due_on(sent_on: dt.date, calendar: WorkingCalendar) -> dt.date:
    """An enquiry's reply is due 20 working days after it was sent (the scheme's default)."""
    return due_date(ClockKind.ENQUIRY_REPLY, sent_on, calendar)


def check_enquiry_due_on(*, sent_on: dt.date, due_on: dt.date) -> None:
    """A due date chosen by staff must leave the organisation some time to reply."""
    if due_on <= sent_on:
        raise InvestigationRuleError("The reply due date must be after the day it is sent.")


def chaser_due(
    *,
    due_on: dt.date,
    answered: bool,
    last_chased_on: dt.date | None,
    today: dt.date,
    calendar: WorkingCalendar,
) -> bool:
    """Whether an enquiry should be chased today.

    Only an unanswered enquiry past its due date, and only if no chaser went in the last
    `CHASE_INTERVAL_WORKING_DAYS` working days, so running the chase daily never nags.
    """
    if answered or today <= due_on:
        return False
    if last_chased_on is None:
        return True
    return calendar.working_days_between(last_chased_on, today) >= CHASE_INTERVAL_WORKING_DAYS


def due_after_pause(
    *,
    due_on: dt.date,
    paused_from: dt.date,
    paused_to: dt.date,
    unit: ClockUnit,
    calendar: WorkingCalendar,
) -> dt.date:
    """A clock's due date once a pause from `paused_from` to `paused_to` (both included)
    is added on: later by the working days (or, for a weeks clock, the days) paused.

    A pause that starts after the due date changes nothing: the promise was already
    broken before the clock stood still. This is the same sum as `Clock.due_date`.
    """
    if paused_to < paused_from:
        raise InvestigationRuleError("A pause cannot end before it starts.")
    if paused_from > due_on:
        return due_on
    if unit is ClockUnit.WEEKS:
        return due_on + dt.timedelta(days=(paused_to - paused_from).days + 1)
    paused = sum(
        1
        for offset in range((paused_to - paused_from).days + 1)
        if calendar.is_working_day(paused_from + dt.timedelta(days=offset))
    )
    return calendar.add_working_days(due_on, paused) if paused else due_on


def due_with_pauses(
    *,
    due_on: dt.date,
    pauses: Iterable[tuple[dt.date, dt.date]],
    unit: ClockUnit,
    calendar: WorkingCalendar,
) -> dt.date:
    """A due date pushed back by each finished pause in turn (overlaps counted once)."""
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(pauses):
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    for first, last in merged:
        due_on = due_after_pause(
            due_on=due_on, paused_from=first, paused_to=last, unit=unit, calendar=calendar
        )
    return due_on


def check_pause(*, kind: ClockKind, started_on: dt.date, today: dt.date, reason: str) -> None:
    if kind not in PAUSABLE_CLOCKS:
        raise InvestigationRuleError(f"The clock “{kind.label}” cannot be paused.")
    if not reason.strip():
        raise InvestigationRuleError("Enter the reason for pausing the clock.")
    if started_on > today:
        raise InvestigationRuleError("A pause cannot start in the future.")


def check_resume(*, started_on: dt.date, ended_on: dt.date, today: dt.date) -> None:
    if ended_on > today:
        raise InvestigationRuleError("A pause cannot end in the future.")
    if ended_on < started_on:
        raise InvestigationRuleError("A pause cannot end before the day it started.")


class UpdatedParty(LabelledEnum):
    COMPLAINANT = "complainant", "The complainant (or their representative)"
    ORGANISATION = "organisation", "The organisation"


_COMPLAINANT_WORDS = re.compile(
    r"\b(complainant|representative|advocate|mp|relative|both)\b", re.IGNORECASE
)
_ORGANISATION_WORDS = re.compile(
    r"\b(organisation|organization|council|provider|link officer|school|panel|trust|both)\b",
    re.IGNORECASE,
)


def parties_reached(
    party: str, *, complainant_names: Sequence[str] = (), organisation_names: Sequence[str] = ()
) -> frozenset[UpdatedParty]:
    """Who an outbound contact reached, read from its "who was it with" text.

    Letters record "Complainant: …", "Representative: …" or "Organisation: …"; staff may
    type "the council", "both parties", or a person's or body's name. Text that names
    neither side counts for neither: an update nobody can attribute does not keep the
    promise to either party.
    """
    text = " ".join(party.split()).casefold()
    reached: set[UpdatedParty] = set()
    if _COMPLAINANT_WORDS.search(text) or any(
        name.strip() and name.casefold() in text for name in complainant_names
    ):
        reached.add(UpdatedParty.COMPLAINANT)
    if _ORGANISATION_WORDS.search(text) or any(
        name.strip() and name.casefold() in text for name in organisation_names
    ):
        reached.add(UpdatedParty.ORGANISATION)
    return frozenset(reached)


def keep_in_touch_started_on(history: Sequence[tuple[str, dt.date]]) -> dt.date | None:
    """The day the current spell of investigating began, from (to-stage, day) in order.

    Moving between investigation and draft decision keeps the spell going; None when the
    case is not being investigated now.
    """
    started: dt.date | None = None
    for stage, day in history:
        started = started or day if keep_in_touch_restarts(Stage(stage)) else None
    return started


@dataclass(frozen=True)
class KeepInTouch:
    """Where the keep-in-touch promise stands on one case."""

    due_on: dt.date
    last_complainant_update: dt.date
    last_organisation_update: dt.date
    waiting_longest: UpdatedParty


def keep_in_touch(
    *,
    started_on: dt.date,
    updates: Iterable[tuple[dt.date, frozenset[UpdatedParty]]],
    pauses: Iterable[tuple[dt.date, dt.date]],
    calendar: WorkingCalendar,
) -> KeepInTouch:
    """The keep-in-touch due date: 20 working days after the older of the two parties'
    latest updates since `started_on`, pushed back by finished pauses after that day."""
    latest = dict.fromkeys(UpdatedParty, started_on)
    for day, reached in updates:
        for party in reached:
            latest[party] = max(latest[party], day)
    base_party = min(UpdatedParty, key=lambda p: (latest[p], p != UpdatedParty.COMPLAINANT))
    base = latest[base_party]
    rule = CLOCK_RULES[ClockKind.KEEP_IN_TOUCH]
    clock = Clock(
        started_on=base,
        target=rule.target,
        unit=rule.unit,
        pauses=tuple(
            Pause(max(first, base), last, "recorded pause")
            for first, last in pauses
            if last >= base
        ),
    )
    due = clock.due_date(calendar, today=base)
    return KeepInTouch(
        due_on=due,
        last_complainant_update=latest[UpdatedParty.COMPLAINANT],
        last_organisation_update=latest[UpdatedParty.ORGANISATION],
        waiting_longest=base_party,
    )


def delay_notice_needed(
    *,
    target_due_on: dt.date,
    today: dt.date,
    last_notice_on: dt.date | None,
    calendar: WorkingCalendar,
) -> bool:
    """Whether the parties should now be told the timescale cannot be met.

    Once the target is due soon or passed, a notice is needed unless one was sent after
    the warning period began; past the target, a fresh one every 20 working days.
    """
    status = due_status(calendar, target_due_on, today, DELAY_WARNING_WORKING_DAYS)
    if status is DueStatus.ON_TRACK:
        return False
    if last_notice_on is None or last_notice_on > today:
        return True
    notice_status = due_status(calendar, target_due_on, last_notice_on, DELAY_WARNING_WORKING_DAYS)
    if notice_status is DueStatus.ON_TRACK:
        return True
    if status is DueStatus.DUE_SOON:
        return False
    since = max(last_notice_on, target_due_on)
    return (
        calendar.working_days_between(since, today) >= CLOCK_RULES[ClockKind.KEEP_IN_TOUCH].target
    )


def issues_editable(stage: Stage, *, findings_exist: bool) -> bool:
    """Numbered issues may be added, changed and reordered while the case is investigated
    and no finding has been recorded on any of them (findings are made per issue)."""
    return stage is Stage.INVESTIGATION and not findings_exist


def renumbered(order: Sequence[int], current: Sequence[int]) -> list[int]:
    """Check a new order of issue ids: the same issues, each once."""
    if sorted(order) != sorted(current) or len(set(order)) != len(order):
        raise InvestigationRuleError("The new order must list each issue exactly once.")
    return list(order)
