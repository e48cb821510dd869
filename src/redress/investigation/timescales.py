"""Timescales while investigating: pausing and restarting clocks for a recorded reason,
telling both parties when a timescale cannot be met, and recording updates to a party."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.casework.calendars import scheme_calendar
from redress.casework.clocks import ClockPauseError, deadline_pause, deadline_resume
from redress.casework.models import Case, ClockPause, Direction
from redress.casework.services import CaseValidationError, NewContact, contact_log
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.investigation import (
    InvestigationRuleError,
    UpdatedParty,
    check_pause,
    check_resume,
)

from ._common import InvestigationError, lock, require_worker, save_next_due, send_to
from .enquiries import enquiry_clock_refresh
from .letters import complainant_side, organisation_contact
from .models import DelayNotice

if TYPE_CHECKING:
    from redress.accounts.models import User


def clock_pause(
    *, case: Case, kind: ClockKind, started_on: dt.date, reason: str, actor: User
) -> ClockPause:
    """Pause a clock for a recorded reason; the pause is kept for KPIs with and without."""
    require_worker(actor, case)
    try:
        check_pause(kind=kind, started_on=started_on, today=timezone.localdate(), reason=reason)
    except InvestigationRuleError as error:
        raise InvestigationError(str(error)) from error
    with transaction.atomic():
        locked = lock(case)
        try:
            pause = deadline_pause(
                case=locked, kind=kind, started_on=started_on, reason=reason, recorded_by=actor
            )
        except ClockPauseError as error:
            raise InvestigationError(str(error)) from error
        save_next_due(locked)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=pause,
            case_id=locked.pk,
            changes={
                "kind": [None, kind.value],
                "started_on": [None, started_on.isoformat()],
                "reason": [None, pause.reason],
            },
        )
    return pause


def clock_resume(*, case: Case, kind: ClockKind, ended_on: dt.date, actor: User) -> ClockPause:
    """Restart a paused clock; its due date moves on by the working days it was paused."""
    require_worker(actor, case)
    running = ClockPause.objects.filter(case=case, kind=kind.value, ended_on__isnull=True).first()
    if running is None:
        raise InvestigationError(f"The clock “{kind.label}” is not paused.")
    try:
        check_resume(started_on=running.started_on, ended_on=ended_on, today=timezone.localdate())
    except InvestigationRuleError as error:
        raise InvestigationError(str(error)) from error
    calendar = scheme_calendar()
    with transaction.atomic():
        locked = lock(case)
        try:
            pause = deadline_resume(case=locked, kind=kind, ended_on=ended_on, calendar=calendar)
        except ClockPauseError as error:
            raise InvestigationError(str(error)) from error
        if kind is ClockKind.ENQUIRY_REPLY:
            enquiry_clock_refresh(locked, calendar)
        save_next_due(locked)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=pause,
            case_id=locked.pk,
            changes={"ended_on": [None, ended_on.isoformat()]},
        )
    return pause


def delay_notice_send(
    *,
    case: Case,
    clock: ClockKind,
    reason: str,
    actor: User,
    expected_by: dt.date | None = None,
) -> DelayNotice:
    """Tell both parties, in plain words, that a timescale cannot be met and why."""
    require_worker(actor, case)
    if not reason.strip():
        raise InvestigationError("Enter why we cannot meet the timescale.")
    today = timezone.localdate()
    if expected_by is not None and expected_by <= today:
        raise InvestigationError("The new expected date must be in the future.")
    with transaction.atomic():
        locked = lock(case)
        notice = DelayNotice.objects.create(
            case=locked,
            clock=clock.value,
            reason=reason.strip(),
            expected_by=expected_by,
            sent_on=today,
            recorded_by=actor,
        )
        context = {"notice": notice, "organisation": locked.organisation}
        subject = f"Your complaint {locked.reference}: it is taking longer than we said"
        send_to(
            case=locked,
            recipient=complainant_side(locked),
            subject=subject,
            template="investigation/letters/delay_complainant.html",
            context=context,
            actor=actor,
        )
        send_to(
            case=locked,
            recipient=organisation_contact(locked),
            subject=f"Complaint {locked.reference}: a delay in our investigation",
            template="investigation/letters/delay_organisation.html",
            context=context,
            actor=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=notice,
            case_id=locked.pk,
            changes={"clock": [None, clock.value], "reason": [None, notice.reason]},
        )
    return notice


def party_update_record(
    *,
    case: Case,
    parties: Sequence[UpdatedParty],
    channel: Channel,
    summary: str,
    sent_at: dt.datetime,
    actor: User,
) -> None:
    """Record an update given to a party outside the system (a call, say): one outbound
    contact per party, named so that keep-in-touch knows who heard."""
    require_worker(actor, case)
    if not parties:
        raise InvestigationError("Choose who you updated.")
    if not summary.strip():
        raise InvestigationError("Enter what you told them.")
    names = {
        UpdatedParty.COMPLAINANT: complainant_side(case),
        UpdatedParty.ORGANISATION: organisation_contact(case),
    }
    with transaction.atomic():
        for party in parties:
            recipient = names[party]
            try:
                contact_log(
                    case=case,
                    contact=NewContact(
                        direction=Direction.OUTBOUND,
                        channel=channel,
                        party=f"{recipient.party}: {recipient.name}"[:100],
                        summary=summary,
                        received_at=sent_at,
                        handled_at=sent_at,
                    ),
                    actor=actor,
                )
            except CaseValidationError as error:
                raise InvestigationError(str(error)) from error
