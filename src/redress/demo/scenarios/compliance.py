"""Scenarios after agreed actions: each compliance state, from due to not complied with a
public report.

The actions are agreed at early resolution, which opens one compliance item per action;
the compliance officer takes the case on, the council sends evidence through its portal
services, and the daily follow-up (reminders, chasers, overdue, escalation) runs on the
days it would have run.
"""

from __future__ import annotations

import datetime as dt

from redress.assessment.services import Decision
from redress.casework.models import Case
from redress.compliance.chasing import compliance_chase
from redress.compliance.models import ComplianceItem
from redress.compliance.reports import report_draft, report_send
from redress.compliance.services import (
    NewEvidence,
    evidence_review,
    evidence_submit,
    item_not_complied,
)
from redress.domain.assessment import AgreedAction, OutcomeKind
from redress.domain.categories import Category
from redress.domain.compliance import ReviewVerdict

from .base import Cast, Complaint, Story, as_of, case_allocate, complaint_log, fresh
from .early import answers_to_take_on, assessed, decide, to_assessment
from .investigating import EVIDENCE_PDF


def agreed_early(
    *, key: str, complaint: Complaint, cast: Cast, story: Story, actions: list[AgreedAction]
) -> Case:
    """Early resolution on day 6 of the story; the compliance officer takes it on day 7."""
    case = complaint_log(key=key, complaint=complaint, cast=cast, story=story)
    case = to_assessment(case, cast, story, 1)
    case = assessed(case, cast, story, 4, answers_to_take_on())
    case = decide(
        case,
        cast,
        story,
        6,
        Decision(
            kind=OutcomeKind.EARLY_RESOLUTION,
            explanation="The council accepts it got this wrong and has agreed to put things "
            "right without an investigation.",
            actions=tuple(actions),
        ),
    )
    with as_of(story.at(7, 9)):
        return case_allocate(
            case=case, officer=cast.compliance, team=cast.compliance_team, actor=cast.manager
        )


def _item(case: Case, number: int) -> ComplianceItem:
    return ComplianceItem.objects.get(case=case, number=number)


def _evidence(case: Case, number: int, cast: Cast, story: Story, *, day: int, text: str) -> None:
    with as_of(story.at(day, 14)):
        evidence_submit(
            item=_item(case, number),
            evidence=NewEvidence(text=text, files=[("evidence.pdf", EVIDENCE_PDF)]),
            actor=cast.council,
        )


def actions_due_evidence_satisfied(cast: Cast) -> Case:
    story = Story(length=24)
    decided = story.day(6)
    case = agreed_early(
        key="compliance_progress",
        complaint=Complaint(
            title="Ms",
            first_name="Priyanka",
            last_name="Venkataraman",
            category=Category.HOUSING,
            summary="The council has not repaired the damp in my flat despite promising to.",
            injustice="Mould in my children's bedroom and ruined furniture.",
            outcome_sought="The repairs done and my furniture paid for.",
        ),
        cast=cast,
        story=story,
        actions=[
            AgreedAction(
                "Apologise in writing for the delay in repairs.",
                "Head of housing",
                decided + dt.timedelta(days=21),
            ),
            AgreedAction(
                "Pay £450 for the damaged furniture.",
                "Housing repairs manager",
                decided + dt.timedelta(days=28),
            ),
            AgreedAction(
                "Complete the damp treatment and redecorate the bedroom.",
                "Housing repairs manager",
                story.today + dt.timedelta(days=35),
            ),
        ],
    )
    _evidence(case, 1, cast, story, day=12, text="Our apology letter of this week is attached.")
    with as_of(story.at(14, 11)):
        item = _item(case, 1)
        evidence_review(
            item=item,
            expected_version=item.version,
            verdict=ReviewVerdict.SATISFIED,
            what_is_needed="",
            actor=cast.compliance,
        )
    _evidence(
        case,
        2,
        cast,
        story,
        day=22,
        text="The payment was made on Monday; the remittance is attached.",
    )
    return fresh(case)


def actions_overdue_not_complied(cast: Cast) -> Case:
    story = Story(length=70, ends_ago=1)
    decided = story.day(6)
    case = agreed_early(
        key="compliance_overdue",
        complaint=Complaint(
            title="Mr",
            first_name="Kwame",
            last_name="Asante-Boateng",
            category=Category.EDUCATION,
            summary="The council stopped my daughter's school transport without telling us.",
            injustice="I had to drive her 14 miles each way and lost work.",
            outcome_sought="Transport restored and my costs repaid.",
        ),
        cast=cast,
        story=story,
        actions=[
            AgreedAction(
                "Repay Mr Asante-Boateng's mileage costs of £612.",
                "Head of school transport",
                decided + dt.timedelta(days=28),
            ),
            AgreedAction(
                "Review how the council tells families when transport changes, and send us "
                "the new procedure.",
                "Director of education",
                decided + dt.timedelta(days=35),
            ),
        ],
    )
    # The daily follow-up, on the working days it ran: reminders, chasers, overdue and
    # escalation as the items' dates come and go.
    for day in range(8, 70, 3):
        when = story.at(day, 6)
        with as_of(when):
            compliance_chase(today=story.day(day))
    with as_of(story.at(62, 15)):
        item = _item(case, 1)
        item_not_complied(item=item, expected_version=item.version, actor=cast.compliance)
    with as_of(story.at(64, 11)):
        report = report_draft(
            case=fresh(case),
            text="The council agreed to repay Mr Asante-Boateng's costs of taking his daughter "
            "to school. Despite our reminders it has not done so. We publish this report so "
            "that the council's members consider it and tell us what they will do.",
            actor=cast.compliance,
        )
    with as_of(story.at(66, 10)):
        report_send(report=report, expected_version=report.version, actor=cast.compliance)
    return fresh(case)
