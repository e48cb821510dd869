"""Sending a complaint made online: one case, exactly once, acknowledged.

The journey keeps its drafts with `intake.journey.drafts`; staff decisions at intake live
in `intake.decisions`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from redress.audit.models import AuditAction
from redress.audit.services import audit_batch, audit_record, changes_between, snapshot
from redress.casework.documents import document_add
from redress.casework.models import Case, Direction, DocumentSource
from redress.casework.services import (
    NewCase,
    NewContact,
    case_issue_reference,
    case_register,
    contact_record,
    person_create,
)
from redress.domain.categories import Channel
from redress.domain.complaints import (
    SUBMISSION_WINDOW,
    SUBMISSIONS_PER_ADDRESS,
    AnswersIncompleteError,
    ComplaintAnswers,
    ContactMethod,
    Step,
    read_answers,
    retry_after,
)
from redress.notifications.services import letter_send
from redress.organisations.models import Organisation

if TYPE_CHECKING:
    from redress.accounts.models import Team, User

from .models import ComplaintDetails, ComplaintDraft, DraftFile, DraftFilePurpose, SubmissionRecord


class DraftIncompleteError(Exception):
    """The draft cannot be sent yet: `step` is the first question still to answer."""

    def __init__(self, step: Step) -> None:
        super().__init__(f"The draft is missing {step.label.lower()}.")
        self.step = step


class SubmissionRateLimitedError(Exception):
    """Too many complaints from one address lately; `retry_at` says when to try again."""

    def __init__(self, retry_at: dt.datetime) -> None:
        super().__init__(f"Too many complaints from this address until {retry_at:%H:%M}.")
        self.retry_at = retry_at


def address_hash(address: str) -> str:
    """A network address as kept for the rate limit: keyed, so it cannot be reversed."""
    return salted_hmac("redress.intake.address", address, algorithm="sha256").hexdigest()


def complaint_submit(*, public_id: str, address: str) -> Case:
    """Register the draft's complaint as a case, exactly once, and acknowledge it.

    The draft row is locked first: a refresh, a double click or a retry waits for the
    first submission and then gets the same case back. Raises DraftIncompleteError or
    SubmissionRateLimitedError, having written nothing.
    """
    now = timezone.now()
    with transaction.atomic(), audit_batch():
        draft = ComplaintDraft.objects.select_for_update().filter(public_id=public_id).first()
        if draft is None:
            raise DraftIncompleteError(Step.WHO)
        if draft.case_id is not None:
            return Case.objects.get(pk=draft.case_id)
        try:
            complaint = read_answers(draft.answers)
        except AnswersIncompleteError as error:
            raise DraftIncompleteError(error.step) from None
        organisation = Organisation.objects.filter(pk=complaint.organisation_id).first()
        if organisation is None:
            raise DraftIncompleteError(Step.ORGANISATION)
        hashed = address_hash(address)
        recent = SubmissionRecord.objects.filter(
            address_hash=hashed, at__gt=now - SUBMISSION_WINDOW
        ).values_list("at", flat=True)
        retry_at = retry_after(list(recent), now, limit=_submissions_per_address())
        if retry_at is not None:
            raise SubmissionRateLimitedError(retry_at)
        case = complaint_register(
            complaint=complaint,
            organisation=organisation,
            receipt=Receipt(
                channel=Channel.ONLINE,
                received_on=timezone.localdate(now),
                received_at=now,
                contact_summary="Complaint sent with the online form",
                reference_later=True,
            ),
        )
        for row in draft.files.all():
            with row.file.open("rb") as stored:
                content = stored.read()
            document_add(
                case=case,
                name=row.original_name,
                content=content,
                source=DocumentSource.COMPLAINANT,
                actor=None,
                description=DraftFilePurpose(row.purpose).label,
            )
            _forget(row)
        SubmissionRecord.objects.create(address_hash=hashed, at=now)
        draft.case, draft.submitted_at, draft.answers = case, now, {}
        draft.save(update_fields=["case", "submitted_at", "answers"])
        # Last: from here to commit the year's reference counter is locked, so
        # concurrent submissions wait only for each other's reference and letters.
        case_issue_reference(case=case)
        acknowledgement_send(case=case, complaint=complaint)
    return case


def _submissions_per_address() -> int:
    """The rate limit: the scheme may raise it (a busy advice centre) in settings."""
    return int(getattr(settings, "INTAKE_SUBMISSIONS_PER_ADDRESS", SUBMISSIONS_PER_ADDRESS))


def _forget(row: DraftFile) -> None:
    """Drop a draft's copy of a file now on the case; the stored bytes go after commit."""
    storage, name = row.file.storage, row.file.name
    row.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@dataclass(frozen=True)
