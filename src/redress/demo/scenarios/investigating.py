"""Scenarios while investigating: the statement of complaint and its issues, enquiries in
each state, a paused clock and a delay notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from redress.assessment.services import Decision
from redress.casework.models import Case
from redress.domain.assessment import OutcomeKind
from redress.domain.categories import Category, Channel
from redress.domain.clocks import ClockKind
from redress.domain.investigation import UpdatedParty
from redress.investigation.models import ComplaintIssue, Enquiry, EvidenceSource
from redress.investigation.services import (
    clock_pause,
    delay_notice_send,
    enquiries_chase,
    enquiry_answer,
    enquiry_send,
    evidence_add,
    issue_add,
    party_update_record,
    statement_save,
)

from .base import Cast, Complaint, Story, as_of, complaint_log, fresh
from .early import answers_to_take_on, assessed, decide, to_assessment

# A one-page PDF, enough to pass the upload check as evidence sent with an answer.
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def investigation_opened(
    *, key: str, complaint: Complaint, cast: Cast, story: Story, issues: Sequence[str]
) -> Case:
    """Logged on day 0, allocated to the demo investigator on day 6, and the statement of
    complaint with its numbered issues written on day 8."""
    case = complaint_log(key=key, complaint=complaint, cast=cast, story=story)
    case = to_assessment(case, cast, story, 1)
    case = assessed(case, cast, story, 4, answers_to_take_on())
    case = decide(
        case,
        cast,
        story,
        6,
        Decision(
            kind=OutcomeKind.ALLOCATE,
            explanation="We will investigate your complaint. An investigator will be in touch.",
            investigator=cast.investigator,
        ),
    )
    with as_of(story.at(8, 10)):
        statement_save(
            case=case,
            period_from=story.day(0) - dt.timedelta(days=complaint.knew_days_ago + 60),
            period_to=story.day(0),
            not_investigated="Events before the period, which the complainant could have "
            "complained about at the time.",
            actor=cast.investigator,
        )
        for text in issues:
            issue_add(case=case, description=text, actor=cast.investigator)
    with as_of(story.at(8, 11)):
        party_update_record(
            case=fresh(case),
            parties=[UpdatedParty.COMPLAINANT],
            channel=Channel.PHONE,
            summary="Called to agree the statement of complaint and explain what happens next.",
            sent_at=story.at(8, 11),
            actor=cast.investigator,
        )
    return fresh(case)


def send_enquiry(case: Case, cast: Cast, story: Story, day: int) -> Enquiry:
    with as_of(story.at(day, 10, 30)):
        return enquiry_send(
            case=fresh(case),
            questions="1. Please send the case notes for the period of the complaint.\n"
            "2. Why did the decision take longer than your policy allows?\n"
            "3. What have you done since the complaint to stop it happening again?",
            documents_requested="Case notes, the policy in force at the time, and any letters "
            "sent to the complainant.",
            actor=cast.investigator,
        )


_BINS = Complaint(
    title="Mrs",
    first_name="Harriet",
    last_name="Quayle",
    category=Category.ENVIRONMENT,
    summary="The council has failed to deal with noise from a neighbouring business for a year.",
    injustice="I cannot sleep and my health has suffered.",
    outcome_sought="Action on the noise and an apology.",
)


def enquiry_awaiting_reply(cast: Cast) -> Case:
    story = Story(length=14)
    case = investigation_opened(
        key="enquiry_waiting",
        complaint=_BINS,
        cast=cast,
        story=story,
        issues=(
            "The council did not investigate the noise complaints properly.",
            "The council did not keep Mrs Quayle informed.",
            "The council delayed in answering her complaint.",
        ),
    )
    send_enquiry(case, cast, story, 10)
    return fresh(case)


def enquiry_overdue_chased(cast: Cast) -> Case:
    story = Story(length=36)
    case = investigation_opened(
        key="enquiry_overdue",
        complaint=Complaint(
            title="Mr",
            first_name="Obadiah",
            last_name="Ferncombe",
            category=Category.PLANNING,
            summary="The council let my neighbour build an extension without checking the plans.",
            injustice="The extension blocks the light to my kitchen.",
            outcome_sought="Enforcement action, or recognition of the loss of light.",
        ),
        cast=cast,
        story=story,
        issues=(
            "The council did not consider the effect on Mr Ferncombe's home.",
            "The council did not take enforcement action when told.",
        ),
    )
    enquiry = send_enquiry(case, cast, story, 9)
    # The nightly chase: the day after the reply fell due, the organisation is reminded.
    chase_day = story.calendar.add_working_days(enquiry.due_on, 1)
    chase_at = dt.datetime.combine(chase_day, dt.time(6, 0), tzinfo=story.at(0).tzinfo)
    with as_of(chase_at):
        enquiries_chase(today=chase_day)
    return fresh(case)


def enquiry_answered(cast: Cast) -> Case:
    story = Story(length=24)
    case = investigation_opened(
        key="enquiry_answered",
        complaint=Complaint(
            title="Ms",
            first_name="Imogen",
            last_name="Blackwood",
            category=Category.CHILDRENS_CARE,
            summary="The council did not assess my grandson's needs when he came to live with me.",
            injustice="I paid for his keep without help for eight months.",
            outcome_sought="The allowance I should have had, backdated.",
        ),
        cast=cast,
        story=story,
        issues=(
            "The council did not assess Ms Blackwood as a family carer.",
            "The council did not consider paying a kinship allowance.",
        ),
    )
    enquiry = send_enquiry(case, cast, story, 9)
    with as_of(story.at(19, 15)):
        enquiry_answer(
            enquiry=enquiry,
            answer="1. The case notes are attached.\n2. The social worker left and the case "
            "was not passed on.\n3. Cases are now checked weekly by a team manager.",
            files=[("case-notes.pdf", EVIDENCE_PDF)],
            actor=cast.council,
        )
    with as_of(story.at(21, 11)):
        issues = list(ComplaintIssue.objects.filter(case=case).order_by("number"))
        evidence_add(
            case=fresh(case),
            source=EvidenceSource.COMPLAINANT,
            received_on=story.day(21),
            description="Receipts for school uniform, clothes and food since March.",
            issues=issues[1:],
            actor=cast.investigator,
        )
    return fresh(case)


def clock_paused(cast: Cast) -> Case:
    story = Story(length=20)
    case = investigation_opened(
        key="clock_paused",
        complaint=Complaint(
            title="Mr",
            first_name="Lucian",
            last_name="Abernethy",
            category=Category.ADULT_CARE,
            summary="The care home the council placed my father in did not manage his medication.",
            injustice="He was admitted to hospital twice.",
            outcome_sought="An explanation and changes so it does not happen to others.",
        ),
        cast=cast,
        story=story,
        issues=(
            "The care provider did not give medication as prescribed.",
            "The council did not act on the family's concerns.",
        ),
    )
    send_enquiry(case, cast, story, 10)
    with as_of(story.at(16, 12)):
        clock_pause(
            case=fresh(case),
            kind=ClockKind.INVESTIGATION,
            started_on=story.day(16),
            reason="Waiting for Mr Abernethy's consent to see his father's medical records.",
            actor=cast.investigator,
        )
    return fresh(case)


def delay_notice(cast: Cast) -> Case:
    story = Story(length=64)
    case = investigation_opened(
        key="delay_notice",
        complaint=Complaint(
            title="Mrs",
            first_name="Beatrix",
            last_name="Oyelaran",
            category=Category.HOUSING,
            summary="The council left my family in bed and breakfast for nine months.",
            injustice="Four of us in one room, with no cooking facilities.",
            outcome_sought="A payment for the time in unsuitable accommodation.",
        ),
        cast=cast,
        story=story,
        issues=(
            "The council kept the family in unsuitable accommodation beyond six weeks.",
            "The council did not review the suitability of the accommodation.",
        ),
    )
    enquiry = send_enquiry(case, cast, story, 9)
    with as_of(story.at(27, 14)):
        enquiry_answer(
            enquiry=enquiry,
            answer="The placement records are attached; there were no vacancies in "
            "self-contained accommodation.",
            files=[("placement-records.pdf", EVIDENCE_PDF)],
            actor=cast.council,
        )
    for day in (30, 48):
        with as_of(story.at(day, 10)):
            party_update_record(
                case=fresh(case),
                parties=[UpdatedParty.COMPLAINANT, UpdatedParty.ORGANISATION],
                channel=Channel.EMAIL,
                summary="Progress update: reading the placement records.",
                sent_at=story.at(day, 10),
                actor=cast.investigator,
            )
    with as_of(story.at(60, 15)):
        delay_notice_send(
            case=fresh(case),
            clock=ClockKind.INVESTIGATION,
            reason="The council's records came late and we need to ask it further questions.",
            expected_by=story.today + dt.timedelta(days=42),
            actor=cast.investigator,
        )
    return fresh(case)
