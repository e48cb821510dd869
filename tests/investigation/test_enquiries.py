"""Enquiries: sending, the reply clock, answers with documents, and automatic chasers."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case, Contact, Direction, Document
from redress.domain.clocks import ClockKind
from redress.investigation import services
from redress.investigation.models import Enquiry, EvidenceItem
from redress.investigation.selectors import enquiries_for_organisation
from redress.notifications.models import Letter

pytestmark = pytest.mark.django_db

WEDNESDAY = dt.datetime(2026, 3, 4, 11, 0, tzinfo=dt.UTC)
D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 7, 0, tzinfo=dt.UTC)


def _reply_clock(case: Case) -> dt.date | None:
    row = case.deadlines.filter(kind=ClockKind.ENQUIRY_REPLY.value, met_at__isnull=True).first()
    return row.due_on if row else None


def _send(case: Case, actor: User, **kwargs: object) -> Enquiry:
    return services.enquiry_send(
        case=case,
        questions="Why did the assessment take four months?",
        documents_requested="The case notes for March to June 2025.",
        actor=actor,
        **kwargs,  # type: ignore[arg-type]
    )


@time_machine.travel(WEDNESDAY, tick=False)
def test_an_enquiry_is_sent_to_the_complaints_contact_and_starts_the_reply_clock(
    case: Case, investigator: User, council_user: User
) -> None:
    enquiry = _send(case, investigator)
    assert (enquiry.number, enquiry.sent_on, enquiry.due_on) == (1, D(2026, 3, 4), D(2026, 4, 1))
    letter = Letter.objects.get(case=case)
    assert letter.email == case.organisation.complaints_email
    assert "Why did the assessment take four months?" in letter.body
    assert enquiry.letter == letter
    assert Contact.objects.filter(case=case, direction=Direction.OUTBOUND).count() == 1
    assert _reply_clock(case) == D(2026, 4, 1)
    # Shared with the organisation once sent.
    assert list(enquiries_for_organisation(case=case, user=council_user)) == [enquiry]


@time_machine.travel(WEDNESDAY, tick=False)
def test_the_reply_clock_follows_the_earliest_unanswered_enquiry(
    case: Case, investigator: User, council_user: User
) -> None:
    first = _send(case, investigator)
    second = _send(case, investigator, due_on=D(2026, 3, 18))
    assert second.number == 2
    assert _reply_clock(case) == D(2026, 3, 18)
    services.enquiry_answer(enquiry=second, answer="Staff shortages.", files=[], actor=council_user)
    assert _reply_clock(case) == first.due_on
    services.enquiry_answer(enquiry=first, answer="See the notes.", files=[], actor=council_user)
    assert _reply_clock(case) is None
    assert case.deadlines.get(kind=ClockKind.ENQUIRY_REPLY.value).met_at is not None


@time_machine.travel(WEDNESDAY, tick=False)
def test_a_due_date_must_be_after_today(case: Case, investigator: User) -> None:
    with pytest.raises(services.InvestigationError, match="after the day it is sent"):
        _send(case, investigator, due_on=D(2026, 3, 4))
    with pytest.raises(services.InvestigationError, match="questions"):
        services.enquiry_send(case=case, questions=" ", documents_requested="", actor=investigator)


@time_machine.travel(WEDNESDAY, tick=False)
def test_an_answer_files_its_documents_in_the_evidence_register(
    case: Case, investigator: User, council_user: User
) -> None:
    enquiry = _send(case, investigator)
    services.enquiry_answer(
        enquiry=enquiry,
        answer="The delay was caused by staff shortages.",
        files=[("case-notes.pdf", PDF)],
        actor=council_user,
    )
    enquiry.refresh_from_db()
    assert enquiry.answered
    assert enquiry.answered_by == council_user
    document = Document.objects.get(case=case)
    assert (document.source, document.original_name) == ("organisation", "case-notes.pdf")
    item = EvidenceItem.objects.get(case=case)
    assert (item.document, item.enquiry, item.source) == (document, enquiry, "organisation")
    received = Contact.objects.get(case=case, direction=Direction.INBOUND)
    assert received.channel == "portal"
    assert received.handled_at is not None
    with pytest.raises(services.InvestigationError, match="already been answered"):
        services.enquiry_answer(enquiry=enquiry, answer="Again", files=[], actor=council_user)


@time_machine.travel(WEDNESDAY, tick=False)
def test_only_that_organisation_or_the_investigator_may_answer(
    case: Case, investigator: User, other_link_officer: User, colleague: User
) -> None:
    enquiry = _send(case, investigator)
    for stranger in (other_link_officer, colleague):
        with pytest.raises(PermissionDenied):
            services.enquiry_answer(enquiry=enquiry, answer="x", files=[], actor=stranger)
    assert list(enquiries_for_organisation(case=case, user=other_link_officer)) == []
    assert list(enquiries_for_organisation(case=case, user=investigator)) == []
    # An answer that came by post is recorded by the investigator.
    services.enquiry_answer(enquiry=enquiry, answer="By post", files=[], actor=investigator)
    assert Contact.objects.get(case=case, direction=Direction.INBOUND).channel == "letter"


def test_overdue_enquiries_are_chased_once_every_five_working_days(
    case: Case, investigator: User
) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        enquiry = _send(case, investigator)  # due 1 April
    assert services.enquiries_chase(today=D(2026, 4, 1)) == 0
    with time_machine.travel(_at(D(2026, 4, 2)), tick=False):
        out = StringIO()
        call_command("investigation_chase_enquiries", stdout=out)
        assert "Sent 1 reminder." in out.getvalue()
        # Running again the same day sends nothing.
        call_command("investigation_chase_enquiries", stdout=StringIO())
    enquiry.refresh_from_db()
    assert (enquiry.chasers_sent, enquiry.last_chased_on) == (1, D(2026, 4, 2))
    # Easter: 3 and 6 April are bank holidays, so five working days run to 13 April.
    with time_machine.travel(_at(D(2026, 4, 10)), tick=False):
        assert services.enquiries_chase() == 0
    with time_machine.travel(_at(D(2026, 4, 13)), tick=False):
        assert services.enquiries_chase() == 1
    chasers = Letter.objects.filter(case=case, subject__startswith="Reminder")
    assert chasers.count() == 2
    assert all(letter.created_by is None for letter in chasers)
    audit = AuditEvent.objects.filter(
        object_type="investigation.enquiry", detail="Automatic chaser"
    )
    assert audit.count() == 2
    assert all(event.actor is None for event in audit)


def test_answered_and_paused_enquiries_are_not_chased(
    case: Case, investigator: User, council_user: User
) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        answered = _send(case, investigator)
        services.enquiry_answer(enquiry=answered, answer="Done", files=[], actor=council_user)
        _send(case, investigator)
        services.clock_pause(
            case=case,
            kind=ClockKind.ENQUIRY_REPLY,
            started_on=D(2026, 3, 4),
            reason="The council's offices are closed by a flood.",
            actor=investigator,
        )
    with time_machine.travel(_at(D(2026, 4, 2)), tick=False):
        assert services.enquiries_chase() == 0
        services.clock_resume(
            case=case, kind=ClockKind.ENQUIRY_REPLY, ended_on=D(2026, 3, 6), actor=investigator
        )
    # Paused for three working days: due on 8 April (Good Friday and Easter Monday skipped).
    assert _reply_clock(case) == D(2026, 4, 8)
