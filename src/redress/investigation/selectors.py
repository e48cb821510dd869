"""Reads for a person: the investigation overview for staff, enquiries for an organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from redress.casework.calendars import scheme_calendar
from redress.casework.models import ClockPause, Contact, Deadline, Direction, Document
from redress.domain.calendar import DueStatus, WorkingCalendar, due_status
from redress.domain.clocks import CLOCK_RULES, ClockKind
from redress.domain.investigation import (
    PAUSABLE_CLOCKS,
    UpdatedParty,
    delay_notice_needed,
    due_after_pause,
    keep_in_touch_started_on,
    parties_reached,
)
from redress.domain.roles import Role

from .models import ComplaintIssue, DelayNotice, Enquiry, EvidenceItem, StatementOfComplaint

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case


@dataclass(frozen=True)
class ClockView:
    kind: ClockKind
    due_on: dt.date
    status: DueStatus | None
    pause: ClockPause | None
    # While paused: the due date if the clock restarted today.
    due_if_resumed_today: dt.date | None
    pausable: bool


@dataclass(frozen=True)
class EnquiryView:
    enquiry: Enquiry
    status: DueStatus | None


@dataclass(frozen=True)
class KeepInTouchView:
    last_complainant_update: dt.date | None
    last_organisation_update: dt.date | None


@dataclass(frozen=True)
class Overview:
    statement: StatementOfComplaint | None
    issues: list[ComplaintIssue]
    enquiries: list[EnquiryView]
    evidence: list[EvidenceItem]
    clocks: list[ClockView]
    pauses: list[ClockPause]
    delay_notices: list[DelayNotice]
    keep_in_touch: KeepInTouchView
    delay_notice_needed: bool


def _clock_views(
    deadlines: list[Deadline],
    running: dict[str, ClockPause],
    calendar: WorkingCalendar,
    today: dt.date,
) -> list[ClockView]:
    views = []
    for deadline in deadlines:
        kind = ClockKind(deadline.kind)
        pause = running.get(deadline.kind)
        resumed = (
            due_after_pause(
                due_on=deadline.due_on,
                paused_from=pause.started_on,
                paused_to=max(today, pause.started_on),
                unit=CLOCK_RULES[kind].unit,
                calendar=calendar,
            )
            if pause
            else None
        )
        views.append(
            ClockView(
                kind=kind,
                due_on=deadline.due_on,
                # A paused clock is standing still: it is neither due soon nor overdue.
                status=None if pause else due_status(calendar, deadline.due_on, today),
                pause=pause,
                due_if_resumed_today=resumed,
                pausable=kind in PAUSABLE_CLOCKS,
            )
        )
    return views


def _keep_in_touch(case: Case, contacts: list[Contact]) -> KeepInTouchView:
    started = keep_in_touch_started_on(
        [(t.to_stage, timezone.localdate(t.at)) for t in case.transitions.all()]
    )
    if started is None:
        return KeepInTouchView(None, None)
    complainant_names = [case.complainant.full_name]
    if case.representative is not None:
        complainant_names.append(case.representative.full_name)
    latest: dict[UpdatedParty, dt.date | None] = dict.fromkeys(UpdatedParty)
    for contact in contacts:
        day = timezone.localdate(contact.received_at)
        if contact.direction != Direction.OUTBOUND or day < started:
            continue
        for party in parties_reached(
            contact.party,
            complainant_names=complainant_names,
            organisation_names=[case.organisation.name],
        ):
            current = latest[party]
            latest[party] = day if current is None else max(current, day)
    return KeepInTouchView(latest[UpdatedParty.COMPLAINANT], latest[UpdatedParty.ORGANISATION])


def investigation_overview(*, case: Case) -> Overview:
    """Everything the overview page shows, in a fixed number of queries. `case` comes from
    `casework.selectors.case_for_user`, so it is already scoped to the reader."""
    today = timezone.localdate()
    calendar = scheme_calendar(today)
    deadlines = list(case.deadlines.filter(met_at__isnull=True).order_by("due_on", "kind"))
    pauses = list(ClockPause.objects.filter(case=case).select_related("recorded_by"))
    running = {p.kind: p for p in pauses if p.ended_on is None}
    enquiries = [
        EnquiryView(
            enquiry,
            None if enquiry.answered else due_status(calendar, enquiry.due_on, today),
        )
        for enquiry in Enquiry.objects.filter(case=case).select_related("sent_by")
    ]
    evidence = list(
        EvidenceItem.objects.filter(case=case)
        .select_related("document", "enquiry")
        .prefetch_related(Prefetch("issues", queryset=ComplaintIssue.objects.order_by("number")))
    )
    notices = list(DelayNotice.objects.filter(case=case).select_related("recorded_by"))
    contacts = list(Contact.objects.filter(case=case, direction=Direction.OUTBOUND))
    target = next((d for d in deadlines if d.kind == ClockKind.INVESTIGATION.value), None)
    needed = (
        target is not None
        and target.kind not in running
        and delay_notice_needed(
            target_due_on=target.due_on,
            today=today,
            last_notice_on=notices[-1].sent_on if notices else None,
            calendar=calendar,
        )
    )
    return Overview(
        statement=statement_for_case(case=case),
        issues=list(ComplaintIssue.objects.filter(case=case)),
        enquiries=enquiries,
        evidence=evidence,
        clocks=_clock_views(deadlines, running, calendar, today),
        pauses=pauses,
        delay_notices=notices,
        keep_in_touch=_keep_in_touch(case, contacts),
        delay_notice_needed=needed,
    )


def statement_for_case(*, case: Case) -> StatementOfComplaint | None:
    return StatementOfComplaint.objects.filter(case=case).first()


def case_issues(*, case: Case) -> list[ComplaintIssue]:
    return list(ComplaintIssue.objects.filter(case=case))


def issue_for_case(*, case: Case, pk: int) -> ComplaintIssue:
    issue = ComplaintIssue.objects.filter(case=case, pk=pk).select_related("case").first()
    if issue is None:
        raise Http404("No such issue")
    return issue


def case_documents(*, case: Case) -> list[Document]:
    return list(Document.objects.filter(case=case).order_by("-received_at", "-id"))


def running_clocks(*, case: Case) -> list[ClockKind]:
    """The clocks that are running (paused or not) and may be paused or resumed."""
    kinds = case.deadlines.filter(met_at__isnull=True).values_list("kind", flat=True)
    return [ClockKind(kind) for kind in kinds if ClockKind(kind) in PAUSABLE_CLOCKS]


def running_pauses(*, case: Case) -> dict[str, ClockPause]:
    return {p.kind: p for p in ClockPause.objects.filter(case=case, ended_on__isnull=True)}


def enquiries_for_organisation(*, case: Case, user: User) -> QuerySet[Enquiry]:
    """The enquiries on `case` shared with the user's organisation: those sent to it.
    Nothing for anyone who is not one of its link officers."""
    if not (user.is_authenticated and user.role == Role.ORGANISATION_USER):
        return Enquiry.objects.none()
    if user.organisation_id is None:
        return Enquiry.objects.none()
    return Enquiry.objects.filter(case=case, organisation_id=user.organisation_id).order_by(
        "number"
    )


def enquiry_for_organisation(*, case: Case, user: User, pk: int) -> Enquiry:
    enquiry = enquiries_for_organisation(case=case, user=user).filter(pk=pk).first()
    if enquiry is None:
        raise Http404("No such enquiry")
    enquiry.case = case
    return enquiry
