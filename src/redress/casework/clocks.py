"""Writing a case's clocks into the deadline table, for services of any stage.

Each function runs inside the caller's transaction with the case row already locked, and
keeps `Case.next_due_on` in step (ADR 0004). The caller saves the case's
`next_due_on`/`next_due_kind` fields, usually with its own changes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from redress.domain.calendar import WorkingCalendar
from redress.domain.clocks import CLOCK_RULES, ClockKind
from redress.domain.investigation import (
    due_after_pause,
    keep_in_touch,
    keep_in_touch_started_on,
    parties_reached,
)

from .models import Case, ClockPause, Deadline, Direction, StageTransition

if TYPE_CHECKING:
    from redress.accounts.models import User


def deadline_set(*, case: Case, kind: ClockKind, due_on: dt.date) -> None:
    """Start a clock, or restart it with a new due date."""
    Deadline.objects.update_or_create(
        case=case, kind=kind.value, defaults={"due_on": due_on, "met_at": None}
    )
    refresh_next_due(case)


def deadline_meet(*, case: Case, kind: ClockKind, at: dt.datetime | None = None) -> None:
    """Stop a running clock: what it waited for has happened (no-op if it is not running)."""
    Deadline.objects.filter(case=case, kind=kind.value, met_at__isnull=True).update(
        met_at=at or timezone.now()
    )
    refresh_next_due(case)


def refresh_next_due(case: Case) -> None:
    """Point the case at its earliest running clock; a paused clock is not running."""
    running = case.deadlines.filter(met_at__isnull=True)
    # A pause cannot outlive its clock: a clock stopped by a change of stage ends its pause.
    ClockPause.objects.filter(case=case, ended_on__isnull=True).exclude(
        kind__in=running.values("kind")
    ).update(ended_on=timezone.localdate())
    paused = ClockPause.objects.filter(case=case, ended_on__isnull=True).values("kind")
    nearest = running.exclude(kind__in=paused).order_by("due_on", "kind").first()
    case.next_due_on = nearest.due_on if nearest else None
    case.next_due_kind = nearest.kind if nearest else ""


class ClockPauseError(ValueError):
    """The clock cannot be paused or resumed as asked."""


def deadline_pause(
    *, case: Case, kind: ClockKind, started_on: dt.date, reason: str, recorded_by: User | None
) -> ClockPause:
    """Stop a running clock for a recorded reason; its due date stays as it was until it
    resumes, and meanwhile it does not count towards the case's next due date."""
    if not case.deadlines.filter(kind=kind.value, met_at__isnull=True).exists():
        raise ClockPauseError(f"The clock “{kind.label}” is not running on this case.")
    if ClockPause.objects.filter(case=case, kind=kind.value, ended_on__isnull=True).exists():
        raise ClockPauseError(f"The clock “{kind.label}” is already paused.")
    pause = ClockPause.objects.create(
        case=case,
        kind=kind.value,
        started_on=started_on,
        reason=reason.strip(),
        recorded_by=recorded_by,
    )
    refresh_next_due(case)
    return pause


def deadline_resume(
    *, case: Case, kind: ClockKind, ended_on: dt.date, calendar: WorkingCalendar
) -> ClockPause:
    """End a clock's running pause (kept for the KPIs) and move its due date on by the
    working days (or, for a weeks clock, the days) it stood still."""
    pause = ClockPause.objects.filter(case=case, kind=kind.value, ended_on__isnull=True).first()
    if pause is None:
        raise ClockPauseError(f"The clock “{kind.label}” is not paused.")
    if ended_on < pause.started_on:
        raise ClockPauseError("A pause cannot end before the day it started.")
    pause.ended_on = ended_on
    pause.save(update_fields=["ended_on"])
    deadline = case.deadlines.filter(kind=kind.value, met_at__isnull=True).first()
    if deadline is not None and kind is ClockKind.KEEP_IN_TOUCH:
        # Worked out again from the updates: one given during the pause moves the base.
        keep_in_touch_refresh(case=case, calendar=calendar)
    elif deadline is not None:
        deadline.due_on = due_after_pause(
            due_on=deadline.due_on,
            paused_from=pause.started_on,
            paused_to=ended_on,
            unit=CLOCK_RULES[kind].unit,
            calendar=calendar,
        )
        deadline.save(update_fields=["due_on"])
    refresh_next_due(case)
    return pause


def paused_clocks(case: Case) -> dict[str, ClockPause]:
    """The case's running pauses, by clock kind."""
    return {p.kind: p for p in ClockPause.objects.filter(case=case, ended_on__isnull=True)}


def keep_in_touch_refresh(*, case: Case, calendar: WorkingCalendar) -> None:
    """Both parties must hear from us every 20 working days while we investigate: the clock
    runs from the older of the two parties' latest updates since the investigation began,
    plus finished pauses (domain.investigation). No-op when the case is not investigated."""
    history = [
        (t.to_stage, timezone.localdate(t.at))
        for t in StageTransition.objects.filter(case=case).only("to_stage", "at")
    ]
    started_on = keep_in_touch_started_on(history)
    if started_on is None:
        return
    complainant_names = [case.complainant.full_name]
    if case.representative_id is not None and case.representative is not None:
        complainant_names.append(case.representative.full_name)
    organisation_names = [case.organisation.name]
    updates = [
        (
            timezone.localdate(contact.received_at),
            parties_reached(
                contact.party,
                complainant_names=complainant_names,
                organisation_names=organisation_names,
            ),
        )
        for contact in case.contacts.filter(
            direction=Direction.OUTBOUND, received_at__date__gte=started_on
        ).only("party", "received_at")
    ]
    pauses = [
        (pause.started_on, pause.ended_on)
        for pause in ClockPause.objects.filter(
            case=case, kind=ClockKind.KEEP_IN_TOUCH.value, ended_on__isnull=False
        )
        if pause.ended_on is not None
    ]
    state = keep_in_touch(started_on=started_on, updates=updates, pauses=pauses, calendar=calendar)
    deadline_set(case=case, kind=ClockKind.KEEP_IN_TOUCH, due_on=state.due_on)
