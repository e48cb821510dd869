"""Reads for the remedy builder: the findings with injustice and what the guidance
suggests for each, the decision's actions and offers, and the checks on them.

Each read starts from a case (or its decision) the caller reached through
`case_for_user`, so scope is already settled. The builder page makes a fixed number of
queries however many findings and actions it shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redress.decisions.models import Finding
from redress.domain.consistency import ConsistencyCheck, check_amount, reason_problem
from redress.domain.findings import CAUSED, FAULT_FOUND, Causation, Fault, InjusticeKind
from redress.domain.remedies import (
    FINANCIAL_KINDS,
    Aggravating,
    Mitigating,
    RemedyKind,
    RemedyPrompt,
    SuggestedRange,
    Unit,
    figures_in_force,
    remedy_kinds_to_consider,
    suggested_range,
)
from redress.domain.remedies import GuidanceFigure as Figure
from redress.domain.remedy_builder import (
    PriorOffer,
    agreed_action_section,
    injustice_paid_for,
    numbered_problems,
    with_default_due,
)
from redress.domain.smart import RecommendedAction, smart_problems

from .models import GuidanceFigure, GuidanceVersion, OrganisationOffer, RemedyAction
from .search import finding_text, similar_past_remedies
from .selectors import figure_as_domain, guidance_in_force

if TYPE_CHECKING:
    from redress.casework.models import Case
    from redress.decisions.models import Decision


@dataclass(frozen=True)
class FigureOption:
    row: GuidanceFigure
    figure: Figure
    suggested: SuggestedRange


@dataclass(frozen=True)
class FindingRemedies:
    """One finding with injustice: what to consider, the guidance, the actions so far."""

    finding: Finding
    prompts: tuple[RemedyPrompt, ...]
    figures: tuple[FigureOption, ...]
    actions: list[RemedyAction] = field(default_factory=list)


def decision_version(decision: Decision | None, today: dt.date) -> GuidanceVersion | None:
    """The guidance the decision uses: the one it recorded, else the one in force today."""
    if decision is not None and decision.guidance_version_id is not None:
        return GuidanceVersion.objects.prefetch_related("figures").get(
            pk=decision.guidance_version_id
        )
    return guidance_in_force(today)


def figure_options(
    version: GuidanceVersion | None, case: Case, kinds: tuple[InjusticeKind, ...]
) -> tuple[FigureOption, ...]:
    """The version's figures that apply to the case's area for these injustices, most
    specific area first, each with its plain suggested range."""
    if version is None or version.effective_from is None:
        return ()
    rows = list(version.figures.all())
    domain = {figure_as_domain(row, version): row for row in rows}
    options = []
    for kind in kinds:
        for figure in figures_in_force(
            domain,
            injustice=kind,
            on=version.effective_from,
            category=case.category,
            subcategory=case.subcategory,
        ):
            options.append(FigureOption(domain[figure], figure, suggested_range(figure)))
    return tuple(options)


def findings_with_injustice(case: Case) -> list[Finding]:
    rows = Finding.objects.filter(case=case).select_related("issue").order_by("issue__number")
    return [
        row
        for row in rows
        if Fault(row.fault) in FAULT_FOUND
        and row.kinds
        and row.causation
        and Causation(row.causation) in CAUSED
    ]


def decision_actions(decision: Decision | None) -> list[RemedyAction]:
    if decision is None:
        return []
    return list(
        RemedyAction.objects.filter(decision=decision)
        .select_related("finding", "finding__issue", "figure")
        .order_by("number")
    )


def decision_offers(decision: Decision | None) -> list[OrganisationOffer]:
    if decision is None:
        return []
    return list(OrganisationOffer.objects.filter(decision=decision).order_by("recorded_at", "id"))


@dataclass(frozen=True)
class BuilderPage:
    version: GuidanceVersion | None
    findings: list[FindingRemedies]
    unlinked: list[RemedyAction]
    actions: list[RemedyAction]
    offers: list[OrganisationOffer]
    problems: list[str]


def builder_page(*, case: Case, decision: Decision | None, today: dt.date) -> BuilderPage:
    version = decision_version(decision, today)
    actions = decision_actions(decision)
    by_finding: dict[int, list[RemedyAction]] = {}
    for action in actions:
        if action.finding_id is not None:
            by_finding.setdefault(action.finding_id, []).append(action)
    findings = [
        FindingRemedies(
            finding=finding,
            prompts=remedy_kinds_to_consider(finding.kinds),
            figures=figure_options(version, case, finding.kinds),
            actions=by_finding.get(finding.pk, []),
        )
        for finding in findings_with_injustice(case)
    ]
    shown = {action.pk for item in findings for action in item.actions}
    return BuilderPage(
        version=version,
        findings=findings,
        unlinked=[action for action in actions if action.pk not in shown],
        actions=actions,
        offers=decision_offers(decision),
        problems=numbered_problems([a.as_recommended(today) for a in actions]),
    )


def recommended_actions(decision: Decision, decided_on: dt.date) -> list[RecommendedAction]:
    """The decision's actions in order, as the domain takes them (due dates as set)."""
    return [action.as_recommended(decided_on) for action in decision_actions(decision)]


