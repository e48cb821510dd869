"""Scenarios at intake and assessment: triage suggestions, a half-done assessment, and each
way an assessment ends."""

from __future__ import annotations

import datetime as dt

from redress.assessment.services import Decision, Draft, assessment_decide, assessment_save
from redress.casework.models import Case
from redress.domain.assessment import (
    DISCRETION_TESTS,
    LEGAL_BARS,
    AgreedAction,
    Answer,
    OutcomeKind,
    Question,
)
from redress.domain.categories import Category
from redress.domain.complaints import ComplainedFirst
from redress.domain.stages import ReasonCode
from redress.intake.decisions import DecisionKind, SuggestionVerdict, intake_decide
from redress.intake.triage import suggestions_for, with_triage_facts

from .base import Cast, Complaint, Story, as_of, case_allocate, complaint_log, fresh


def to_assessment(case: Case, cast: Cast, story: Story, day: int) -> Case:
    """Intake passes the case on, and it goes to the assessor's queue."""
    with as_of(story.at(day, 11)):
        triaged = with_triage_facts(Case.objects.filter(pk=case.pk)).get()
        today = story.day(day)
        suggestions = suggestions_for(cases=[triaged], user=cast.intake, today=today)[case.pk]
        intake_decide(
            case=case,
            expected_version=case.version,
            decision=DecisionKind.ASSESSMENT,
            outcome=None,
            reason_codes=(),
            signposted_to="",
            explanation="Your complaint is complete and we will now look at whether we can "
            "investigate it.",
            # What the suggestions point to is for the assessor to weigh.
            suggestion_verdicts={
                suggestion.key: SuggestionVerdict(
                    accepted=False, override_reason="The assessor will look at this."
                )
                for suggestion in suggestions
            },
            actor=cast.intake,
        )
        return case_allocate(
            case=fresh(case), officer=cast.assessor, team=cast.assessment_team, actor=cast.intake
        )


def answers_to_take_on() -> dict[Question, Draft]:
    """No legal bar stands and every discretionary test points to taking it on."""
    drafts = {question: Draft(Answer.NO) for question in LEGAL_BARS}
    drafts.update({question: Draft(Answer.YES) for question in DISCRETION_TESTS})
    return drafts


def assessed(case: Case, cast: Cast, story: Story, day: int, drafts: dict[Question, Draft]) -> Case:
    with as_of(story.at(day, 14)):
        assessment_save(
            case=case,
            expected_version=0,
            drafts=drafts,
            notes="Read the complaint, the council's final response and the records it sent.",
            actor=cast.assessor,
        )
    return fresh(case)


def decide(case: Case, cast: Cast, story: Story, day: int, decision: Decision) -> Case:
    actor = cast.manager if decision.kind is OutcomeKind.ALLOCATE else cast.assessor
    with as_of(story.at(day, 15)):
        assessment_decide(case=case, expected_version=case.version, decision=decision, actor=actor)
    return fresh(case)


def intake_with_suggestions(cast: Cast) -> Case:
    story = Story(length=1)
    return complaint_log(
        key="intake_suggestions",
        complaint=Complaint(
            title="Mr",
            first_name="Declan",
            last_name="Hartley-Moss",
            category=Category.ENVIRONMENT,
            summary="The council has not collected my bins for six weeks and nobody answers "
            "my calls about it.",
            injustice="Rubbish has piled up by my front door and attracted rats.",
            outcome_sought="Collect the bins and explain why they were missed.",
            complained=ComplainedFirst.NOT_YET,
            knew_days_ago=500,
        ),
        cast=cast,
        story=story,
    )


def assessment_half_done(cast: Cast) -> Case:
    story = Story(length=6)
    case = complaint_log(
        key="assessment_half",
        complaint=Complaint(
            title="Ms",
            first_name="Rosalind",
            last_name="Achterberg",
            category=Category.HOUSING,
            summary="The council took four months to decide my homelessness application.",
            injustice="My children and I stayed with friends, moving every few weeks.",
            outcome_sought="An apology and recognition of what we went through.",
        ),
        cast=cast,
        story=story,
    )
    case = to_assessment(case, cast, story, 1)
    drafts = {question: Draft(Answer.NO) for question in LEGAL_BARS[:4]}
    drafts[Question.INJUSTICE] = Draft(Answer.YES, "Four months without a settled home.")
    drafts[Question.FAULT] = Draft(None, "Asked the council for its case notes; not yet seen.")
    with as_of(story.at(5, 16)):
        assessment_save(
            case=case,
            expected_version=0,
            drafts=drafts,
            notes="Waiting for the council's case notes before deciding on fault.",
            actor=cast.assessor,
        )
    return fresh(case)


