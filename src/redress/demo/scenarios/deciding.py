"""Scenarios from findings to the final decision, and after it: a shared draft with comments,
a draft waiting for a manager's quality check, an issued decision, reviews and a complaint
about our service."""

from __future__ import annotations

from redress.casework.models import Case
from redress.decisions.issuing import (
    comment_from_complainant,
    comment_from_organisation,
    comment_respond,
    decision_issue,
    quality_check_request,
)
from redress.decisions.models import Decision, ReviewRequest
from redress.decisions.reviews import NewReview, review_decide, review_record
from redress.decisions.services import draft_assemble, draft_share, finding_record
from redress.domain.categories import Category, Channel
from redress.domain.findings import Causation, CommentParty, Fault, InjusticeKind
from redress.domain.findings import Finding as FindingFacts
from redress.domain.reviews import ReviewKind, ReviewOutcome
from redress.domain.stages import Stage
from redress.investigation.models import ComplaintIssue

from .base import Cast, Complaint, Story, as_of, fresh
from .investigating import investigation_opened, send_enquiry

_FAULT = FindingFacts(
    what_happened="The council took 31 weeks to make a decision it should make in 8.",
    what_should_have_happened="The council's own policy and the statutory guidance say 8 weeks.",
    fault=Fault.YES,
    injustice_kinds=(InjusticeKind.DISTRESS, InjusticeKind.TIME_AND_TROUBLE),
    injustice="Months of uncertainty, and repeated calls and letters to chase the council.",
    causation=Causation.CAUSED,
)
_NO_FAULT = FindingFacts(
    what_happened="The council replied to each letter within its published timescale.",
    what_should_have_happened="The complaints policy asks for a reply within 20 working days.",
    fault=Fault.NO,
)


def findings_on_every_issue(case: Case, cast: Cast, story: Story, day: int) -> Case:
    with as_of(story.at(day, 14)):
        issues = ComplaintIssue.objects.filter(case=case).order_by("number")
        for index, issue in enumerate(issues):
            finding_record(
                issue=issue, facts=_NO_FAULT if index else _FAULT, actor=cast.investigator
            )
    return fresh(case)


def draft_shared(case: Case, cast: Cast, story: Story, day: int) -> Decision:
    with as_of(story.at(day, 10)):
        decision = draft_assemble(case=case, actor=cast.investigator)
    with as_of(story.at(day, 16)):
        return draft_share(
            decision=decision,
            expected_version=decision.version,
            case_version=fresh(case).version,
            actor=cast.investigator,
        )


def complaint_for(surname: str, first_name: str, title: str, category: Category) -> Complaint:
    return Complaint(
        title=title,
        first_name=first_name,
        last_name=surname,
        category=category,
        summary="The council took far too long to decide my application and would not tell me why.",
        injustice="Months of worry, and hours spent chasing the council.",
        outcome_sought="An apology and a payment for the time and trouble.",
    )


_ISSUES = (
    "The council delayed in deciding the application.",
    "The council did not answer the complainant's letters.",
)


def decided_in_investigation(*, key: str, complaint: Complaint, cast: Cast, story: Story) -> Case:
    """A case investigated with findings on both issues by day 20 of its story."""
    case = investigation_opened(
        key=key, complaint=complaint, cast=cast, story=story, issues=_ISSUES
    )
    return findings_on_every_issue(case, cast, story, 20)


def findings_recorded(cast: Cast) -> Case:
    story = Story(length=21)
    return decided_in_investigation(
        key="findings_recorded",
        complaint=complaint_for("Castellano", "Marisol", "Ms", Category.HOUSING),
        cast=cast,
        story=story,
    )


def draft_with_comments(cast: Cast) -> Case:
    story = Story(length=26)
    case = decided_in_investigation(
        key="draft_comments",
        complaint=complaint_for("Ndiaye", "Ousmane", "Mr", Category.CORPORATE),
        cast=cast,
        story=story,
    )
    decision = draft_shared(case, cast, story, 21)
    case = fresh(case)
    with as_of(story.at(24, 13)):
        mine = comment_from_complainant(
            decision=decision,
            text="The draft says I chased twice; I wrote four times, and I have copies.",
            person=case.complainant,
        )
    with as_of(story.at(25, 9)):
        comment_from_organisation(
            decision=decision,
            text="We accept the findings and will apologise. We ask that the payment "
            "reflect the staff shortages we faced.",
            user=cast.council,
        )
    with as_of(story.at(26, 11)):
        comment_respond(
            comment=mine,
            response="Thank you: the final decision will say you wrote four times.",
            actor=cast.investigator,
        )
    return fresh(case)


