"""Complaints that reach staff by phone, letter or email, logged on the person's behalf."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from redress.casework.models import Case
from redress.casework.services import CaseValidationError
from redress.domain.categories import STAFF_LOGGED_CHANNELS, Channel
from redress.domain.complaints import ComplaintAnswers, contact_problems
from redress.organisations.models import Organisation

from .decisions import IntakeDecisionError
from .models import ComplaintDetails
from .permissions import can_work_intake
from .services import Receipt, acknowledgement_send, complaint_register

if TYPE_CHECKING:
    from redress.accounts.models import User


def _received_at(received_on: dt.date, now: dt.datetime) -> dt.datetime:
    """Today means now; an earlier day means the start of that working day."""
    if received_on == timezone.localdate(now):
        return now
    return timezone.make_aware(dt.datetime.combine(received_on, dt.time(9, 0)))


def intake_log_complaint(
    *,
    complaint: ComplaintAnswers,
    channel: Channel,
    received_on: dt.date,
    actor: User,
    form_key: uuid.UUID,
    subcategory: str = "",
) -> Case:
    """Register a complaint received by phone, letter or email, for the actor's team.

    The answers are the public journey's (`ComplaintAnswers`), checked by the same domain
    rules; the complainant is acknowledged as an online complainant is, and the contact
    that brought the complaint is logged as dealt with. `form_key` comes with the form:
    sending the same form again (a double click, a refresh) returns the case it logged.
    """
    if not can_work_intake(actor):
        raise PermissionDenied("Your role cannot log complaints.")
    already = _logged_with(form_key)
    if already is not None:
        return already
    if channel not in STAFF_LOGGED_CHANNELS:
        raise IntakeDecisionError("Staff log complaints received by phone, letter or email.")
    problems = contact_problems(
        complaint.contact_method,
        email=complaint.email,
        phone=complaint.phone,
        address=complaint.address,
        postcode=complaint.postcode,
    )
    if problems:
        raise IntakeDecisionError(next(iter(problems.values())))
    organisation = Organisation.objects.filter(pk=complaint.organisation_id).first()
    if organisation is None:
        raise IntakeDecisionError("Select the organisation complained about.")
    now = timezone.now()
    try:
        with transaction.atomic():
            try:
                case = complaint_register(
                    complaint=complaint,
                    organisation=organisation,
                    receipt=Receipt(
                        channel=channel,
                        received_on=received_on,
                        received_at=_received_at(received_on, now),
                        contact_summary=f"Complaint received by {channel.label.lower()}, "
                        "logged by staff",
                        actor=actor,
                        team=actor.team,
                        # Someone in no team keeps it in their own queue instead.
                        officer=actor if actor.team_id is None else None,
                        subcategory=subcategory,
                        form_key=form_key,
                    ),
                )
            except CaseValidationError as error:
                raise IntakeDecisionError(str(error)) from None
            acknowledgement_send(case=case, complaint=complaint)
    except IntegrityError:
        # The same form, sent twice at once: the other request logged it first.
        already = _logged_with(form_key)
        if already is None:
            raise
        return already
    return case


def _logged_with(form_key: uuid.UUID) -> Case | None:
    details = ComplaintDetails.objects.filter(logged_with=form_key).select_related("case").first()
    return details.case if details is not None else None
