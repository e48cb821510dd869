"""The daily follow-up: reminders before the due date, chasers after, escalation.

What each item is owed is worked out by `domain.compliance.follow_up` from what the item
records as already sent, so running twice in a day, or after a missed day, sends each
message once. Each item is handled in its own transaction: one that fails does not stop
the others. Nobody acts: the audit rows have no actor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.calendars import scheme_calendar
from redress.casework.models import Case
from redress.domain.calendar import WorkingCalendar
from redress.domain.compliance import (
    AWAITING_ORGANISATION,
    REMINDER_BEFORE,
    FollowUp,
    FollowUpState,
    ItemStatus,
    follow_up,
)
from redress.domain.roles import Role

from .letters import organisation_letter
from .models import ComplianceItem, Escalation
from .permissions import MONITORED_STAGES

# Far enough ahead to hold every item within REMINDER_BEFORE working days of falling due,
# whatever holidays lie between.
_LOOK_AHEAD_DAYS = REMINDER_BEFORE * 3


@dataclass
class ChaseSummary:
    items: int = 0
    reminders: int = 0
    chasers: int = 0
    overdue: int = 0
    escalations: int = 0


def items_to_follow_up(today: dt.date) -> list[int]:
    return list(
        ComplianceItem.objects.filter(
            status__in=[s.value for s in AWAITING_ORGANISATION],
            due_on__lte=today + dt.timedelta(days=_LOOK_AHEAD_DAYS),
            case__stage__in=[s.value for s in MONITORED_STAGES],
        )
        .order_by("due_on", "pk")
        .values_list("pk", flat=True)
    )


def compliance_chase(*, today: dt.date | None = None) -> ChaseSummary:
    today = today or timezone.localdate()
    calendar = scheme_calendar(today)
    summary = ChaseSummary()
    for pk in items_to_follow_up(today):
        owed = _follow_up_one(pk, today, calendar)
        if owed is None:
            continue
        summary.items += 1
        summary.reminders += owed.reminder
        summary.chasers += bool(owed.chaser_number)
        summary.overdue += owed.becomes_overdue
        summary.escalations += owed.escalate
    return summary


def _state(item: ComplianceItem) -> FollowUpState:
    return FollowUpState(
        status=ItemStatus(item.status),
        due_on=item.due_on,
        reminder_sent=item.reminder_sent_on is not None,
        chasers_sent=item.chasers_sent,
        escalated=item.escalated_at is not None,
    )


_FOLLOW_UP_FIELDS = ("status", "reminder_sent_on", "chasers_sent", "last_chased_on", "escalated_at")


def _follow_up_one(pk: int, today: dt.date, calendar: WorkingCalendar) -> FollowUp | None:
    with transaction.atomic():
        item = ComplianceItem.objects.select_for_update().select_related("case").get(pk=pk)
        case = Case.objects.select_related("organisation").get(pk=item.case_id)
        owed = follow_up(_state(item), today, calendar)
        if not owed.anything:
            return None
        before = snapshot(item, _FOLLOW_UP_FIELDS)
        if owed.becomes_overdue:
            item.status = ItemStatus.OVERDUE
        if owed.reminder:
            item.reminder_sent_on = today
            organisation_letter(
                case=case,
                subject="Reminder: an agreed action is due soon",
                template="compliance/letters/reminder.html",
                context={"item": item},
                actor=None,
            )
        if owed.chaser_number:
            item.chasers_sent = owed.chaser_number
            item.last_chased_on = today
            organisation_letter(
                case=case,
                subject="An agreed action is overdue",
                template="compliance/letters/chaser.html",
                context={
                    "item": item,
                    "chaser_number": owed.chaser_number,
                    "days_overdue": owed.days_overdue,
                },
                actor=None,
            )
        if owed.escalate:
            item.escalated_at = timezone.now()
            _escalate(item, case, owed.days_overdue)
        item.version += 1
        item.save(update_fields=[*_FOLLOW_UP_FIELDS, "version"])
        audit_record(
            actor=None,
            action=AuditAction.UPDATE,
            instance=item,
            case_id=case.pk,
            changes=changes_between(before, snapshot(item, _FOLLOW_UP_FIELDS)),
            detail="Daily compliance follow-up",
        )
    return owed


def team_manager(case: Case) -> User | None:
    """The manager an overdue item goes to: the first active manager of the case's team."""
    if case.team_id is None:
        return None
    return (
        User.objects.filter(team_id=case.team_id, role=Role.MANAGER, is_active=True)
        .order_by("pk")
        .first()
    )


def _escalate(item: ComplianceItem, case: Case, days_overdue: int) -> Escalation:
    escalation = Escalation.objects.create(
        item=item,
        manager=team_manager(case),
        working_days_overdue=days_overdue,
        at=timezone.now(),
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        instance=escalation,
        case_id=case.pk,
        changes={
            "manager": [None, escalation.manager_id],
            "working_days_overdue": [None, days_overdue],
        },
        detail=f"Action {item.number} escalated to a manager",
    )
    return escalation
