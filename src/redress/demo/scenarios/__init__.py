"""Named demo cases, one at each point of the flow, each built through the real services.

`scenarios_build` makes the ones not made before (a scenario's case is found again by its
complainant's address) and returns every scenario's case, in the order of the flow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.test.utils import override_settings

from redress.casework.models import Case
from redress.domain.stages import Stage

from . import compliance, deciding, early, investigating, remedies
from .base import Cast, scenario_case


@dataclass(frozen=True)
class Scenario:
    key: str
    shows: str
    stage: Stage
    build: Callable[[Cast], Case]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "intake_suggestions",
        "at intake, with triage suggestions (late, premature)",
        Stage.INTAKE,
        early.intake_with_suggestions,
    ),
    Scenario(
        "assessment_half",
        "at assessment, answers half recorded",
        Stage.ASSESSMENT,
        early.assessment_half_done,
    ),
    Scenario(
        "assessment_closed",
        "closed after initial enquiries, with reasons",
        Stage.CLOSED,
        early.assessment_closed,
    ),
    Scenario(
        "assessment_remedy",
        "upheld: the council had already put it right",
        Stage.CLOSED,
        early.assessment_remedy_provided,
    ),
    Scenario(
        "assessment_early",
        "early resolution: agreed actions in compliance",
        Stage.COMPLIANCE,
        early.assessment_early_resolution,
    ),
    Scenario(
        "compliance_overdue",
        "actions overdue, chased; one not complied, public report",
        Stage.COMPLIANCE,
        compliance.actions_overdue_not_complied,
    ),
    Scenario(
        "compliance_progress",
        "actions: one satisfied, one evidence received, one due",
        Stage.COMPLIANCE,
        compliance.actions_due_evidence_satisfied,
    ),
    Scenario(
        "remedies_compliance",
        "remedies of a decision, in every compliance state",
        Stage.COMPLIANCE,
        remedies.remedies_in_every_state,
    ),
    Scenario(
        "assessment_allocated",
        "just allocated to the investigator",
        Stage.INVESTIGATION,
        early.assessment_allocated,
    ),
    Scenario(
        "enquiry_waiting",
        "statement, 3 issues, enquiry awaiting reply",
        Stage.INVESTIGATION,
        investigating.enquiry_awaiting_reply,
    ),
    Scenario(
        "enquiry_overdue",
        "enquiry overdue, chased",
        Stage.INVESTIGATION,
        investigating.enquiry_overdue_chased,
    ),
    Scenario(
        "enquiry_answered",
        "enquiry answered with evidence",
        Stage.INVESTIGATION,
        investigating.enquiry_answered,
    ),
    Scenario(
        "clock_paused",
        "investigation clock paused",
        Stage.INVESTIGATION,
        investigating.clock_paused,
    ),
    Scenario(
        "delay_notice",
        "delay notice sent to both parties",
        Stage.INVESTIGATION,
        investigating.delay_notice,
    ),
    Scenario(
        "findings_recorded",
        "findings recorded, draft not started",
        Stage.INVESTIGATION,
        deciding.findings_recorded,
    ),
    Scenario(
        "draft_comments",
        "draft shared, comments from both parties",
        Stage.DRAFT_DECISION,
        deciding.draft_with_comments,
    ),
    Scenario(
        "draft_check",
        "draft waiting for a manager's quality check",
        Stage.DRAFT_DECISION,
        deciding.draft_waiting_for_check,
    ),
    Scenario(
        "final_issued",
        "final decision issued (PDF)",
        Stage.DECIDED,
        deciding.final_decision,
    ),
    Scenario(
        "review_pending",
        "post-decision review pending",
        Stage.DECIDED,
        deciding.review_pending,
    ),
    Scenario(
        "review_upheld",
        "review upheld: reopened, investigating again",
        Stage.INVESTIGATION,
        deciding.review_upheld,
    ),
    Scenario(
        "service_complaint",
        "complaint about our service, pending",
        Stage.DECIDED,
        deciding.service_complaint,
    ),
)


def scenarios_build(cast: Cast) -> list[tuple[Scenario, Case]]:
    """Make each scenario not made before; every scenario's case, in the flow's order.

    Letters are recorded on their cases as usual, but not emailed while the demo is set
    up: the addresses are made up and the console would fill with them.
    """
    made: list[tuple[Scenario, Case]] = []
    # Each letter and PDF is a background task, run at once in the demo; a log line per
    # task and per step of drawing a PDF would bury the summary.
    quiet = [logging.getLogger(name) for name in ("django_tasks", "weasyprint")]
    levels = [log.level for log in quiet]
    for log in quiet:
        log.setLevel(logging.WARNING)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for scenario in SCENARIOS:
                case = scenario_case(scenario.key) or scenario.build(cast)
                made.append((scenario, case))
    finally:
        for log, level in zip(quiet, levels, strict=True):
            log.setLevel(level)
    return made
