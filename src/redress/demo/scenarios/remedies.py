"""A final decision whose remedies sit in every compliance state.

The investigator builds the remedies with the remedy builder, writes them into the draft
and issues the decision, which opens one compliance item per action; the compliance
officer starts monitoring, the council sends evidence for some, the daily follow-up
chases the rest, and one left undone leads to a public report.
"""

from __future__ import annotations

from redress.casework.models import Case
from redress.compliance.chasing import compliance_chase
from redress.compliance.models import ComplianceItem
from redress.compliance.reports import report_draft, report_send
from redress.compliance.services import (
    NewEvidence,
    compliance_start,
    evidence_review,
    evidence_submit,
    item_not_complied,
)
from redress.decisions.issuing import decision_issue
from redress.decisions.models import Decision, Finding
from redress.decisions.services import draft_assemble, draft_share
from redress.domain.categories import Category
from redress.domain.compliance import ReviewVerdict
from redress.domain.findings import InjusticeKind
from redress.domain.remedies import RemedyKind
from redress.domain.stages import Stage
from redress.remedies.action_services import agreed_action_write, remedy_action_add
from redress.remedies.builder_selectors import ActionInput

from .base import Cast, Story, as_of, case_allocate, fresh
from .deciding import comments_answered, complaint_for, decided_in_investigation
from .investigating import EVIDENCE_PDF

# In the order the compliance items are numbered, with the state each is left in.
_ACTIONS = (
    ("apology", RemedyKind.APOLOGY),
    ("payment", RemedyKind.SYMBOLIC_PAYMENT),
    ("reassess", RemedyKind.CORRECTIVE_ACTION),
    ("procedure", RemedyKind.SERVICE_IMPROVEMENT),
    ("others", RemedyKind.WIDER_INJUSTICE),
)


def _inputs(finding: Finding, story: Story) -> list[ActionInput]:
    return [
        ActionInput(
            kind=RemedyKind.APOLOGY,
            action="Apologise to Mr Gallagher in writing for the delay, in the council's "
            "own words.",
            responsible="Director of children's services",
            evidence="A copy of the letter of apology.",
            finding_id=finding.pk,
        ),
        ActionInput(
            kind=RemedyKind.SYMBOLIC_PAYMENT,
            action="Pay Mr Gallagher £300 for the distress and uncertainty the delay caused.",
            responsible="Head of special educational needs",
            evidence="The remittance advice for the payment.",
            finding_id=finding.pk,
            amount=300,
            payment_for=InjusticeKind.DISTRESS,
            outside_reason="The delay lasted far longer than in most similar cases.",
        ),
        ActionInput(
            kind=RemedyKind.CORRECTIVE_ACTION,
            action="Complete the annual review of the education, health and care plan and "
            "issue the amended plan.",
            responsible="Head of special educational needs",
            evidence="A copy of the amended plan.",
            finding_id=finding.pk,
        ),
        ActionInput(
            kind=RemedyKind.SERVICE_IMPROVEMENT,
            action="Review how annual reviews are tracked so that none passes its statutory "
            "deadline unnoticed, and tell us what changed.",
            responsible="Director of children's services",
            evidence="The new tracking procedure and a note of the staff briefing.",
            finding_id=finding.pk,
        ),
        ActionInput(
            kind=RemedyKind.WIDER_INJUSTICE,
            action="Identify other families whose annual reviews were late in the last year "
            "and offer each a remedy.",
            responsible="Head of special educational needs",
            evidence="The number of families found and what each was offered.",
            finding_id=finding.pk,
            others_affected=40,
            how_found="A search of the case management system for reviews past 12 months.",
        ),
    ]


def _issued_with_remedies(cast: Cast, story: Story) -> Case:
    case = decided_in_investigation(
        key="remedies_compliance",
        complaint=complaint_for("Gallagher", "Niall", "Mr", Category.EDUCATION),
        cast=cast,
        story=story,
    )
    finding = Finding.objects.filter(case=case).order_by("issue__number").first()
    if finding is None:
        raise LookupError("The findings were not recorded.")
    with as_of(story.at(21, 9)):
        for data in _inputs(finding, story):
            remedy_action_add(case=fresh(case), data=data, actor=cast.investigator)
    with as_of(story.at(21, 10)):
        decision = draft_assemble(case=fresh(case), actor=cast.investigator)
    with as_of(story.at(21, 11)):
        decision = agreed_action_write(decision=decision, actor=cast.investigator)
    with as_of(story.at(21, 16)):
        decision = draft_share(
            decision=decision,
            expected_version=decision.version,
            case_version=fresh(case).version,
            actor=cast.investigator,
        )
    comments_answered(decision, fresh(case), cast, story, 24)
    with as_of(story.at(34, 11)):
        decision = Decision.objects.get(pk=decision.pk)
        decision_issue(
            decision=decision,
            expected_version=decision.version,
            case_version=fresh(case).version,
            actor=cast.investigator,
        )
    with as_of(story.at(35, 9)):
        case = fresh(case)
        if case.stage == Stage.DECIDED:
            # Issuing moves the case on only when the person issuing may move it there.
            case = compliance_start(case=case, actor=cast.compliance)
        return case_allocate(
            case=case, officer=cast.compliance, team=cast.compliance_team, actor=cast.manager
        )


def _item(case: Case, name: str) -> ComplianceItem:
    number = 1 + [key for key, _ in _ACTIONS].index(name)
    return ComplianceItem.objects.get(case=case, number=number)


def remedies_in_every_state(cast: Cast) -> Case:
    story = Story(length=76, ends_ago=1)
    case = _issued_with_remedies(cast, story)
    with as_of(story.at(44, 14)):
        evidence_submit(
            item=_item(case, "apology"),
            evidence=NewEvidence(
                text="Our director's letter of apology is attached.",
                files=[("apology.pdf", EVIDENCE_PDF)],
            ),
            actor=cast.council,
        )
    with as_of(story.at(46, 10)):
        item = _item(case, "apology")
        evidence_review(
            item=item,
            expected_version=item.version,
            verdict=ReviewVerdict.SATISFIED,
            what_is_needed="",
            actor=cast.compliance,
        )
    # The daily follow-up: reminders before the due dates, then chasers and escalation.
    for day in range(36, 76, 3):
        with as_of(story.at(day, 6)):
            compliance_chase(today=story.day(day))
    with as_of(story.at(70, 15)):
        item = _item(case, "payment")
        item_not_complied(item=item, expected_version=item.version, actor=cast.compliance)
    with as_of(story.at(72, 11)):
        report = report_draft(
            case=fresh(case),
            text="The council agreed to pay Mr Gallagher £300 for the distress its delay "
            "caused. Despite our reminders it has not paid. We publish this report so that "
            "the council's members consider it and tell us what they will do.",
            actor=cast.compliance,
        )
    with as_of(story.at(73, 10)):
        report_send(report=report, expected_version=report.version, actor=cast.compliance)
    with as_of(story.at(75, 15)):
        evidence_submit(
            item=_item(case, "procedure"),
            evidence=NewEvidence(
                text="The new tracking procedure and the briefing note are attached.",
                files=[("procedure.pdf", EVIDENCE_PDF)],
            ),
            actor=cast.council,
        )
    return fresh(case)
