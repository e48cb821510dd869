"""The daily follow-up command: reminders, chasers, escalation; each sent once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case
from redress.compliance.chasing import compliance_chase
from redress.compliance.models import ComplianceItem, Escalation
from redress.compliance.services import compliance_items_open
from redress.domain.compliance import ItemStatus
from redress.notifications.models import Letter

from .conftest import actions_due, with_evidence

pytestmark = pytest.mark.django_db
# Thursday before Easter 2026: Good Friday and Easter Monday are bank holidays.
DUE = dt.date(2026, 4, 2)


def _at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC))


@pytest.fixture
def due_item(decided_case: Case, compliance_officer: User) -> ComplianceItem:
    with _at(dt.date(2026, 3, 2)):
        [item] = compliance_items_open(
            case=decided_case,
            actions=actions_due(DUE),
            source="decision",
            actor=compliance_officer,
        )
    return item


def _letters(case: Case) -> list[str]:
    return list(Letter.objects.filter(case=case).order_by("id").values_list("subject", flat=True))


def _run(day: dt.date) -> str:
    out = StringIO()
    with _at(day):
        call_command("compliance_chase", stdout=out)
    return out.getvalue()


def test_a_reminder_goes_ten_working_days_before_and_only_once(due_item: ComplianceItem) -> None:
    assert "Reminders 0" in _run(dt.date(2026, 3, 18))
    assert "Reminders 1" in _run(dt.date(2026, 3, 19))
    assert "Reminders 0" in _run(dt.date(2026, 3, 19))
    _run(dt.date(2026, 3, 20))
    assert _letters(due_item.case) == [
        "Reminder: an agreed action is due soon: our reference " + due_item.case.reference
    ]
    due_item.refresh_from_db()
    assert due_item.reminder_sent_on == dt.date(2026, 3, 19)
    event = AuditEvent.objects.filter(
        object_type="compliance.complianceitem", object_id=str(due_item.pk), action="update"
    ).latest("id")
    assert event.actor is None
    assert event.detail == "Daily compliance follow-up"


def test_overdue_chased_after_easter_then_every_ten_working_days(
    due_item: ComplianceItem,
) -> None:
    for day in (dt.date(2026, 3, 19), dt.date(2026, 4, 3), dt.date(2026, 4, 6)):
        _run(day)
    due_item.refresh_from_db()
    assert (due_item.status, due_item.chasers_sent) == (ItemStatus.DUE, 0)
    _run(dt.date(2026, 4, 7))
    _run(dt.date(2026, 4, 7))
    due_item.refresh_from_db()
    assert (due_item.status, due_item.chasers_sent) == (ItemStatus.OVERDUE, 1)
    _run(dt.date(2026, 4, 20))
    _run(dt.date(2026, 4, 21))
    due_item.refresh_from_db()
    assert (due_item.chasers_sent, due_item.last_chased_on) == (2, dt.date(2026, 4, 21))
    chasers = [s for s in _letters(due_item.case) if s.startswith("An agreed action is overdue")]
    assert len(chasers) == 2


def test_escalation_to_the_team_manager_at_twenty_working_days(
    due_item: ComplianceItem, manager: User
) -> None:
    _run(dt.date(2026, 5, 1))
    assert not Escalation.objects.exists()
    assert "escalations 1" in _run(dt.date(2026, 5, 5))
    assert "escalations 0" in _run(dt.date(2026, 5, 5))
    escalation = Escalation.objects.get(item=due_item)
    assert (escalation.manager, escalation.working_days_overdue) == (manager, 20)
    assert AuditEvent.objects.get(object_type="compliance.escalation").actor is None


def test_evidence_in_stops_the_chasing(due_item: ComplianceItem, council_user: User) -> None:
    with _at(dt.date(2026, 3, 10)):
        with_evidence(due_item, council_user)
    summary = compliance_chase(today=dt.date(2026, 4, 20))
    assert (summary.reminders, summary.chasers) == (0, 0)
    assert _letters(due_item.case) == []


def test_no_address_still_records_the_follow_up(due_item: ComplianceItem) -> None:
    organisation = due_item.case.organisation
    organisation.complaints_email = ""
    organisation.save(update_fields=["complaints_email"])
    _run(dt.date(2026, 4, 7))
    due_item.refresh_from_db()
    assert (due_item.status, due_item.chasers_sent) == (ItemStatus.OVERDUE, 1)
    assert _letters(due_item.case) == []