class Receipt:
    """How and when a complaint reached the scheme, and who logged it (None: online)."""

    channel: Channel
    received_on: dt.date
    received_at: dt.datetime
    contact_summary: str
    actor: User | None = None
    team: Team | None = None
    officer: User | None = None
    subcategory: str = ""
    category_chosen_by_complainant: bool = True
    # The online form issues the reference itself, last (see complaint_submit).
    reference_later: bool = False
    # The staff form's one-time key (see intake_log_complaint).
    form_key: uuid.UUID | None = None


def complaint_register(
    *, complaint: ComplaintAnswers, organisation: Organisation, receipt: Receipt
) -> Case:
    """The people, the case, its complaint details and the contact that brought it.

    Shared by the online journey and staff logging a complaint, inside their transaction.
    """
    now = timezone.now()
    actor = receipt.actor
    contact = person_create(
        actor=actor,
        title=complaint.title,
        first_name=complaint.first_name,
        last_name=complaint.last_name,
        email=complaint.email,
        phone=complaint.phone,
        address=complaint.address,
        postcode=complaint.postcode,
        preferred_contact=complaint.contact_method.value,
        reasonable_adjustments=complaint.adjustments,
    )
    complainant = contact
    if complaint.on_behalf:
        complainant = person_create(
            actor=actor,
            first_name=complaint.person_first_name,
            last_name=complaint.person_last_name,
            reasonable_adjustments=complaint.adjustments,
        )
    case = case_register(
        new=NewCase(
            received_on=receipt.received_on,
            channel=receipt.channel,
            organisation=organisation,
            category=complaint.category,
            subcategory=receipt.subcategory,
            summary=complaint.summary,
            outcome_sought=complaint.outcome_sought,
            complainant=complainant,
            representative=contact if complaint.on_behalf else None,
            representative_authority=complaint.representative_authority,
            team=receipt.team,
            officer=receipt.officer,
        ),
        actor=actor,
        reference_later=receipt.reference_later,
    )
    details = ComplaintDetails.objects.create(
        case=case,
        first_knew_on=complaint.first_knew_on,
        injustice=complaint.injustice,
        complained_first=complaint.complained.value,
        final_response_on=complaint.final_response_on,
        representative_relationship=complaint.relationship[:100],
        category_chosen_by_complainant=receipt.category_chosen_by_complainant,
        consent_at=now if receipt.channel == Channel.ONLINE else None,
        logged_with=receipt.form_key,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=details,
        case_id=case.pk,
        changes=changes_between({}, snapshot(details, _DETAIL_FIELDS)),
    )
    contact_record(
        case=case,
        contact=NewContact(
            direction=Direction.INBOUND,
            channel=receipt.channel,
            party=f"{'Representative' if complaint.on_behalf else 'Complainant'}: "
            f"{contact.full_name}"[:100],
            summary=receipt.contact_summary,
            received_at=receipt.received_at,
            handled_at=now,
        ),
        recorded_by=actor,
    )
    return case


_DETAIL_FIELDS = (
    "first_knew_on",
    "complained_first",
    "final_response_on",
    "representative_relationship",
    "category_chosen_by_complainant",
)
ACKNOWLEDGEMENT_TEMPLATE = "intake/letters/acknowledgement.html"


def acknowledgement_send(*, case: Case, complaint: ComplaintAnswers) -> None:
    """Email the reference and what happens next; post a letter too to those who asked.

    It goes to whoever filled in the form: the complainant, or their representative.
    """
    party = "Representative" if complaint.on_behalf else "Complainant"
    name = " ".join(p for p in (complaint.title, complaint.first_name, complaint.last_name) if p)
    context = {
        "complaint": complaint,
        "organisation": case.organisation,
        "assessment_due_on": case.next_due_on,
        "person_name": f"{complaint.person_first_name} {complaint.person_last_name}".strip(),
    }
    common: dict[str, Any] = {
        "case": case,
        "subject": "We have received your complaint",
        "template": ACKNOWLEDGEMENT_TEMPLATE,
        "context": context,
        "recipient_name": name,
        "actor": None,
        "party": party,
    }
    if complaint.email:
        letter_send(**common, channel="email", email=complaint.email)
    wants_post = complaint.contact_method == ContactMethod.LETTER or not complaint.email
    if wants_post and complaint.address:
        address = "\n".join(p for p in (complaint.address, complaint.postcode) if p)
        letter_send(**common, channel="post", address=address)


__all__ = [
    "DraftIncompleteError",
    "SubmissionRateLimitedError",
    "acknowledgement_send",
    "address_hash",
    "complaint_submit",
]