def remedy_problems(decision: Decision, decided_on: dt.date) -> list[str]:
    """Why the decision's actions are not SMART yet, numbered; empty when they all are."""
    return numbered_problems(recommended_actions(decision, decided_on))


def agreed_action_text(decision: Decision, decided_on: dt.date) -> str:
    """The "Agreed action" section written from the builder; empty without actions."""
    offers = [
        PriorOffer(offer.what, offer.amount, offer.relation_enum)
        for offer in decision_offers(decision)
    ]
    return agreed_action_section(
        organisation=decision.case.organisation.name,
        actions=recommended_actions(decision, decided_on),
        offers=offers,
    )


@dataclass(frozen=True)
class ActionInput:
    """An action as the investigator typed it (the form's cleaned data)."""

    kind: RemedyKind
    action: str
    responsible: str
    evidence: str
    due_on: dt.date | None = None
    finding_id: int | None = None
    amount: int | None = None
    payment_for: InjusticeKind | None = None
    others_affected: int | None = None
    how_found: str = ""
    figure_id: int | None = None
    periods: int | None = None
    aggravating: tuple[Aggravating, ...] = ()
    mitigating: tuple[Mitigating, ...] = ()
    outside_reason: str = ""


@dataclass(frozen=True)
class Assessment:
    """What the builder says about an action as typed: its problems by field, the
    suggested range from the chosen figure, and how the amount compares with the past."""

    problems: dict[str, str]
    finding: Finding | None
    figure: GuidanceFigure | None
    suggested: SuggestedRange | None
    consistency: ConsistencyCheck | None


def action_assessment(
    *,
    case: Case,
    version: GuidanceVersion | None,
    data: ActionInput,
    today: dt.date,
) -> Assessment:
    """Check an action against the SMART rules, the guidance and similar past decisions."""
    problems: dict[str, str] = {}
    finding = None
    if data.finding_id is not None:
        finding = Finding.objects.filter(case=case, pk=data.finding_id).first()
        if finding is None:
            problems["finding"] = "Choose a finding on this case"
    recommended = RecommendedAction(
        kind=data.kind,
        action=data.action,
        responsible=data.responsible,
        evidence=data.evidence,
        due_on=data.due_on,
        decided_on=today,
        amount=data.amount,
        payment_for=data.payment_for,
        others_affected=data.others_affected,
        how_found=data.how_found,
    )
    problems.update(smart_problems(with_default_due(recommended)))
    figure, suggested = _suggested(case, version, data, finding, problems)
    consistency = None
    paid_for = injustice_paid_for(data.kind, data.payment_for)
    if data.kind in FINANCIAL_KINDS and data.amount and paid_for is not None:
        past = similar_past_remedies(
            category=case.category,
            subcategory=case.subcategory,
            injustice=paid_for,
            text=finding_text(finding) or data.action,
            exclude_case_id=case.pk,
        )
        consistency = check_amount(data.amount, [match.amount for match in past])
        missing_reason = reason_problem(consistency, data.outside_reason)
        if missing_reason:
            problems["outside_reason"] = missing_reason
    return Assessment(problems, finding, figure, suggested, consistency)


def _suggested(
    case: Case,
    version: GuidanceVersion | None,
    data: ActionInput,
    finding: Finding | None,
    problems: dict[str, str],
) -> tuple[GuidanceFigure | None, SuggestedRange | None]:
    if data.figure_id is None:
        return None, None
    options = {
        option.row.pk: option for option in figure_options(version, case, tuple(InjusticeKind))
    }
    option = options.get(data.figure_id)
    if option is None:
        problems["figure"] = "Choose a figure from the guidance the decision uses"
        return None, None
    periods = 1
    if option.figure.unit != Unit.ONE_OFF:
        if not data.periods:
            unit = "months" if option.figure.unit == Unit.PER_MONTH else "school terms"
            problems["periods"] = f"Enter how many {unit} the injustice lasted"
            return option.row, None
        periods = data.periods
    suggested = suggested_range(
        option.figure,
        periods=periods,
        aggravating=data.aggravating,
        mitigating=data.mitigating,
    )
    return option.row, suggested
