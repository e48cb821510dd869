"""Writes for post-decision reviews and complaints about our service.

Each runs on its own clock (one deadline row per kind and case: when two of a kind are open
at once, the row follows the one due first). Deciding one stops its clock; a manager
upholding a review reopens the case at the stage they choose (see domain/reviews.py for a
case not yet closed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.casework.calendars import scheme_calendar
from redress.casework.clocks import deadline_meet, deadline_set
from redress.casework.models import Case
from redress.casework.services import case_move
from redress.domain.categories import Channel
from redress.domain.clocks import due_date
from redress.domain.findings import CommentParty
from redress.domain.reviews import (
    ReviewError,
    ReviewKind,
    ReviewOutcome,
    check_can_record,
    check_decision,
    reopen_path,
)
from redress.domain.stages import Stage

from .letters import complainant_side, organisation_side, send_to
from .models import ReviewRequest
from .permissions import can_decide_review, can_record_review

if TYPE_CHECKING:
    from redress.accounts.models import User


@dataclass(frozen=True)
class NewReview:
    kind: ReviewKind
    received_on: dt.date
    party: CommentParty
    channel: Channel
    summary: str


def _refresh_clock(case: Case, kind: ReviewKind) -> None:
    """Point the kind's clock at its open request due first, or stop it if none is open."""
    first = (
        ReviewRequest.objects.filter(case=case, kind=kind, outcome="").order_by("due_on").first()
    )
    if first is None:
        deadline_meet(case=case, kind=kind.clock)
    else:
        deadline_set(case=case, kind=kind.clock, due_on=first.due_on)


def review_record(*, case: Case, new: NewReview, actor: User) -> ReviewRequest:
    if not can_record_review(actor, case):
        raise PermissionDenied("You cannot record reviews on this case.")
    if new.received_on > timezone.localdate():
        raise ReviewError("The date received cannot be in the future.")
    if not new.summary.strip():
        raise ReviewError("Enter what they asked for and why.")
    check_can_record(new.kind, Stage(case.stage))
    due = due_date(new.kind.clock, new.received_on, scheme_calendar(new.received_on))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        check_can_record(new.kind, Stage(locked.stage))
        review = ReviewRequest.objects.create(
            case=locked,
            kind=new.kind,
            received_on=new.received_on,
            party=new.party,
            channel=new.channel,
            summary=new.summary.strip(),
            due_on=due,
            recorded_by=actor,
            created_at=timezone.now(),
        )
        _refresh_clock(locked, new.kind)
        locked.save(update_fields=["next_due_on", "next_due_kind"])
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=review,
            case_id=locked.pk,
            changes=changes_between(
                {}, snapshot(review, ("kind", "received_on", "party", "summary", "due_on"))
            ),
        )
    return review


def review_decide(
    *,
    review: ReviewRequest,
    outcome: ReviewOutcome,
    reasons: str,
    actor: User,
    reopen_at: Stage | None = None,
) -> ReviewRequest:
    """Decide a review or service complaint, stop its clock and tell the person who asked;
    an upheld review reopens the case at `reopen_at`."""
    case = review.case
    if not can_decide_review(actor, case):
        raise PermissionDenied("Only a manager decides reviews and service complaints.")
    kind = ReviewKind(review.kind)
    check_decision(kind=kind, outcome=outcome, reasons=reasons, reopen_at=reopen_at)
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        row = ReviewRequest.objects.select_for_update().get(pk=review.pk)
        if not row.is_open:
            raise ReviewError("This has already been decided.")
        moves = reopen_path(Stage(locked.stage), reopen_at) if reopen_at else ()
        fields = ("outcome", "reasons", "reopened_at", "decided_by", "decided_at")
        before = snapshot(row, fields)
        row.outcome = outcome
        row.reasons = reasons.strip()
        row.reopened_at = reopen_at.value if reopen_at else ""
        row.decided_by = actor
        row.decided_at = timezone.now()
        row.save(update_fields=list(fields))
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=row,
            case_id=locked.pk,
            changes=changes_between(before, snapshot(row, fields)),
        )
        for target in moves:
            locked = case_move(
                case=locked,
                expected_version=locked.version,
                target=target,
                reason=f"Post-decision review upheld: {row.reasons}",
                actor=actor,
                post_decision_review_upheld=True,
            )
        _refresh_clock(locked, kind)
        locked.save(update_fields=["next_due_on", "next_due_kind"])
        asker = (
            organisation_side(locked)
            if row.party == CommentParty.ORGANISATION
            else complainant_side(locked)
        )
        subject = (
            "Our decision on your request for a review"
            if kind == ReviewKind.REVIEW
            else "Our reply to your complaint about our service"
        )
        context = {"review": row, "reopened": bool(moves)}
        send_to(
            case=locked,
            to=asker,
            subject=subject,
            template="decisions/letters/review_decided.html",
            context=context,
            actor=actor,
        )
        if moves:
            other = (
                complainant_side(locked)
                if row.party == CommentParty.ORGANISATION
                else organisation_side(locked)
            )
            send_to(
                case=locked,
                to=other,
                subject="We are looking at the complaint again",
                template="decisions/letters/case_reopened.html",
                context=context,
                actor=actor,
            )
    return row
