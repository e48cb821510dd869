"""Writing a case's clocks into the deadline table, for services of any stage.

Each function runs inside the caller's transaction with the case row already locked, and
keeps `Case.next_due_on` in step (ADR 0004). The caller saves the case's
`next_due_on`/`next_due_kind` fields, usually with its own changes.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from redress.domain.clocks import ClockKind

from .models import Case, Deadline


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
    """Point the case at its earliest running clock."""
    nearest = case.deadlines.filter(met_at__isnull=True).order_by("due_on", "kind").first()
    case.next_due_on = nearest.due_on if nearest else None
    case.next_due_kind = nearest.kind if nearest else ""