def assessment_closed(cast: Cast) -> Case:
    story = Story(length=12, ends_ago=3)
    case = complaint_log(
        key="assessment_closed",
        complaint=Complaint(
            title="Mr",
            first_name="Gareth",
            last_name="Pennington",
            category=Category.HIGHWAYS,
            summary="I was given a parking ticket outside my own house.",
            injustice="I had to pay £70.",
            outcome_sought="My money back.",
            knew_days_ago=90,
        ),
        cast=cast,
        story=story,
    )
    case = to_assessment(case, cast, story, 1)
    drafts = {
        Question.ALT_TRIBUNAL: Draft(Answer.YES, "He can appeal to the parking adjudicator."),
        Question.FAULT: Draft(Answer.NO, "The signs and lines were correct."),
    }
    case = assessed(case, cast, story, 8, drafts)
    return decide(
        case,
        cast,
        story,
        12,
        Decision(
            kind=OutcomeKind.CLOSE,
            explanation="An independent adjudicator decides appeals against parking tickets, "
            "and you can still appeal. We also saw no sign the council did anything wrong.",
            reason_codes=(ReasonCode.ALT_TRIBUNAL, ReasonCode.NO_FAULT_LIKELY),
            signposted_to="Traffic Penalty Tribunal",
        ),
    )


def assessment_remedy_provided(cast: Cast) -> Case:
    story = Story(length=10, ends_ago=5)
    case = complaint_log(
        key="assessment_remedy",
        complaint=Complaint(
            title="Mrs",
            first_name="Aisha",
            last_name="Okonkwo-Reid",
            category=Category.BENEFITS_TAX,
            summary="The council charged me council tax twice for the same month.",
            injustice="I went overdrawn and paid bank charges.",
            outcome_sought="A refund and the bank charges paid.",
        ),
        cast=cast,
        story=story,
    )
    case = to_assessment(case, cast, story, 1)
    drafts = answers_to_take_on()
    drafts[Question.REMEDY] = Draft(
        Answer.ALREADY_REMEDIED, "Refund and bank charges paid, with an apology."
    )
    case = assessed(case, cast, story, 7, drafts)
    return decide(
        case,
        cast,
        story,
        10,
        Decision(
            kind=OutcomeKind.REMEDY_PROVIDED,
            explanation="The council was at fault, but it has already refunded you, paid the "
            "bank charges and apologised. That is what we would have asked it to do.",
            remedy_provided="Refunded the second payment, paid £35 bank charges and apologised "
            "in writing.",
        ),
    )


def assessment_early_resolution(cast: Cast) -> Case:
    story = Story(length=9, ends_ago=2)
    case = complaint_log(
        key="assessment_early",
        complaint=Complaint(
            title="Mr",
            first_name="Tomasz",
            last_name="Wieczorek",
            category=Category.ADULT_CARE,
            summary="The council has not reviewed my mother's care plan for over a year.",
            injustice="Her needs have grown and the care no longer meets them.",
            outcome_sought="A review of her care plan now.",
        ),
        cast=cast,
        story=story,
    )
    case = to_assessment(case, cast, story, 1)
    case = assessed(case, cast, story, 6, answers_to_take_on())
    today = story.today
    return decide(
        case,
        cast,
        story,
        9,
        Decision(
            kind=OutcomeKind.EARLY_RESOLUTION,
            explanation="The council accepts it should have reviewed the care plan and has "
            "agreed to put things right without an investigation.",
            actions=(
                AgreedAction(
                    "Review Mrs Wieczorek's care plan with her and her son.",
                    "Adult social care team manager",
                    today + dt.timedelta(days=28),
                ),
                AgreedAction(
                    "Apologise in writing for the delay.",
                    "Director of adult social care",
                    today + dt.timedelta(days=21),
                ),
            ),
        ),
    )


def assessment_allocated(cast: Cast) -> Case:
    story = Story(length=8, ends_ago=1)
    case = complaint_log(
        key="assessment_allocated",
        complaint=Complaint(
            title="Miss",
            first_name="Chloe",
            last_name="Farrington",
            category=Category.EDUCATION,
            summary="The council took 40 weeks to issue my son's education, health and care plan.",
            injustice="He missed two terms of the support he needed.",
            outcome_sought="Recognition of the lost provision and a payment for it.",
        ),
        cast=cast,
        story=story,
    )
    case = to_assessment(case, cast, story, 1)
    case = assessed(case, cast, story, 5, answers_to_take_on())
    return decide(
        case,
        cast,
        story,
        8,
        Decision(
            kind=OutcomeKind.ALLOCATE,
            explanation="We will investigate your complaint. An investigator will be in touch.",
            investigator=cast.investigator,
        ),
    )
