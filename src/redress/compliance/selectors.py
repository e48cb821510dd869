"""Reads for staff and organisations: every query starts from what the reader may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from redress.casework.models import Case, Document
from redress.domain.compliance import (
    FINAL_STATUSES,
    ComplianceFigures,
    ItemStatus,
    ReportStatus,
)
from redress.domain.stages import Stage
from redress.organisations.models import Organisation

from .models import ComplianceItem, ComplianceReview, EvidenceSubmission, PublicReport

if TYPE_CHECKING:
    from redress.accounts.models import User


def case_items(*, case: Case) -> list[ComplianceItem]:
    """The case's items with their evidence, verdicts and escalation (five queries)."""
    return list(
        ComplianceItem.objects.filter(case=case)
        .select_related("escalation", "escalation__manager")
        .prefetch_related(
            Prefetch(
                "submissions",
                queryset=EvidenceSubmission.objects.select_related("submitted_by").prefetch_related(
                    Prefetch("documents", queryset=Document.objects.order_by("id"))
                ),
            ),
            Prefetch("reviews", queryset=ComplianceReview.objects.select_related("officer")),
        )
        .order_by("number")
    )


def item_on_case(*, case: Case, pk: int) -> ComplianceItem:
    item = ComplianceItem.objects.filter(case=case, pk=pk).select_related("case").first()
    if item is None:
        raise Http404("No such action")
    return item


def case_reports(*, case: Case) -> list[PublicReport]:
    return list(PublicReport.objects.filter(case=case).prefetch_related("items"))


def report_on_case(*, case: Case, pk: int) -> PublicReport:
    report = PublicReport.objects.filter(case=case, pk=pk).select_related("case").first()
    if report is None:
        raise Http404("No such report")
    return report


def organisation_items(*, case: Case) -> list[ComplianceItem]:
    """What the organisation sees of its items: the actions, dates, status and what we
    asked for, with the evidence it sent; never our internal escalations."""
    return list(
        ComplianceItem.objects.filter(case=case)
        .prefetch_related(
            Prefetch(
                "submissions",
                queryset=EvidenceSubmission.objects.prefetch_related("documents"),
            ),
            Prefetch("reviews", queryset=ComplianceReview.objects.order_by("at", "id")),
        )
        .order_by("number")
    )


class QueueView:
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    EVIDENCE = "evidence"
    ESCALATED = "escalated"
    NOT_STARTED = "not_started"


QUEUE_LABELS = {
    QueueView.EVIDENCE: "Evidence to review",
    QueueView.OVERDUE: "Overdue",
    QueueView.DUE_SOON: "Due in the next 4 weeks",
    QueueView.ESCALATED: "Escalated",
    QueueView.NOT_STARTED: "Monitoring not started",
}
DUE_SOON_DAYS = 28


def compliance_queue(*, user: User, view: str, today: dt.date) -> QuerySet[ComplianceItem]:
    """The items of the cases `user` may see, for one view of the officer's queue."""
    visible = Case.objects.visible_to(user).values("pk")
    items = ComplianceItem.objects.filter(case__in=visible)
    if view == QueueView.EVIDENCE:
        items = items.filter(status=ItemStatus.EVIDENCE_RECEIVED).order_by(
            "evidence_received_at", "pk"
        )
    elif view == QueueView.OVERDUE:
        items = items.filter(
            Q(status=ItemStatus.OVERDUE) | Q(status=ItemStatus.DUE, due_on__lt=today)
        ).order_by("due_on", "pk")
    elif view == QueueView.NOT_STARTED:
        # Decisions issued by someone who may not move the case on to compliance.
        items = items.filter(case__stage=Stage.DECIDED).order_by("due_on", "pk")
    elif view == QueueView.ESCALATED:
        items = items.filter(escalated_at__isnull=False).exclude(
            status__in=[s.value for s in FINAL_STATUSES]
        )
        items = items.order_by("escalated_at", "pk")
    else:
        items = items.filter(
            status=ItemStatus.DUE,
            due_on__gte=today,
            due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
        ).order_by("due_on", "pk")
    return items.select_related("case", "case__organisation").only(
        "number",
        "action",
        "status",
        "due_on",
        "evidence_received_at",
        "escalated_at",
        "case__reference",
        "case__organisation__name",
    )


@dataclass(frozen=True)
class OrganisationFigures:
    organisation: Organisation
    figures: ComplianceFigures


def organisation_figures() -> list[OrganisationFigures]:
    """Compliance rate and late share for each organisation with any items (one query).

    Figures the scheme publishes, so they cover every case, not only the reader's."""
    rows = (
        ComplianceItem.objects.values("case__organisation")
        .annotate(
            items=Count("pk"),
            satisfied=Count("pk", filter=Q(status=ItemStatus.SATISFIED)),
            not_complied=Count("pk", filter=Q(status=ItemStatus.NOT_COMPLIED)),
            satisfied_late=Count(
                "pk", filter=Q(status=ItemStatus.SATISFIED, completed_on__gt=F("due_on"))
            ),
        )
        .order_by()
    )
    by_id = {row["case__organisation"]: row for row in rows}
    organisations = Organisation.objects.filter(pk__in=by_id).order_by("name")
    return [
        OrganisationFigures(
            organisation=organisation,
            figures=ComplianceFigures(
                items=by_id[organisation.pk]["items"],
                satisfied=by_id[organisation.pk]["satisfied"],
                not_complied=by_id[organisation.pk]["not_complied"],
                satisfied_late=by_id[organisation.pk]["satisfied_late"],
                open=by_id[organisation.pk]["items"]
                - by_id[organisation.pk]["satisfied"]
                - by_id[organisation.pk]["not_complied"],
            ),
        )
        for organisation in organisations
    ]


def reports_awaiting_response(*, user: User) -> QuerySet[PublicReport]:
    """Public reports sent to organisations that have not yet said what they will do,
    the response due soonest first."""
    visible = Case.objects.visible_to(user).values("pk")
    return (
        PublicReport.objects.filter(case__in=visible, status=ReportStatus.SENT)
        .select_related("case", "case__organisation")
        .only("sent_at", "response_due_on", "case__reference", "case__organisation__name")
        .order_by("response_due_on", "pk")
    )