def comments_answered(decision: Decision, case: Case, cast: Cast, story: Story, day: int) -> None:
    """The complainant agreed with the draft and the council said nothing by the deadline."""
    with as_of(story.at(day, 12)):
        comment = comment_from_complainant(
            decision=decision,
            text="I agree with the draft. Thank you for looking into this.",
            person=case.complainant,
        )
    with as_of(story.at(day + 1, 10)):
        comment_respond(
            comment=comment, response="Thank you for letting us know.", actor=cast.investigator
        )


def draft_waiting_for_check(cast: Cast) -> Case:
    story = Story(length=36)
    case = decided_in_investigation(
        key="draft_check",
        complaint=complaint_for("Lindqvist", "Astrid", "Mrs", Category.EDUCATION),
        cast=cast,
        story=story,
    )
    decision = draft_shared(case, cast, story, 21)
    comments_answered(decision, fresh(case), cast, story, 26)
    with as_of(story.at(34, 15)):
        decision.refresh_from_db()
        quality_check_request(
            decision=decision, expected_version=decision.version, actor=cast.investigator
        )
    return fresh(case)


def final_issued(*, key: str, complaint: Complaint, cast: Cast, story: Story) -> Case:
    """Investigated, drafted, commented on and issued by day 34 of the story."""
    case = decided_in_investigation(key=key, complaint=complaint, cast=cast, story=story)
    decision = draft_shared(case, cast, story, 21)
    comments_answered(decision, fresh(case), cast, story, 24)
    with as_of(story.at(34, 11)):
        decision.refresh_from_db()
        decision_issue(
            decision=decision,
            expected_version=decision.version,
            case_version=fresh(case).version,
            actor=cast.investigator,
        )
    return fresh(case)


def final_decision(cast: Cast) -> Case:
    return final_issued(
        key="final_issued",
        complaint=complaint_for("Whitlock", "Bernard", "Mr", Category.BENEFITS_TAX),
        cast=cast,
        story=Story(length=36, ends_ago=2),
    )


def _review(case: Case, cast: Cast, story: Story, day: int, *, kind: ReviewKind, text: str) -> None:
    with as_of(story.at(day, 10)):
        review_record(
            case=case,
            new=NewReview(
                kind=kind,
                received_on=story.day(day),
                party=CommentParty.COMPLAINANT,
                channel=Channel.EMAIL,
                summary=text,
            ),
            actor=cast.investigator,
        )


def review_pending(cast: Cast) -> Case:
    story = Story(length=42)
    case = final_issued(
        key="review_pending",
        complaint=complaint_for("Hollingsworth", "Ruth", "Ms", Category.PLANNING),
        cast=cast,
        story=story,
    )
    _review(
        case,
        cast,
        story,
        40,
        kind=ReviewKind.REVIEW,
        text="Ms Hollingsworth says we did not look at the photographs she sent of the site.",
    )
    return fresh(case)


def review_upheld(cast: Cast) -> Case:
    story = Story(length=48)
    case = final_issued(
        key="review_upheld",
        complaint=complaint_for("Adeyemi", "Folake", "Mrs", Category.ADULT_CARE),
        cast=cast,
        story=story,
    )
    _review(
        case,
        cast,
        story,
        38,
        kind=ReviewKind.REVIEW,
        text="Mrs Adeyemi has sent the council's letter of March, which we had not seen and "
        "which contradicts what the council told us.",
    )
    with as_of(story.at(44, 15)):
        review_decide(
            review=ReviewRequest.objects.get(case=case),
            outcome=ReviewOutcome.UPHELD,
            reasons="The March letter is new evidence that could change the findings on the "
            "first issue.",
            actor=cast.manager,
            reopen_at=Stage.INVESTIGATION,
        )
    send_enquiry(fresh(case), cast, story, 46)
    return fresh(case)


def service_complaint(cast: Cast) -> Case:
    story = Story(length=40)
    case = final_issued(
        key="service_complaint",
        complaint=complaint_for("Marchetti", "Paolo", "Mr", Category.HIGHWAYS),
        cast=cast,
        story=story,
    )
    _review(
        case,
        cast,
        story,
        37,
        kind=ReviewKind.SERVICE_COMPLAINT,
        text="Mr Marchetti says his calls to us were not returned while we investigated.",
    )
    return fresh(case)
