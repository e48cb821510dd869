"""The scheme's promises as clocks: what starts and stops each one, and its target.

A service that changes a case asks `deadline_plan` what happens to the case's clocks and
writes the answer into the deadline table in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import ClockUnit, WorkingCalendar, add_weeks
from .stages import LabelledEnum, Stage


class ClockKind(LabelledEnum):
    ASSESSMENT = "assessment", "Assessment decision due"
    INVESTIGATION = "investigation", "Investigation target (13 weeks)"
    KEEP_IN_TOUCH = "keep_in_touch", "Update both parties"
    WRITTEN_CONTACT = "written_contact", "Reply to written contact"
    # Event clocks: started and stopped by what happens on the case, not by its stage.
    ENQUIRY_REPLY = "enquiry_reply", "Organisation's reply to enquiries due"
    DRAFT_COMMENTS = "draft_comments", "Comments on the draft decision due"
    REVIEW = "review", "Post-decision review decision due"
    SERVICE_COMPLAINT = "service_complaint", "Reply to complaint about our service"


@dataclass(frozen=True)
class ClockRule:
    target: int
    unit: ClockUnit


CLOCK_RULES: dict[ClockKind, ClockRule] = {
    ClockKind.ASSESSMENT: ClockRule(20, ClockUnit.WORKING_DAYS),
    ClockKind.INVESTIGATION: ClockRule(13, ClockUnit.WEEKS),
    ClockKind.KEEP_IN_TOUCH: ClockRule(20, ClockUnit.WORKING_DAYS),
    ClockKind.WRITTEN_CONTACT: ClockRule(3, ClockUnit.WORKING_DAYS),
    ClockKind.ENQUIRY_REPLY: ClockRule(20, ClockUnit.WORKING_DAYS),
    ClockKind.DRAFT_COMMENTS: ClockRule(10, ClockUnit.WORKING_DAYS),
    ClockKind.REVIEW: ClockRule(20, ClockUnit.WORKING_DAYS),
    ClockKind.SERVICE_COMPLAINT: ClockRule(20, ClockUnit.WORKING_DAYS),
}

# Clocks that run while a case is at a stage; entering a stage starts its clocks (if not
# already running) and stops the clocks of stages it has left.
_STAGE_CLOCKS: dict[Stage, frozenset[ClockKind]] = {
    Stage.INTAKE: frozenset({ClockKind.ASSESSMENT}),
    Stage.ASSESSMENT: frozenset({ClockKind.ASSESSMENT}),
    Stage.INVESTIGATION: frozenset({ClockKind.INVESTIGATION, ClockKind.KEEP_IN_TOUCH}),
    Stage.DRAFT_DECISION: frozenset({ClockKind.INVESTIGATION, ClockKind.KEEP_IN_TOUCH}),
}
# Clocks measured from the day the complaint was received, not from when the stage began.
_FROM_RECEIPT = frozenset({ClockKind.ASSESSMENT, ClockKind.INVESTIGATION})
# Stage clocks; the written-contact clock is driven by contacts, not by stage.
STAGE_CLOCK_KINDS = frozenset().union(*_STAGE_CLOCKS.values())


def due_date(kind: ClockKind, start: dt.date, calendar: WorkingCalendar) -> dt.date:
    rule = CLOCK_RULES[kind]
    if rule.unit is ClockUnit.WEEKS:
        return add_weeks(start, rule.target)
    return calendar.add_working_days(start, rule.target)


@dataclass(frozen=True)
class DeadlinePlan:
    start: dict[ClockKind, dt.date]
    stop: frozenset[ClockKind]


def deadline_plan(
    *,
    entering: Stage,
    received_on: dt.date,
    today: dt.date,
    running: frozenset[ClockKind],
    calendar: WorkingCalendar,
    reopened: bool = False,
) -> DeadlinePlan:
    """Which clocks to start (with their due dates) and which to stop on entering a stage.

    A case reopened after an upheld review starts its clocks afresh from the reopening:
    measured from the original receipt they would be overdue the moment they start.
    """
    wanted = _STAGE_CLOCKS.get(entering, frozenset())
    start = {
        kind: due_date(
            kind, received_on if kind in _FROM_RECEIPT and not reopened else today, calendar
        )
        for kind in sorted(wanted - running)
    }
    stop = frozenset(k for k in running if k in STAGE_CLOCK_KINDS and k not in wanted)
    return DeadlinePlan(start=start, stop=stop)


def keep_in_touch_restarts(stage: Stage) -> bool:
    """An update to a party resets the keep-in-touch clock while the case is investigated."""
    return ClockKind.KEEP_IN_TOUCH in _STAGE_CLOCKS.get(stage, frozenset())
