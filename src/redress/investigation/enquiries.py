"""Enquiries to the organisation: sending, answering, and chasing when overdue.

The ENQUIRY_REPLY clock follows the earliest unanswered enquiry (its due date, moved on by
any finished pause), and stops when none is left unanswered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.casework.calendars import scheme_calendar
from redress.casework.clocks import deadline_meet, deadline_resume, deadline_set, paused_clocks
from redress.casework.documents import document_add
from redress.casework.models import Case, ClockPause, Direction, Document, DocumentSource
from redress.casework.services import NewContact, contact_record
from redress.domain.calendar import ClockUnit, WorkingCalendar
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.investigation import (
    InvestigationRuleError,
    chaser_due,
    check_enquiry_due_on,
    due_with_pauses,
    enquiry_due_on,
)

from ._common import InvestigationError, lock, require_worker, save_next_due, send_to
from .letters import organisation_contact
from .models import Enquiry, EvidenceItem, EvidenceSource
from .permissions import can_answer_enquiry, can_work_investigation

if TYPE_CHECKING:
    from redress.accounts.models import User

ENQUIRY = ClockKind.ENQUIRY_REPLY


def enquiry_clock_refresh(case: Case, calendar: WorkingCalendar) -> None:
    """Point the ENQUIRY_REPLY clock at the earliest unanswered enquiry, or stop it."""
    waiting = (
        Enquiry.objects.filter(case=case, answered_at__isnull=True)
        .order_by("due_on", "number")
        .first()
    )
    if waiting is None:
        if ENQUIRY.value in paused_clocks(case):
            deadline_resume(
                case=case, kind=ENQUIRY, ended_on=timezone.localdate(), calendar=calendar
            )
        deadline_meet(case=case, kind=ENQUIRY)
        return
    finished = ClockPause.objects.filter(
        case=case, kind=ENQUIRY.value, ended_on__gte=waiting.sent_on
    ).values_list("started_on", "ended_on")
    due = due_with_pauses(
        due_on=waiting.due_on,
        pauses=[(start, end) for start, end in finished if end is not None],
        unit=ClockUnit.WORKING_DAYS,
        calendar=calendar,
    )
    deadline_set(case=case, kind=ENQUIRY, due_on=due)


def enquiry_default_due_on(*, today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    return enquiry_due_on(today, scheme_calendar(today))


def enquiry_send(
    *,
    case: Case,
    questions: str,
    documents_requested: str,
    actor: User,
    due_on: dt.date | None = None,
) -> Enquiry:
    """Put questions (and ask for documents) to the organisation's complaints contact.

    The letter shares the enquiry with the organisation, which can answer in its portal.
    """
    require_worker(actor, case)
    if not questions.strip():
        raise InvestigationError("Enter the questions for the organisation.")
    today = timezone.localdate()
    calendar = scheme_calendar(today)
    due = due_on or enquiry_due_on(today, calendar)
    try:
        check_enquiry_due_on(sent_on=today, due_on=due)
    except InvestigationRuleError as error:
        raise InvestigationError(str(error)) from error
    with transaction.atomic():
        locked = lock(case)
        number = (Enquiry.objects.filter(case=locked).aggregate(n=Max("number"))["n"] or 0) + 1
        enquiry = Enquiry.objects.create(
            case=locked,
            number=number,
            organisation=locked.organisation,
            questions=questions.strip(),
            documents_requested=documents_requested.strip(),
            sent_on=today,
            due_on=due,
            sent_by=actor,
        )
        enquiry.letter = send_to(
            case=locked,
            recipient=organisation_contact(locked),
            subject=f"Our enquiries about complaint {locked.reference}",
            template="investigation/letters/enquiry.html",
            context={"enquiry": enquiry, "organisation": locked.organisation},
            actor=actor,
        )
        enquiry.save(update_fields=["letter"])
        enquiry_clock_refresh(locked, calendar)
        save_next_due(locked)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=enquiry,
            case_id=locked.pk,
            changes={
                "number": [None, number],
                "due_on": [None, due.isoformat()],
                "questions": [None, enquiry.questions],
            },
        )
    return enquiry


def enquiry_answer(
    *,
    enquiry: Enquiry,
    answer: str,
    files: Sequence[tuple[str, bytes]],
    actor: User,
) -> Enquiry:
    """Record the organisation's answer, with its documents, in the evidence register.

    `files` are (name, content) pairs already read from the uploads; each is checked by
    content again when stored. A link officer answers in the portal; the case's
    investigator may record an answer that came by post.
    """
    case = enquiry.case
    by_organisation = can_answer_enquiry(actor, enquiry)
    if not by_organisation and not can_work_investigation(actor, case):
        raise PermissionDenied("Only the organisation can answer this enquiry.")
    if not answer.strip():
        raise InvestigationError("Enter your answer to the questions.")
    now = timezone.now()
    stored: list[Document] = []
    try:
        with transaction.atomic():
            current = _answer_write(
                enquiry=enquiry,
                answer=answer,
                files=files,
                actor=actor,
                now=now,
                by_organisation=by_organisation,
                stored=stored,
            )
    except Exception:
        # The rows were rolled back; the files stored for them must not outlive them.
        for document in stored:
            document.file.delete(save=False)
        raise
    return current


def _answer_write(
    *,
    enquiry: Enquiry,
    answer: str,
    files: Sequence[tuple[str, bytes]],
    actor: User,
    now: dt.datetime,
    by_organisation: bool,
    stored: list[Document],
) -> Enquiry:
    locked = lock(enquiry.case)
    current = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if current.answered_at is not None:
        raise InvestigationError("This enquiry has already been answered.")
    current.answer = answer.strip()
    current.answered_at = now
    current.answered_by = actor
    current.save(update_fields=["answer", "answered_at", "answered_by"])
    detail = f"Answered by {actor.organisation}" if by_organisation else ""
    for name, content in files:
        document = document_add(
            case=locked,
            name=name,
            content=content,
            source=DocumentSource.ORGANISATION,
            actor=actor,
            description=f"Sent with the answer to enquiry {current.number}",
            audit_detail=detail,
        )
        stored.append(document)
        item = EvidenceItem.objects.create(
            case=locked,
            source=EvidenceSource.ORGANISATION,
            received_on=timezone.localdate(now),
            description=f"{document.original_name} (answer to enquiry {current.number})"[:500],
            document=document,
            enquiry=current,
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=item,
            case_id=locked.pk,
            changes={"description": [None, item.description]},
            detail=detail,
        )
    contact_record(
        case=locked,
        contact=NewContact(
            direction=Direction.INBOUND,
            channel=Channel.PORTAL if by_organisation else Channel.LETTER,
            party=f"Organisation: {locked.organisation.name}"[:100],
            summary=f"Answer to enquiry {current.number}"
            + (f" with {len(files)} document(s)" if files else ""),
            received_at=now,
            # Filed straight into the evidence register: nothing is left waiting.
            handled_at=now,
        ),
        recorded_by=actor,
        audit_detail=detail,
    )
    enquiry_clock_refresh(locked, scheme_calendar(timezone.localdate(now)))
    save_next_due(locked)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=current,
        case_id=locked.pk,
        changes={"answered_at": [None, now.isoformat()], "documents": [0, len(files)]},
        detail=detail,
    )
    return current


def enquiries_chase(*, today: dt.date | None = None) -> int:
    """Send one chaser for each overdue enquiry that was not chased in the last five
    working days. Safe to run again: a second run the same day sends nothing."""
    today = today or timezone.localdate()
    calendar = scheme_calendar(today)
    sent = 0
    candidates = Enquiry.objects.filter(answered_at__isnull=True, due_on__lt=today).values_list(
        "pk", flat=True
    )
    for pk in list(candidates):
        with transaction.atomic():
            enquiry = (
                Enquiry.objects.select_for_update().select_related("case").filter(pk=pk).first()
            )
            if enquiry is None or not chaser_due(
                due_on=enquiry.due_on,
                answered=enquiry.answered,
                last_chased_on=enquiry.last_chased_on,
                today=today,
                calendar=calendar,
            ):
                continue
            case = lock(enquiry.case)
            if ENQUIRY.value in paused_clocks(case):
                continue
            try:
                send_to(
                    case=case,
                    recipient=organisation_contact(case),
                    subject=f"Reminder: our enquiries about complaint {case.reference}",
                    template="investigation/letters/chaser.html",
                    context={"enquiry": enquiry, "organisation": case.organisation},
                    actor=None,
                )
            except InvestigationError:
                # No way to reach the organisation: the overdue clock shows on the
                # workqueue, where staff will see it and find another way.
                continue
            enquiry.last_chased_on = today
            enquiry.chasers_sent += 1
            enquiry.save(update_fields=["last_chased_on", "chasers_sent"])
            audit_record(
                actor=None,
                action=AuditAction.UPDATE,
                instance=enquiry,
                case_id=case.pk,
                changes={"chasers_sent": [enquiry.chasers_sent - 1, enquiry.chasers_sent]},
                detail="Automatic chaser",
            )
            sent += 1
    return sent
